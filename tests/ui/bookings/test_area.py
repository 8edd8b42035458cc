"""The Bookings area as a booking secretary reaches it: Ctrl+5, the calendar with its New
booking, Print and Calendar file menus, each tab named for screen readers, and the links from a
hirer to a new booking and from a meeting to Meetings."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from grassroots.bookings.occurrences import Window
from grassroots.bookings.service import add_booking, list_occurrences
from grassroots.core.recurrence import Repeat
from grassroots.meetings.records import MeetingInput
from grassroots.meetings.service import plan_meeting
from tests.hall import evening
from tests.ui.conftest import settle
from tests.ui.test_accessibility import unnamed_controls

SAMPLE = Path(__file__).parents[3] / "resources" / "sample" / "hirer-schedule.ics"


def _area(main_window, qtbot):
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    settle(main_window.ctx.tasks)
    assert main_window.current_area() == "bookings"
    return main_window.current_page()


def test_every_tab_and_the_booking_form_are_named(main_window, qtbot, hall, sessions):
    add_booking(sessions, evening(hall.main.id, date.today(), hirer_id=hall.pilates.id))
    area = _area(main_window, qtbot)
    for key in ("calendar", "list", "hirers", "invoices", "rooms"):
        area.show_tab(key)
        settle(main_window.ctx.tasks)
        assert unnamed_controls(main_window) == [], key
    dialog = area.show_tab("calendar").new_booking()
    qtbot.waitUntil(dialog.isVisible)
    settle(main_window.ctx.tasks)
    assert unnamed_controls(dialog) == []
    dialog.reject()


def test_a_new_booking_from_the_calendar_lands_in_it(main_window, qtbot, hall, sessions):
    page = _area(main_window, qtbot).page("calendar")
    dialog = page.new_booking()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled() or dialog.room.count() > 0, timeout=5000)
    settle(main_window.ctx.tasks)
    dialog.title.setText("Quiz night")
    dialog.starts_at.setText("19:00")
    dialog.ends_at.setText("22:00")
    dialog.submit()
    settle(main_window.ctx.tasks)
    day = page.calendar.current_day()
    (booked,) = list_occurrences(sessions, Window(day, day))
    assert booked.title == "Quiz night" and booked.ends_at == time(22)
    qtbot.waitUntil(lambda: "Quiz night" in page.calendar.accessibleDescription()
                    or any(o.title == "Quiz night" for o in page.calendar.occurrences),
                    timeout=5000)  # fmt: skip


def test_a_hirer_s_new_booking_opens_the_form_for_them(main_window, qtbot, hall):
    area = _area(main_window, qtbot)
    area.new_booking_for(hall.pilates.id)
    dialog = area.page("calendar").actions.last
    qtbot.waitUntil(dialog.isVisible)
    settle(main_window.ctx.tasks)
    assert dialog.hirer.currentText() == "Ashby Pilates"


def test_the_week_s_sheet_prints_from_the_calendar(main_window, qtbot, hall, sessions, tmp_path):
    add_booking(sessions, evening(hall.small.id, date.today(), title="Art group"))
    page = _area(main_window, qtbot).page("calendar")
    out = tmp_path / "week.pdf"
    page.print_menu.save_week(out)
    qtbot.waitUntil(out.exists, timeout=10000)
    settle(main_window.ctx.tasks)
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Art group" in text


def test_a_calendar_file_goes_out_and_a_hirer_s_schedule_comes_in(
    main_window, qtbot, hall, sessions, tmp_path
):
    add_booking(
        sessions,
        evening(hall.main.id, date.today(), title="Choir", repeat=Repeat("weekly", times=10)),
    )
    page = _area(main_window, qtbot).page("calendar")
    out = tmp_path / "hall.ics"
    page.files_menu.export(path=out)
    qtbot.waitUntil(out.exists, timeout=10000)
    settle(main_window.ctx.tasks)
    assert (
        b"SUMMARY:Choir" in out.read_bytes() and b"RRULE:FREQ=WEEKLY;COUNT=10" in out.read_bytes()
    )

    page.files_menu.import_file(SAMPLE, room_id=hall.small.id)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "importReport") is not None, timeout=10000)
    report = page.findChild(QMessageBox, "importReport")
    assert report.text().startswith("Added ")
    added = int(report.text().split()[1].rstrip(","))
    assert added >= 1
    report.accept()
    page.files_menu.import_file(SAMPLE, room_id=hall.small.id)
    qtbot.waitUntil(
        lambda: (
            len(page.findChildren(QMessageBox, "importReport")) >= 1
            and "Added 0" in page.findChildren(QMessageBox, "importReport")[-1].text()
        ),
        timeout=10000,
    )


def test_a_broken_calendar_file_is_refused_in_words(main_window, qtbot, hall, tmp_path):
    page = _area(main_window, qtbot).page("calendar")
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026-99-99\n")
    page.files_menu.import_file(broken, room_id=hall.small.id)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "importRefused") is not None, timeout=5000)
    box = page.findChild(QMessageBox, "importRefused")
    assert "broken.ics" in box.text() and box.informativeText() == "Nothing was changed."


def test_a_meeting_among_the_bookings_opens_in_meetings(main_window, qtbot, hall, sessions):
    on = date.today() + timedelta(days=3)
    meeting = plan_meeting(
        sessions, MeetingInput("committee", on, starts_at=time(19), room_id=hall.small.id)
    )
    area = _area(main_window, qtbot)
    area.meeting_requested.emit(meeting.id)
    settle(main_window.ctx.tasks)
    assert main_window.current_area() == "meetings"
