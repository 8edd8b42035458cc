"""Times of day as people write them on an agenda: 19:30, 7.30pm, 7pm, 1930."""

from __future__ import annotations

import re
from datetime import time


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
