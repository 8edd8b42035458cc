"""The budgets editor: a financial year's budget typed beside last year's budget and actual,
checked as it is typed, copied from last year, and saved through the budgets service."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from grassroots.accounts import budgets
from grassroots.core.dates import add_months
from grassroots.core.money import Money
from grassroots.ui.accounts.budgets_dialog import BudgetsDialog

from .conftest import LAST_YEAR, THIS_YEAR, category_id, enter


@pytest.fixture
def last_years_books(sessions, bank):
    """Last year: subscriptions £400, insurance £150 paid, with a budget for both."""
    enter(sessions, bank, LAST_YEAR[0] + timedelta(days=10), 40_000, "Subscriptions")
    enter(sessions, bank, LAST_YEAR[0] + timedelta(days=20), -15_050, "Insurance")
    for name, pence in (("Subscriptions", 50_000), ("Insurance", 16_000)):
        budgets.set_budget(sessions, category_id(sessions, name), LAST_YEAR[0], Money(pence))
    return sessions


def opened(qtbot, actx, year=None) -> BudgetsDialog:
    dialog = BudgetsDialog(actx, year)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.year_data is not None)
    return dialog


def cells(dialog, label: str) -> list[str]:
    grid = dialog.grid
    row = next(r for r in range(grid.rowCount()) if grid.item(r, 0).text() == label)
    values = []
    for c in range(1, 4):
        widget = grid.cellWidget(row, c)
        values.append(widget.text() if widget else grid.item(row, c).text())
    return values


def test_the_grid_shows_receipts_then_payments_with_last_year(qtbot, actx, last_years_books):
    dialog = opened(qtbot, actx)
    assert dialog.year_starts_on() == THIS_YEAR[0]
    labels = [dialog.grid.item(r, 0).text() for r in range(dialog.grid.rowCount())]
    assert labels[0] == "Receipts" and labels[1] == "Subscriptions"
    assert labels.index("Total receipts") < labels.index("Payments") < labels.index("Insurance")
    assert labels[-1] == "Surplus/(deficit)"
    assert cells(dialog, "Subscriptions") == ["", "£500.00", "£400.00"]
    assert cells(dialog, "Insurance") == ["", "£160.00", "£150.50"]
    assert cells(dialog, "Surplus/(deficit)")[1:] == ["£340.00", "£249.50"]
    header = dialog.grid.horizontalHeaderItem(1).text()
    assert header == f"Budget {THIS_YEAR[0]:%Y}/{THIS_YEAR[1]:%y}"
    edit = dialog.edits[category_id(last_years_books, "Subscriptions")]
    assert edit.accessibleName() == "Budget for Subscriptions"


def test_typing_budgets_updates_the_totals_and_saves(qtbot, actx, last_years_books):
    sessions = last_years_books
    dialog = opened(qtbot, actx)
    subs = dialog.edits[category_id(sessions, "Subscriptions")]
    insurance = dialog.edits[category_id(sessions, "Insurance")]
    qtbot.keyClicks(subs, "£1,200")
    qtbot.keyClicks(insurance, "175.5")
    assert cells(dialog, "Total receipts")[0] == "£1,200.00"
    assert cells(dialog, "Surplus/(deficit)")[0] == "£1,024.50"
    assert "surplus £1,024.50" in dialog.totals.text()
    with qtbot.waitSignal(actx.events.changed):
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = budgets.budgets_for(sessions, THIS_YEAR[0])
    assert saved == {
        category_id(sessions, "Subscriptions"): Money(120_000),
        category_id(sessions, "Insurance"): Money(17_550),
    }


def test_a_wrong_figure_is_named_and_nothing_is_lost(qtbot, actx, last_years_books):
    sessions = last_years_books
    dialog = opened(qtbot, actx)
    subs = dialog.edits[category_id(sessions, "Subscriptions")]
    insurance = dialog.edits[category_id(sessions, "Insurance")]
    qtbot.keyClicks(subs, "300")
    qtbot.keyClicks(insurance, "-20")
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == "Insurance: The amount cannot be negative"
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert subs.text() == "£300.00" and insurance.text() == "-20"
    assert budgets.budgets_for(sessions, THIS_YEAR[0]) == {}
    insurance.setText("20")
    assert not dialog.problem.isVisible()


def test_clearing_a_line_removes_its_budget(qtbot, actx, last_years_books):
    sessions = last_years_books
    dialog = opened(qtbot, actx, LAST_YEAR[0])
    assert dialog.year_starts_on() == LAST_YEAR[0]
    insurance = dialog.edits[category_id(sessions, "Insurance")]
    assert insurance.text() == "£160.00"
    insurance.clear()
    assert dialog.changes() == {category_id(sessions, "Insurance"): None}
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert budgets.budgets_for(sessions, LAST_YEAR[0]) == {
        category_id(sessions, "Subscriptions"): Money(50_000)
    }


def test_copy_last_year_fills_only_the_blank_lines(qtbot, actx, last_years_books):
    sessions = last_years_books
    dialog = opened(qtbot, actx)
    subs = dialog.edits[category_id(sessions, "Subscriptions")]
    insurance = dialog.edits[category_id(sessions, "Insurance")]
    qtbot.keyClicks(subs, "700")
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    assert subs.text() == "£700.00"  # typed figures stay
    assert insurance.text() == "£160.00"
    qtbot.mouseClick(dialog.from_actual, Qt.MouseButton.LeftButton)
    assert insurance.text() == "£160.00"  # already filled
    donations = dialog.edits[category_id(sessions, "Donations")]
    assert donations.text() == ""  # nothing came in last year


def test_last_years_actual_makes_a_first_budget(qtbot, actx, last_years_books):
    sessions = last_years_books
    dialog = opened(qtbot, actx)
    qtbot.mouseClick(dialog.from_actual, Qt.MouseButton.LeftButton)
    assert dialog.edits[category_id(sessions, "Insurance")].text() == "£151.00"  # rounded up
    assert dialog.edits[category_id(sessions, "Subscriptions")].text() == "£400.00"


def test_choosing_another_year_reloads_the_grid(qtbot, actx, last_years_books):
    sessions = last_years_books
    dialog = opened(qtbot, actx)
    with qtbot.waitSignal(dialog.loaded):
        dialog.year.setCurrentIndex(dialog.year.findData(LAST_YEAR[0].isoformat()))
    assert dialog.edits[category_id(sessions, "Subscriptions")].text() == "£500.00"
    before = add_months(LAST_YEAR[0], -12)
    assert dialog.grid.horizontalHeaderItem(2).text() == (f"Budget {before:%Y}/{LAST_YEAR[0]:%y}")
