"""Bookings to and from iCalendar, on a real database, read back with the icalendar package."""

from __future__ import annotations

import time as clock
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from icalendar import Calendar, Event
from sqlalchemy import func, select

from grassroots.bookings.hirers import list_hirers
from grassroots.bookings.ical import NEVER_ENDS, calendar_bytes, export_ics, import_ics
from grassroots.bookings.models import Booking
from grassroots.bookings.service import add_booking, get_booking, update_booking
from grassroots.core.clock import LONDON
from grassroots.core.errors import GrassrootsError
from grassroots.core.recurrence import Repeat
from grassroots.meetings.records import MeetingInput
from grassroots.meetings.service import plan_meeting
from tests.hall import evening

SAMPLE = Path(__file__).parents[2] / "resources" / "sample" / "hirer-schedule.ics"


def _events(data: bytes) -> dict[str, Event]:
    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def _count(sessions) -> int:
    with sessions() as session:
        return session.scalar(select(func.count(Booking.id)))


@pytest.fixture
def booked(sessions, hall):
    """A weekly Pilates class with a skipped date, a fortnightly and a last-Tuesday monthly
    series, a one-off party and a cancelled one-off."""
    weekly = add_booking(
        sessions,
        evening(
            hall.main.id, date(2026, 10, 6), title="Pilates", hirer_id=hall.pilates.id,
            repeat=Repeat("weekly", until=date(2026, 11, 24)), skipped=(date(2026, 10, 27),),
            expected=15,
        ),
    )  # fmt: skip
    fortnightly = add_booking(
        sessions,
        evening(hall.small.id, date(2026, 9, 2), title="Knit and natter",
                repeat=Repeat("fortnightly", times=6)),
    )  # fmt: skip
    monthly = add_booking(
        sessions,
        evening(hall.kitchen.id, date(2026, 9, 29), title="Supper club",
                repeat=Repeat("monthly", times=4, nth=-1)),
    )  # fmt: skip
    party = add_booking(
        sessions,
        evening(hall.main.id, date(2026, 12, 12), title="Birthday party", hirer_id=hall.party.id,
                status="provisional"),
    )  # fmt: skip
    gone = add_booking(
        sessions, evening(hall.small.id, date(2026, 12, 1), title="Quiz", status="cancelled")
    )
    return weekly, fortnightly, monthly, party, gone


def test_export_writes_one_event_per_booking_with_rules_and_london_times(sessions, booked):
    weekly, fortnightly, monthly, party, gone = booked
    calendar = Calendar.from_ical(calendar_bytes(sessions))
    assert str(calendar["X-WR-CALNAME"]) == "Ashby Village Hall: room bookings"
    assert [str(t["TZID"]) for t in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    events = _events(calendar.to_ical())
    assert set(events) == {b.uid for b in booked}

    pilates = events[weekly.uid]
    assert pilates["DTSTART"].params["TZID"] == "Europe/London"
    assert pilates.decoded("DTSTART") == datetime(2026, 10, 6, 19, tzinfo=LONDON)
    rule = pilates["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and "INTERVAL" not in rule
    assert rule["UNTIL"][0] == datetime(2026, 11, 24, 19, tzinfo=LONDON).astimezone(UTC)
    assert [d.dt for d in pilates["EXDATE"].dts] == [datetime(2026, 10, 27, 19, tzinfo=LONDON)]
    assert str(pilates["LOCATION"]) == "Main hall, Ashby Village Hall"
    assert "Hirer: Ashby Pilates" in str(pilates["DESCRIPTION"])
    assert "Expected: 15 people" in str(pilates["DESCRIPTION"])
    assert pilates["ORGANIZER"].params["CN"] == "Ashby Pilates"
    assert str(pilates["STATUS"]) == "CONFIRMED"

    knit = events[fortnightly.uid]["RRULE"]
    assert (knit["FREQ"], knit["INTERVAL"], knit["COUNT"]) == (["WEEKLY"], [2], [6])
    supper = events[monthly.uid]["RRULE"]
    assert (supper["FREQ"], supper["BYDAY"], supper["COUNT"]) == (["MONTHLY"], ["-1TU"], [4])
    assert str(events[party.uid]["STATUS"]) == "TENTATIVE"
    assert str(events[gone.uid]["STATUS"]) == "CANCELLED"
    assert "RRULE" not in events[party.uid]


def test_a_weekly_evening_stays_at_seven_across_the_clocks_going_back(sessions, booked):
    pilates = _events(calendar_bytes(sessions))[booked[0].uid]
    first = pilates.decoded("DTSTART")
    # Before 25/10/2026 that is 18:00 UTC (BST); the rule's later dates stay 19:00 local.
    assert first.astimezone(UTC).hour == 18
    later = [d for d in _expand(pilates) if d.date() > date(2026, 10, 25)]
    assert later and all(d.astimezone(LONDON).hour == 19 for d in later)
    assert all(d.astimezone(UTC).hour == 19 for d in later)
    assert date(2026, 10, 27) not in {d.date() for d in later}


def _expand(event: Event) -> list[datetime]:
    from dateutil.rrule import rrulestr

    start = event.decoded("DTSTART")
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    skipped = {d.dt for d in event["EXDATE"].dts}
    return [d for d in rule if d not in skipped]


def test_round_trip_leaves_everything_alone_and_a_change_bumps_the_sequence(
    sessions, booked, hall, tmp_path
):
    plan_meeting(
        sessions,
        MeetingInput(kind="committee", on=date(2026, 10, 7), starts_at=time(19, 30),
                     room_id=hall.small.id),
    )  # fmt: skip
    out = tmp_path / "hall.ics"
    assert export_ics(sessions, out) == 6
    assert "meeting-1@grassroots" in _events(out.read_bytes())
    before = _count(sessions)
    report = import_ics(sessions, out)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 6)
    assert report.clashes == () and report.skipped == ()
    assert _count(sessions) == before
    assert get_booking(sessions, booked[0].id).sequence == booked[0].sequence

    weekly = booked[0]
    update_booking(sessions, weekly.id, _as(weekly, title="Pilates (improvers)"))
    again = _events(calendar_bytes(sessions))[weekly.uid]
    old = _events(out.read_bytes())[weekly.uid]
    assert again["SEQUENCE"] == old["SEQUENCE"] + 1
    assert str(again["SUMMARY"]) == "Pilates (improvers)"


def _as(detail, **changes):
    from dataclasses import replace

    return replace(detail.as_input(), **changes)


def test_per_hirer_export_names_the_hirer_and_leaves_out_meetings(sessions, booked, hall):
    plan_meeting(
        sessions,
        MeetingInput(kind="committee", on=date(2026, 10, 7), starts_at=time(19, 30),
                     room_id=hall.small.id),
    )  # fmt: skip
    calendar = Calendar.from_ical(calendar_bytes(sessions, hirer_id=hall.pilates.id))
    assert str(calendar["X-WR-CALNAME"]) == "Ashby Village Hall: bookings for Ashby Pilates"
    assert set(_events(calendar.to_ical())) == {booked[0].uid}
    by_room = _events(calendar_bytes(sessions, room_id=hall.small.id))
    assert set(by_room) == {booked[1].uid, booked[4].uid, "meeting-1@grassroots"}


def test_the_sample_hirer_schedule_imports_once_however_often_it_is_read(sessions, hall):
    before = {h.id for h in list_hirers(sessions)}
    first = import_ics(sessions, SAMPLE)
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0), first
    # The organiser's name matches the hirer already on our records: no second one is made.
    assert {h.id for h in list_hirers(sessions)} == before
    assert first.skipped == () and first.clashes == ()
    second = import_ics(sessions, SAMPLE)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert _count(sessions) == 2
    with sessions() as session:
        rows = {b.uid: b for b in session.scalars(select(Booking))}
        term = rows["autumn-2026-tuesday@ashbypilates.example"]
        assert (term.room_id, term.hirer_id) == (hall.main.id, hall.pilates.id)
        assert (term.starts_at, term.ends_at, term.repeat) == (time(19), time(20, 30), "weekly")
        assert (term.until, term.last_on, term.expected) == (
            date(2026, 12, 15), date(2026, 12, 15), 18,
        )  # fmt: skip
        assert [s.on for s in term.skipped] == [date(2026, 10, 27)]
        assert term.notes == "Tuesday evening class, autumn term. No class in half-term."
        workshop = rows["workshop-2026-11-21@ashbypilates.example"]
        # 10:00 UTC in November is 10:00 in the UK.
        assert (workshop.first_on, workshop.starts_at, workshop.ends_at) == (
            date(2026, 11, 21), time(10), time(13),
        )  # fmt: skip
        assert workshop.status == "provisional"


def _calendar(*events: Event) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Test//EN")
    calendar.add("version", "2.0")
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def _event(uid: str, start, end, summary: str = "Yoga", **extra) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("location", "Main hall")
    for key, value in extra.items():
        event.pop(key.upper(), None)
        event.add(key, value)
    return event


def test_a_clashing_event_is_kept_as_provisional_and_reported(sessions, hall):
    add_booking(sessions, evening(hall.main.id, date(2026, 9, 15), title="Parish council"))
    report = import_ics(sessions, SAMPLE)
    assert report.added == 2
    assert len(report.clashes) == 1
    assert report.clashes[0].startswith("Pilates for beginners (08/09/2026) clashes with")
    assert "Parish council" in report.clashes[0] and "provisional" in report.clashes[0]
    with sessions() as session:
        term = session.scalar(select(Booking).where(Booking.uid.like("autumn%")))
        assert term.status == "provisional"
    again = import_ics(sessions, SAMPLE)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_what_cannot_be_kept_is_refused_by_name(sessions, hall):
    london = LONDON
    data = _calendar(
        _event("allday", date(2026, 9, 1), date(2026, 9, 2), "Fete"),
        _event("late", datetime(2026, 9, 1, 22, tzinfo=london),
               datetime(2026, 9, 2, 1, tzinfo=london), "Disco"),
        _event("daily", datetime(2026, 9, 1, 9, tzinfo=london),
               datetime(2026, 9, 1, 10, tzinfo=london), "Holiday club",
               rrule={"freq": "daily", "count": 5}),
        _event("twodays", datetime(2026, 9, 1, 9, tzinfo=london),
               datetime(2026, 9, 1, 10, tzinfo=london), "Playgroup",
               rrule={"freq": "weekly", "byday": ["TU", "TH"], "count": 10}),
        _event("forever", datetime(2026, 9, 1, 9, tzinfo=london),
               datetime(2026, 9, 1, 10, tzinfo=london), "Choir", rrule={"freq": "weekly"}),
        _event("skipped", datetime(2027, 3, 28, 1, 30), datetime(2027, 3, 28, 3, 0),
               "Night walk"),
        _event("elsewhere", datetime(2026, 9, 3, 9, tzinfo=london),
               datetime(2026, 9, 3, 10, tzinfo=london), "Lunch", location="The Bell"),
        _event("fine", datetime(2026, 9, 4, 9, tzinfo=london),
               datetime(2026, 9, 4, 10, tzinfo=london), "Coffee morning"),
    )  # fmt: skip
    report = import_ics(sessions, data)
    assert report.added == 1
    reasons = dict(report.skipped)
    assert "lasts all day" in reasons["Fete (01/09/2026)"]
    assert "past midnight" in reasons["Disco (01/09/2026)"]
    assert "repeats daily" in reasons["Holiday club (01/09/2026)"]
    assert "several days of the week" in reasons["Playgroup (01/09/2026)"]
    assert reasons["Choir (01/09/2026)"] == NEVER_ENDS
    assert "does not exist" in reasons["Night walk (28/03/2027)"]
    assert "no room called 'The Bell'" in reasons["Lunch (03/09/2026)"]
    assert len(reasons) == 7


def test_an_event_with_no_room_is_refused_unless_one_is_given(sessions, hall):
    event = _event("x", datetime(2026, 9, 4, 9, tzinfo=LONDON),
                   datetime(2026, 9, 4, 10, tzinfo=LONDON))  # fmt: skip
    del event["LOCATION"]
    refused = import_ics(sessions, _calendar(event))
    assert refused.added == 0 and "names no room" in refused.skipped[0][1]
    taken = import_ics(sessions, _calendar(event), room_id=hall.small.id, hirer_id=hall.party.id)
    assert taken.added == 1
    with sessions() as session:
        booking = session.scalar(select(Booking))
        assert (booking.room_id, booking.hirer_id) == (hall.small.id, hall.party.id)


def test_times_in_utc_or_another_zone_become_uk_wall_clock(sessions, hall):
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    data = _calendar(
        _event("utc", datetime(2026, 7, 1, 17, tzinfo=UTC), datetime(2026, 7, 1, 19, tzinfo=UTC)),
        _event("paris", datetime(2026, 7, 2, 20, tzinfo=paris),
               datetime(2026, 7, 2, 22, tzinfo=paris)),
    )  # fmt: skip
    assert import_ics(sessions, data).added == 2
    with sessions() as session:
        rows = {b.uid: (b.starts_at, b.ends_at) for b in session.scalars(select(Booking))}
    assert rows == {"utc": (time(18), time(20)), "paris": (time(19), time(21))}


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is empty"),
        (b"Name,Date\nPilates,01/09/2026\n", "not an iCalendar"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n", "cut short"),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Yoga\r\n"
            b"DTSTART:2026-09-01 7pm\r\nLOCATION:Main hall\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "'Yoga' has a DTSTART that cannot be read",
        ),
    ],
)
def test_a_malformed_file_is_refused_whole_and_writes_nothing(
    sessions, hall, tmp_path, data, words
):
    good = _event("good", datetime(2026, 9, 4, 9, tzinfo=LONDON),
                  datetime(2026, 9, 4, 10, tzinfo=LONDON))  # fmt: skip
    path = tmp_path / "hirer.ics"
    path.write_bytes(data.replace(b"BEGIN:VEVENT", good.to_ical() + b"BEGIN:VEVENT", 1))
    with pytest.raises(GrassrootsError) as refused:
        import_ics(sessions, path)
    assert str(path) in str(refused.value) and words in str(refused.value)
    assert _count(sessions) == 0


def test_twenty_thousand_bookings_export_quickly(sessions, hall):
    with sessions.begin() as session:
        for n in range(20_000):
            on = date(2020, 1, 1).toordinal() + n
            session.add(
                Booking(
                    uid=f"bulk-{n}@grassroots", room_id=hall.main.id, title=f"Booking {n}",
                    first_on=date.fromordinal(on), last_on=date.fromordinal(on),
                    starts_at=time(10), ends_at=time(11), status="confirmed",
                )
            )  # fmt: skip
    started = clock.perf_counter()
    data = calendar_bytes(sessions)
    took = clock.perf_counter() - started
    assert data.count(b"BEGIN:VEVENT") == 20_000
    print(f"20,000 bookings exported in {took:.1f}s")
    assert took < 20


def test_a_new_hirer_is_named_from_the_organiser_with_their_email(sessions, hall):
    from icalendar import vCalAddress

    from grassroots.bookings.hirers import get_hirer

    organiser = vCalAddress("mailto:Jo@Example.org")
    organiser.params["CN"] = "Ashby Tots Music"
    event = _event("tots", datetime(2026, 9, 4, 9, tzinfo=LONDON),
                   datetime(2026, 9, 4, 10, tzinfo=LONDON), organizer=organiser)  # fmt: skip
    assert import_ics(sessions, _calendar(event)).added == 1
    with sessions() as session:
        hirer_id = session.scalar(select(Booking.hirer_id))
    hirer = get_hirer(sessions, hirer_id)
    assert (hirer.name, hirer.email) == ("Ashby Tots Music", "Jo@example.org")
