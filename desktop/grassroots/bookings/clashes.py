"""Clashes: two bookings of one room whose times overlap on a date, counting the set-up before
and the clear-down after each. A cancelled booking clashes with nothing.

The check walks the dates of what is being booked and compares each with the room's
occurrences on that date, found with one windowed query (see `occurrences`), so a year of
weekly bookings is checked as quickly as one evening.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

from sqlalchemy.orm import Session

from grassroots.bookings.occurrences import Window, by_date, find_occurrences
from grassroots.bookings.records import Clash
from grassroots.core.errors import GrassrootsError


class ClashError(GrassrootsError):
    """A booking would overlap others; `clashes` names them. Nothing was saved."""

    def __init__(self, clashes: tuple[Clash, ...]):
        self.clashes = clashes
        shown = "\n".join(f"• {c.describe()}" for c in clashes[:5])
        more = f"\n…and {len(clashes) - 5} more" if len(clashes) > 5 else ""
        super().__init__(f"This clashes with {_count(clashes)}:\n{shown}{more}")


def _count(clashes: tuple[Clash, ...]) -> str:
    n = len(clashes)
    return "another booking" if n == 1 else f"{n} other bookings"


def clashes_at(
    session: Session,
    room_id: int,
    dates: Iterable[date],
    starts_at: time,
    ends_at: time,
    setup_minutes: int = 0,
    cleardown_minutes: int = 0,
    ignore_booking: int | None = None,
    ignore_meeting: int | None = None,
) -> tuple[Clash, ...]:
    """What overlaps a booking of `room_id` at these times on these dates."""
    days = sorted(set(dates))
    if not days:
        return ()
    taken = by_date(
        find_occurrences(
            session,
            Window(
                days[0],
                days[-1],
                rooms=(room_id,),
                ignore_booking=ignore_booking,
                ignore_meeting=ignore_meeting,
            ),
        )
    )
    start = starts_at.hour * 60 + starts_at.minute - setup_minutes
    end = ends_at.hour * 60 + ends_at.minute + cleardown_minutes
    found = []
    for day in days:
        for other in taken.get(day, ()):
            other_start, other_end = other.busy
            if other_start < end and start < other_end:
                found.append(Clash(day, other))
    return tuple(found)
