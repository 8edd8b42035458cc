"""The arithmetic of the bookings calendar, kept apart from the painting so it can be read and
checked on its own: which days a view shows, what the period is called, which lane each block
takes when bookings overlap, and the colour that stands for each room."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, time, timedelta

from grassroots.bookings.records import Occurrence
from grassroots.core.dates import format_long

VIEWS = ("day", "week", "month")
DAY_STARTS = 7 * 60  # the grid runs 07:00-23:00: a hall's day, with room for set-up
DAY_ENDS = 23 * 60
SLOT = 30  # minutes in one row of the grid
SNAP = 15  # a dragged booking lands on the quarter hour

# Distinct, fairly dark colours (white text is never drawn on them; they tint a light fill
# and draw the stripe and outline), so rooms stay told apart in print and for most colour
# blindness, with each room also named on its blocks.
ROOM_COLOURS = (
    "#2c7a57", "#2f6db5", "#c0621b", "#7b4bb3", "#b3404a", "#6b7a1f", "#1f8a9a", "#8a5a3c",
)  # fmt: skip
MEETING_COLOUR = "#55606b"


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def period(view: str, day: date) -> tuple[date, date]:
    """The first and last day a view shows around `day` (a month view shows whole weeks)."""
    if view == "day":
        return day, day
    if view == "week":
        return monday(day), monday(day) + timedelta(days=6)
    first = day.replace(day=1)
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    start = monday(first)
    return start, start + timedelta(days=41 if (last - start).days > 34 else 34)


def step(view: str, day: date, by: int) -> date:
    """The day `by` periods away: a day, a week, or a month (kept in range at month end)."""
    if view == "day":
        return day + timedelta(days=by)
    if view == "week":
        return day + timedelta(days=7 * by)
    month = day.month - 1 + by
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def title(view: str, day: date) -> str:
    """The period in words, as the toolbar says it."""
    if view == "day":
        return f"{day:%A} {format_long(day)}"
    if view == "week":
        first = monday(day)
        return f"Week of {first:%A} {format_long(first)}"
    return f"{calendar.month_name[day.month]} {day.year}"


def minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def clock(total: int) -> time:
    total = max(0, min(total, 24 * 60 - 1))
    return time(total // 60, total % 60)


def snap(total: int) -> int:
    return round(total / SNAP) * SNAP


@dataclass(frozen=True)
class Placed:
    """An occurrence with the lane it takes among those it overlaps, and how many lanes."""

    occurrence: Occurrence
    lane: int
    lanes: int


def lay_out(occurrences: list[Occurrence]) -> list[Placed]:
    """Side-by-side lanes for one column: each group of overlapping blocks shares the width,
    and a block takes the first lane that is free when it starts."""
    ordered = sorted(occurrences, key=lambda o: (minutes(o.starts_at), -minutes(o.ends_at)))
    placed: list[Placed] = []
    group: list[tuple[Occurrence, int]] = []
    lane_ends: list[int] = []
    group_end = -1

    def close() -> None:
        lanes = max((lane for _, lane in group), default=-1) + 1
        placed.extend(Placed(o, lane, lanes) for o, lane in group)

    for o in ordered:
        start, end = minutes(o.starts_at), max(minutes(o.ends_at), minutes(o.starts_at) + SNAP)
        if start >= group_end and group:
            close()
            group, lane_ends = [], []
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= start:
                lane_ends[lane] = end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(end)
        group.append((o, lane))
        group_end = max(group_end, end)
    if group:
        close()
    return placed


def label(o: Occurrence) -> str:
    """What a block or a month line calls an occurrence."""
    if o.meeting_id is not None:
        return f"Meeting: {o.title}"
    return o.who


def describe(o: Occurrence) -> str:
    """A sentence for a screen reader or tooltip, with the status and kind in words."""
    kind = "Meeting" if o.meeting_id is not None else "Booking"
    series = ", part of a repeating booking" if o.repeats else ""
    return f"{kind}: {o.describe()}{series}"
