"""Times of day as people write them on an agenda: 19:30, 7.30pm, 7pm, 1930."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo


def parse_time(text: str) -> time:
    """Read a clock time; ValueError says what was wrong with the text. A bare hour below 13
    ("7") is refused, since it could be morning or evening."""
    raw = text.strip().lower().replace(" ", "")
    m = re.fullmatch(r"(\d{1,2})(?:[:.]?(\d{2}))?(am|pm)?", raw)
    if not m:
        raise ValueError(f"'{text}' is not a time (write it as 19:30 or 7.30pm)")
    hour, minute, half = int(m[1]), int(m[2] or 0), m[3]
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(f"'{text}' is not a time: with am or pm the hour is 1 to 12")
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif m[2] is None and hour <= 12:
        raise ValueError(f"'{text}' could be morning or evening: write {hour}am or {hour}pm")
    if hour > 23 or minute > 59:
        raise ValueError(f"'{text}' is not a time of day")
    return time(hour, minute)


def format_time(value: time | None) -> str:
    """24-hour hh:mm, or '' for no time."""
    return value.strftime("%H:%M") if value else ""


# Bookings are kept in the hall's wall-clock time: a weekly 19:00 class stays at 19:00 when the
# clocks change. These say when a wall-clock time does not exist or happens twice in the UK, and
# how long a booking really lasts across the change (what an hourly charge is for).
LONDON = ZoneInfo("Europe/London")


def local(on: date, at: time) -> datetime:
    """A wall-clock time in the UK as an aware datetime."""
    return datetime.combine(on, at, tzinfo=LONDON)


def wall_clock_problem(on: date, at: time) -> str | None:
    """Why a UK wall-clock time cannot be booked: skipped when the clocks go forward, or
    ambiguous when they go back; None when it is an ordinary time."""
    first = datetime.combine(on, at, tzinfo=LONDON)
    second = first.replace(fold=1)
    there_and_back = first.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None)
    if there_and_back != datetime.combine(on, at):
        return (
            f"{format_time(at)} on {on:%d/%m/%Y} does not exist: the clocks go forward an hour "
            "that night. Choose a time before 01:00 or from 02:00"
        )
    if first.utcoffset() != second.utcoffset():
        return (
            f"{format_time(at)} on {on:%d/%m/%Y} happens twice: the clocks go back an hour that "
            "night. Choose a time before 01:00 or from 02:00"
        )
    return None


def elapsed_minutes(on: date, start: time, end: time) -> int:
    """Minutes that really pass between two wall-clock times on one UK day (an hour more or
    less than the clock says on the nights the clocks change)."""
    gap = local(on, end).astimezone(UTC) - local(on, start).astimezone(UTC)
    return int(gap.total_seconds() // 60)
