"""The week's booking sheet: each booking under its own day, provisional ones marked,
cancelled ones left out, meetings in booked rooms included, free days said to be free."""

from __future__ import annotations

from datetime import date, time, timedelta

from grassroots.bookings.documents import write_booking_sheet
from grassroots.bookings.service import add_booking, set_status
from grassroots.core.recurrence import Repeat
from grassroots.meetings.records import MeetingInput
from grassroots.meetings.service import plan_meeting
from tests.hall import evening
from tests.printing.conftest import pages, pdf_text

MONDAY = date(2026, 3, 2)


def _days(text: str) -> dict[str, str]:
    """The sheet's text cut at each day's name, so a test can ask what is under Tuesday."""
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    flat = " ".join(text.split())
    start = flat.index("Monday 02/03/2026")
    parts: dict[str, str] = {}
    for i, name in enumerate(names):
        lo = flat.index(name, start)
        hi = flat.index(names[i + 1], lo) if i + 1 < len(names) else len(flat)
        parts[name] = flat[lo:hi]
        start = hi
    return parts


def test_week_sheet_puts_each_booking_under_its_day(sessions, hall, out):
    add_booking(sessions, evening(hall.main.id, MONDAY + timedelta(days=1), title="Pilates",
                                  hirer_id=hall.pilates.id))  # fmt: skip
    add_booking(
        sessions,
        evening(hall.small.id, MONDAY + timedelta(days=3), title="Choir", status="provisional"),
    )
    gone = add_booking(sessions, evening(hall.main.id, MONDAY + timedelta(days=4), title="Quiz"))
    set_status(sessions, gone.id, "cancelled")
    add_booking(  # a weekly class: only this week's date is on the sheet
        sessions,
        evening(
            hall.kitchen.id,
            MONDAY - timedelta(days=7),
            title="Cookery club for beginners and improvers, with tasting and a shared supper",
            starts_at=time(10),
            ends_at=time(12),
            repeat=Repeat("weekly", times=4),
        ),
    )
    plan_meeting(
        sessions,
        MeetingInput(
            kind="committee",
            on=MONDAY + timedelta(days=2),
            starts_at=time(19, 30),
            title="Committee meeting",
            room_id=hall.small.id,
        ),
    )

    path = write_booking_sheet(sessions, MONDAY + timedelta(days=3), out / "week.pdf",
                               today=date(2026, 2, 27))  # fmt: skip

    text = pdf_text(path)
    days = _days(text)
    assert "Monday 02/03/2026 to Sunday 08/03/2026" in " ".join(text.split())
    assert "Pilates (Ashby Pilates)" in days["Tuesday"] and "19:00–21:00" in days["Tuesday"]
    assert "Choir" in days["Thursday"] and "PROVISIONAL" in days["Thursday"]
    assert "PROVISIONAL" not in days["Tuesday"]
    assert "Committee meeting" in days["Wednesday"] and "19:30–21:30" in days["Wednesday"]
    assert "Cookery club" in days["Monday"] and "10:00–12:00" in days["Monday"]
    assert "Quiz" not in text
    assert "No bookings" in days["Friday"] and "No bookings" in days["Sunday"]
    assert "Printed 27/02/2026" in text and "Page 1 of 1" in text
    assert "Main hall" in text and "Small room" in text and "Kitchen" in text


def test_sheet_for_one_room_and_an_empty_week(sessions, hall, out):
    add_booking(sessions, evening(hall.small.id, MONDAY, title="Choir"))

    path = write_booking_sheet(sessions, MONDAY, out / "main.pdf", rooms=(hall.main.id,))

    text = pdf_text(path)
    assert "Choir" not in text and "Small room" not in text
    assert text.count("No bookings") == 7


def test_busy_week_lists_every_booking(sessions, hall, out):
    for day in range(7):
        for hour in range(8, 20):
            add_booking(
                sessions,
                evening(
                    hall.main.id if hour % 2 else hall.small.id,
                    MONDAY + timedelta(days=day),
                    title=f"Session {day}-{hour}",
                    starts_at=time(hour),
                    ends_at=time(hour, 45),
                    setup_minutes=0,
                    cleardown_minutes=0,
                ),
            )

    path = write_booking_sheet(sessions, MONDAY, out / "busy.pdf")

    text = " ".join(pdf_text(path).split())
    assert all(f"Session {d}-{h}" in text for d in range(7) for h in range(8, 20))
    assert pages(path) >= 2
    assert "No bookings" not in text
