"""A believable demo group, for trying Grassroots out, for screenshots and for benchmarks.

The same seed always makes the same group. Each area adds its own records in turn (people,
then members, then whatever later areas add), all in one transaction, with bulk inserts so
that the 100,000-person benchmark group is made in seconds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from grassroots.demo.bookings import add_bookings
from grassroots.demo.books import add_books
from grassroots.demo.context import DemoContext
from grassroots.demo.group import fill_group
from grassroots.demo.meetings import add_meetings
from grassroots.demo.members import add_members
from grassroots.demo.people import add_people

SIZES = {"small": 150, "large": 5000}
BOOK_ENTRIES = {"small": 2000, "large": 50_000}
MEMBER_SHARE = 0.8


@dataclass(frozen=True)
class DemoSummary:
    group_name: str
    people: int
    households: int
    consents: int
    members: int
    subscriptions: int
    entries: int = 0
    meetings: int = 0
    bookings: int = 0


def make_demo(
    sessions: sessionmaker[Session],
    size: str = "small",
    seed: int = 1,
    people: int | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Fill the database with a demo group: `size` small (about 150 people) or large (5,000
    people, 4,000 members); `people` overrides the head count."""
    if size not in SIZES:
        raise ValueError(f"The demo size is one of: {', '.join(SIZES)}")
    count = SIZES[size] if people is None else people
    if count < 0:
        raise ValueError("The number of people cannot be negative")
    settings = fill_group(sessions)
    with sessions.begin() as session:
        ctx = DemoContext(session, random.Random(seed), today or date.today(), settings)
        add_people(ctx, count)
        add_members(ctx, round(count * MEMBER_SHARE))
        add_books(ctx, BOOK_ENTRIES[size])
        add_meetings(ctx)
        add_bookings(ctx, large=size == "large")
    return DemoSummary(
        group_name=settings.name,
        people=ctx.counts.get("people", 0),
        households=ctx.counts.get("households", 0),
        consents=ctx.counts.get("consents", 0),
        members=ctx.counts.get("members", 0),
        subscriptions=ctx.counts.get("subscriptions", 0),
        entries=ctx.counts.get("entries", 0),
        meetings=ctx.counts.get("meetings", 0),
        bookings=ctx.counts.get("bookings", 0),
    )
