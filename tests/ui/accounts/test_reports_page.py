"""The Reports tab: the treasurer's report for a chosen period on screen, printed and
exported, the charts and their words, all on a real database."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from grassroots.accounts import books, budgets
from grassroots.accounts.trends import MonthTotals, monthly_totals
from grassroots.core.money import Money
from grassroots.core.scales import axis_ticks, nice_step, pounds_label
from grassroots.ui.accounts.charts import RECEIPTS, spending_summary
from grassroots.ui.accounts.reports_page import (
    CUSTOM,
    LAST_MONTH,
    LAST_QUARTER,
    LAST_YEAR,
    SINCE_REPORT,
    WHOLE_BOOKS,
    YEAR_TO_DATE,
    ReportsPage,
    period_bounds,
)

from .conftest import LAST_YEAR as LAST_YEAR_DATES
from .conftest import THIS_YEAR, category_id, enter

TODAY = date.today()


@pytest.fixture
def books_with_entries(sessions, bank):
    """A current account with receipts and payments last year and this, a line still to
    categorise, and a transfer to a cash box."""
    cash = books.add_account(sessions, "Cash box", "cash", Money(2_000), LAST_YEAR_DATES[0])
    enter(sessions, bank, LAST_YEAR_DATES[0] + timedelta(days=20), 40_000, "Subscriptions")
    enter(sessions, bank, LAST_YEAR_DATES[0] + timedelta(days=40), -15_000, "Insurance")
    enter(sessions, bank, THIS_YEAR[0], 25_000, "Subscriptions")
    enter(sessions, bank, THIS_YEAR[0], -6_000, "Insurance")
    enter(sessions, bank, THIS_YEAR[0], 1_500)  # still to categorise
    books.transfer_between_accounts(sessions, bank.id, cash.id, Money(3_000), THIS_YEAR[0])
    return sessions


def shown_page(qtbot, actx) -> ReportsPage:
    page = ReportsPage(actx)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.figures is not None)
    return page


def choose(qtbot, page: ReportsPage, key: str) -> None:
    with qtbot.waitSignal(page.loaded):
        page.period.setCurrentIndex(page.period.findData(key))


def table_text(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def row_named(table, label: str) -> list[str]:
    return next(row for row in table_text(table) if row[0] == label)


def summary(page) -> dict[str, str]:
    return {key: figure.text() for key, (_, figure) in page.summary_labels.items()}


# ---------------------------------------------------------------- periods


def test_named_periods_follow_the_financial_year():
    april = (4, 1)
    today = date(2026, 11, 22)
    assert period_bounds(YEAR_TO_DATE, today, april) == (date(2026, 4, 1), today)
    assert period_bounds(LAST_YEAR, today, april) == (date(2025, 4, 1), date(2026, 3, 31))
    assert period_bounds(LAST_QUARTER, today, april) == (date(2026, 7, 1), date(2026, 9, 30))
    assert period_bounds(LAST_QUARTER, date(2026, 5, 2), april) == (
        date(2026, 1, 1),
        date(2026, 3, 31),
    )
    assert period_bounds(LAST_MONTH, date(2026, 1, 15), april) == (
        date(2025, 12, 1),
        date(2025, 12, 31),
    )
    assert period_bounds(SINCE_REPORT, today, april, date(2026, 9, 30)) == (
        date(2026, 10, 1),
        today,
    )
    # a calendar-year group
    assert period_bounds(LAST_QUARTER, today, (1, 1)) == (date(2026, 7, 1), date(2026, 9, 30))


# ---------------------------------------------------------------- the report on screen


def test_the_year_so_far_against_the_books(qtbot, actx, books_with_entries):
    page = shown_page(qtbot, actx)
    assert page.period.currentData() == YEAR_TO_DATE
    assert (page.start.date(), page.end.date()) == (THIS_YEAR[0], TODAY)
    assert summary(page) == {
        "start": "£1,270.00",  # £1,000 + £20 opening, + £400 - £150 last year
        "in": "£265.00",
        "out": "£60.00",
        "end": "£1,475.00",
    }
    rows = table_text(page.flows)
    assert rows[0][0] == "Receipts"
    assert row_named(page.flows, "Subscriptions")[1:] == ["£250.00", "£250.00"]
    assert row_named(page.flows, "Total payments")[1:] == ["£60.00", "£60.00"]
    loose = next(
        r for r in range(page.flows.rowCount()) if page.flows.item(r, 0).text() == "To categorise"
    )
    assert page.flows.item(loose, 1).background().color() != QColor(Qt.GlobalColor.white)
    assert page.notice.isVisible()
    assert "Received £15.00 and paid out £0.00" in page.notice_text.text()
    assert "Surplus for the period: £205.00" in page.surplus.text()
    assert "No budget is set" in page.explain.text()
    # the transfer moves money between accounts but is neither received nor paid out
    assert row_named(page.accounts, "Cash box")[1:] == ["£20.00", "£50.00", "£30.00"]
    assert row_named(page.accounts, "Total held")[1:] == ["£1,270.00", "£1,475.00", "£205.00"]
    assert page.check.text().startswith("✓ The accounts and the funds both hold £1,475.00")


def test_another_period_and_custom_dates(qtbot, actx, books_with_entries):
    page = shown_page(qtbot, actx)
    choose(qtbot, page, LAST_YEAR)
    assert (page.start.date(), page.end.date()) == LAST_YEAR_DATES
    assert summary(page)["in"] == "£400.00"
    assert page.flows.horizontalHeaderItem(1).text() == "Actual"  # a whole year
    assert page.start.isReadOnly()

    choose(qtbot, page, CUSTOM)
    assert not page.start.isReadOnly()
    page.end.setText("")
    qtbot.keyClicks(page.end, f"{LAST_YEAR_DATES[0] - timedelta(days=1):%d/%m/%Y}")
    page.end.editingFinished.emit()
    assert page.problem.isVisible()
    assert "before it starts" in page.problem.text()
    assert not page.print.isEnabled() and not page.export.isEnabled()
    page.end.set_date(LAST_YEAR_DATES[0] + timedelta(days=30))
    with qtbot.waitSignal(page.loaded):
        page.end.editingFinished.emit()
    assert not page.problem.isVisible() and page.print.isEnabled()
    assert summary(page)["in"] == "£400.00" and summary(page)["out"] == "£0.00"


def test_the_budget_shows_beside_the_figures(qtbot, actx, books_with_entries):
    sessions = books_with_entries
    budgets.set_budget(
        sessions, category_id(sessions, "Subscriptions"), THIS_YEAR[0], Money(60_000)
    )
    page = shown_page(qtbot, actx)
    headers = [page.flows.horizontalHeaderItem(c).text() for c in range(page.flows.columnCount())]
    assert headers == ["Category", "This period", "Year to date", "Budget for year", "Difference"]
    assert row_named(page.flows, "Subscriptions")[1:] == [
        "£250.00",
        "£250.00",
        "£600.00",
        "-£350.00",
    ]
    assert "still to come in" in page.explain.text()


# ---------------------------------------------------------------- charts


def test_the_charts_show_the_year_and_the_balances(qtbot, actx, books_with_entries):
    page = shown_page(qtbot, actx)
    chart = page.income_chart
    assert chart.months[0].month == THIS_YEAR[0].replace(day=1)
    assert len(chart.months) == 12 and len(chart.last_year) == 12
    assert chart.months[0].receipts == Money(26_500)  # the transfer is not income
    assert chart.months[0].payments == Money(6_000)
    description = chart.accessibleDescription()
    assert "received £265.00 and paid out £60.00 in all" in description
    assert "The same months a year earlier: received £400.00, paid out £150.00" in description
    series = page.balance_chart.series
    assert series.dates[0] == THIS_YEAR[0] - timedelta(days=1)
    assert [a.name for a in series.accounts] == ["Current account", "Cash box"]
    assert series.totals[-1] == Money(147_500)
    assert "all accounts held £1,270.00 at the start and £1,475.00 at the end" in (
        page.balance_chart.accessibleDescription()
    )
    image = chart.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert RECEIPTS.name() in colours  # the bars are drawn

    with qtbot.waitSignal(page.loaded):
        page.balance_range.setCurrentIndex(page.balance_range.findData(WHOLE_BOOKS))
    assert page.balance_chart.series.dates[0] == LAST_YEAR_DATES[0] - timedelta(days=1)


def test_an_empty_book_draws_a_message_not_a_chart(qtbot, actx):
    page = shown_page(qtbot, actx)
    assert not page.income_chart.has_data()
    assert not page.balance_chart.has_data()
    page.income_chart.grab()  # paints the message without failing
    assert page.balance_chart.accessibleDescription() == "No accounts to show."


def test_scales_and_labels():
    assert nice_step(1_234_500) == 500_000  # £12,345 in steps of £5,000
    assert axis_ticks(0, 1_234_500) == [0, 500_000, 1_000_000, 1_500_000]
    assert axis_ticks(-30_000, 90_000)[0] == -50_000
    assert pounds_label(1_500_000, 500_000) == "£15,000"
    assert pounds_label(-50_000, 50_000) == "-£500"
    assert pounds_label(250, 50) == "£2.50"


def test_the_chart_in_words_agrees_with_the_trends(books_with_entries):
    months = monthly_totals(books_with_entries, THIS_YEAR[0], THIS_YEAR[1])
    words = spending_summary(months)
    assert f"Most received in {THIS_YEAR[0]:%B %Y} (£265.00)" in words
    assert spending_summary([]) == "No months to show."
    assert "£0.00" in spending_summary([MonthTotals(date(2026, 4, 1), Money(0), Money(0))])


# ---------------------------------------------------------------- print and export


def saved_box(page):
    boxes = [b for b in page.findChildren(QMessageBox, "confirmBox") if b.isVisible()]
    return boxes[0] if boxes else None


def test_print_the_report_and_report_since_it(
    qtbot, actx, books_with_entries, tmp_path, monkeypatch
):
    page = shown_page(qtbot, actx)
    since = page.period.findData(SINCE_REPORT)
    assert not page.period.model().item(since).isEnabled()  # nothing printed yet
    choose(qtbot, page, LAST_YEAR)
    path = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.print, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: saved_box(page) is not None)
    box = saved_box(page)
    assert box.text().startswith("Saved the treasurer's report for")
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert path.read_bytes().startswith(b"%PDF")
    assert page.last_report_end() == LAST_YEAR_DATES[1]

    assert page.period.model().item(since).isEnabled()
    assert page.period.itemText(since) == (
        f"Since the last report (to {LAST_YEAR_DATES[1]:%d/%m/%Y})"
    )
    choose(qtbot, page, SINCE_REPORT)
    assert (page.start.date(), page.end.date()) == (THIS_YEAR[0], TODAY)


def test_export_the_figures_to_a_spreadsheet(
    qtbot, actx, books_with_entries, tmp_path, monkeypatch
):
    page = shown_page(qtbot, actx)
    path = tmp_path / "report.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: saved_box(page) is not None)
    saved_box(page).button(QMessageBox.StandardButton.Cancel).click()
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    total = next(r for r in rows if r[1] == "Total receipts")
    assert total[2] == 265  # a number the sheet can add up, not text


def test_cancelling_the_save_writes_nothing(qtbot, actx, books_with_entries, tmp_path, monkeypatch):
    page = shown_page(qtbot, actx)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(page.print, Qt.MouseButton.LeftButton)
    assert not actx.tasks.busy and saved_box(page) is None
    assert page.last_report_end() is None


def test_the_save_windows_say_what_is_saved_and_suggest_the_period_end(
    qtbot, actx, books_with_entries, monkeypatch
):
    page = shown_page(qtbot, actx)
    choose(qtbot, page, LAST_YEAR)
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _parent, *args: asked.append(args) or ("", "")
    )
    qtbot.mouseClick(page.print, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.export, Qt.MouseButton.LeftButton)
    end = f"{LAST_YEAR_DATES[1]:%d-%m-%Y}"
    assert [(caption, Path(name).name) for caption, name, _filter in asked] == [
        ("Save the treasurer's report", f"Treasurer's report {end}.pdf"),
        ("Export the treasurer's report", f"Treasurer's report {end}.xlsx"),
    ]
    assert not actx.tasks.busy and saved_box(page) is None


def test_budgets_button_opens_the_editor_and_the_report_follows(qtbot, actx, books_with_entries):
    from grassroots.ui.accounts.budgets_dialog import BudgetsDialog

    page = shown_page(qtbot, actx)
    qtbot.mouseClick(page.budgets, Qt.MouseButton.LeftButton)
    dialog = page.findChild(BudgetsDialog)
    qtbot.waitUntil(lambda: dialog.year_data is not None)
    assert dialog.year_starts_on() == THIS_YEAR[0]
    edit = dialog.edits[category_id(books_with_entries, "Insurance")]
    qtbot.keyClicks(edit, "100")
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert row_named(page.flows, "Insurance")[3:] == ["£100.00", "-£40.00"]


def test_every_control_on_the_tab_and_in_the_budgets_has_a_name(qtbot, actx, books_with_entries):
    from grassroots.ui.accounts.budgets_dialog import BudgetsDialog
    from tests.ui.test_accessibility import unnamed_controls

    page = shown_page(qtbot, actx)
    assert unnamed_controls(page) == []
    qtbot.mouseClick(page.budgets, Qt.MouseButton.LeftButton)
    dialog = page.findChild(BudgetsDialog)
    qtbot.waitUntil(lambda: dialog.year_data is not None)
    assert unnamed_controls(dialog) == []
