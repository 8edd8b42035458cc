"""Times of day as typed on an agenda."""

from __future__ import annotations

from datetime import time

import pytest

from grassroots.core.clock import format_time, parse_time


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("19:30", time(19, 30)),
        ("7.30pm", time(19, 30)),
        ("7 pm", time(19, 0)),
        ("1930", time(19, 30)),
        ("0930", time(9, 30)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("19", time(19, 0)),
    ],
)
def test_times_are_read_as_written(typed, meant):
    assert parse_time(typed) == meant


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("7", "could be morning or evening"),
        ("25:00", "not a time of day"),
        ("19:75", "not a time of day"),
        ("13pm", "the hour is 1 to 12"),
        ("half seven", "write it as 19:30"),
    ],
)
def test_a_wrong_time_says_what_is_wrong(typed, said):
    with pytest.raises(ValueError, match=said):
        parse_time(typed)


def test_times_are_shown_on_the_24_hour_clock():
    assert format_time(time(9, 5)) == "09:05"
    assert format_time(None) == ""
