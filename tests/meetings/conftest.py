"""People on the committee of Ashby Village Hall, and a way to plan a meeting quickly."""

from __future__ import annotations

from datetime import date, time

import pytest

from grassroots.meetings import service
from grassroots.meetings.records import MeetingInput
from grassroots.people import service as people
from grassroots.people.records import PersonInput

COMMITTEE = (("Ann", "Smith"), ("Bob", "Jones"), ("Cath", "Patel"), ("Dev", "Khan"), ("Eve", "Lee"))


@pytest.fixture
def committee(sessions) -> dict[str, int]:
    """First name -> person id for the five committee members."""
    return {
        first: people.add_person(sessions, PersonInput(first_name=first, last_name=last)).id
        for first, last in COMMITTEE
    }


@pytest.fixture
def plan(sessions, committee):
    """Plan a meeting of `kind` on `on`, inviting the whole committee unless told otherwise."""

    def make(kind: str = "committee", on: date = date(2026, 3, 10), invite=None, **fields):
        data = MeetingInput(kind=kind, on=on, starts_at=time(19, 30), venue="Small hall", **fields)
        guests = tuple(committee.values()) if invite is None else invite
        return service.plan_meeting(sessions, data, invite=guests)

    return make
