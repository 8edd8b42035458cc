"""The dates bookings fall on in a window of days, for calendars, sheets, lists and clash
checks, with meetings held in booked rooms among them.

One query finds the bookings whose span touches the window (an index on room, first and last
date), one finds their skipped dates, and each series is walked only across the window.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from grassroots.bookings.models import Booking, Hirer, Room, SkippedDate, Venue
from grassroots.bookings.records import Occurrence
from grassroots.core.recurrence import Repeat, dates_between
from grassroots.meetings.models import Meeting
from grassroots.people.models import Person
from grassroots.people.records import full_name

# A meeting planned without times is taken to use its room for a usual evening meeting.
MEETING_STARTS = time(19, 0)
MEETING_HOURS = 2


@dataclass(frozen=True)
class Window:
    """Which occurrences to find: the days, and optionally rooms, a hirer, statuses, text."""

    lo: date
    hi: date
    rooms: tuple[int, ...] | None = None
    hirer_id: int | None = None
    statuses: tuple[str, ...] = ("provisional", "confirmed")
    text: str = ""
    meetings: bool = True
    ignore_booking: int | None = None
    ignore_meeting: int | None = None


def _label(room_name: str, venue_name: str, own: bool) -> str:
    return room_name if own else f"{room_name}, {venue_name}"


def find_occurrences(session: Session, window: Window) -> list[Occurrence]:
    """Every occurrence in the window, by date, start time and room."""
    found = _bookings(session, window)
    if window.meetings and window.hirer_id is None and "confirmed" in window.statuses:
        found.extend(_meetings(session, window))
    text = window.text.strip().lower()
    if text:
        found = [o for o in found if text in f"{o.title} {o.hirer} {o.room}".lower()]
    found.sort(key=lambda o: (o.on, o.starts_at, o.room, o.title))
    return found


def _bookings(session: Session, window: Window) -> list[Occurrence]:
    contact = aliased(Person)
    query = (
        select(
            Booking.id,
            Booking.first_on,
            Booking.starts_at,
            Booking.ends_at,
            Booking.repeat,
            Booking.until,
            Booking.times,
            Booking.nth,
            Booking.title,
            Booking.status,
            Booking.hirer_id,
            Booking.room_id,
            Booking.setup_minutes,
            Booking.cleardown_minutes,
            Room.name,
            Room.setup_minutes,
            Room.cleardown_minutes,
            Venue.name,
            Venue.own,
            Hirer.organisation,
            contact.first_name,
            contact.last_name,
        )
        .join(Room, Booking.room_id == Room.id)
        .join(Venue, Room.venue_id == Venue.id)
        .outerjoin(Hirer, Booking.hirer_id == Hirer.id)
        .outerjoin(contact, Hirer.person_id == contact.id)
        .where(
            Booking.first_on <= window.hi,
            Booking.last_on >= window.lo,
            Booking.status.in_(window.statuses),
        )
    )
    if window.rooms is not None:
        query = query.where(Booking.room_id.in_(window.rooms))
    if window.hirer_id is not None:
        query = query.where(Booking.hirer_id == window.hirer_id)
    if window.ignore_booking is not None:
        query = query.where(Booking.id != window.ignore_booking)
    rows = session.execute(query).all()
    skipped = _skipped(session, [r[0] for r in rows if r[4] != "none"], window)
    found = []
    for row in rows:
        (bid, first, starts, ends, every, until, times, nth, title, status, hirer_id, room_id,
         setup, clear, room, room_setup, room_clear, venue, own, organisation, first_name,
         last_name) = row  # fmt: skip
        hirer = organisation or full_name("", first_name or "", last_name or "")
        repeat = Repeat(every, until, times, nth)
        for on in dates_between(first, repeat, window.lo, window.hi, skipped.get(bid, ())):
            found.append(
                Occurrence(
                    booking_id=bid,
                    meeting_id=None,
                    on=on,
                    starts_at=starts,
                    ends_at=ends,
                    room_id=room_id,
                    room=_label(room, venue, own),
                    title=title,
                    hirer_id=hirer_id,
                    hirer=hirer,
                    status=status,
                    repeats=repeat.repeats,
                    setup_minutes=room_setup if setup is None else setup,
                    cleardown_minutes=room_clear if clear is None else clear,
                )
            )
    return found


def _skipped(session: Session, ids: list[int], window: Window) -> dict[int, list[date]]:
    skipped: dict[int, list[date]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(SkippedDate.booking_id, SkippedDate.on).where(
                SkippedDate.booking_id.in_(ids[start : start + 500]),
                SkippedDate.on.between(window.lo, window.hi),
            )
        )
        for booking_id, on in rows:
            skipped[booking_id].append(on)
    return skipped


def meeting_times(starts_at: time | None, ends_at: time | None) -> tuple[time, time]:
    """The hours a meeting holds its room: its own times, or a usual evening meeting's."""
    start = starts_at or MEETING_STARTS
    if ends_at is not None and ends_at > start:
        return start, ends_at
    end = datetime.combine(date.min, start) + timedelta(hours=MEETING_HOURS)
    return start, end.time() if end.date() == date.min else time(23, 59)


def _meetings(session: Session, window: Window) -> list[Occurrence]:
    query = (
        select(
            Meeting.id,
            Meeting.on,
            Meeting.starts_at,
            Meeting.ends_at,
            Meeting.title,
            Meeting.room_id,
            Room.name,
            Room.setup_minutes,
            Room.cleardown_minutes,
            Venue.name,
            Venue.own,
        )
        .join(Room, Meeting.room_id == Room.id)
        .join(Venue, Room.venue_id == Venue.id)
        .where(and_(Meeting.on >= window.lo, Meeting.on <= window.hi))
    )
    if window.rooms is not None:
        query = query.where(Meeting.room_id.in_(window.rooms))
    if window.ignore_meeting is not None:
        query = query.where(Meeting.id != window.ignore_meeting)
    found = []
    for mid, on, starts, ends, title, room_id, room, setup, clear, venue, own in session.execute(
        query
    ):
        start, end = meeting_times(starts, ends)
        found.append(
            Occurrence(
                booking_id=None,
                meeting_id=mid,
                on=on,
                starts_at=start,
                ends_at=end,
                room_id=room_id,
                room=_label(room, venue, own),
                title=title,
                hirer_id=None,
                hirer="",
                status="confirmed",
                repeats=False,
                setup_minutes=setup,
                cleardown_minutes=clear,
            )
        )
    return found


def by_date(occurrences: Iterable[Occurrence]) -> dict[date, list[Occurrence]]:
    grouped: dict[date, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        grouped[occurrence.on].append(occurrence)
    return grouped
