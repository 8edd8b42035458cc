"""A room's month at a glance: the right days in the grid, each booking under its date, and
the free evenings named."""

from __future__ import annotations

import re
from datetime import date, time

from pypdf import PdfReader

from grassroots.bookings.documents import write_room_month
from grassroots.bookings.service import add_booking, set_status
from grassroots.core.recurrence import Repeat
from tests.hall import evening
from tests.printing.conftest import pages, pdf_text


def _free_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat[flat.index("free evening") :]


def test_month_grid_has_the_months_days_and_its_bookings(sessions, hall, out):
    # Tuesdays in March 2026: 3, 10, 17, 24, 31; the 17th is skipped.
    add_booking(
        sessions,
        evening(
            hall.main.id,
            date(2026, 3, 3),
            title="Pilates",
            hirer_id=hall.pilates.id,
            repeat=Repeat("weekly", times=5),
            skipped=(date(2026, 3, 17),),
        ),
    )
    add_booking(
        sessions,
        evening(hall.main.id, date(2026, 3, 7), title="Party", starts_at=time(14),
                ends_at=time(17), status="provisional"),
    )  # fmt: skip
    quiz = add_booking(sessions, evening(hall.main.id, date(2026, 3, 20), title="Quiz"))
    set_status(sessions, quiz.id, "cancelled")
    add_booking(sessions, evening(hall.small.id, date(2026, 3, 5), title="Choir"))

    path = write_room_month(sessions, hall.main.id, date(2026, 3, 14), out / "month.pdf")

    assert pages(path) == 1
    text = pdf_text(path)
    flat = " ".join(text.split())
    assert "Main hall: March 2026" in flat
    assert "holds 120 people" in flat and "Ashby Village Hall" in flat
    assert all(day in flat for day in ("Monday", "Tuesday", "Sunday"))
    numbers = {int(n) for n in re.findall(r"\b(\d{1,2})\b", flat)}
    assert set(range(1, 32)) <= numbers  # all 31 days of March
    assert flat.count("Pilates (Ashby Pilates)") == 4
    assert "Party" in flat and "(prov.)" in flat
    assert "Quiz" not in flat and "Choir" not in flat
    # The evenings taken are the four Pilates Tuesdays; the party is in the afternoon.
    free = _free_line(flat)
    assert "27 free evenings" in flat
    assert "Tue 3," not in free and "Tue 10," not in free and "Tue 17," in free
    assert "Sat 7," in free and "Fri 20," in free


def test_february_has_four_weeks_and_is_all_free(sessions, hall, out):
    path = write_room_month(sessions, hall.small.id, date(2026, 2, 1), out / "feb.pdf")

    flat = " ".join(pdf_text(path).split())
    assert "Small room: February 2026" in flat
    assert "28 free evenings" in flat and "0 bookings" in flat
    numbers = {int(n) for n in re.findall(r"\b(\d{1,2})\b", flat)}
    assert 28 in numbers and 29 not in numbers and 30 not in numbers
    assert PdfReader(path).pages[0].mediabox.width > PdfReader(path).pages[0].mediabox.height


def test_a_busy_day_is_summed_up_rather_than_overflowing(sessions, hall, out):
    for hour in range(8, 21):
        add_booking(
            sessions,
            evening(hall.small.id, date(2026, 3, 11), title=f"Session {hour}",
                    starts_at=time(hour), ends_at=time(hour, 40)),
        )  # fmt: skip

    path = write_room_month(sessions, hall.small.id, date(2026, 3, 1), out / "busy.pdf")

    flat = " ".join(pdf_text(path).split())
    assert pages(path) == 1
    assert "Session 8" in flat and "more" in flat
    assert "Wed 11," not in _free_line(flat)
