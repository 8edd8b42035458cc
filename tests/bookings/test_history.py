"""A hirer's booking history: a series as one line with its count of dates, one-offs by
their date, cancelled bookings kept, coming bookings before past ones."""

from __future__ import annotations

from datetime import date

from grassroots.bookings.history import hirer_history
from grassroots.bookings.service import add_booking, set_status, skip_date
from grassroots.core.recurrence import Repeat
from tests.hall import evening

TODAY = date(2026, 2, 1)


def test_a_series_is_one_line_with_its_count_of_dates(database, hall):
    sessions = database.sessions
    series = add_booking(
        sessions,
        evening(
            hall.main.id,
            date(2026, 1, 6),
            hirer_id=hall.pilates.id,
            repeat=Repeat("weekly", until=date(2026, 7, 28)),
        ),
    )
    skip_date(sessions, series.id, date(2026, 2, 17), "Half term")
    history = hirer_history(sessions, hall.pilates.id, TODAY)
    assert [s.line for s in history] == [
        "Every Tuesday 19:00–21:00, Main hall, 06/01/2026–28/07/2026 (29 dates)"
    ]
    assert history[0].upcoming and history[0].repeats and history[0].dates == 29


def test_one_offs_and_cancelled_bookings_with_coming_ones_first(database, hall):
    sessions = database.sessions
    party = hall.party.id
    past = add_booking(sessions, evening(hall.small.id, date(2025, 12, 13), hirer_id=party))
    soon = add_booking(sessions, evening(hall.main.id, date(2026, 3, 14), hirer_id=party))
    off = add_booking(sessions, evening(hall.main.id, date(2026, 4, 18), hirer_id=party))
    set_status(sessions, off.id, "cancelled")
    monthly = add_booking(
        sessions,
        evening(
            hall.kitchen.id,
            date(2026, 2, 10),
            hirer_id=party,
            repeat=Repeat("monthly", times=3, nth=2),
        ),
    )
    history = hirer_history(sessions, party, TODAY)
    assert [s.booking_id for s in history] == [monthly.id, soon.id, off.id, past.id]
    assert history[0].line == (
        "The 2nd Tuesday of each month 19:00–21:00, Kitchen, 10/02/2026–14/04/2026 (3 dates)"
    )
    assert history[1].line == "Sat 14/03/2026 19:00–21:00, Main hall"
    assert history[2].status == "cancelled"
    assert not history[3].upcoming
    assert hirer_history(sessions, hall.pilates.id, TODAY) == []
