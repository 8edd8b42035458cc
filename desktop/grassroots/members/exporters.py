"""Saving the people and members list as a spreadsheet (CSV or XLSX) for the committee.

The columns carry the headers the importer recognises, so an exported file can be edited and
read back. A CSV is UTF-8 with a byte-order mark, because without it Excel shows '£' as 'Â£';
an XLSX has real date cells, a bold header row that stays put, and columns wide enough to read.
The file is written beside the target and moved into place, so a failure leaves no half file.
An ended membership keeps its end date and reason, so it reads back as ended, not lapsed; a
CSV cell that a spreadsheet would run as a formula starts with an apostrophe.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.batches import chunks
from grassroots.core.dates import format_date
from grassroots.core.errors import GrassrootsError
from grassroots.core.money import Money
from grassroots.members.columns import FIELD_LABELS, IMPORT_FIELDS, guard_formula
from grassroots.members.models import Membership, MembershipType, Subscription
from grassroots.members.records import MemberQuery
from grassroots.members.register import all_members
from grassroots.people.models import Person
from grassroots.people.records import PersonInput

Value = str | int | date | Money | bool | None

EXPORT_FIELDS: tuple[str, ...] = tuple(key for key, _ in IMPORT_FIELDS if key != "name")
# The person's fields that have a column: everything a form holds but its source and household.
_PERSON_FIELDS = tuple(f.name for f in fields(PersonInput) if f.name in FIELD_LABELS)


class ExportFailed(GrassrootsError):
    """The spreadsheet could not be saved; the message names the file and what to do."""


def export_members(
    sessions: sessionmaker[Session], path: Path, spec: MemberQuery | None = None
) -> int:
    """Save everyone matching `spec` (everyone, by default) in the list's order to `path`.

    The suffix chooses the format: .xlsx, otherwise CSV. Returns the number of rows saved.
    """
    path = Path(path)
    rows = member_table(sessions, spec or MemberQuery())
    partial = path.with_name(f".{path.name}.partial")
    try:
        if path.suffix.lower() == ".xlsx":
            _write_xlsx(partial, rows)
        else:
            _write_csv(partial, rows)
        os.replace(partial, path)
    except PermissionError:
        partial.unlink(missing_ok=True)
        raise ExportFailed(
            f"Cannot save {path.name}: it may be open in another program; close it and try again"
        ) from None
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExportFailed(f"Cannot save {path.name}: {exc.strerror or exc}") from None
    return len(rows)


def member_table(sessions: sessionmaker[Session], spec: MemberQuery) -> list[dict[str, Value]]:
    """One dict per person (field key -> value), in the order and filter the list uses."""
    ids = [row.person_id for row in all_members(sessions, spec)]
    found: dict[int, dict[str, Value]] = {}
    with sessions() as session:
        for batch in chunks(ids):
            found.update(_load(session, batch))
    return [found[i] for i in ids if i in found]


def _load(session: Session, ids: Sequence[int]) -> dict[int, dict[str, Value]]:
    people = select(
        Person,
        Membership.number,
        MembershipType.name,
        Membership.joined_on,
        Membership.expires_on,
        Membership.ended_on,
        Membership.ended_reason,
        Membership.id,
    )
    people = (
        people.outerjoin(Membership, Membership.person_id == Person.id)
        .outerjoin(MembershipType, MembershipType.id == Membership.type_id)
        .where(Person.id.in_(ids))
    )
    rows: dict[int, dict[str, Value]] = {}
    membership_of: dict[int, int] = {}
    for values in session.execute(people):
        person, number, type_name, joined, expires, ended, reason, membership_id = values
        row: dict[str, Value] = {name: getattr(person, name) for name in _PERSON_FIELDS}
        row.update(
            number=number,
            membership_type=type_name or "",
            joined_on=joined,
            expires_on=expires,
            ended_on=ended,
            ended_reason=reason or "",
            amount=None,
            paid_on=None,
            method="",
        )
        rows[person.id] = row
        if membership_id is not None:
            membership_of[membership_id] = person.id
    for payment in _latest_payments(session, list(membership_of)):
        row = rows[membership_of[payment.membership_id]]
        row.update(
            amount=Money(payment.amount_pence), paid_on=payment.paid_on, method=payment.method
        )
    return rows


def _latest_payments(session: Session, membership_ids: list[int]) -> Iterable[Subscription]:
    """Each membership's most recent payment: what a treasurer looks for in the list."""
    latest: dict[int, Subscription] = {}
    query = select(Subscription).where(Subscription.membership_id.in_(membership_ids))
    for payment in session.scalars(query.order_by(Subscription.paid_on, Subscription.id)):
        latest[payment.membership_id] = payment
    return latest.values()


# ---------------------------------------------------------------- writing files


def _headers() -> list[str]:
    return [FIELD_LABELS[key] for key in EXPORT_FIELDS]


def _as_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Money):
        return value.plain()
    return str(value)


def _write_csv(path: Path, rows: list[dict[str, Value]]) -> None:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (an XLSX
    needs none: its cells say they hold text)."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(_headers())
        for row in rows:
            writer.writerow([guard_formula(_as_text(row[key])) for key in EXPORT_FIELDS])


def _write_xlsx(path: Path, rows: list[dict[str, Value]]) -> None:
    from openpyxl import Workbook  # imported here: it is slow to load and rarely needed
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Members")
    sheet.freeze_panes = "A2"
    for index, width in enumerate(_widths(rows), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header = []
    for text in _headers():
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, WriteOnlyCell, row[key]) for key in EXPORT_FIELDS])
    book.save(path)


def _xlsx_cell(sheet, make_cell, value: Value):
    """A real date or number where the value is one; text that looks like a formula stays text."""
    if isinstance(value, Money):
        cell = make_cell(sheet, value=value.decimal())
        cell.number_format = "0.00"
    elif isinstance(value, date):
        cell = make_cell(sheet, value=value)
        cell.number_format = "DD/MM/YYYY"
    elif isinstance(value, bool) or value is None:
        cell = make_cell(sheet, value=_as_text(value) or None)
    else:
        cell = make_cell(sheet, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
    return cell


def _widths(rows: list[dict[str, Value]], sample: int = 500) -> list[float]:
    """Wide enough for the header and the longest of the first rows, within reason."""
    widths = []
    for key, header in zip(EXPORT_FIELDS, _headers(), strict=True):
        longest = max([len(header), *(len(_as_text(r[key])) for r in rows[:sample])])
        widths.append(min(max(longest + 2, 8), 45))
    return widths
