"""Meetings and open actions through the command line, against a database set up by `init`."""

from __future__ import annotations

import csv
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from grassroots.db.database import open_database
from grassroots.meetings.actions import add_action, complete_action
from grassroots.meetings.attendance import mark_attendance
from grassroots.meetings.minutes import approve_minutes
from grassroots.meetings.records import ActionInput, MeetingInput
from grassroots.meetings.service import plan_meeting
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person

TODAY = date.today()


def _item(meeting, kind: str) -> int:
    return next(item.id for item in meeting.items if item.kind == kind)


@pytest.fixture
def minuted(group_db: Path, tmp_path: Path) -> dict[str, int]:
    """Last month's committee meeting (approved), this week's (draft), next month's AGM, and
    three actions: one overdue, one due later, one done."""
    database = open_database(str(group_db), tmp_path / "backups")
    try:
        sessions = database.sessions
        ann = add_person(sessions, PersonInput(first_name="Ann", last_name="Smith")).id
        bob = add_person(sessions, PersonInput(first_name="Bob", last_name="Jones")).id

        def plan(kind: str, days: int, **fields):
            data = MeetingInput(
                kind=kind, on=TODAY + timedelta(days=days), starts_at=time(19, 30), **fields
            )
            return plan_meeting(sessions, data, invite=(ann, bob))

        earlier = plan("committee", -40, venue="Small hall")
        recent = plan("committee", -5, venue="Small hall, Ashby")
        agm = plan("agm", 30, title="AGM 2026", venue="Main hall")
        mark_attendance(sessions, earlier.id, ann, "present")
        approve_minutes(sessions, earlier.id, TODAY - timedelta(days=5), "Ann Smith")
        overdue = add_action(
            sessions,
            _item(recent, "aob"),
            ActionInput("Get quotes for the roof", ann, TODAY - timedelta(days=2)),
        )
        later = add_action(
            sessions,
            _item(recent, "reports"),
            ActionInput("=Book the PAT testing", bob, TODAY + timedelta(days=20)),
        )
        done = add_action(sessions, _item(recent, "aob"), ActionInput("Order chairs", bob))
        complete_action(sessions, done.id, TODAY)
    finally:
        database.close()
    return {
        "earlier": earlier.id,
        "recent": recent.id,
        "agm": agm.id,
        "overdue": overdue.id,
        "later": later.id,
    }


def _d(days: int) -> str:
    return (TODAY + timedelta(days=days)).strftime("%d/%m/%Y")


def test_meetings_list_shows_every_meeting_newest_first(cli, group_db, minuted):
    result = cli("meetings", "list", "--db", group_db)
    assert result.code == 0 and result.err == ""
    header, rule, *rows, total = result.out.splitlines()
    assert header.split() == ["ID", "Date", "Kind", "Title", "Venue", "Minutes"]
    assert set(rule) == {"-", " "}
    assert total == "3 meetings"
    assert [row.split()[0] for row in rows] == [
        str(minuted["agm"]),
        str(minuted["recent"]),
        str(minuted["earlier"]),
    ]
    assert rows[0].split()[1] == _d(30)
    assert "Annual general meeting" in rows[0] and "AGM 2026" in rows[0]
    assert rows[1].endswith("draft") and "Small hall, Ashby" in rows[1]
    assert rows[2].endswith(f"approved {_d(-5)}")


def test_upcoming_meetings_only_from_today(cli, group_db, minuted):
    result = cli("--db", group_db, "meetings", "list", "--upcoming")
    assert result.code == 0
    _header, _rule, *rows, total = result.out.splitlines()
    assert total == "1 upcoming meeting"
    assert len(rows) == 1 and rows[0].split()[0] == str(minuted["agm"])


def test_meetings_as_csv(cli, group_db, minuted):
    result = cli("meetings", "list", "--format", "csv", "--db", group_db)
    assert result.code == 0
    rows = list(csv.DictReader(result.out.splitlines()))
    assert list(rows[0]) == ["ID", "Date", "Kind", "Title", "Venue", "Minutes"]
    assert rows[1] == {
        "ID": str(minuted["recent"]),
        "Date": _d(-5),
        "Kind": "Committee meeting",
        "Title": "Committee meeting",
        "Venue": "Small hall, Ashby",
        "Minutes": "draft",
    }
    assert rows[2]["Minutes"] == f"approved {_d(-5)}"


def test_actions_list_shows_open_actions_soonest_due_first(cli, group_db, minuted):
    result = cli("actions", "list", "--db", group_db)
    assert result.code == 0
    header, _rule, *rows, total = result.out.splitlines()
    assert header.split() == ["ID", "Action", "Owner", "Due", "Status", "Meeting"]
    assert total == "2 open actions"
    first, second = rows
    assert first.split()[0] == str(minuted["overdue"])
    assert "Get quotes for the roof" in first and "Ann Smith" in first
    assert _d(-2) in first and " overdue " in first
    assert second.split()[0] == str(minuted["later"])
    assert "Bob Jones" in second and _d(20) in second and " open " in second
    assert f"Committee meeting, {_d(-5)} (#{minuted['recent']})" in second
    assert "Order chairs" not in result.out


def test_overdue_actions_as_csv_guard_formulas(cli, group_db, minuted):
    overdue = cli("actions", "list", "--overdue", "--db", group_db)
    assert overdue.code == 0
    assert overdue.out.splitlines()[-1] == "1 overdue action"
    assert "Get quotes for the roof" in overdue.out and "PAT testing" not in overdue.out

    rows = list(csv.DictReader(cli("actions", "list", "--format", "csv", "--db", group_db).out
                               .splitlines()))  # fmt: skip
    assert [row["ID"] for row in rows] == [str(minuted["overdue"]), str(minuted["later"])]
    assert rows[0]["Status"] == "overdue" and rows[0]["Due"] == _d(-2)
    assert rows[1]["Action"] == "'=Book the PAT testing"


def test_empty_lists_say_so(cli, group_db):
    assert cli("meetings", "list", "--db", group_db).out.splitlines()[-1] == "0 meetings"
    assert cli("actions", "list", "--overdue", "--db", group_db).out.splitlines()[-1] == (
        "0 overdue actions"
    )


@pytest.mark.parametrize(
    "args",
    [["meetings", "list", "--format", "pdf"], ["meetings"], ["actions"], ["actions", "chase"]],
)
def test_a_wrong_command_is_a_usage_error(cli, group_db, args):
    result = cli(*args, "--db", group_db)
    assert result.code == 2
    assert "usage:" in result.err


def test_the_demo_group_has_meetings_and_actions(cli, tmp_path):
    db = tmp_path / "demo.db"
    assert cli("demo", "--db", db, "--people", "40").code == 0
    meetings = cli("meetings", "list", "--db", db).out.splitlines()
    assert int(meetings[-1].split()[0]) >= 55
    upcoming = cli("meetings", "list", "--upcoming", "--db", db).out.splitlines()
    assert upcoming[-1] == "1 upcoming meeting" and upcoming[2].endswith("draft")
    actions = cli("actions", "list", "--db", db).out.splitlines()
    assert actions[-1].endswith("open actions")
