"""The AGM pack: one PDF with the notice and agenda, the last AGM's minutes and the accounts of
the year just ended, in that order."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from grassroots.accounts import books
from grassroots.core.money import Money
from grassroots.meetings.documents import print_agm_pack


def pages_text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_the_pack_binds_notice_last_minutes_and_accounts_in_order(sessions, plan, tmp_path):
    books.add_account(sessions, "Current account", "bank", Money(50_000), date(2025, 4, 1))
    last = plan("agm", date(2025, 7, 17))
    this = plan("agm", date(2026, 7, 16))
    out = tmp_path / "agm pack.pdf"

    said = print_agm_pack(sessions, this.id, out)

    assert said == (
        "the notice and agenda",
        "the minutes of the last AGM (17/07/2025)",
        "the accounts for the year from 01/04/2025",
    )
    text = pages_text(out)
    order = [
        next(i for i, page in enumerate(text) if marker in page)
        for marker in (
            "Notice of the annual general meeting",
            "Minutes of the annual general meeting",
            "Receipts and payments accounts",
        )
    ]
    assert order == sorted(order) and order[0] == 0
    assert "17 July 2025" in text[order[1]] or "17/07/2025" in text[order[1]]
    assert last.id != this.id


def test_a_first_agm_without_books_is_just_the_notice(sessions, plan, tmp_path):
    first = plan("agm", date(2026, 7, 16))
    out = tmp_path / "pack.pdf"
    assert print_agm_pack(sessions, first.id, out) == ("the notice and agenda",)
    assert "Notice of the annual general meeting" in pages_text(out)[0]
