"""What Home and the Gift Aid tab read on the large demo's ten years of books (about 48,000
entries): the books summary Home loads in the background, and the review of every unclaimed
Gift Aid donation behind it. Both were once minutes long (a NOT EXISTS per entry), hence this.

    python -m pytest tests/perf/bench_books_summary.py -s
    python tests/perf/bench_books_summary.py
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from grassroots.accounts.gift_aid import review_donations
from grassroots.accounts.summary import books_summary
from tests.perf.bench_accounts import open_books
from tests.perf.support import best_of, report

SUMMARY_TARGET_S = 1.0
REVIEW_TARGET_S = 1.0


def measure() -> tuple[float, float, int]:
    """(seconds for Home's books summary, seconds for the Gift Aid review, donations found)."""
    database = open_books()
    try:
        sessions, today = database.sessions, date.today()
        review = review_donations(sessions, today, today)
        found = len(review.eligible) + len(review.to_fix)
        summary = best_of(3, lambda: books_summary(sessions, today))
        reviewing = best_of(3, lambda: review_donations(sessions, today, today))
    finally:
        database.close()
    return summary, reviewing, found


def check() -> bool:
    summary, reviewing, found = measure()
    met = report("Home's summary of the books", summary, SUMMARY_TARGET_S, "s")
    label = f"Gift Aid review of {found:,} unclaimed donations"
    return report(label, reviewing, REVIEW_TARGET_S, "s") and met


def test_books_summary_and_gift_aid_review():
    assert check()


if __name__ == "__main__":
    sys.exit(0 if check() else 1)
