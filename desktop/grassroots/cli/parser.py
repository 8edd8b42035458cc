"""The `grassroots` command line: every command, its options and its help text.

`--db` may be given before or after the command name (`grassroots --db x.db members list` or
`grassroots members list --db x.db`): the top parser holds the default and each subparser
only sets it when given (argparse.SUPPRESS), so the two merge.
"""

from __future__ import annotations

import argparse

from grassroots import __version__
from grassroots.accounts.models import ACCOUNT_KINDS
from grassroots.demo import SIZES
from grassroots.members.models import PAYMENT_METHODS

STATUSES = ("current", "due", "lapsed", "ended", "all")
DOCUMENTS = ("register", "labels", "cards", "reminders")

_DB_HELP = "the database file (or server URL); default: GRASSROOTS_DB or the usual data folder"


def _add_db(parser: argparse.ArgumentParser, top: bool = False) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--db", metavar="DB", default=default, help=_DB_HELP)


def _command(subparsers, name: str, help_text: str, **kwargs) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(name, help=help_text, description=help_text, **kwargs)
    _add_db(parser)
    return parser


def _add_status(parser: argparse.ArgumentParser, default: str | None, what: str) -> None:
    parser.add_argument(
        "--status",
        choices=STATUSES,
        default=default,
        help=f"which members {what} (default: {default or 'all'})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grassroots",
        description="Records for small volunteer-run community groups. With no command, "
        "opens the Grassroots window.",
    )
    parser.add_argument("--version", action="version", version=f"Grassroots {__version__}")
    _add_db(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _group_commands(commands)
    _members_commands(commands)
    _print_command(commands)
    _accounts_commands(commands)
    _giftaid_commands(commands)
    _meetings_commands(commands)
    _bookings_commands(commands)
    return parser


def _group_commands(commands) -> None:
    init = _command(commands, "init", "Create a database and name the group.")
    init.add_argument("--name", required=True, help="the group's name")
    init.add_argument("--force", action="store_true", help="rename a group that is already set up")

    demo = _command(commands, "demo", "Fill an empty database with a made-up demo group.")
    demo.add_argument(
        "--size",
        choices=tuple(SIZES),
        default="small",
        help="small (about 150 people) or large (5,000 people, 4,000 members); default: small",
    )
    demo.add_argument("--seed", type=int, default=1, help="the same seed makes the same group")
    demo.add_argument("--people", type=_count, help="how many people, overriding --size")

    backup = _command(commands, "backup", "Take a copy of the database now.")
    backup.add_argument("--out", metavar="DIR", help="the folder for the copy; default: backups")


def _members_commands(commands) -> None:
    members = _command(commands, "members", "List, import, export and renew members.")
    actions = members.add_subparsers(dest="members_command", metavar="ACTION", required=True)

    listing = _command(actions, "list", "Show members as a table or as CSV.")
    _add_status(listing, "all", "to show")
    listing.add_argument("--format", choices=("table", "csv"), default="table")
    listing.add_argument("--search", metavar="TEXT", default="", help="name, email, postcode...")

    importing = _command(actions, "import", "Add people and members from a CSV or XLSX file.")
    importing.add_argument("file", metavar="FILE", help="the .csv or .xlsx file (only read)")
    importing.add_argument("--dry-run", action="store_true", help="check every row, save nothing")
    importing.add_argument(
        "--skip-duplicates", action="store_true", help="leave out people already on record"
    )
    importing.add_argument(
        "--default-type", metavar="NAME", help="membership type for rows that name none"
    )

    exporting = _command(actions, "export", "Write members to a CSV or XLSX file.")
    exporting.add_argument("file", metavar="FILE", help="the .csv or .xlsx file to write")
    _add_status(exporting, "all", "to export")

    renew = _command(actions, "renew", "Record a renewal payment for one member.")
    renew.add_argument("number", type=_count, metavar="NUMBER", help="the membership number")
    renew.add_argument("--amount", required=True, help="the amount paid, e.g. 10.00")
    renew.add_argument("--method", choices=PAYMENT_METHODS, default="cash")
    renew.add_argument("--date", metavar="DD/MM/YYYY", help="the day it was paid; default: today")
    renew.add_argument("--gift-aid", action="store_true", help="the payment carries Gift Aid")


def _print_command(commands) -> None:
    printing = _command(
        commands,
        "print",
        "Print the register, labels, cards or reminders, or a meeting's agenda or minutes.",
    )
    printing.add_argument(
        "document",
        choices=(*DOCUMENTS, "agenda", "minutes", "sign-in", "agm-pack", "booking-sheet"),
        help="what to print",
    )
    printing.add_argument(
        "meeting",
        nargs="?",
        type=_count,
        metavar="MEETING",
        help="agenda, minutes, sign-in, agm-pack: the meeting's id",
    )
    printing.add_argument("--out", metavar="FILE.pdf", required=True, help="the PDF to write")
    printing.add_argument(
        "--large-print", action="store_true", help="bigger type (register and reminders)"
    )
    printing.add_argument(
        "--start",
        type=_count,
        default=1,
        metavar="N",
        help="labels: the first free label on a part-used sheet (1 is top left)",
    )
    printing.add_argument(
        "--each-person",
        action="store_true",
        help="labels: one for each person, not one shared by a household at one address",
    )
    printing.add_argument(
        "--week",
        metavar="DD/MM/YYYY",
        help="booking-sheet: any day of the week to print (Monday to Sunday)",
    )
    _add_status(printing, None, "to include")


def _accounts_commands(commands) -> None:
    accounts = _command(
        commands, "accounts", "The treasurer's books: accounts, statements, balances."
    )
    actions = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)

    add = _command(actions, "add", "Add a bank, savings or cash account to the books.")
    add.add_argument("name", metavar="NAME", help="what the account is called, e.g. 'Current'")
    add.add_argument("--type", choices=ACCOUNT_KINDS, default="bank", help="default: bank")
    add.add_argument("--opening", metavar="AMOUNT", help="its balance when the books start")
    add.add_argument("--on", metavar="DD/MM/YYYY", help="the day the books start; default: today")
    add.add_argument(
        "--details", metavar="TEXT", help="sort code and account number, e.g. '30-96-34 12345678'"
    )

    importing = _command(actions, "import", "Import a bank statement (OFX or CSV) into an account.")
    importing.add_argument("file", metavar="FILE", help="the .ofx or .csv statement (only read)")
    importing.add_argument("--account", metavar="NAME", required=True, help="the account's name")
    importing.add_argument("--dry-run", action="store_true", help="check everything, save nothing")
    importing.add_argument(
        "--mapping", metavar="NAME", help="a CSV column mapping saved under NAME in the window"
    )

    balance = _command(actions, "balance", "Show each account's and each fund's balance.")
    balance.add_argument("--as-of", metavar="DD/MM/YYYY", help="at the end of; default: today")

    report = _command(
        actions,
        "report",
        "The year's receipts and payments accounts, as the Charity Commission's form.",
    )
    report.add_argument(
        "--year",
        metavar="YYYY",
        type=int,
        required=True,
        help="the financial year that starts in YYYY",
    )
    report.add_argument("--out", metavar="FILE.pdf", required=True, help="where to write the PDF")
    report.add_argument(
        "--csv", metavar="FILE.csv", help="also write the figures as CSV (or .xlsx)"
    )
    report.add_argument(
        "--layout",
        choices=("cc16", "oscr"),
        default="cc16",
        help="cc16: England and Wales (default); oscr: Scotland",
    )
    _pack_command(actions)


def _pack_command(actions) -> None:
    pack = _command(
        actions,
        "pack",
        "The examiner pack: accounts, cash book, reconciliations, funds and Gift Aid in a ZIP.",
    )
    pack.add_argument(
        "--year",
        metavar="YYYY",
        type=int,
        required=True,
        help="the financial year that starts in YYYY",
    )
    pack.add_argument("--out", metavar="FILE.zip", required=True, help="where to write the ZIP")
    pack.add_argument(
        "--layout",
        choices=("cc16", "oscr"),
        default="cc16",
        help="the accounts' layout: cc16, England and Wales (default); oscr, Scotland",
    )


def _giftaid_commands(commands) -> None:
    giftaid = _command(commands, "giftaid", "Gift Aid: HMRC's claim schedule from the books.")
    actions = giftaid.add_subparsers(dest="giftaid_command", metavar="ACTION", required=True)
    schedule = _command(
        actions,
        "schedule",
        "Make a Gift Aid claim: write HMRC's schedule (ODS) and mark the donations claimed.",
    )
    schedule.add_argument("--out", metavar="FILE.ods", help="where to write the schedule")
    schedule.add_argument("--up-to", metavar="DD/MM/YYYY", help="donations up to; default: today")
    schedule.add_argument(
        "--check", action="store_true", help="only say what could be claimed and what to fix"
    )
    form = _command(
        actions, "form", "Print a Gift Aid declaration form: filled in for a person, or blank."
    )
    form.add_argument("--out", metavar="FILE.pdf", required=True, help="where to write the PDF")
    form.add_argument("--person", type=int, metavar="ID", help="fill in this person's details")
    form.add_argument("--copies", type=_count, default=1, help="blank forms, one a page")


def _meetings_commands(commands) -> None:
    meetings = _command(commands, "meetings", "The group's meetings: committee, AGM and others.")
    actions = meetings.add_subparsers(dest="meetings_command", metavar="ACTION", required=True)
    listing = _command(
        actions, "list", "Show meetings newest first (the id first), with their minutes' state."
    )
    listing.add_argument(
        "--upcoming", action="store_true", help="only meetings from today on, soonest first"
    )
    listing.add_argument("--format", choices=("table", "csv"), default="table")

    tracker = _command(commands, "actions", "What meetings asked people to do, still open.")
    tracker_actions = tracker.add_subparsers(
        dest="actions_command", metavar="ACTION", required=True
    )
    open_actions = _command(tracker_actions, "list", "Show every open action, soonest due first.")
    open_actions.add_argument(
        "--overdue", action="store_true", help="only actions past their due date"
    )
    open_actions.add_argument("--format", choices=("table", "csv"), default="table")


def _bookings_commands(commands) -> None:
    bookings = _command(
        commands, "bookings", "Room bookings: rooms, the list of bookings, calendar files."
    )
    actions = bookings.add_subparsers(dest="bookings_command", metavar="ACTION", required=True)

    room = _command(actions, "add-room", "Add a room that can be booked (or change its size).")
    room.add_argument("room", metavar="ROOM", help="the room's name, e.g. 'Main hall'")
    room.add_argument("--venue", metavar="VENUE", help="where it is; default: the group's hall")
    room.add_argument("--capacity", type=_count, metavar="N", help="how many people it holds")

    listing = _command(
        actions, "list", "Show each date of each booking: by default, the next four weeks."
    )
    listing.add_argument("--from", dest="date_from", metavar="DD/MM/YYYY", help="default: today")
    listing.add_argument(
        "--to", dest="date_to", metavar="DD/MM/YYYY", help="default: four weeks after --from"
    )
    listing.add_argument("--room", metavar="ROOM", help="only this room's bookings")
    listing.add_argument("--format", choices=("table", "csv"), default="table")

    export = _command(
        actions, "export-ics", "Write bookings to an iCalendar (.ics) file for calendar apps."
    )
    export.add_argument("--out", metavar="FILE.ics", required=True, help="the file to write")
    export.add_argument("--room", metavar="ROOM", help="only this room's bookings")
    export.add_argument("--hirer", metavar="NAME", help="only this hirer's bookings")

    importing = _command(
        actions, "import-ics", "Add or update bookings from a hirer's iCalendar (.ics) file."
    )
    importing.add_argument("file", metavar="FILE", help="the .ics file (only read)")
    importing.add_argument(
        "--room", metavar="ROOM", help="book every event in this room (else each event's location)"
    )


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' cannot be negative")
    return value
