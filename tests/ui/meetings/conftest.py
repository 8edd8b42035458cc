"""Meetings UI fixtures: the committee of Ashby Village Hall on a real database, a meeting
planned for them, and the Meetings page showing it."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from grassroots.meetings import service
from grassroots.meetings.records import MeetingInput
from grassroots.people import service as people
from grassroots.people.records import PersonInput
from tests.ui.conftest import settle

COMMITTEE = (("Ann", "Smith"), ("Bob", "Jones"), ("Cath", "Patel"), ("Dev", "Khan"), ("Eve", "Lee"))


@pytest.fixture
def committee(sessions) -> dict[str, int]:
    """First name -> person id for the five committee members."""
    return {
        first: people.add_person(
            sessions, PersonInput(first_name=first, last_name=last, postcode="LE65 1AB")
        ).id
        for first, last in COMMITTEE
    }


@pytest.fixture
def plan(sessions, committee):
    """Plan a meeting of `kind` on `on` (a fortnight ahead unless told), inviting the whole
    committee unless told otherwise; returns the MeetingDetail."""

    def make(kind: str = "committee", on: date | None = None, invite=None, **fields):
        data = MeetingInput(
            kind=kind,
            on=on or date.today() + timedelta(days=14),
            starts_at=time(19, 30),
            venue="Small hall",
            **fields,
        )
        guests = tuple(committee.values()) if invite is None else invite
        return service.plan_meeting(sessions, data, invite=guests)

    return make


@pytest.fixture
def mctx(ctx):
    yield ctx
    settle(ctx.tasks)


@pytest.fixture
def open_meeting(mctx, qtbot):
    """Show a meeting's page as the secretary would reach it; returns the MeetingPage once
    the meeting has loaded."""
    from grassroots.ui.meetings.meetings_page import MeetingsPage

    pages = []

    def show(meeting_id: int):
        page = MeetingsPage(mctx)
        qtbot.addWidget(page)
        page.resize(1100, 760)
        page.show()
        pages.append(page)
        meeting = page.open_meeting(meeting_id)
        qtbot.waitUntil(lambda: meeting.view is not None, timeout=5000)
        return meeting

    yield show
    settle(mctx.tasks)


def wait_reload(qtbot, meeting_page) -> None:
    """Wait until every write and reload the last action started has finished and been shown
    (not merely for the next `loaded`, which may already have come and gone)."""
    settle(meeting_page.ctx.tasks)
    assert not meeting_page.ctx.tasks.busy
