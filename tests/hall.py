"""The `hall` fixture (a hall with rooms and rates, and a couple of hirers, in a real
database) for every test that books a room, and `evening` to make a booking of one.
Loaded for the whole suite by tests/conftest.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

import pytest

from grassroots.bookings.hirers import add_hirer
from grassroots.bookings.records import (
    BookingInput,
    HirerInput,
    HirerRow,
    RateRow,
    RoomInput,
    RoomRow,
    VenueInput,
    VenueRow,
)
from grassroots.bookings.venues import add_room, add_venue, get_room, set_rates
from grassroots.core.money import Money


@dataclass(frozen=True)
class Hall:
    venue: VenueRow
    main: RoomRow
    small: RoomRow
    kitchen: RoomRow
    pilates: HirerRow
    party: HirerRow


@pytest.fixture
def hall(database) -> Hall:
    """Ashby Village Hall: a main hall (£15/h standard, £10/h community, £22/h commercial,
    £60 a session standard; 15 minutes set-up and clear-down), a small room and a kitchen."""
    sessions = database.sessions
    venue = add_venue(sessions, VenueInput("Ashby Village Hall", own=True, postcode="le65 1aa"))
    main = add_room(
        sessions, RoomInput("Main hall", venue.id, 120, "Stage, piano", "Step-free", 15, 15)
    )
    set_rates(
        sessions,
        main.id,
        [
            RateRow("standard", Money(1500), Money(6000)),
            RateRow("community", Money(1000), Money(4000)),
            RateRow("commercial", Money(2200), None),
        ],
    )
    small = add_room(sessions, RoomInput("Small room", venue.id, 20))
    set_rates(sessions, small.id, [RateRow("standard", Money(800), None)])
    kitchen = add_room(sessions, RoomInput("Kitchen", venue.id, 8))
    pilates = add_hirer(
        sessions, HirerInput(organisation="Ashby Pilates", band="community", email="a@b.org")
    )
    party = add_hirer(sessions, HirerInput(organisation="Smith birthday party"))
    return Hall(
        venue, get_room(sessions, main.id), get_room(sessions, small.id),
        get_room(sessions, kitchen.id), pilates, party,
    )  # fmt: skip


def evening(room_id: int, on, **fields) -> BookingInput:
    """A 19:00-21:00 booking of a room, with any field changed."""
    values = {"starts_at": time(19), "ends_at": time(21), "title": "Evening class"}
    values.update(fields)
    return BookingInput(room_id=room_id, first_on=on, **values)
