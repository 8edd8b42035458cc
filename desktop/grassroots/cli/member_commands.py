"""`grassroots members list | import | export | renew`."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

from grassroots.cli.output import field_problems, problem, table
from grassroots.core.dates import format_date, parse_date
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.db.database import Database
from grassroots.members.columns import guard_formula
from grassroots.members.records import MemberQuery, MemberRow, MemberStatus, PaymentInput
from grassroots.members.register import all_members
from grassroots.members.service import list_types, membership_by_number, renew

LIST_HEADERS = ("No.", "Name", "Type", "Status", "Expires", "Postcode")
CSV_HEADERS = (
    "Number", "Title", "First name", "Last name", "Type", "Status", "Joined", "Expires",
    "Postcode", "Email", "Phone",
)  # fmt: skip


def query_for(status: str | None, text: str = "") -> MemberQuery:
    """--status as a query: a status, or every member ('all')."""
    if status in (None, "all"):
        return MemberQuery(text=text, members_only=True)
    return MemberQuery(text=text, status=MemberStatus(status), members_only=True)


def list_members(args: argparse.Namespace, database: Database) -> int:
    rows = all_members(database.sessions, query_for(args.status, args.search))
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_HEADERS)
        writer.writerows(_csv_cells(row) for row in rows)
        return 0
    cells = [_table_cells(row) for row in rows]
    for line in table(LIST_HEADERS, cells, right={0}):
        print(line)
    print(f"{len(rows):,} member{'s' if len(rows) != 1 else ''}")
    return 0


def _expires(row: MemberRow) -> str:
    return format_date(row.expires_on) if row.expires_on else "never"


def _table_cells(row: MemberRow) -> list[str]:
    number = str(row.number) if row.number is not None else ""
    return [number, row.name, row.type_name, row.status.label, _expires(row), row.postcode]


def _csv_cells(row: MemberRow) -> list[str]:
    """A row for a spreadsheet: text a spreadsheet would run as a formula is guarded."""
    cells = [
        str(row.number or ""), row.title, row.first_name, row.last_name, row.type_name,
        row.status.label, format_date(row.joined_on), _expires(row), row.postcode, row.email,
        row.phone,
    ]  # fmt: skip
    return [guard_formula(cell) for cell in cells]


def import_file(args: argparse.Namespace, database: Database) -> int:
    from grassroots.members.importers import import_members

    type_id = None
    if args.default_type:
        type_id = _type_id(database, args.default_type)
        if type_id is None:
            names = ", ".join(t.name for t in list_types(database.sessions, True))
            return problem(f"There is no membership type called '{args.default_type}' ({names}).")
    report = import_members(
        database.sessions,
        Path(args.file),
        dry_run=args.dry_run,
        default_type_id=type_id,
        skip_duplicates=args.skip_duplicates,
    )
    if report.errors:
        lines = [str(error) for error in report.errors]
        return problem(*lines, f"Nothing was imported from {args.file}: fix the rows above.")
    print(_import_summary(report, args.file))
    return 0


def _type_id(database: Database, name: str) -> int | None:
    wanted = name.strip().lower()
    types = list_types(database.sessions, include_inactive=True)
    return next((t.id for t in types if t.name.lower() == wanted), None)


def _import_summary(report, file: str) -> str:
    people = f"{report.created_people:,} {'person' if report.created_people == 1 else 'people'}"
    members = f"{report.created_members:,} member{'s' if report.created_members != 1 else ''}"
    skipped = []
    if report.skipped_duplicates:
        skipped.append(f"{_rows(report.skipped_duplicates)} already on record")
    if report.skipped_blank:
        skipped.append(f"{_rows(report.skipped_blank, 'blank ')}")
    tail = f"; skipped {' and '.join(skipped)}" if skipped else ""
    if report.dry_run:
        return f"Checked {file}: {people} ({members}) would be added{tail}. Nothing was saved."
    return f"Imported {people} ({members}) from {file}{tail}."


def _rows(count: int, kind: str = "") -> str:
    return f"{count:,} {kind}row{'s' if count != 1 else ''}"


def export_file(args: argparse.Namespace, database: Database) -> int:
    from grassroots.members.exporters import export_members

    count = export_members(database.sessions, Path(args.file), query_for(args.status))
    print(f"Exported {count:,} member{'s' if count != 1 else ''} to {args.file}.")
    return 0


def renew_member(args: argparse.Namespace, database: Database) -> int:
    try:
        amount = Money.parse(args.amount)
    except ValueError as exc:
        return problem(f"Amount: {exc}")
    try:
        paid_on = parse_date(args.date) if args.date else date.today()
    except ValueError as exc:
        return problem(f"Date: {exc}")
    found = membership_by_number(database.sessions, args.number)
    if found is None:
        return problem(f"There is no member number {args.number}.")
    payment = PaymentInput(paid_on, amount, args.method, gift_aid=args.gift_aid)
    try:
        detail = renew(database.sessions, found.id, payment)
    except ValidationError as exc:
        return problem(*field_problems(exc))
    until = format_date(detail.expires_on) if detail.expires_on else "for life"
    print(
        f"Renewed member {detail.number}, {detail.person_name}: {amount.format()} "
        f"by {payment.method}, paid up to {until}."
    )
    return 0
