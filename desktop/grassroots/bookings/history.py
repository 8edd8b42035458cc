"""A hirer's booking history: one line per booking, a repeating series summed up as one line
with its count of dates, so a booking secretary sees at a glance what a hirer has had and
has coming without scrolling through thirty Tuesdays."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.bookings.models import Booking
from grassroots.bookings.occurrences import Window, find_occurrences
from grassroots.bookings.records import Occurrence
from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.core.recurrence import ORDINALS, nth_of

# How far back the history reaches, and how far ahead: a year ahead is as far as anyone
# plans a hall's use, and a series longer than that is summed up to the year's end.
YEARS_BACK = 25
DAYS_AHEAD = 366
ALL_STATUSES = ("provisional", "confirmed", "cancelled")


@dataclass(frozen=True)
class BookingSummary:
    """One booking of a hirer: `line` says when and where, `dates` how many dates it has in
    the history's reach (skipped dates left out)."""

    booking_id: int
    title: str
    room: str
    status: str
    first_on: date
    last_on: date
    dates: int
    repeats: bool
    line: str
    upcoming: bool


def _when(first: Occurrence, every: str, nth: int | None) -> str:
    """'Every Tuesday', 'Every other Tuesday', 'The 2nd Tuesday of each month'."""
    weekday = calendar.day_name[first.on.weekday()]
    if every == "weekly":
        return f"Every {weekday}"
    if every == "fortnightly":
        return f"Every other {weekday}"
    ordinal = ORDINALS[nth if nth in ORDINALS else nth_of(first.on)]
    return f"The {ordinal} {weekday} of each month"


def summarise(occurrences: list[Occurrence], every: str, nth: int | None, today: date) -> str:
    """'Every Tuesday 19:00–21:00, Main hall, 06/01/2026–28/07/2026 (30 dates)', or for one
    date 'Tue 03/03/2026 19:00–21:00, Main hall'."""
    first, last = occurrences[0], occurrences[-1]
    hours = f"{format_time(first.starts_at)}–{format_time(first.ends_at)}"
    if every == "none" or (len(occurrences) == 1 and not first.repeats):
        return f"{first.on:%a} {format_date(first.on)} {hours}, {first.room}"
    count = len(occurrences)
    span = f"{format_date(first.on)}–{format_date(last.on)}"
    dates = f"{count} date{'s' if count != 1 else ''}"
    return f"{_when(first, every, nth)} {hours}, {first.room}, {span} ({dates})"


def history_in(session: Session, hirer_id: int, today: date) -> list[BookingSummary]:
    window = Window(
        lo=today - timedelta(days=365 * YEARS_BACK),
        hi=today + timedelta(days=DAYS_AHEAD),
        hirer_id=hirer_id,
        statuses=ALL_STATUSES,
        meetings=False,
    )
    grouped: dict[int, list[Occurrence]] = defaultdict(list)
    for occurrence in find_occurrences(session, window):
        if occurrence.booking_id is not None:
            grouped[occurrence.booking_id].append(occurrence)
    if not grouped:
        return []
    kinds = {
        bid: (every, nth)
        for bid, every, nth in session.execute(
            select(Booking.id, Booking.repeat, Booking.nth).where(Booking.id.in_(grouped))
        )
    }
    found = []
    for bid, dates in grouped.items():
        every, nth = kinds.get(bid, ("none", None))
        first, last = dates[0], dates[-1]
        found.append(
            BookingSummary(
                booking_id=bid,
                title=first.title,
                room=first.room,
                status=first.status,
                first_on=first.on,
                last_on=last.on,
                dates=len(dates),
                repeats=every != "none",
                line=summarise(dates, every, nth, today),
                upcoming=last.on >= today,
            )
        )
    # Coming up soonest first, then the past with the most recent first.
    coming = sorted((s for s in found if s.upcoming), key=lambda s: (s.first_on, s.booking_id))
    past = sorted((s for s in found if not s.upcoming), key=lambda s: s.last_on, reverse=True)
    return coming + past


def hirer_history(
    sessions: sessionmaker[Session], hirer_id: int, today: date | None = None
) -> list[BookingSummary]:
    """Every booking of the hirer, past and coming (cancelled ones too), one summary each:
    those still to come first (soonest first), then past ones (latest first)."""
    with sessions() as session:
        return history_in(session, hirer_id, today or date.today())
