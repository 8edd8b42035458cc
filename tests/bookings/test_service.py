"""Taking bookings: validation, repeating series, clashes with set-up and clear-down, moving one
date of a series, and meetings that hold a room."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from grassroots.bookings.clashes import ClashError
from grassroots.bookings.occurrences import Window
from grassroots.bookings.service import (
    add_booking,
    booking_dates,
    check_booking,
    delete_booking,
    get_booking,
    list_occurrences,
    move_occurrence,
    restore_date,
    set_status,
    skip_date,
    update_booking,
)
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.core.recurrence import Repeat
from grassroots.meetings.records import MeetingInput
from grassroots.meetings.service import plan_meeting, update_meeting
from tests.hall import evening

TUESDAY = date(2026, 1, 6)


def test_a_weekly_series_falls_on_each_tuesday_until_its_end(database, hall):
    booking = add_booking(
        database.sessions,
        evening(
            hall.main.id,
            TUESDAY,
            hirer_id=hall.pilates.id,
            title="",
            repeat=Repeat("weekly", until=date(2026, 3, 31)),
        ),
    )
    assert booking.title == "Ashby Pilates"
    dates = booking_dates(database.sessions, booking.id)
    assert len(dates) == 13 and dates[-1] == date(2026, 3, 31)
    assert all(d.weekday() == 1 for d in dates)
    assert booking.description.startswith("Every Tuesday from 06/01/2026")
    # Community band, £10 an hour, two hours.
    assert booking.charge_each == Money(2000)


def test_a_series_needs_an_end_and_times_in_order(database, hall):
    with pytest.raises(ValidationError) as no_end:
        add_booking(database.sessions, evening(hall.main.id, TUESDAY, repeat=Repeat("weekly")))
    assert "needs an end" in no_end.value.fields["until"]
    with pytest.raises(ValidationError) as backwards:
        add_booking(
            database.sessions,
            evening(hall.main.id, TUESDAY, starts_at=time(22), ends_at=time(1)),
        )
    assert "past midnight" in backwards.value.fields["ends_at"]
    assert list_occurrences(database.sessions, Window(TUESDAY, date(2026, 12, 31))) == []


def test_a_time_the_clocks_skip_or_repeat_is_refused_by_name(database, hall):
    with pytest.raises(ValidationError) as spring:
        add_booking(
            database.sessions,
            evening(hall.main.id, date(2026, 3, 29), starts_at=time(0, 30), ends_at=time(1, 30)),
        )
    assert "does not exist" in spring.value.fields["ends_at"]
    weekly_into_autumn = evening(
        hall.main.id,
        date(2026, 10, 4),
        starts_at=time(1, 15),
        ends_at=time(3),
        repeat=Repeat("weekly", times=6),
    )
    with pytest.raises(ValidationError) as autumn:
        add_booking(database.sessions, weekly_into_autumn)
    assert "25/10/2026 happens twice" in autumn.value.fields["starts_at"]


def test_an_hourly_charge_is_for_the_time_that_really_passes(database, hall):
    night = add_booking(
        database.sessions,
        evening(hall.main.id, date(2026, 10, 25), starts_at=time(0), ends_at=time(3)),
    )
    # Four hours pass between 00:00 and 03:00 when the clocks go back: 4 x £15.
    assert night.charge_each == Money(6000)


def test_set_up_and_clear_down_make_a_clash_that_the_times_alone_would_not(database, hall):
    add_booking(database.sessions, evening(hall.main.id, TUESDAY, title="Pilates"))
    after = evening(hall.main.id, TUESDAY, starts_at=time(21, 15), ends_at=time(22), title="Yoga")
    found = check_booking(database.sessions, after)
    assert [c.other.title for c in found.clashes] == ["Pilates"]
    assert "Pilates" in found.clashes[0].describe()
    with pytest.raises(ClashError) as refused:
        add_booking(database.sessions, after)
    assert "Tue 06/01/2026 19:00–21:00, Main hall: Pilates" in str(refused.value)
    later = evening(hall.main.id, TUESDAY, starts_at=time(21, 30), ends_at=time(22), title="Yoga")
    assert check_booking(database.sessions, later).clashes == ()
    other_room = evening(hall.small.id, TUESDAY, title="Yoga")
    assert check_booking(database.sessions, other_room).clashes == ()


def test_a_clash_in_week_ten_of_a_series_is_found_and_can_be_booked_anyway(database, hall):
    add_booking(database.sessions, evening(hall.main.id, date(2026, 3, 10), title="Quiz night"))
    series = evening(hall.main.id, TUESDAY, title="Pilates", repeat=Repeat("weekly", times=20))
    check = check_booking(database.sessions, series)
    assert [c.on for c in check.clashes] == [date(2026, 3, 10)]
    assert check.dates == 20
    booked = add_booking(database.sessions, series, allow_clash=True)
    assert get_booking(database.sessions, booked.id).status == "confirmed"


def test_cancelled_bookings_clash_with_nothing_and_reinstating_checks_again(database, hall):
    quiz = add_booking(database.sessions, evening(hall.main.id, TUESDAY, title="Quiz"))
    set_status(database.sessions, quiz.id, "cancelled")
    add_booking(database.sessions, evening(hall.main.id, TUESDAY, title="Pilates"))
    with pytest.raises(ClashError):
        set_status(database.sessions, quiz.id, "confirmed")
    assert get_booking(database.sessions, quiz.id).status == "cancelled"


def test_a_skipped_date_is_left_out_and_can_be_put_back(database, hall):
    series = add_booking(
        database.sessions,
        evening(hall.main.id, TUESDAY, repeat=Repeat("weekly", times=4)),
    )
    skip_date(database.sessions, series.id, date(2026, 1, 13), "Hall closed")
    assert date(2026, 1, 13) not in booking_dates(database.sessions, series.id)
    assert get_booking(database.sessions, series.id).skipped == (date(2026, 1, 13),)
    restore_date(database.sessions, series.id, date(2026, 1, 13))
    assert len(booking_dates(database.sessions, series.id)) == 4


def test_moving_one_date_of_a_series_leaves_the_rest_in_place(database, hall):
    series = add_booking(
        database.sessions,
        evening(hall.main.id, TUESDAY, title="Pilates", repeat=Repeat("weekly", times=4)),
    )
    moved = move_occurrence(
        database.sessions, series.id, date(2026, 1, 13), date(2026, 1, 14), time(18), time(20)
    )
    assert moved.detached_from_id == series.id and moved.repeat.every == "none"
    week = list_occurrences(database.sessions, Window(date(2026, 1, 12), date(2026, 1, 18)))
    assert [(o.on, o.starts_at) for o in week] == [(date(2026, 1, 14), time(18))]
    assert len(booking_dates(database.sessions, series.id)) == 3
    before = get_booking(database.sessions, series.id).sequence
    assert before >= 1


def test_monthly_on_the_second_tuesday(database, hall):
    booking = add_booking(
        database.sessions,
        evening(hall.small.id, date(2026, 1, 13), repeat=Repeat("monthly", times=6, nth=2)),
    )
    dates = booking_dates(database.sessions, booking.id)
    assert dates == [
        date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10),
        date(2026, 4, 14), date(2026, 5, 12), date(2026, 6, 9),
    ]  # fmt: skip


def test_a_meeting_in_a_room_is_one_of_its_bookings(database, hall):
    meeting = plan_meeting(
        database.sessions,
        MeetingInput("committee", TUESDAY, starts_at=time(19, 30), ends_at=time(21)),
    )
    update_meeting(
        database.sessions,
        meeting.id,
        MeetingInput(
            "committee", TUESDAY, starts_at=time(19, 30), ends_at=time(21), room_id=hall.small.id
        ),
    )
    week = list_occurrences(database.sessions, Window(TUESDAY, TUESDAY))
    assert [(o.meeting_id, o.room) for o in week] == [(meeting.id, "Small room")]
    clash = check_booking(database.sessions, evening(hall.small.id, TUESDAY, title="Art group"))
    assert clash.clashes[0].other.title == "Committee meeting"
    add_booking(database.sessions, evening(hall.main.id, TUESDAY, title="Art group"))
    with pytest.raises(ClashError):
        update_meeting(
            database.sessions, meeting.id, replace(meeting.as_input(), room_id=hall.main.id)
        )


def test_warnings_name_a_full_room_and_a_missing_rate(database, hall):
    check = check_booking(
        database.sessions,
        evening(hall.kitchen.id, TUESDAY, expected=12, hirer_id=hall.party.id),
    )
    assert "12 people are expected; Kitchen holds 8" in check.warnings
    assert any("no hourly rate" in w for w in check.warnings), check.warnings


def test_an_edit_moves_the_sequence_on_and_keeps_the_uid(database, hall):
    booking = add_booking(database.sessions, evening(hall.main.id, TUESDAY))
    changed = update_booking(
        database.sessions,
        booking.id,
        evening(hall.main.id, TUESDAY, ends_at=time(22), title="Longer class"),
    )
    assert changed.uid == booking.uid and changed.sequence == booking.sequence + 1
    delete_booking(database.sessions, booking.id)
    assert list_occurrences(database.sessions, Window(TUESDAY, TUESDAY)) == []


def test_one_date_of_a_series_moves_a_quarter_of_an_hour_without_clashing_with_itself(
    database, hall
):
    series = add_booking(
        database.sessions,
        evening(hall.main.id, TUESDAY, title="Pilates", repeat=Repeat("weekly", times=4)),
    )
    moved = move_occurrence(
        database.sessions, series.id, date(2026, 1, 13), date(2026, 1, 13), time(19, 15),
        time(21, 15),
    )  # fmt: skip
    day = list_occurrences(database.sessions, Window(date(2026, 1, 13), date(2026, 1, 13)))
    assert [(o.booking_id, o.starts_at) for o in day] == [(moved.id, time(19, 15))]
