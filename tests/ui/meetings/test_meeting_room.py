"""A meeting planned in one of the group's rooms books it: a clash is named before anything is
saved, and the secretary may book anyway."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtWidgets import QMessageBox

from grassroots.bookings.occurrences import Window
from grassroots.bookings.service import add_booking, list_occurrences
from grassroots.meetings.service import list_meetings
from tests.hall import evening
from tests.ui.conftest import settle


def _dialog(mctx, qtbot):
    from grassroots.ui.meetings.meetings_page import MeetingsPage

    page = MeetingsPage(mctx)
    qtbot.addWidget(page)
    page.show()
    page.plan()
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.room.count() == 4, timeout=5000)
    return page, dialog


def test_a_meeting_in_a_room_shows_among_its_bookings(mctx, qtbot, sessions, hall):
    page, dialog = _dialog(mctx, qtbot)
    on = date.today() + timedelta(days=14)
    dialog.room.setCurrentIndex(dialog.room.findData(hall.small.id))
    dialog.starts_at.setText("19:30")
    dialog.submit()
    qtbot.waitUntil(lambda: page.meeting.view is not None, timeout=5000)
    (saved,) = list_meetings(sessions)
    assert saved.venue == "Small room"
    (occurrence,) = list_occurrences(sessions, Window(on, on))
    assert occurrence.meeting_id == saved.id and occurrence.room == "Small room"


def test_a_clash_is_named_and_can_be_booked_anyway(mctx, qtbot, sessions, hall):
    on = date.today() + timedelta(days=14)
    add_booking(sessions, evening(hall.small.id, on, title="Art group"))
    _page, dialog = _dialog(mctx, qtbot)
    dialog.room.setCurrentIndex(dialog.room.findData(hall.small.id))
    dialog.starts_at.setText("19:30")
    dialog.ends_at.setText("21:00")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "confirmBox") is not None, timeout=5000)
    box = dialog.findChild(QMessageBox, "confirmBox")
    assert "Art group" in box.informativeText()
    assert list_meetings(sessions) == ()
    box.property("confirm_button").click()
    qtbot.waitUntil(lambda: len(list_meetings(sessions)) == 1, timeout=5000)
    settle(mctx.tasks)
    times = [o.starts_at for o in list_occurrences(sessions, Window(on, on))]
    assert times == [time(19), time(19, 30)]
