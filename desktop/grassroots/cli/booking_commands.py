"""`grassroots bookings add-room | list | export-ics | import-ics`: the booking secretary's
commands for scripts, and for setting up a hall without opening the window.

Rooms and hirers are named as people say them ('Main hall', 'Ashby Pilates'); dates are
dd/mm/yyyy as everywhere in Grassroots.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from grassroots.bookings.hirers import list_hirers
from grassroots.bookings.ical import export_ics, import_ics
from grassroots.bookings.occurrences import Window
from grassroots.bookings.records import STATUS_LABELS, Occurrence, RoomRow
from grassroots.bookings.service import list_occurrences
from grassroots.bookings.venues import room_named
from grassroots.cli.output import problem, table
from grassroots.core.clock import format_time
from grassroots.core.dates import format_date, parse_date
from grassroots.core.errors import NotFound
from grassroots.db.database import Database
from grassroots.members.columns import guard_formula

HEADERS = ("Date", "Day", "From", "To", "Room", "Title", "Hirer", "Status")
DEFAULT_WEEKS = 4


class BadInput(Exception):
    """Something typed on the command line that cannot be used; the message says what."""


def add_room(args: argparse.Namespace, database: Database) -> int:
    """Add a room (at the group's own hall unless --venue names another), or set its size."""
    room = room_named(
        database.sessions, args.room, venue=args.venue, capacity=args.capacity, create=True
    )
    size = f", holds {room.capacity}" if room.capacity else ""
    print(f"Room: {room.name} at {room.venue}{size} (room {room.id}).")
    return 0


def list_bookings(args: argparse.Namespace, database: Database) -> int:
    """One line per date a room is booked, in date and time order."""
    try:
        lo = _date(args.date_from, "--from") if args.date_from else date.today()
        hi = _date(args.date_to, "--to") if args.date_to else lo + timedelta(weeks=DEFAULT_WEEKS)
        if hi < lo:
            raise BadInput(f"--to ({format_date(hi)}) is before --from ({format_date(lo)})")
        room = _room(database, args.room) if args.room else None
    except BadInput as why:
        return problem(str(why))
    window = Window(lo, hi, rooms=(room.id,) if room else None)
    rows = [_cells(o) for o in list_occurrences(database.sessions, window)]
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(HEADERS)
        writer.writerows([guard_formula(cell) for cell in row] for row in rows)
        return 0
    for line in table(HEADERS, rows, right=set()):
        print(line)
    plural = "" if len(rows) == 1 else "s"
    print(f"{len(rows):,} booking{plural} from {format_date(lo)} to {format_date(hi)}")
    return 0


def _cells(occurrence: Occurrence) -> list[str]:
    title = occurrence.title if occurrence.booking_id else f"{occurrence.title} (meeting)"
    return [
        format_date(occurrence.on),
        f"{occurrence.on:%a}",
        format_time(occurrence.starts_at),
        format_time(occurrence.ends_at),
        occurrence.room,
        title,
        occurrence.hirer,
        STATUS_LABELS.get(occurrence.status, occurrence.status),
    ]


def export_calendar(args: argparse.Namespace, database: Database) -> int:
    """Write an .ics file; every booking, or one room's, or one hirer's."""
    out = Path(args.out)
    if out.suffix.lower() != ".ics":
        return problem(f"{args.out}: the file to write must end in .ics")
    try:
        room = _room(database, args.room) if args.room else None
        hirer_id = _hirer(database, args.hirer) if args.hirer else None
    except BadInput as why:
        return problem(str(why))
    count = export_ics(database.sessions, out, room.id if room else None, hirer_id)
    print(f"Wrote {count:,} booking{'' if count == 1 else 's'} to {out}.")
    return 0


def import_calendar(args: argparse.Namespace, database: Database) -> int:
    """Read a hirer's .ics file: what was added, updated or left alone, each clash (kept as
    provisional) and each event that could not be kept, with why."""
    path = Path(args.file)
    if not path.is_file():
        return problem(f"{args.file}: there is no such file")
    try:
        room = _room(database, args.room) if args.room else None
    except BadInput as why:
        return problem(str(why))
    report = import_ics(database.sessions, path, room.id if room else None)
    print(
        f"{report.added:,} added, {report.updated:,} updated, {report.unchanged:,} unchanged "
        f"from {path}."
    )
    if report.clashes:
        print("Clashes, kept as provisional for you to sort out:")
        for line in report.clashes:
            print(f"  {line}")
    if report.skipped:
        print("Not imported:")
        for what, why in report.skipped:
            print(f"  {what}: {why}")
    return 0


def _date(text: str, option: str) -> date:
    try:
        return parse_date(text)
    except ValueError as why:
        raise BadInput(f"{option}: {why}") from None


def _room(database: Database, name: str) -> RoomRow:
    try:
        return room_named(database.sessions, name)
    except NotFound:
        raise BadInput(
            f'There is no room called {name}; add it with: grassroots bookings add-room "{name}"'
        ) from None


def _hirer(database: Database, name: str) -> int:
    found = [h for h in list_hirers(database.sessions, name) if h.name.lower() == name.lower()]
    if not found:
        found = list_hirers(database.sessions, name)
    if not found:
        raise BadInput(f"There is no hirer called {name}")
    if len(found) > 1:
        raise BadInput(f"{len(found)} hirers' names contain {name}: give the full name")
    return found[0].id


COMMANDS: dict[str, Callable[[argparse.Namespace, Database], int]] = {
    "bookings add-room": add_room,
    "bookings list": list_bookings,
    "bookings export-ics": export_calendar,
    "bookings import-ics": import_calendar,
}
