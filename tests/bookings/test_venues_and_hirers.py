"""Rooms and their rates are saved together; a hirer's own details are never a copy of their
contact person's."""

from __future__ import annotations

import pytest

from grassroots.bookings.hirers import add_hirer, get_hirer, update_hirer
from grassroots.bookings.records import HirerInput, RateRow, RoomInput
from grassroots.bookings.venues import list_rooms, room_named, save_room
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person


def test_a_room_and_its_rates_are_saved_whole_or_not_at_all(database, hall):
    before = list_rooms(database.sessions)
    with pytest.raises(ValidationError):
        save_room(
            database.sessions,
            None,
            RoomInput("Back room", hall.venue.id, 10),
            [RateRow("standard", Money(-100), None)],
        )
    assert list_rooms(database.sessions) == before
    room = save_room(
        database.sessions,
        None,
        RoomInput("Back room", hall.venue.id, 10),
        [RateRow("community", Money(500), Money(2000))],
    )
    assert room.rate("community") == RateRow("community", Money(500), Money(2000))
    changed = save_room(database.sessions, room.id, RoomInput("Back room", hall.venue.id, 12), [])
    assert changed.capacity == 12 and changed.rates == ()


def test_a_room_named_on_the_command_line_goes_in_our_hall(database):
    made = room_named(database.sessions, "Studio", capacity=15, create=True)
    assert (made.venue, made.capacity) == ("Our hall", 15)
    assert room_named(database.sessions, "studio").id == made.id


def test_an_organisation_shows_its_contact_s_email_but_keeps_none_of_its_own(database):
    ann = add_person(
        database.sessions,
        PersonInput(first_name="Ann", last_name="Archer", email="ann@example.org"),
    )
    club = add_hirer(database.sessions, HirerInput(person_id=ann.id, organisation="Camera club"))
    assert club.email == "ann@example.org" and club.own_details == ("", "", "")
    update_hirer(
        database.sessions,
        club.id,
        HirerInput(person_id=ann.id, organisation="Camera club", band="community"),
    )
    assert get_hirer(database.sessions, club.id).own_details == ("", "", "")
