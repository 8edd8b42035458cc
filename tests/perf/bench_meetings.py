"""A long meeting: 40 agenda items, each with a paragraph of notes, a decision and an action,
and twelve people on the attendance list.

- opening it (`get_meeting`, what the minutes page does when the secretary picks it);
- printing its minutes (reading it again, judging the quorum and writing the PDF);
- printing its notice and agenda.

The meeting is built through the services in a fresh database each run (a few seconds).

    python -m pytest tests/perf/bench_meetings.py -s
    python tests/perf/bench_meetings.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from grassroots.db.database import open_database
from grassroots.group.service import set_up_group
from grassroots.meetings import actions, agenda, attendance, minutes, service
from grassroots.meetings.documents import print_agenda, print_minutes
from grassroots.meetings.records import ActionInput, DecisionInput, MeetingInput
from grassroots.people import service as people
from grassroots.people.records import PersonInput
from tests.perf.support import best_of, report

ITEMS = 40
OPEN_TARGET_MS = 100.0
MINUTES_TARGET_MS = 500.0
NOTES = (
    "The committee discussed the matter at some length. The secretary summarised the "
    "correspondence received since the last meeting, and members raised questions about the "
    "cost, the timetable and who would be responsible for seeing it through.\n\n"
    "It was agreed that the proposal should go ahead subject to the points below."
)


def long_meeting(sessions) -> int:
    """A committee meeting of `ITEMS` items, fully minuted; returns its id."""
    ids = [
        people.add_person(sessions, PersonInput(first_name=f"Person{n}", last_name="Smith")).id
        for n in range(12)
    ]
    meeting = service.plan_meeting(
        sessions,
        MeetingInput(
            kind="committee",
            on=date(2026, 4, 14),
            starts_at=time(19, 0),
            ends_at=time(22, 0),
            venue="Main hall",
            chair_id=ids[0],
            minute_taker_id=ids[1],
        ),
        invite=tuple(ids),
    )
    for n, person_id in enumerate(ids):
        status = "present" if n < 9 else "apologies"
        attendance.mark_attendance(sessions, meeting.id, person_id, status)
    have = len(meeting.items)
    for n in range(ITEMS - have):
        agenda.add_item(sessions, meeting.id, f"Project {n + 1}: progress and next steps")
    items = service.get_meeting(sessions, meeting.id).items
    for n, item in enumerate(items):
        agenda.set_item_details(sessions, item.id, ids[n % 12], 5, "Report; Budget")
        minutes.save_notes(sessions, item.id, NOTES)
        minutes.add_decision(
            sessions,
            item.id,
            DecisionInput(
                f"To approve the recommendation in item {n + 1}.",
                proposer_id=ids[n % 12],
                seconder_id=ids[(n + 1) % 12],
                votes_for=6,
                votes_against=2,
                votes_abstain=1,
                carried=n % 5 != 0,
            ),
        )
        actions.add_action(
            sessions,
            item.id,
            ActionInput(f"Follow up item {n + 1}", ids[n % 12], date(2026, 5, 1) + timedelta(n)),
        )
    return meeting.id


def measure() -> tuple[float, float, float, float]:
    """(opening, printing the minutes, printing the agenda, opening and printing), best of
    five, in milliseconds."""
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(str(Path(folder) / "meetings.db"), Path(folder) / "backups")
        try:
            set_up_group(database.sessions, "Ashby Village Hall", charity_number="1234567")
            meeting_id = long_meeting(database.sessions)
            sessions = database.sessions
            opening = best_of(5, lambda: service.get_meeting(sessions, meeting_id))
            out = Path(folder) / "minutes.pdf"
            printing = best_of(5, lambda: print_minutes(sessions, meeting_id, out))
            paper = Path(folder) / "agenda.pdf"
            agenda_s = best_of(5, lambda: print_agenda(sessions, meeting_id, paper))
            both = best_of(
                5,
                lambda: (
                    service.get_meeting(sessions, meeting_id),
                    print_minutes(sessions, meeting_id, out),
                ),
            )
        finally:
            database.close()
    return opening * 1000, printing * 1000, agenda_s * 1000, both * 1000


def _check() -> bool:
    opening, printing, agenda_ms, both = measure()
    met = [
        report(f"opening a meeting of {ITEMS} items (get_meeting)", opening, OPEN_TARGET_MS, "ms"),
        report(f"printing its minutes ({ITEMS} items)", printing, MINUTES_TARGET_MS, "ms"),
        report("opening it and printing its minutes", both, MINUTES_TARGET_MS, "ms"),
        report("printing its notice and agenda", agenda_ms, MINUTES_TARGET_MS, "ms"),
    ]
    return all(met)


def test_long_meeting():
    assert _check()


if __name__ == "__main__":
    sys.exit(0 if _check() else 1)
