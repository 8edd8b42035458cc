"""The Year end tab: the years, the year's figures by fund column, the cash check, what is left
to do, and the accounts printed and exported, all on a real database."""

from __future__ import annotations

import sys
import types
from dataclasses import replace
from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from grassroots.accounts import books, reconcile
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.money import Money
from grassroots.group.service import get_settings, save_settings
from grassroots.ui.accounts.year_end_page import YearEndPage
from tests.ui.test_accessibility import unnamed_controls

from .conftest import LAST_YEAR, THIS_YEAR, category_id, enter

PACK_MODULE = "grassroots.ui.accounts.examiner_pack"


@pytest.fixture
def year_page(qtbot, actx):
    def make() -> YearEndPage:
        page = YearEndPage(actx)
        qtbot.addWidget(page)
        page.resize(1000, 720)
        page.show()
        qtbot.waitExposed(page)
        qtbot.waitUntil(lambda: page.loaded and (page.status is not None or not page.years))
        return page

    return make


@pytest.fixture
def last_year_books(sessions, bank):
    """Last year: subscriptions and a roof grant in, insurance and roof work out."""
    roof = books.add_fund(sessions, "Roof appeal", "restricted")
    day = LAST_YEAR[0] + timedelta(days=20)
    enter(sessions, bank, day, 45_000, "Subscriptions")
    books.add_entry(
        sessions,
        EntryInput(
            bank.id,
            day,
            (LineInput(Money(200_000), category_id(sessions, "Grants received"), roof.id),),
            payee="Lottery",
        ),
    )
    enter(sessions, bank, day + timedelta(days=5), -15_050, "Insurance")
    books.add_entry(
        sessions,
        EntryInput(
            bank.id,
            day + timedelta(days=40),
            (
                LineInput(
                    Money(-120_000), category_id(sessions, "Repairs and maintenance"), roof.id
                ),
            ),
            payee="Roofer",
        ),
    )
    enter(sessions, bank, THIS_YEAR[0] + timedelta(days=2), 3_000, "Subscriptions")
    return roof


def shown(page: YearEndPage, starts_on) -> None:
    page.show_year(starts_on)


def test_a_group_without_books_is_sent_to_the_cash_book(year_page):
    page = year_page()
    assert page.stack.currentWidget() is page.empty
    assert page.empty.heading.text() == "No books yet"


def test_years_newest_first_and_the_last_ended_year_chosen(year_page, actx, last_year_books):
    page = year_page()
    texts = [page.year.itemText(i) for i in range(page.year.count())]
    this_name, last_name = (page.years[0].name, page.years[1].name)
    assert texts == [f"{this_name} — open (the year has not ended)", f"{last_name} — open"]
    assert page.chosen_year().starts_on == LAST_YEAR[0]
    assert page.status.year.starts_on == LAST_YEAR[0]


def test_the_summary_by_fund_column_and_the_cash_check(year_page, last_year_books):
    page = year_page()
    text = page.summary.text_of
    assert text("cash_at_start", "unrestricted") == "£1,000.00"
    assert text("receipts", "unrestricted") == "£450.00"
    assert text("receipts", "restricted") == "£2,000.00"
    assert text("receipts", "endowment") == "–"
    assert text("receipts", "total") == "£2,450.00"
    assert text("payments", "unrestricted") == "£150.50"
    assert text("payments", "restricted") == "£1,200.00"
    assert text("cash_at_end", "unrestricted") == "£1,299.50"
    assert text("cash_at_end", "restricted") == "£800.00"
    assert text("cash_at_end", "total") == "£2,099.50"
    assert "✔" in page.checks.cash.text()
    assert "£2,099.50, agrees with the cash at the year end" in page.checks.cash.text()
    assert unnamed_controls(page) == []


def test_choosing_another_year_shows_its_figures_and_what_blocks_closing(
    qtbot, year_page, sessions, bank, last_year_books
):
    enter(sessions, bank, THIS_YEAR[0] + timedelta(days=3), 1_870, None, "Unknown credit")
    page = year_page()
    shown(page, THIS_YEAR[0])
    qtbot.waitUntil(lambda: page.status.year.starts_on == THIS_YEAR[0])
    assert page.summary.text_of("cash_at_start", "total") == "£2,099.50"
    assert page.summary.text_of("receipts", "total") == "£48.70"
    lines = " ".join(page.checks.texts())
    assert "The year has not ended yet" in lines
    assert "1 line still to categorise" in lines
    assert "An earlier year" in lines and "is still open" in lines
    assert page.state.text().startswith("Open. Some things need putting right")


def test_unfinished_and_missing_reconciliations_are_warnings(year_page, sessions, bank):
    enter(sessions, bank, LAST_YEAR[0] + timedelta(days=9), 2_500, "Subscriptions")
    reconcile.start_reconciliation(
        sessions, bank.id, LAST_YEAR[0] + timedelta(days=30), Money(102_500)
    )
    page = year_page()
    checks = {c.key: c for c in page.status.checks}
    assert not checks["unfinished_reconciliation"].blocking
    assert "Current account (statement of" in checks["unfinished_reconciliation"].explanation
    assert "Current account (never reconciled)" in checks["not_reconciled"].explanation
    assert page.close_button.isEnabled()
    assert page.checks.notice.isVisible()


def _save_as(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _saved_box(page):
    boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    return boxes[0] if boxes else None


def _pdf_text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_print_the_accounts_in_either_layout(
    qtbot, year_page, last_year_books, tmp_path, monkeypatch
):
    page = year_page()
    assert page.chosen_layout() == "cc16"
    out = tmp_path / "accounts.pdf"
    _save_as(monkeypatch, out)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _saved_box(page) is not None)
    assert _saved_box(page).text().startswith("Saved accounts.pdf, ready for the trustees")
    _saved_box(page).button(QMessageBox.StandardButton.Cancel).click()
    text = _pdf_text(out)
    assert "Charity Commission CC16 layout" in text and "Roof appeal" in text

    page.layout_choice.setCurrentIndex(page.layout_choice.findData("oscr"))
    scottish = tmp_path / "oscr.pdf"
    _save_as(monkeypatch, scottish)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: scottish.exists() and _saved_box(page) is not None)
    assert "OSCR layout (Scotland)" in _pdf_text(scottish)


def test_export_the_figures_as_a_spreadsheet(
    qtbot, year_page, last_year_books, tmp_path, monkeypatch
):
    page = year_page()
    out = tmp_path / "figures.csv"
    _save_as(monkeypatch, out)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _saved_box(page) is not None)
    text = out.read_text(encoding="utf-8-sig")
    assert "A1 Receipts,Subscriptions,450,0,0,450" in text


def test_cancelling_the_save_prints_nothing(qtbot, year_page, actx, last_year_books, monkeypatch):
    page = year_page()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert not actx.tasks.busy and _saved_box(page) is None


def test_a_scottish_charity_prints_on_oscr_s_form_by_default(year_page, sessions, last_year_books):
    save_settings(sessions, replace(get_settings(sessions), charity_number="SC012345"))
    page = year_page()
    assert page.chosen_layout() == "oscr"
    assert page.layout_choice.currentText() == "Scotland (OSCR)"


def test_the_examiner_pack_is_made_by_its_own_module(
    qtbot, year_page, actx, last_year_books, monkeypatch
):
    made = []
    fake = types.ModuleType(PACK_MODULE)
    fake.make_examiner_pack = lambda parent, ctx, starts_on: made.append((parent, ctx, starts_on))
    monkeypatch.setitem(sys.modules, PACK_MODULE, fake)
    page = year_page()
    qtbot.mouseClick(page.pack_button, Qt.MouseButton.LeftButton)
    assert made == [(page, actx, LAST_YEAR[0])]


def test_without_the_examiner_pack_the_page_says_so(qtbot, year_page, last_year_books, monkeypatch):
    monkeypatch.setitem(sys.modules, PACK_MODULE, None)  # as if it were not installed
    page = year_page()
    qtbot.mouseClick(page.pack_button, Qt.MouseButton.LeftButton)
    box = _saved_box(page)
    assert box is not None and "not available" in box.text()
    box.accept()


@pytest.fixture
def area(qtbot, actx):
    from grassroots.ui.accounts.area import AccountsArea

    widget = AccountsArea(actx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def year_tab(qtbot, area) -> YearEndPage:
    page = area.show_tab("year_end")
    qtbot.waitUntil(lambda: page.loaded and (page.status is not None or not page.years))
    return page


def test_without_books_the_tab_leads_to_the_cash_book(qtbot, area):
    page = year_tab(qtbot, area)
    qtbot.mouseClick(page.empty.first, Qt.MouseButton.LeftButton)
    assert area.current_key() == "cash_book"


def test_each_problem_leads_to_the_tab_that_puts_it_right(qtbot, area, sessions, bank):
    enter(sessions, bank, LAST_YEAR[0] + timedelta(days=3), 1_870, None, "Unknown credit")
    page = year_tab(qtbot, area)
    assert unnamed_controls(area) == []
    assert page.checks.to_categorise.isVisible() and page.checks.to_bank.isVisible()
    qtbot.mouseClick(page.checks.to_categorise, Qt.MouseButton.LeftButton)
    assert area.current_key() == "cash_book"
    assert area.cash_book.filters.to_categorise.isChecked()

    page = year_tab(qtbot, area)
    qtbot.mouseClick(page.checks.to_bank, Qt.MouseButton.LeftButton)
    assert area.current_key() == "bank"
