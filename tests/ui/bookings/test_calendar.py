"""The bookings calendar on a real database: the right bookings on the right days, views and
keyboard navigation, moving by drag and by keyboard (one-offs and one date of a series),
clashes named on a drop, and the room filter."""

from __future__ import annotations

import os
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from grassroots.bookings.occurrences import Window
from grassroots.bookings.service import add_booking, list_occurrences
from grassroots.core.recurrence import Repeat
from grassroots.meetings.records import MeetingInput
from grassroots.meetings.service import plan_meeting
from grassroots.ui.bookings.calendar_view import BookingCalendar
from tests.hall import evening
from tests.ui.conftest import settle

MONDAY = date(2030, 3, 4)
TUESDAY = MONDAY + timedelta(days=1)
WEDNESDAY = MONDAY + timedelta(days=2)


def settled(calendar: BookingCalendar) -> BookingCalendar:
    settle(calendar.ctx.tasks)
    return calendar


@pytest.fixture
def calendar(ctx, qtbot, hall):
    widget = BookingCalendar(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.go_to(MONDAY)
    settled(widget)
    return widget


def blocks(calendar: BookingCalendar) -> dict[str, date]:
    """Title -> the day of the column each block is drawn in."""
    grid = calendar.grid
    return {b.occurrence.title: grid.columns[b.column].on for b in grid.blocks()}


def block_of(calendar: BookingCalendar, title: str, on: date | None = None):
    return next(
        b
        for b in calendar.grid.blocks()
        if b.occurrence.title == title and (on is None or b.occurrence.on == on)
    )


def answer(calendar: BookingCalendar, yes: bool) -> None:
    box = calendar.dialog
    assert isinstance(box, QMessageBox)
    button = (
        box.property("confirm_button") if yes else box.button(QMessageBox.StandardButton.Cancel)
    )
    button.click()
    settled(calendar)


def hours(value: float) -> time:
    return time(int(value), int(value % 1 * 60))


def week_of(ctx, hall) -> list:
    return list_occurrences(ctx.sessions, Window(MONDAY, MONDAY + timedelta(days=6)))


def test_the_week_shows_each_booking_on_its_day(ctx, calendar, hall):
    add_booking(ctx.sessions, evening(hall.main.id, TUESDAY, title="Pilates"))
    add_booking(ctx.sessions, evening(hall.small.id, MONDAY + timedelta(days=4), title="Choir"))
    add_booking(ctx.sessions, evening(hall.main.id, MONDAY + timedelta(days=7), title="Next week"))
    calendar.reload()
    settled(calendar)
    assert calendar.period_label.text() == "Week of Monday 4 March 2030"
    assert blocks(calendar) == {"Pilates": TUESDAY, "Choir": MONDAY + timedelta(days=4)}
    assert [c.heading for c in calendar.grid.columns][:2] == ["Mon 04/03", "Tue 05/03"]


def test_overlapping_bookings_sit_side_by_side(ctx, calendar, hall):
    add_booking(ctx.sessions, evening(hall.main.id, TUESDAY, title="Pilates"))
    add_booking(ctx.sessions, evening(hall.small.id, TUESDAY, title="Choir", status="provisional"))
    calendar.reload()
    settled(calendar)
    pilates, choir = block_of(calendar, "Pilates"), block_of(calendar, "Choir")
    assert pilates.rect.top() == choir.rect.top()
    assert not pilates.rect.intersects(choir.rect)
    calendar.grid.choose_block(choir.occurrence)
    assert "provisional" in calendar.grid.accessibleDescription()
    assert "Small room" in calendar.grid.accessibleDescription()


def test_views_and_keyboard_change_the_period(calendar, qtbot):
    calendar.grid.setFocus()
    qtbot.keyClick(calendar.grid, Qt.Key.Key_PageDown)
    assert calendar.current_day() == MONDAY + timedelta(days=7)
    qtbot.keyClick(calendar.grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(calendar.grid, Qt.Key.Key_D)
    assert calendar.view == "day"
    assert calendar.period_label.text() == "Monday 4 March 2030"
    assert [c.heading for c in calendar.grid.columns] == ["Main hall", "Small room", "Kitchen"]
    qtbot.keyClick(calendar.grid, Qt.Key.Key_PageDown)
    assert calendar.current_day() == TUESDAY
    qtbot.keyClick(calendar.grid, Qt.Key.Key_M)
    assert calendar.view == "month"
    assert calendar.period_label.text() == "March 2030"
    assert calendar.view_buttons["month"].isChecked()
    qtbot.keyClick(calendar.month, Qt.Key.Key_PageDown)
    assert calendar.period_label.text() == "April 2030"
    qtbot.keyClick(calendar.month, Qt.Key.Key_T)
    assert calendar.current_day() == date.today()
    qtbot.keyClick(calendar.month, Qt.Key.Key_W)
    assert calendar.view == "week"


def test_arrows_walk_the_grid_and_enter_opens(ctx, calendar, hall, qtbot):
    booking = add_booking(ctx.sessions, evening(hall.main.id, TUESDAY, title="Pilates"))
    calendar.reload()
    settled(calendar)
    grid = calendar.grid
    grid.setFocus()
    grid.select_slot(0, 19 * 60)
    assert grid.accessibleDescription() == "Free slot: Monday 04/03/2030 at 19:00"
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.selected_occurrence().title == "Pilates"
    assert "Pilates" in calendar.status.text()
    with qtbot.waitSignal(calendar.booking_activated) as opened:
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert opened.args == [booking.id, TUESDAY]
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.selected_occurrence() is None
    with qtbot.waitSignal(calendar.slot_activated) as chosen:
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert chosen.args == [TUESDAY, time(21), 0]


def test_dragging_a_one_off_moves_it(ctx, calendar, hall, qtbot):
    add_booking(ctx.sessions, evening(hall.main.id, TUESDAY, title="Pilates"))
    calendar.reload()
    settled(calendar)
    grid = calendar.grid
    block = block_of(calendar, "Pilates")
    start = block.rect.center().toPoint()
    # a day to the right and an hour later (two rows)
    end = start + QPoint(int(grid.column_width()), grid.row_height() * 2)
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid, start + QPoint(0, 10))
    qtbot.mouseMove(grid, end)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)
    settled(calendar)
    [moved] = week_of(ctx, hall)
    assert (moved.on, moved.starts_at, moved.ends_at) == (WEDNESDAY, time(20), time(22))
    assert blocks(calendar) == {"Pilates": WEDNESDAY}


def test_moving_one_date_of_a_series_asks_and_keeps_the_rest(ctx, calendar, hall, qtbot):
    weekly = Repeat("weekly", times=4)
    add_booking(ctx.sessions, evening(hall.main.id, TUESDAY, title="Pilates", repeat=weekly))
    calendar.reload()
    settled(calendar)
    block = block_of(calendar, "Pilates")
    calendar.grid.choose_block(block.occurrence)
    calendar.grid.setFocus()
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert "Move only Tuesday 05/03/2030's Pilates?" in calendar.dialog.text()
    assert "The rest of the series stays." in calendar.dialog.text()
    answer(calendar, yes=False)
    assert block_of(calendar, "Pilates").occurrence.starts_at == time(19)
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    answer(calendar, yes=True)
    [moved] = week_of(ctx, hall)
    assert (moved.starts_at, moved.repeats) == (time(19, 15), False)
    next_week = list_occurrences(
        ctx.sessions, Window(MONDAY + timedelta(days=7), MONDAY + timedelta(days=13))
    )
    assert [(o.on, o.starts_at) for o in next_week] == [(TUESDAY + timedelta(days=7), time(19))]
    assert calendar.grid.selected_occurrence().starts_at == time(19, 15)


def test_a_clash_on_drop_names_the_other_booking(ctx, calendar, hall):
    add_booking(ctx.sessions, evening(hall.main.id, TUESDAY, title="Pilates"))
    add_booking(
        ctx.sessions,
        evening(hall.main.id, WEDNESDAY, title="Party", hirer_id=hall.party.id),
    )
    calendar.reload()
    settled(calendar)
    pilates = block_of(calendar, "Pilates")
    calendar.grid.drop(pilates.occurrence, 2, 19 * 60)  # Wednesday, same time
    settled(calendar)
    assert "Party (Smith birthday party)" in calendar.dialog.text()
    assert calendar.dialog.property("confirm_button").text() == "Move anyway"
    answer(calendar, yes=False)
    assert blocks(calendar)["Pilates"] == TUESDAY
    calendar.grid.drop(pilates.occurrence, 2, 19 * 60)
    settled(calendar)
    answer(calendar, yes=True)
    assert sorted(o.title for o in week_of(ctx, hall) if o.on == WEDNESDAY) == ["Party", "Pilates"]


def test_meetings_are_shown_but_not_moved(ctx, calendar, hall, qtbot):
    meeting = plan_meeting(
        ctx.sessions,
        MeetingInput("committee", TUESDAY, starts_at=time(19, 30), ends_at=time(21),
                     room_id=hall.small.id),
    )  # fmt: skip
    calendar.reload()
    settled(calendar)
    block = block_of(calendar, "Committee meeting")
    calendar.grid.choose_block(block.occurrence)
    assert calendar.grid.accessibleDescription().startswith("Meeting:")
    calendar.grid.setFocus()
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert "Meetings" in calendar.dialog.text()
    calendar.dialog.close()
    with qtbot.waitSignal(calendar.meeting_activated) as opened:
        qtbot.keyClick(calendar.grid, Qt.Key.Key_Return)
    assert opened.args == [meeting.id]


def test_the_room_filter_and_the_day_view_columns(ctx, calendar, hall, qtbot):
    add_booking(ctx.sessions, evening(hall.main.id, TUESDAY, title="Pilates"))
    add_booking(ctx.sessions, evening(hall.small.id, TUESDAY, title="Choir"))
    calendar.reload()
    settled(calendar)
    assert [calendar.room_box.itemText(i) for i in range(calendar.room_box.count())] == [
        "All rooms", "Main hall", "Small room", "Kitchen",
    ]  # fmt: skip
    calendar.room_box.setCurrentIndex(calendar.room_box.findData(hall.small.id))
    settled(calendar)
    assert blocks(calendar) == {"Choir": TUESDAY}
    calendar.grid.select_slot(1, 10 * 60)
    assert calendar.grid.accessibleDescription() == "Free slot: Tuesday 05/03/2030 at 10:00"
    calendar.set_rooms(None)
    calendar.go_to(TUESDAY)
    calendar.set_view("day")
    settled(calendar)
    by_room = {b.occurrence.title: calendar.grid.columns[b.column].heading
               for b in calendar.grid.blocks()}  # fmt: skip
    assert by_room == {"Pilates": "Main hall", "Choir": "Small room"}
    calendar.grid.select_slot(2, 10 * 60)
    assert calendar.grid.accessibleDescription().endswith("at 10:00, Kitchen")
    with qtbot.waitSignal(calendar.slot_activated) as chosen:
        qtbot.keyClick(calendar.grid, Qt.Key.Key_Return)
    assert chosen.args == [TUESDAY, time(10), hall.kitchen.id]
    # dragging into the next column moves the booking to that room
    calendar.grid.drop(block_of(calendar, "Pilates").occurrence, 2, 19 * 60)
    settled(calendar)
    assert [o.room for o in week_of(ctx, hall) if o.title == "Pilates"] == ["Kitchen"]


def test_the_month_lists_each_day_briefly(ctx, calendar, hall, qtbot):
    for n, room in enumerate((hall.main, hall.small, hall.kitchen, hall.main)):
        at = time(9 + 3 * n)
        add_booking(
            ctx.sessions,
            evening(room.id, TUESDAY, title=f"Class {n}", starts_at=at, ends_at=time(at.hour + 1)),
        )
    calendar.set_view("month")
    settled(calendar)
    month = calendar.month
    assert len(month.by_day[TUESDAY]) == 4
    month.select_day(TUESDAY)
    assert "09:00 Class 0" in month.accessibleDescription()
    month.setFocus()
    qtbot.keyClick(month, Qt.Key.Key_Return)
    assert (calendar.view, calendar.current_day()) == ("day", TUESDAY)


def test_a_busy_week_looks_right(ctx, calendar, hall):
    """Ten and more bookings in three rooms, a provisional one and a meeting, drawn in each
    view (set CALENDAR_SHOTS to a folder to keep the pictures)."""
    main, small, kitchen = hall.main.id, hall.small.id, hall.kitchen.id
    week = [  # day, room, title, from, to
        (0, main, "Toddler group", 9.5, 11.5), (0, small, "Lunch club", 12, 14),
        (0, main, "Pilates", 19, 20), (1, main, "Yoga", 10, 11), (1, kitchen, "Cookery", 10, 12),
        (1, small, "Art class", 14, 16), (1, main, "Badminton", 19.5, 21.5),
        (2, main, "Choir", 19, 21), (3, small, "Bridge club", 13.5, 16.5),
        (3, main, "Cubs", 18.5, 20), (3, kitchen, "Cubs supper", 18.5, 19.5),
        (4, main, "Quiz night", 19.5, 22.5), (5, main, "Smith birthday party", 14, 17),
        (5, kitchen, "Party tea", 14, 16),
    ]  # fmt: skip
    for day, room, name, lo, hi in week:
        add_booking(
            ctx.sessions,
            evening(room, MONDAY + timedelta(days=day), title=name,
                    starts_at=hours(lo), ends_at=hours(hi),
                    hirer_id=hall.pilates.id if name == "Pilates" else None,
                    status="provisional" if name == "Quiz night" else "confirmed"),
        )  # fmt: skip
    plan_meeting(
        ctx.sessions,
        MeetingInput("committee", WEDNESDAY, starts_at=time(19, 30), ends_at=time(21),
                     room_id=hall.small.id),
    )  # fmt: skip
    calendar.reload()
    settled(calendar)
    assert len(calendar.grid.blocks()) == 15
    shots = os.environ.get("CALENDAR_SHOTS")
    for view in ("week", "day", "month"):
        calendar.go_to(WEDNESDAY)
        calendar.set_view(view)
        settled(calendar)
        picture = calendar.grab()
        assert not picture.isNull()
        if shots:
            picture.save(str(Path(shots) / f"{view}.png"))
