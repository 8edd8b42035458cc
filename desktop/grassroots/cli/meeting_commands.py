"""`grassroots meetings list` and `grassroots actions list`: the secretary's two lists.

The meeting's id comes first in both, because it is what `grassroots print agenda MEETING` and
`grassroots print minutes MEETING` take; dates are dd/mm/yyyy as everywhere in Grassroots.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from datetime import date

from grassroots.cli.output import table
from grassroots.core.dates import format_date
from grassroots.db.database import Database
from grassroots.meetings.actions import tracked_actions
from grassroots.meetings.records import MeetingSummary, TrackedAction
from grassroots.meetings.service import list_meetings
from grassroots.members.columns import guard_formula

MEETING_HEADERS = ("ID", "Date", "Kind", "Title", "Venue", "Minutes")
ACTION_HEADERS = ("ID", "Action", "Owner", "Due", "Status", "Meeting")


def list_meetings_command(args: argparse.Namespace, database: Database) -> int:
    """Every meeting newest first, or with --upcoming those from today on, soonest first."""
    upcoming_from = date.today() if args.upcoming else None
    rows = [_meeting_cells(m) for m in list_meetings(database.sessions, upcoming_from)]
    what = "upcoming meeting" if args.upcoming else "meeting"
    return _show(args.format, MEETING_HEADERS, rows, what)


def list_actions_command(args: argparse.Namespace, database: Database) -> int:
    """Every action still open across all meetings, soonest due first; --overdue: only those
    past their due date (what the secretary chases before the next meeting)."""
    found = tracked_actions(database.sessions, date.today(), overdue_only=args.overdue)
    rows = [_action_cells(a) for a in found]
    what = "overdue action" if args.overdue else "open action"
    return _show(args.format, ACTION_HEADERS, rows, what)


def _minutes_state(meeting: MeetingSummary) -> str:
    if meeting.minutes_approved_on is None:
        return "draft"
    return f"approved {format_date(meeting.minutes_approved_on)}"


def _meeting_cells(meeting: MeetingSummary) -> list[str]:
    return [
        str(meeting.id),
        format_date(meeting.on),
        meeting.kind_label,
        meeting.title,
        meeting.venue,
        _minutes_state(meeting),
    ]


def _action_cells(action: TrackedAction) -> list[str]:
    due = format_date(action.due_on) if action.due_on else ""
    status = "overdue" if action.overdue else action.status
    meeting = f"{action.meeting_title}, {format_date(action.meeting_on)} (#{action.meeting_id})"
    return [str(action.id), action.what, action.owner_name, due, status, meeting]


def _show(fmt: str, headers: Sequence[str], rows: list[list[str]], what: str) -> int:
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows([guard_formula(cell) for cell in row] for row in rows)
        return 0
    for line in table(headers, rows, right={0}):
        print(line)
    print(f"{len(rows):,} {what}{'s' if len(rows) != 1 else ''}")
    return 0
