"""Approved minutes are locked: the one place that says so, and how a refusal reads.

A meeting's minutes, once signed as a true record, are the group's legal record. Every change
to a meeting, its attendance, its agenda, notes, decisions or actions goes through
`refuse_if_locked`; the only way to correct signed minutes is a recorded amendment.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from grassroots.core.dates import format_date
from grassroots.core.errors import GrassrootsError, NotFound
from grassroots.meetings.models import AgendaItem, Meeting


class MinutesLocked(GrassrootsError):
    """A change to minutes already approved as a true record."""


def refuse_if_locked(meeting: Meeting, what: str = "change this meeting") -> None:
    _refuse(meeting.title, meeting.minutes_approved_on, what)


def _refuse(title: str, approved_on: date | None, what: str) -> None:
    if approved_on is not None:
        raise MinutesLocked(
            f"The minutes of {title} were approved on {format_date(approved_on)}, so you "
            f"cannot {what} now. Record an amendment to the minutes instead."
        )


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound("That meeting no longer exists.")
    return meeting


def load_item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound("That agenda item no longer exists.")
    return item


def open_meeting(session: Session, meeting_id: int, what: str) -> Meeting:
    meeting = load_meeting(session, meeting_id)
    refuse_if_locked(meeting, what)
    return meeting


def open_item(session: Session, item_id: int, what: str) -> AgendaItem:
    item = load_item(session, item_id)
    refuse_if_locked(item.meeting, what)
    return item


def refuse_if_item_locked(session: Session, item_id: int, what: str) -> None:
    """The lock check for one item in one small query, without loading the meeting: the
    autosave of notes runs it on every pause in typing, so it must stay cheap."""
    row = session.execute(
        select(Meeting.title, Meeting.minutes_approved_on)
        .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
        .where(AgendaItem.id == item_id)
    ).one_or_none()
    if row is None:
        raise NotFound("That agenda item no longer exists.")
    _refuse(row.title, row.minutes_approved_on, what)
