"""Importing people and members from a CSV or XLSX file the group already keeps.

Every row is checked before anything is written, and every problem is reported with the row
number and column header the user sees, so they can fix their own file and try again. The
import lands whole, in one transaction, or not at all; the user's file is only ever read.

Checking and writing are batched (one query for possible duplicates, one for membership
numbers in use, bulk inserts) so that a 10,000-row register imports in about a second. This
module runs the stages; import_rows reads one row, import_checks compares rows with each other
and with the records, and import_writer writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.batches import garbage_collection_paused
from grassroots.core.errors import Cancelled, ValidationError
from grassroots.group.service import get_settings
from grassroots.members.columns import FIELD_LABELS, IMPORT_FIELDS, guess_mapping
from grassroots.members.import_checks import check_numbers, drop_duplicates, number_members
from grassroots.members.import_rows import RowError, RowReader, cell_text, load_types
from grassroots.members.import_writer import write_plans
from grassroots.members.sheets import Sheet, read_sheet

__all__ = [
    "IMPORT_FIELDS",
    "ImportReport",
    "RowError",
    "guess_mapping",
    "import_members",
    "preview_rows",
    "read_sheet",
]

_NO_NAMES = "No column holds people's names: choose which column is the Surname or Name"


@dataclass(frozen=True)
class ImportReport:
    """What an import did, or for a dry run what it would do; with errors nothing was written
    and the created counts are 0."""

    created_people: int = 0
    created_members: int = 0
    skipped_blank: int = 0
    skipped_duplicates: int = 0
    errors: tuple[RowError, ...] = ()
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


# ---------------------------------------------------------------- the public entry points


def preview_rows(sheet: Sheet, mapping: dict[str, int], limit: int = 20) -> list[dict[str, str]]:
    """The first rows as field key -> text, for the mapping dialog to show what will be read."""
    preview = []
    for _number, values in sheet.rows:
        if not any(cell_text(v) for v in values):
            continue
        preview.append(
            {field: cell_text(values[i]) for field, i in mapping.items() if i < len(values)}
        )
        if len(preview) >= limit:
            break
    return preview


def import_members(
    sessions: sessionmaker[Session],
    path: Path,
    mapping: dict[str, int] | None = None,
    dry_run: bool = False,
    default_type_id: int | None = None,
    skip_duplicates: bool = False,
    today: date | None = None,
    sheet: str | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImportReport:
    """Check every row of `path` and, if all are good and this is not a dry run, add them all.

    Raises UnreadableFile for a file that is not a spreadsheet, and ValidationError for a
    mapping or default type that does not fit; problems in rows come back in the report.
    `should_stop` is asked between stages; if it says stop, everything is rolled back and
    Cancelled is raised.
    """

    def check_stop() -> None:
        if should_stop is not None and should_stop():
            raise Cancelled("The import was cancelled; nothing was imported.")

    today = today or date.today()
    with garbage_collection_paused():
        data = read_sheet(Path(path), sheet)
    mapping = guess_mapping(data.headers) if mapping is None else dict(mapping)
    _check_mapping(mapping, data.headers)
    settings = get_settings(sessions)
    with garbage_collection_paused(), sessions.begin() as session:
        types = load_types(session)
        if default_type_id is not None and default_type_id not in {t.id for t in types}:
            raise ValidationError({"type": "Choose a membership type for rows that give none"})
        reader = RowReader(data.headers, mapping, types, default_type_id, settings, today)
        if not reader.names_mapped:
            return ImportReport(errors=(RowError(data.header_row, "", _NO_NAMES),), dry_run=dry_run)
        plans, errors, blank = reader.read_all(data.rows)
        check_stop()
        plans, dup_errors, skipped = drop_duplicates(session, plans, reader, skip_duplicates)
        errors += dup_errors
        errors += check_numbers(session, plans, reader)
        errors.sort(key=lambda e: e.row)
        if errors or dry_run:
            members = sum(p.type_id is not None for p in plans) if not errors else 0
            return ImportReport(
                created_people=len(plans) if not errors else 0,
                created_members=members,
                skipped_blank=blank,
                skipped_duplicates=skipped,
                errors=tuple(errors),
                dry_run=dry_run,
            )
        check_stop()
        plans = number_members(session, plans)
        members = write_plans(
            session, plans, types, f"Imported from {Path(path).name}"[:200], today
        )
        check_stop()
    return ImportReport(len(plans), members, blank, skipped, (), dry_run)


def _check_mapping(mapping: dict[str, int], headers: Sequence[str]) -> None:
    problems = {}
    for field, index in mapping.items():
        if field not in FIELD_LABELS:
            problems[field] = "Grassroots has no field of that name"
        elif not 0 <= index < len(headers):
            problems[field] = f"The file has no column {index + 1}"
    if problems:
        raise ValidationError(problems)
