"""What the demo's area builders share: one session, one seeded random source, one 'today'."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from grassroots.group.service import GroupSettings


@dataclass(frozen=True)
class DemoPerson:
    """What later areas need to know about a made-up person to give them roles."""

    id: int
    first_name: str
    last_name: str
    household_id: int | None
    first_at_address: bool
    known_since: date
    has_email: bool


@dataclass
class DemoContext:
    """Passed from area to area in order; each area adds what the next may build on."""

    session: Session
    rng: random.Random
    today: date
    settings: GroupSettings
    people: list[DemoPerson] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add_count(self, name: str, number: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + number


def instant(on: date, hour: int = 10) -> datetime:
    """A UTC instant on a day, for created_at columns written in bulk."""
    return datetime.combine(on, time(hour), tzinfo=UTC)
