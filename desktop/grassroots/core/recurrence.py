"""Repeating dates: weekly, fortnightly, or monthly on the nth weekday, ended by a date or a
count, with single dates skipped.

Nothing here makes a list of every date a series will ever have: `dates_between` walks
straight to the window it is asked about, so a calendar week or a clash check costs the same
for a series of ten occurrences as for one of ten years.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from grassroots.core.dates import format_date

REPEATS = ("none", "weekly", "fortnightly", "monthly")
REPEAT_LABELS = {
    "none": "Once",
    "weekly": "Every week",
    "fortnightly": "Every fortnight",
    "monthly": "Monthly, on the same weekday",
}
ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", -1: "last"}
# A series may run for ten years at most; longer is almost always a typing slip.
LONGEST = timedelta(days=3653)
MOST_TIMES = 520


@dataclass(frozen=True)
class Repeat:
    """How a booking repeats. `nth` (1-4, or -1 for the last) says which weekday of the month a
    monthly series falls on; `until` or `times` ends every repeating series."""

    every: str = "none"
    until: date | None = None
    times: int | None = None
    nth: int | None = None

    @property
    def repeats(self) -> bool:
        return self.every != "none"


def nth_of(day: date) -> int:
    """Which weekday of its month a date is: 1-4, or -1 when it is the 5th (so the last)."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-4, or -1 for last) `weekday` (0 = Monday) of a month."""
    days = calendar.monthrange(year, month)[1]
    if nth == -1:
        last = date(year, month, days)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def check(first: date, repeat: Repeat) -> dict[str, str]:
    """What is wrong with a repeat, field by field, in words a booking secretary uses."""
    problems: dict[str, str] = {}
    if repeat.every not in REPEATS:
        problems["repeat"] = "Choose once, weekly, fortnightly or monthly"
        return problems
    if not repeat.repeats:
        return problems
    if repeat.until is None and repeat.times is None:
        problems["until"] = (
            "A repeating booking needs an end: give the last date or how many times it runs"
        )
    if repeat.until is not None:
        if repeat.until < first:
            problems["until"] = f"The last date is before the first ({format_date(first)})"
        elif repeat.until - first > LONGEST:
            problems["until"] = "A series can run for ten years at most: give an earlier end"
    if repeat.times is not None and not 1 <= repeat.times <= MOST_TIMES:
        problems["times"] = f"The number of times is 1 to {MOST_TIMES}"
    if repeat.every == "monthly" and repeat.nth not in ORDINALS:
        problems["nth"] = "Say which weekday of the month: 1st, 2nd, 3rd, 4th or last"
    return problems


def _nth(first: date, repeat: Repeat) -> int:
    return repeat.nth if repeat.nth in ORDINALS else nth_of(first)


def _months(first: date, k: int) -> tuple[int, int]:
    index = first.month - 1 + k
    return first.year + index // 12, index % 12 + 1


def _kth(first: date, repeat: Repeat, k: int) -> date:
    """The kth occurrence (k = 0 is the first), ignoring the end."""
    if repeat.every == "weekly":
        return first + timedelta(days=7 * k)
    if repeat.every == "fortnightly":
        return first + timedelta(days=14 * k)
    year, month = _months(first, k)
    return nth_weekday(year, month, first.weekday(), _nth(first, repeat))


def _first_index(first: date, repeat: Repeat, lo: date) -> int:
    """An index at or before the first occurrence on or after `lo`."""
    if lo <= first:
        return 0
    if repeat.every in ("weekly", "fortnightly"):
        step = 7 if repeat.every == "weekly" else 14
        return (lo - first).days // step
    return max(0, (lo.year - first.year) * 12 + lo.month - first.month - 1)


def dates_between(
    first: date, repeat: Repeat, lo: date, hi: date, skipped: Iterable[date] = ()
) -> Iterator[date]:
    """The dates of a series that fall in [lo, hi], in order, leaving out skipped dates."""
    skip = frozenset(skipped)
    if not repeat.repeats:
        if lo <= first <= hi and first not in skip:
            yield first
        return
    # A monthly series on the 1st-4th weekday starts on its own day; one entered on a day that
    # is not its nth weekday (a typing slip) still starts no earlier than the day given.
    k = _first_index(first, repeat, lo)
    while True:
        if repeat.times is not None and k >= repeat.times:
            return
        day = _kth(first, repeat, k)
        if (repeat.until is not None and day > repeat.until) or day > hi:
            return
        if day >= lo and day >= first and day not in skip:
            yield day
        k += 1


def last_date(first: date, repeat: Repeat) -> date:
    """The last date a series can fall on (skipped dates aside): what a clash check's index
    and an iCalendar export need without walking the series."""
    if not repeat.repeats:
        return first
    ends: list[date] = []
    if repeat.times is not None:
        ends.append(_kth(first, repeat, repeat.times - 1))
    if repeat.until is not None:
        ends.append(repeat.until)
    end = min(ends) if ends else first + LONGEST
    last = first
    k = _first_index(first, repeat, end)
    for day in (_kth(first, repeat, i) for i in range(max(0, k - 1), k + 3)):
        if first <= day <= end:
            last = max(last, day)
    return last


def describe(first: date, repeat: Repeat) -> str:
    """'Every Tuesday from 06/01/2026 until 28/07/2026', '2nd Tuesday of each month, 10 times'."""
    weekday = calendar.day_name[first.weekday()]
    if not repeat.repeats:
        return f"{weekday} {format_date(first)}"
    if repeat.every == "weekly":
        what = f"Every {weekday}"
    elif repeat.every == "fortnightly":
        what = f"Every other {weekday}"
    else:
        what = f"The {ORDINALS[_nth(first, repeat)]} {weekday} of each month"
    end = []
    if repeat.until is not None:
        end.append(f"until {format_date(repeat.until)}")
    if repeat.times is not None:
        end.append(f"{repeat.times} time{'s' if repeat.times != 1 else ''}")
    return f"{what} from {format_date(first)}, {' or '.join(end)}"
