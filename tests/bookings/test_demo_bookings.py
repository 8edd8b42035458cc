"""The demo group's hall and its ten years of bookings: believable, clash-free, and meetings in
the committee room taking the room as a booking would."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import func, select

from grassroots.bookings.hirers import list_hirers
from grassroots.bookings.models import Booking, SkippedDate
from grassroots.bookings.occurrences import Window
from grassroots.bookings.service import check_booking, get_booking, list_occurrences
from grassroots.bookings.venues import list_venues
from grassroots.db.database import open_database
from grassroots.demo import make_demo
from grassroots.demo.books.receipts import REGULAR_HIRERS
from grassroots.meetings.service import list_meetings

TODAY = date(2026, 11, 22)  # a Sunday


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-bookings")
    database = open_database(str(folder / "demo.db"), folder / "backups")
    summary = make_demo(database.sessions, "small", seed=5, today=TODAY)
    yield database.sessions, summary
    database.close()


def _week(monday: date) -> Window:
    return Window(monday, monday + timedelta(days=6))


def test_the_hall_has_three_rooms_with_rates_and_an_outside_venue(demo):
    sessions, summary = demo
    venues = {v.name: v for v in list_venues(sessions)}
    hall = venues[summary.group_name]
    assert hall.own and "Market Street" in hall.address and hall.postcode == "LE65 1AH"
    rooms = {room.name: room for room in hall.rooms}
    assert [r.name for r in hall.rooms] == ["Main hall", "Small hall", "Committee room"]
    main = rooms["Main hall"]
    assert main.capacity == 120
    assert "Stage" in main.facilities and "hearing loop" in main.facilities
    assert "Step-free" in main.accessibility
    assert main.setup_minutes == 30 and main.cleardown_minutes == 30
    assert rooms["Small hall"].capacity == 40 and rooms["Committee room"].capacity == 12
    for room in hall.rooms:
        bands = {rate.band: rate for rate in room.rates}
        assert set(bands) == {"standard", "community", "commercial"}
        assert all(rate.hourly and rate.session for rate in bands.values())
        assert bands["community"].hourly.pence < bands["commercial"].hourly.pence
    church = venues["St Helen's Church rooms"]
    assert not church.own and len(church.rooms) == 1


def test_regular_hirers_are_organisations_and_private_hirers_are_people(demo):
    sessions, _ = demo
    hirers = list_hirers(sessions)
    by_name = {h.organisation: h for h in hirers if h.organisation}
    for name in REGULAR_HIRERS:
        assert name in by_name, name
    assert by_name["Zumba with Kerry"].band == "commercial"
    assert by_name["1st Ashby Brownies"].band == "community"
    assert any(h.person_id for h in by_name.values())  # a contact among our people
    assert sum(1 for h in hirers if h.person_id and not h.organisation) >= 10


def test_bookings_this_week_and_ten_years_ago(demo):
    sessions, summary = demo
    this_week = list_occurrences(sessions, _week(TODAY - timedelta(days=TODAY.weekday())))
    assert len([o for o in this_week if o.booking_id]) >= 10
    assert {"Ashby Pilates", "Toddler Tuesday"} <= {o.title for o in this_week}
    back = TODAY.replace(year=TODAY.year - 10) + timedelta(days=7)
    then = list_occurrences(sessions, _week(back - timedelta(days=back.weekday())))
    assert len([o for o in then if o.booking_id]) >= 5
    ahead = list_occurrences(sessions, Window(TODAY + timedelta(days=120), TODAY + timedelta(180)))
    assert ahead  # about six months booked ahead
    assert 300 <= summary.bookings <= 800


def test_series_are_one_row_each_with_holidays_skipped(demo):
    sessions, summary = demo
    with sessions() as session:
        rows = session.scalar(select(func.count(Booking.id)))
        series = session.scalar(select(func.count(Booking.id)).where(Booking.repeat != "none"))
        reasons = set(session.scalars(select(SkippedDate.reason).distinct()))
        one_offs = session.scalars(select(Booking).where(Booking.repeat == "none")).all()
        statuses = {b.status for b in session.scalars(select(Booking))}
    assert rows == summary.bookings
    assert 200 <= series < rows
    assert "Half-term or holiday" in reasons
    assert statuses == {"confirmed", "provisional", "cancelled"}
    parties = [b for b in one_offs if b.deposit_pence]
    assert len(parties) >= 100
    assert sum(b.first_on.weekday() >= 5 for b in one_offs) > len(one_offs) // 2
    assert any(b.deposit_returned_on for b in parties)
    # A weekly class misses its half-term: an autumn term has about 14 dates, not 15.
    pilates = [
        o
        for o in list_occurrences(sessions, Window(date(2025, 9, 1), date(2025, 12, 19)))
        if o.title == "Ashby Pilates"
    ]
    assert 12 <= len(pilates) <= 15
    assert not [o for o in pilates if date(2025, 10, 27) <= o.on <= date(2025, 10, 31)]


def test_no_confirmed_booking_clashes_in_a_sample_of_weeks(demo):
    sessions, _ = demo
    rng = random.Random(3)
    first = TODAY - timedelta(days=3650)
    busy_weeks = 0
    for _ in range(25):
        monday = first + timedelta(days=7 * rng.randrange(540))
        monday -= timedelta(days=monday.weekday())
        found = list_occurrences(sessions, _week(monday))
        busy_weeks += bool(found)
        taken = defaultdict(list)
        for occurrence in found:
            taken[(occurrence.room_id, occurrence.on)].append(occurrence.busy)
        for spans in taken.values():
            spans.sort()
            for (_, end), (start, _) in pairwise(spans):
                assert start >= end
    assert busy_weeks >= 20


def test_the_clash_check_finds_nothing_for_a_sample_of_the_demos_bookings(demo):
    sessions, _ = demo
    with sessions() as session:
        ids = session.scalars(
            select(Booking.id).where(Booking.status != "cancelled").order_by(Booking.id)
        ).all()
    for booking_id in random.Random(4).sample(ids, 30):
        detail = get_booking(sessions, booking_id)
        check = check_booking(sessions, detail.as_input(), booking_id)
        assert check.clashes == (), detail.title


def test_meetings_in_the_committee_room_show_as_its_bookings(demo):
    sessions, summary = demo
    hall = next(v for v in list_venues(sessions) if v.name == summary.group_name)
    committee = next(r for r in hall.rooms if r.name == "Committee room")
    year = Window(date(2025, 1, 1), date(2025, 12, 31), rooms=(committee.id,))
    found = list_occurrences(sessions, year)
    held = {o.meeting_id for o in found if o.meeting_id}
    meetings = {
        m.id
        for m in list_meetings(sessions)
        if m.kind == "committee" and m.on.year == 2025 and m.venue == "Committee room"
    }
    assert meetings and held == meetings
    assert any(o.booking_id for o in found)  # the room is hired on other nights
