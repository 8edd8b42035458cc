"""`grassroots print register | labels | cards | reminders`; `print agenda | minutes | sign-in
MEETING` (a meeting's notice and agenda, its minutes, or its attendance sign-in sheet);
`print booking-sheet --week DATE` (the hall's bookings for a week)."""

from __future__ import annotations

import argparse
from pathlib import Path

from grassroots.cli.member_commands import query_for
from grassroots.cli.output import problem
from grassroots.db.database import Database

WHAT = {
    "register": "the register of members",
    "labels": "address labels",
    "cards": "membership cards",
    "reminders": "renewal reminders",
}
# Only letters and lists have a large-print layout; labels and cards are fixed-size stationery.
LARGE_PRINT = {"register", "reminders"}
MEETING_PAPERS = {
    "agenda": "the notice and agenda",
    "minutes": "the minutes",
    "sign-in": "the attendance sign-in sheet",
    "agm-pack": "the AGM pack",
}


def print_document(args: argparse.Namespace, database: Database) -> int:
    from grassroots.members import documents

    out = Path(args.out)
    word = args.document == "minutes" and out.suffix.lower() == ".docx"
    if out.suffix.lower() != ".pdf" and not word:
        return problem(
            f"{args.out}: the file to write must end in .pdf"
            + (" (or .docx for the minutes)" if args.document == "minutes" else "")
        )
    if args.document in MEETING_PAPERS:
        return print_meeting_paper(args, database, out)
    if args.document == "booking-sheet":
        return print_booking_sheet(args, database, out)
    if getattr(args, "week", None):
        return problem(f"--week is for the booking sheet, not {args.document}.")
    if getattr(args, "meeting", None) is not None:
        return problem(
            "A meeting is given only for the agenda, minutes, sign-in sheet or AGM pack, "
            f"not {args.document}."
        )
    if args.large_print and args.document not in LARGE_PRINT:
        return problem(f"Large print is for the register and reminders, not {args.document}.")
    if args.each_person and args.document != "labels":
        return problem(f"--each-person is for labels, not {args.document}.")
    options: dict[str, object] = {"spec": query_for(args.status) if args.status else None}
    if args.document in LARGE_PRINT:
        options["large_print"] = args.large_print
    if args.document == "labels":
        options["start_position"] = args.start
        options["one_per_household"] = not args.each_person
    printer = getattr(documents, f"print_{args.document}")
    count = printer(database.sessions, out, **options)
    noun = {"labels": "label", "cards": "card", "reminders": "letter"}.get(args.document, "member")
    print(f"Wrote {WHAT[args.document]} ({count:,} {noun}{'s' if count != 1 else ''}) to {out}.")
    return 0


def print_meeting_paper(args: argparse.Namespace, database: Database, out: Path) -> int:
    """`print agenda MEETING` or `print minutes MEETING`: one meeting's paper, by its id (the
    first column of `meetings list`)."""
    from grassroots.core.errors import NotFound
    from grassroots.meetings import documents
    from grassroots.meetings.service import get_meeting

    if args.meeting is None:
        return problem(
            f"Say which meeting: grassroots print {args.document} MEETING --out FILE.pdf "
            "(the meeting's id, from `grassroots meetings list`)."
        )
    try:
        meeting = get_meeting(database.sessions, args.meeting)
    except NotFound:
        return problem(
            f"There is no meeting {args.meeting}; `grassroots meetings list` shows each "
            "meeting's id."
        )
    if args.document == "agm-pack" and meeting.kind not in ("agm", "egm"):
        return problem(
            f"The AGM pack is for a general meeting; meeting {meeting.id} is a "
            f"{meeting.kind_label.lower()}."
        )
    printer = getattr(documents, f"print_{args.document.replace('-', '_')}")
    printer(database.sessions, meeting.id, out)
    draft = (
        " (draft: not yet approved)" if args.document == "minutes" and not meeting.locked else ""
    )
    print(f"Wrote {MEETING_PAPERS[args.document]}{draft} of the {meeting.title}, ", end="")
    print(f"{meeting.on:%d/%m/%Y}, to {out}.")
    return 0


def print_booking_sheet(args: argparse.Namespace, database: Database, out: Path) -> int:
    """`print booking-sheet --week DATE`: the week's bookings, Monday to Sunday, for the
    hall's noticeboard or the caretaker."""
    from datetime import timedelta

    from grassroots.bookings.documents import write_booking_sheet
    from grassroots.core.dates import parse_date

    if not getattr(args, "week", None):
        return problem(
            "Say which week: grassroots print booking-sheet --week DD/MM/YYYY --out FILE.pdf"
        )
    try:
        day = parse_date(args.week)
    except ValueError as why:
        return problem(f"--week: {why}")
    monday = day - timedelta(days=day.weekday())
    write_booking_sheet(database.sessions, monday, out)
    print(f"Wrote the booking sheet for the week of {monday:%d/%m/%Y} to {out}.")
    return 0
