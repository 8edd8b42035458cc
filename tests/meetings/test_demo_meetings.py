"""The demo group's ten years of meetings: believable, complete, and the same for a seed."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import pairwise

import pytest

from grassroots.db.database import open_database
from grassroots.demo import make_demo
from grassroots.meetings.actions import overdue_count, tracked_actions
from grassroots.meetings.service import get_meeting, list_meetings

TODAY = date(2026, 11, 22)


@pytest.fixture
def demo(sessions):
    return make_demo(sessions, "small", seed=5, today=TODAY)


def _held(sessions):
    """Meetings already held, oldest first."""
    return sorted((m for m in list_meetings(sessions) if m.on < TODAY), key=lambda m: m.on)


def test_ten_years_of_committee_meetings_and_agms(sessions, demo):
    meetings = list_meetings(sessions)
    assert demo.meetings == len(meetings)
    kinds = Counter(m.kind for m in _held(sessions))
    assert kinds["agm"] == 10
    assert 45 <= kinds["committee"] <= 55  # every other month, less the AGM's month
    held = _held(sessions)
    assert held[0].on >= date(2016, 11, 22)
    gaps = [(b.on - a.on).days for a, b in pairwise(held)]
    assert max(gaps) <= 75  # never a month missed


def test_every_past_meeting_is_minuted_with_attendance_decisions_and_actions(sessions, demo):
    held = _held(sessions)
    apologies = actions = decisions = 0
    for summary in held:
        meeting = get_meeting(sessions, summary.id)
        assert len(meeting.with_status("present")) >= 3
        apologies += len(meeting.with_status("apologies"))
        assert meeting.chair_name and meeting.minute_taker_name
        assert all(item.notes for item in meeting.items), meeting.title
        assert meeting.notice_sent_on is not None and meeting.notice_sent_on < meeting.on
        actions += sum(len(item.actions) for item in meeting.items)
        decisions += sum(len(item.decisions) for item in meeting.items)
    assert 0 < apologies < 8 * len(held) / 2
    assert decisions > len(held) and actions > len(held)

    agm = get_meeting(sessions, next(m.id for m in reversed(held) if m.kind == "agm"))
    accounts = next(item for item in agm.items if item.kind == "accounts")
    assert accounts.decisions[0].motion.startswith("That the accounts for the year ended")
    assert len(agm.with_status("present")) > 8  # members come to the AGM too
    motions = [
        d.motion for m in held for item in get_meeting(sessions, m.id).items for d in item.decisions
    ]
    assert any("hall hire rate" in motion for motion in motions)


def test_minutes_are_approved_at_the_next_meeting_of_their_kind(sessions, demo):
    held = _held(sessions)
    assert held[-1].minutes_approved_on is None  # the latest minutes are still a draft
    for kind in ("committee", "agm"):
        of_kind = [m for m in held if m.kind == kind]
        assert of_kind[-1].minutes_approved_on is None
        for meeting, following in pairwise(of_kind):
            assert meeting.minutes_approved_on == following.on
    drafts = [m for m in held if m.minutes_approved_on is None]
    assert len(drafts) == 2


def test_the_next_meeting_is_planned_with_open_actions_carried_in(sessions, demo):
    (planned,) = list_meetings(sessions, upcoming_from=TODAY)
    assert planned.on > TODAY and planned.minutes_approved_on is None
    meeting = get_meeting(sessions, planned.id)
    assert {a.status for a in meeting.attendance} == {"invited"}
    arising = next(item for item in meeting.items if item.kind == "matters_arising")
    tracked = tracked_actions(sessions, TODAY)
    assert tracked, "some actions are still open"
    assert {a.id for a in arising.actions} == {a.id for a in tracked}


def test_most_actions_done_a_few_open_and_a_couple_overdue(sessions, demo):
    tracked = tracked_actions(sessions, TODAY)
    assert 1 <= len(tracked) <= 6
    assert 1 <= overdue_count(sessions, TODAY) <= 2
    assert all(a.owner_name and a.due_on for a in tracked)
    done = 0
    for summary in _held(sessions):
        for item in get_meeting(sessions, summary.id).items:
            done += sum(a.status == "done" for a in item.actions)
            assert all(a.done_on is None or a.done_on <= TODAY for a in item.actions)
    assert done > 10 * len(tracked)


def test_same_seed_same_meetings(database, tmp_path):
    make_demo(database.sessions, seed=9, today=TODAY, people=40)
    other = open_database(str(tmp_path / "other.db"), tmp_path / "backups")
    try:
        make_demo(other.sessions, seed=9, today=TODAY, people=40)
        first = [get_meeting(database.sessions, m.id) for m in list_meetings(database.sessions)]
        second = [get_meeting(other.sessions, m.id) for m in list_meetings(other.sessions)]
        assert tracked_actions(database.sessions, TODAY) == tracked_actions(other.sessions, TODAY)
    finally:
        other.close()
    assert len(first) > 50 and first == second


def test_a_tiny_group_has_no_meetings(sessions):
    made = make_demo(sessions, people=5, today=TODAY)
    assert made.meetings == 0 and list_meetings(sessions) == ()
