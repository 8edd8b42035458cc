"""A search keystroke in the people and members list, at 5,000 and at 100,000 people, and
in the person field that forms use to choose someone.

One keystroke is what the list does when the search text changes: the first page of 200 rows
(search_members) and the row count for the scroll bar (count_members). The figure is the
median over typing several searches a letter at a time.

    python -m pytest tests/perf/bench_search.py -s
    python tests/perf/bench_search.py
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from grassroots.members.records import MemberQuery, MemberStatus
from grassroots.members.register import count_members, search_members
from tests.perf.support import median_ms, open_demo, report, time_once

TARGET_MS = 30.0
# What a membership secretary types: surnames, a first name, a postcode, a phone, an email.
TYPED = ("smith", "margaret", "le65 4", "patel", "07700", "jo wood", "gmail", "haywood")
PAGE = 200


def prefixes(words: tuple[str, ...] = TYPED) -> list[str]:
    """Every prefix as it is typed: 's', 'sm', 'smi'..."""
    return [word[:end] for word in words for end in range(1, len(word) + 1)]


def keystroke(sessions, text: str, status: MemberStatus | None = None) -> None:
    spec = MemberQuery(text=text, status=status)
    search_members(sessions, spec, 0, PAGE)
    count_members(sessions, spec)


def measure(people: int, status: MemberStatus | None = None) -> tuple[float, float, str]:
    """(median ms, worst ms, worst prefix) for typing every prefix once, after one warm-up."""
    database = open_demo(people)
    try:
        keystroke(database.sessions, "")
        samples = []
        for text in prefixes():
            seconds, _ = time_once(lambda t=text: keystroke(database.sessions, t, status))
            samples.append((seconds, text))
    finally:
        database.close()
    worst, worst_text = max(samples)
    return median_ms([s for s, _ in samples]), worst * 1000, worst_text


def _check(people: int, status: MemberStatus | None = None) -> bool:
    median, worst, text = measure(people, status)
    label = f"search keystroke, {people:,} people" + (f", {status.label}" if status else "")
    met = report(f"{label} (median)", median, TARGET_MS, "ms")
    print(f"  {'':<60} worst {worst:,.1f} ms typing '{text}'")
    return met


def test_keystroke_at_5000_people():
    assert _check(5000)


def test_keystroke_at_100000_people():
    assert _check(100_000)


def test_keystroke_at_100000_people_due_filter():
    assert _check(100_000, MemberStatus.DUE)


def test_person_field_keystroke_at_100000_people():
    """The person field (a meeting's chair, an action's owner) asks on the UI thread, so a
    keystroke must stay well inside the search target."""
    from grassroots.people.choice import people_matching

    database = open_demo(100_000)
    try:
        samples = [
            time_once(lambda t=t: people_matching(database.sessions, t))[0] for t in prefixes()
        ]
    finally:
        database.close()
    assert report(
        "person field keystroke, 100,000 people (median)", median_ms(samples), TARGET_MS, "ms"
    )


if __name__ == "__main__":
    results = [_check(5000), _check(100_000), _check(100_000, MemberStatus.DUE)]
    sys.exit(0 if all(results) else 1)
