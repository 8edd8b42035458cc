"""The list of bookings through its real widgets on a real database: the dates of a period
with their charges, filtered by room, status and words; opening a booking or a meeting;
skipping one date of a series; and exporting what is shown."""

from __future__ import annotations

import csv
import os
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from grassroots.bookings.service import add_booking, booking_dates
from grassroots.core.recurrence import Repeat
from grassroots.meetings.records import MeetingInput
from grassroots.meetings.service import plan_meeting
from grassroots.ui.bookings.booking_dialog import BookingDialog
from grassroots.ui.bookings.bookings_list import MAX_ROWS, BookingsList
from tests.hall import evening

TODAY = date.today()
MONDAY = TODAY - timedelta(days=TODAY.weekday())
TUESDAY = MONDAY + timedelta(days=8)  # next week's Tuesday, inside the usual period


@pytest.fixture
def booked(ctx, hall):
    """Pilates every Tuesday for 4 weeks (provisional), a parish council evening in the small
    room, and a cancelled quiz in the main hall."""
    sessions = ctx.sessions
    pilates = add_booking(
        sessions,
        evening(
            hall.main.id,
            TUESDAY,
            title="Pilates",
            hirer_id=hall.pilates.id,
            status="provisional",
            repeat=Repeat("weekly", times=4),
            charge_basis="session",
        ),
    )
    council = add_booking(
        sessions, evening(hall.small.id, TUESDAY + timedelta(days=2), title="Parish council")
    )
    quiz = add_booking(
        sessions,
        evening(hall.main.id, TUESDAY + timedelta(days=3), title="Quiz", status="cancelled"),
    )
    return {"pilates": pilates.id, "council": council.id, "quiz": quiz.id}


def shown(qtbot, ctx) -> BookingsList:
    page = BookingsList(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 560)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
    return page


def reloaded(qtbot, page: BookingsList, change) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        change()


def rows(page: BookingsList) -> list[list[str]]:
    tree = page.tree
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


def titles(page: BookingsList) -> list[str]:
    return [row[3] for row in rows(page)]


def choose_row(page: BookingsList, title: str, nth: int = 0) -> None:
    tree = page.tree
    items = [
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(3).startswith(title)
    ]
    tree.setCurrentItem(items[nth])


def test_lists_the_dates_of_the_period_with_their_charges(qtbot, ctx, booked):
    page = shown(qtbot, ctx)
    day = lambda n: TUESDAY + timedelta(days=n)  # noqa: E731
    assert rows(page)[:3] == [
        [f"{day(0):%a %d/%m/%Y}", "19:00–21:00", "Main hall", "Pilates (repeats)",
         "Ashby Pilates", "Provisional", "£40.00"],
        [f"{day(2):%a %d/%m/%Y}", "19:00–21:00", "Small room", "Parish council",
         "Our own use", "Confirmed", "£16.00"],
        [f"{day(7):%a %d/%m/%Y}", "19:00–21:00", "Main hall", "Pilates (repeats)",
         "Ashby Pilates", "Provisional", "£40.00"],
    ]  # fmt: skip
    assert len(rows(page)) == 5  # 4 Pilates and the council; the cancelled quiz is left out
    assert page.count.text() == (
        f"5 dates from {MONDAY:%d/%m/%Y} to {MONDAY + timedelta(weeks=9, days=-1):%d/%m/%Y}."
    )
    if folder := os.environ.get("GRASSROOTS_SHOTS"):
        page.grab().save(str(Path(folder) / "bookings_list.png"))


def test_filters_by_room_status_and_words(qtbot, ctx, booked, hall):
    page = shown(qtbot, ctx)
    reloaded(qtbot, page, lambda: page.room.setCurrentIndex(page.room.findData(hall.small.id)))
    assert titles(page) == ["Parish council"]
    reloaded(qtbot, page, lambda: page.room.setCurrentIndex(0))
    reloaded(qtbot, page, lambda: page.status.setCurrentIndex(page.status.findText("Cancelled")))
    assert [(r[3], r[5]) for r in rows(page)] == [("Quiz", "Cancelled")]
    assert not page.cancel_button.isEnabled() and page.delete_button.isEnabled()
    reloaded(
        qtbot, page, lambda: page.status.setCurrentIndex(page.status.findText("All, cancelled too"))
    )
    assert len(rows(page)) == 6
    reloaded(qtbot, page, lambda: page.search.setText("council"))
    assert titles(page) == ["Parish council"]
    reloaded(qtbot, page, lambda: page.search.setText("nothing like this"))
    assert titles(page) == []
    assert page.count.text().startswith("Nothing booked from ")


def test_enter_opens_the_booking_in_its_dialog(qtbot, ctx, booked):
    page = shown(qtbot, ctx)
    choose_row(page, "Parish council")
    dialog = page.open_chosen()
    assert isinstance(dialog, BookingDialog)
    qtbot.waitUntil(lambda: dialog.title.text() == "Parish council", timeout=5000)
    dialog.title.setText("Parish council (annual)")
    with qtbot.waitSignal(page.changed, timeout=5000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: "Parish council (annual)" in titles(page), timeout=5000)


def test_a_meeting_says_to_open_it_in_meetings(qtbot, ctx, hall):
    meeting = plan_meeting(
        ctx.sessions,
        MeetingInput(
            kind="committee",
            on=TUESDAY,
            title="Committee",
            starts_at=time(19),
            room_id=hall.small.id,
        ),
    )
    page = shown(qtbot, ctx)
    assert rows(page)[0][3:6] == ["Committee", "Meeting", "Confirmed"]
    choose_row(page, "Committee")
    assert not page.delete_button.isEnabled()
    box = page.open_chosen()
    assert box.text() == "Committee is a meeting: open it in Meetings."
    with qtbot.waitSignal(page.meeting_requested, timeout=5000) as asked:
        box.property("confirm_button").click()
    assert asked.args == [meeting.id]


def test_skip_this_date_asks_then_leaves_the_date_out(qtbot, ctx, booked):
    page = shown(qtbot, ctx)
    choose_row(page, "Pilates", nth=1)
    page.skip_chosen()
    box = page.actions_.last
    second = TUESDAY + timedelta(weeks=1)
    assert box.text() == (
        f"Skip {second:%A %d/%m/%Y} of Pilates (Ashby Pilates) "
        f"(Main hall, {second:%a %d/%m/%Y} 19:00)?"
    )
    with qtbot.waitSignal(page.loaded, timeout=5000):
        box.property("confirm_button").click()
    assert titles(page).count("Pilates (repeats)") == 3
    assert second not in booking_dates(ctx.sessions, booked["pilates"])


def test_confirm_and_cancel(qtbot, ctx, booked):
    page = shown(qtbot, ctx)
    choose_row(page, "Pilates")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.confirm_chosen()
    assert {r[5] for r in rows(page) if r[3].startswith("Pilates")} == {"Confirmed"}
    choose_row(page, "Parish council")
    page.cancel_chosen()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.actions_.last.property("confirm_button").click()
    assert "Parish council" not in titles(page)


def test_export_writes_the_rows_shown(qtbot, ctx, booked, tmp_path):
    page = shown(qtbot, ctx)
    target = tmp_path / "bookings.csv"
    page.export(target)
    qtbot.waitUntil(lambda: page.property("last_output") == str(target), timeout=5000)
    with target.open(encoding="utf-8-sig") as handle:
        written = list(csv.reader(handle))
    assert written[0] == ["Date", "Time", "Room", "What", "Hirer", "Status", "Charge"]
    assert written[1:] == rows(page)


def test_a_long_period_shows_at_most_the_limit_and_says_so(qtbot, ctx, hall):
    until = MONDAY + timedelta(days=730)
    made = []
    for n in range(7):  # three classes every day of the week, for two years: 2,000+ dates
        for hour in (9, 11, 14):
            booking = add_booking(
                ctx.sessions,
                evening(
                    hall.main.id,
                    MONDAY + timedelta(days=n),
                    title=f"Class {n}-{hour}",
                    starts_at=time(hour),
                    ends_at=time(hour + 1),
                    repeat=Repeat("weekly", until=until),
                ),
            )
            made.append(booking.id)
    total = sum(len(booking_dates(ctx.sessions, booking_id)) for booking_id in made)
    page = shown(qtbot, ctx)
    page.hi.set_date(until)
    reloaded(qtbot, page, page.reload)
    assert len(rows(page)) == MAX_ROWS
    assert page.count.text().startswith(f"{total:,} dates from ")
    assert "Showing the first 2,000: choose a shorter period" in page.count.text()


def test_the_keyboard_opens_and_makes_bookings(qtbot, ctx, booked, hall):
    page = shown(qtbot, ctx)
    choose_row(page, "Parish council")
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    opened = page.actions_.last
    assert isinstance(opened, BookingDialog) and opened.booking_id == booked["council"]
    opened.reject()
    reloaded(qtbot, page, lambda: page.room.setCurrentIndex(page.room.findData(hall.small.id)))
    page.activateWindow()
    page.tree.setFocus()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    qtbot.keyClick(page.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    made = page.actions_.last
    assert isinstance(made, BookingDialog) and made.booking_id is None
    with qtbot.waitSignal(made.ready, timeout=5000):
        pass
    assert made.room.currentData() == hall.small.id  # the room the list is showing


def test_the_confirmation_letter_prints_for_the_chosen_booking(qtbot, ctx, booked, tmp_path):
    from pypdf import PdfReader

    page = shown(qtbot, ctx)
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    assert page.letter_button.isEnabled()
    target = tmp_path / "letter.pdf"
    page.print_confirmation(target)
    qtbot.waitUntil(lambda: page.property("last_output") == str(target), timeout=10000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Provisional booking" in text and "Dear Ashby Pilates" in text  # not yet confirmed
