"""The charts of the Reports tab at the large demo's size: ten years, about 50,000 entries.

- receipts and payments by month for one financial year, and for the whole ten years;
- every account's balance at each month end of a year, and across the whole books;
- a quarter's balances day by day;
- everything the Reports tab reads for a year (the report, both years' months, the balances).

The demo database is the one bench_accounts.py makes, once a day, in GRASSROOTS_BENCH_DIR.

    python -m pytest tests/perf/bench_trends.py -s
    python tests/perf/bench_trends.py
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from grassroots.accounts.trends import balance_series, monthly_totals
from grassroots.core.dates import add_months
from tests.perf.bench_accounts import open_books, year_starts
from tests.perf.support import best_of, report

TREND_TARGET_MS = 100.0  # a chart redrawn when the period changes must feel immediate
PAGE_TARGET_MS = 300.0  # the whole Reports tab, read in the background


def measure_trends() -> dict[str, float]:
    """Best-of-three milliseconds for each trend the Reports tab draws."""
    from grassroots.ui.accounts.reports_page import read_figures

    database = open_books()
    try:
        sessions = database.sessions
        year = year_starts()[-2]
        year_end = add_months(year, 12) - timedelta(days=1)
        first, today = year_starts()[0], date.today()
        quarter = add_months(year, 9)
        cases = {
            "monthly totals, one financial year": lambda: monthly_totals(sessions, year, year_end),
            "monthly totals, the whole books": lambda: monthly_totals(sessions, first, today),
            "balances at month ends, one year": lambda: balance_series(sessions, year, year_end),
            "balances at month ends, the whole books": lambda: balance_series(
                sessions, first, today
            ),
            "balances day by day, one quarter": lambda: balance_series(
                sessions, quarter, add_months(quarter, 3) - timedelta(days=1)
            ),
        }
        figures = {}
        for label, action in cases.items():
            action()  # warm the cache, as a second look at the tab would
            figures[label] = best_of(3, action) * 1000
        figures["the Reports tab's figures for a year"] = (
            best_of(3, lambda: read_figures(sessions, year, year_end, whole_books=True)) * 1000
        )
    finally:
        database.close()
    return figures


def _check_trends() -> bool:
    met = []
    for label, ms in measure_trends().items():
        target = PAGE_TARGET_MS if label.startswith("the Reports tab") else TREND_TARGET_MS
        met.append(report(label, ms, target, "ms"))
    return all(met)


def test_trends():
    assert _check_trends()


if __name__ == "__main__":
    sys.exit(0 if _check_trends() else 1)
