"""Room bookings through the command line, against a database set up by `init`."""

from __future__ import annotations

import csv
import io
from datetime import date, time, timedelta
from pathlib import Path

from icalendar import Calendar

from grassroots.bookings.records import BookingInput
from grassroots.bookings.service import add_booking
from grassroots.bookings.venues import list_rooms
from grassroots.core.recurrence import Repeat
from grassroots.db.database import open_database

SAMPLE = Path(__file__).parents[2] / "resources" / "sample" / "hirer-schedule.ics"


def _with_database(path: Path, tmp_path: Path, job):
    database = open_database(str(path), tmp_path / "backups")
    try:
        return job(database.sessions)
    finally:
        database.close()


def test_rooms_are_added_and_bookings_listed(cli, group_db, tmp_path):
    added = cli("bookings", "add-room", "Main hall", "--capacity", "120", "--db", group_db)
    assert added.code == 0, added.err
    assert added.out.startswith("Room: Main hall at ")
    assert "holds 120" in added.out
    upstairs = cli("bookings", "add-room", "Upstairs", "--venue", "St Helen's", "--db", group_db)
    assert upstairs.code == 0 and "at St Helen's" in upstairs.out

    soon = date.today() + timedelta(days=2)

    def book(sessions):
        rooms = {r.name: r.id for r in list_rooms(sessions)}
        add_booking(
            sessions,
            BookingInput(
                rooms["Main hall"], soon, time(19), time(21), "Pilates",
                repeat=Repeat("weekly", times=10),
            ),
        )  # fmt: skip
        add_booking(sessions, BookingInput(rooms["Upstairs"], soon, time(10), time(12), "Choir"))

    _with_database(group_db, tmp_path, book)
    listing = cli("bookings", "list", "--db", group_db)
    assert listing.code == 0, listing.err
    lines = listing.out.splitlines()
    assert lines[0].split() == ["Date", "Day", "From", "To", "Room", "Title", "Hirer", "Status"]
    # The next four weeks: the choir once, and five Tuesdays of Pilates at most.
    rows = [line for line in lines[2:-1]]
    assert sum("Pilates" in row for row in rows) in (4, 5)
    choir = next(row for row in rows if "Choir" in row)
    assert choir.startswith(soon.strftime("%d/%m/%Y")) and "10:00  12:00" in choir
    assert "Upstairs" in choir and "Confirmed" in choir
    assert lines[-1].endswith(f"to {(date.today() + timedelta(weeks=4)):%d/%m/%Y}")

    only = cli("bookings", "list", "--room", "upstairs", "--format", "csv",
               "--from", soon.strftime("%d/%m/%Y"), "--to", soon.strftime("%d/%m/%Y"),
               "--db", group_db)  # fmt: skip
    assert only.code == 0, only.err
    table = list(csv.reader(io.StringIO(only.out)))
    assert [row[5] for row in table[1:]] == ["Choir"]


def test_bad_input_is_named_and_exits_1(cli, group_db, tmp_path):
    unknown = cli("bookings", "list", "--room", "Ballroom", "--db", group_db)
    assert unknown.code == 1
    assert unknown.err_lines == [
        'There is no room called Ballroom; add it with: grassroots bookings add-room "Ballroom"'
    ]
    wrong = cli("bookings", "list", "--from", "31/02/2026", "--db", group_db)
    assert wrong.code == 1 and wrong.err_lines[0].startswith("--from: ")
    backwards = cli("bookings", "list", "--from", "10/03/2026", "--to", "01/03/2026",
                    "--db", group_db)  # fmt: skip
    assert backwards.code == 1 and "before --from" in backwards.err
    missing = cli("bookings", "import-ics", tmp_path / "nothing.ics", "--db", group_db)
    assert missing.code == 1 and "there is no such file" in missing.err
    no_hirer = cli("bookings", "export-ics", "--out", tmp_path / "x.ics", "--hirer", "Nobody",
                   "--db", group_db)  # fmt: skip
    assert no_hirer.code == 1 and no_hirer.err_lines == ["There is no hirer called Nobody"]
    not_ics = cli("bookings", "export-ics", "--out", tmp_path / "x.txt", "--db", group_db)
    assert not_ics.code == 1 and "must end in .ics" in not_ics.err


def test_a_hirers_schedule_imports_and_exports(cli, group_db, tmp_path):
    assert cli("bookings", "add-room", "Main hall", "--db", group_db).code == 0
    first = cli("bookings", "import-ics", SAMPLE, "--db", group_db)
    assert first.code == 0, first.err
    assert first.out.startswith("2 added, 0 updated, 0 unchanged from ")
    again = cli("bookings", "import-ics", SAMPLE, "--db", group_db)
    assert again.out.startswith("0 added, 0 updated, 2 unchanged")

    out = tmp_path / "pilates.ics"
    exported = cli("bookings", "export-ics", "--out", out, "--hirer", "ashby pilates",
                   "--db", group_db)  # fmt: skip
    assert exported.code == 0, exported.err
    assert exported.out == f"Wrote 2 bookings to {out}.\n"
    calendar = Calendar.from_ical(out.read_bytes())
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert uids == {
        "autumn-2026-tuesday@ashbypilates.example",
        "workshop-2026-11-21@ashbypilates.example",
    }
    listing = cli("bookings", "list", "--from", "01/09/2026", "--to", "30/09/2026",
                  "--db", group_db)  # fmt: skip
    assert listing.out.count("Pilates for beginners") == 4
    assert "Ashby Pilates" in listing.out


def test_import_reports_clashes_and_what_it_could_not_keep(cli, group_db, tmp_path):
    assert cli("bookings", "add-room", "Main hall", "--db", group_db).code == 0

    def book(sessions):
        room = list_rooms(sessions)[0].id
        add_booking(
            sessions, BookingInput(room, date(2026, 9, 15), time(18), time(20), "Parish council")
        )

    _with_database(group_db, tmp_path, book)
    text = SAMPLE.read_bytes().replace(b"LOCATION:Main hall\r\nORGANIZER", b"ORGANIZER", 1)
    changed = tmp_path / "no-room.ics"
    changed.write_bytes(text.replace(b"SUMMARY:Pilates for beginners", b"SUMMARY:Stretch", 1))
    result = cli("bookings", "import-ics", changed, "--db", group_db)
    assert result.code == 0, result.err
    assert "Not imported:" in result.out
    assert "Stretch (08/09/2026): it names no room" in result.out
    with_room = cli("bookings", "import-ics", changed, "--room", "Main hall", "--db", group_db)
    assert with_room.out.startswith("1 added, 0 updated, 1 unchanged")
    assert "Clashes, kept as provisional for you to sort out:" in with_room.out
    assert "Stretch (08/09/2026) clashes with" in with_room.out
    assert "Parish council" in with_room.out


def test_a_file_that_is_not_icalendar_is_refused(cli, group_db, tmp_path):
    bad = tmp_path / "members.ics"
    bad.write_text("Name,Email\nAnn,ann@example.org\n")
    result = cli("bookings", "import-ics", bad, "--db", group_db)
    assert result.code == 1
    assert result.err_lines == [
        f"{bad} is not an iCalendar (.ics) file: it should start with BEGIN:VCALENDAR"
    ]


def test_the_booking_sheet_is_printed_for_a_week(cli, group_db, tmp_path):
    assert cli("bookings", "add-room", "Main hall", "--db", group_db).code == 0
    assert cli("bookings", "import-ics", SAMPLE, "--db", group_db).code == 0
    out = tmp_path / "sheet.pdf"
    result = cli("print", "booking-sheet", "--week", "17/09/2026", "--out", out, "--db", group_db)
    assert result.code == 0, result.err
    assert result.out == f"Wrote the booking sheet for the week of 14/09/2026 to {out}.\n"
    assert out.read_bytes().startswith(b"%PDF")
    no_week = cli("print", "booking-sheet", "--out", out, "--db", group_db)
    assert no_week.code == 1 and "Say which week" in no_week.err
    bad_week = cli("print", "booking-sheet", "--week", "someday", "--out", out, "--db", group_db)
    assert bad_week.code == 1 and bad_week.err.startswith("--week: ")
