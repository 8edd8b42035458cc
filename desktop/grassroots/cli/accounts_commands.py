"""`grassroots accounts add | import | balance`: the treasurer's books from the command line.

`import --mapping NAME` reads a CSV with the column mapping saved under NAME in the import
window, for a bank whose headings are not recognised.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from grassroots.accounts.books import account_balances, account_named, add_account, fund_balances
from grassroots.accounts.records import Balance
from grassroots.accounts.statement_mappings import mapping_named
from grassroots.accounts.statements import StatementImportReport, import_statement
from grassroots.cli.output import problem, table
from grassroots.core.dates import format_date, parse_date
from grassroots.core.money import Money
from grassroots.db.database import Database
from grassroots.group.service import get_settings


def add(args: argparse.Namespace, database: Database) -> int:
    try:
        opening = Money.parse(args.opening) if args.opening else Money(0)
    except ValueError as exc:
        return problem(f"Opening: {exc}")
    try:
        opening_on = parse_date(args.on) if args.on else date.today()
    except ValueError as exc:
        return problem(f"On: {exc}")
    account = add_account(
        database.sessions, args.name, args.type, opening, opening_on, args.details or ""
    )
    print(
        f"Added the {account.kind} account {account.name}, starting at "
        f"{account.opening.format()} on {format_date(account.opening_on)}."
    )
    return 0


def import_file(args: argparse.Namespace, database: Database) -> int:
    account = account_named(database.sessions, args.account)
    mapping = None
    if args.mapping:
        mapping = mapping_named(database.sessions, args.mapping).mapping
    report = import_statement(
        database.sessions, Path(args.file), account.id, mapping, dry_run=args.dry_run
    )
    if report.errors:
        return problem(*report.errors, f"Nothing was imported from {args.file}.")
    for line in summary(report, args.file, account.name):
        print(line)
    return 0


def summary(report: StatementImportReport, file: str, account: str) -> list[str]:
    """What the import did, in words: the counts, then whether the closing balance agrees."""
    lines = [
        f"{'Checked' if report.dry_run else 'Imported'} {file} into {account}: "
        f"{_count(report.new_lines, 'new line')}, {_count(report.duplicates, 'duplicate')} "
        f"(already imported), {report.matched:,} matched to entries already in the book, "
        f"{_count(report.created, 'new entry', 'new entries')}"
        + (f" ({report.suggested:,} with a suggested category)" if report.suggested else "")
        + "."
    ]
    if report.closing_balance_agrees is None:
        lines.append("The statement gives no closing balance to check against.")
    else:
        on = format_date(report.closing_on)
        verdict = "agrees with" if report.closing_balance_agrees else "does NOT agree with"
        lines.append(
            f"The statement's closing balance on {on}, {report.statement_closing.format()}, "
            f"{verdict} the book's {report.our_balance.format()}."
        )
    if report.dry_run:
        lines.append("Nothing was saved (dry run).")
    return lines


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


def balance(args: argparse.Namespace, database: Database) -> int:
    try:
        as_of = parse_date(args.as_of) if args.as_of else date.today()
    except ValueError as exc:
        return problem(f"As of: {exc}")
    print(f"Balances at the end of {format_date(as_of)}")
    for heading, rows in (
        ("Account", account_balances(database.sessions, as_of)),
        ("Fund", fund_balances(database.sessions, as_of)),
    ):
        print()
        for line in _balance_table(heading, rows):
            print(line)
    return 0


def _balance_table(heading: str, rows: list[Balance]) -> list[str]:
    total = Money(sum(row.amount.pence for row in rows))
    cells = [[row.name, row.amount.format()] for row in rows] + [["Total", total.format()]]
    return table((heading, "Balance"), cells, right={1})


def report(args: argparse.Namespace, database: Database) -> int:
    """The year's accounts as PDF (and CSV or XLSX): the financial year starting in --year."""
    from grassroots.accounts.documents import export_annual_accounts, print_annual_accounts

    settings = get_settings(database.sessions)
    try:
        starts = date(args.year, settings.fy_start_month, settings.fy_start_day)
    except ValueError:
        return problem(f"Year: {args.year} is not a year")
    out = print_annual_accounts(database.sessions, Path(args.out), starts, args.layout)
    print(f"Wrote the accounts for the year from {format_date(starts)} to {out}.")
    if args.csv:
        figures = export_annual_accounts(database.sessions, Path(args.csv), starts, args.layout)
        print(f"Wrote the same figures to {figures}.")
    return 0


def pack(args: argparse.Namespace, database: Database) -> int:
    """The examiner pack for the financial year starting in --year, as one ZIP file."""
    from grassroots.accounts.examiner_pack import make_examiner_pack

    settings = get_settings(database.sessions)
    try:
        starts = date(args.year, settings.fy_start_month, settings.fy_start_day)
    except ValueError:
        return problem(f"Year: {args.year} is not a year")
    made = make_examiner_pack(
        database.sessions, Path(args.out), starts, args.layout, schedule_folders=(Path.cwd(),)
    )
    print(
        f"Wrote the examiner pack for the year from {format_date(starts)} to {made.path} "
        f"({len(made.files)} files)."
    )
    for warning in made.warnings:
        print(f"Note: {warning}")
    return 0
