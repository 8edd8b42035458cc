"""The Bank statements tab: its empty state, what was imported and reconciled per account, the
lines still to categorise (one click to the cash book), and the import and reconcile windows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from grassroots.accounts import books, reconcile
from grassroots.accounts.statements import import_statement
from grassroots.core.money import Money
from tests.ui.test_accessibility import unnamed_controls

START = date(2026, 3, 1)
MARCH = """Date,Description,Amount,Balance
02/03/2026,COFFEE MORNING TAKINGS,125.50,1125.50
05/03/2026,ASHBY PRINTERS,-45.00,1080.50
"""


@pytest.fixture
def area(qtbot, actx):
    from grassroots.ui.accounts.area import AccountsArea

    widget = AccountsArea(actx)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def current(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(100_000), START)


def imported(sessions, account, tmp_path: Path) -> None:
    path = tmp_path / "march.csv"
    path.write_text(MARCH, encoding="utf-8")
    assert import_statement(sessions, path, account.id).errors == ()


def rows(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_with_no_accounts_the_tab_sends_the_treasurer_to_the_cash_book(qtbot, area):
    page = area.show_tab("bank")
    assert page.stack.currentWidget() is page.empty
    assert page.empty.heading.text() == "No accounts yet"

    qtbot.mouseClick(page.empty.first, Qt.MouseButton.LeftButton)
    assert area.current_key() == "cash_book"


def test_imports_reconciliations_and_lines_to_categorise_per_account(
    qtbot, area, sessions, current, tmp_path
):
    savings = books.add_account(sessions, "Savings", "savings", Money(500_000), START)
    imported(sessions, current, tmp_path)
    started = reconcile.start_reconciliation(sessions, current.id, date(2026, 3, 2), Money(112_550))
    reconcile.tick(sessions, started.id, [1])
    reconcile.finish_reconciliation(sessions, started.id)
    page = area.show_tab("bank")

    assert page.account.currentText() == "Current account"
    ((source, on, lines, first, last),) = rows(page.imports)
    assert (source, lines, first, last) == ("march.csv", "2", "02/03/2026", "05/03/2026")
    assert on == date.today().strftime("%d/%m/%Y")
    assert rows(page.history) == [["02/03/2026", "£1,125.50", date.today().strftime("%d/%m/%Y")]]
    assert page.status.text() == (
        "Current account was last reconciled to the statement of 02/03/2026, at £1,125.50."
    )
    assert page.to_do.text() == "2 entries in Current account still to categorise."
    assert unnamed_controls(page) == []

    # Another account has its own (empty) story.
    page.account.setCurrentIndex(page.account.findData(savings.id))
    assert page.imports.isHidden() and page.no_imports.isVisible()
    assert page.to_do.text() == "Every entry in Savings is categorised."
    assert not page.to_do_button.isVisible()

    page.account.setCurrentIndex(page.account.findData(current.id))
    qtbot.mouseClick(page.to_do_button, Qt.MouseButton.LeftButton)
    assert area.current_key() == "cash_book"
    cash_book = area.cash_book
    assert cash_book.filters.to_categorise.isChecked()
    assert cash_book.filters.account.currentData() == current.id
    assert cash_book.model.total == 2


def test_the_buttons_open_the_import_and_reconcile_windows_and_the_tab_follows_them(
    qtbot, area, actx, sessions, current, tmp_path
):
    page = area.show_tab("bank")
    assert page.no_imports.isVisible() and page.no_history.isVisible()
    assert (
        page.status.text() == "Current account has not been reconciled with a bank statement yet."
    )

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.objectName() == "statementDialog"
    assert dialog.account.currentData() == current.id
    path = tmp_path / "march.csv"
    path.write_text(MARCH, encoding="utf-8")
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.imports.rowCount() == 1)  # the tab reloaded itself
    assert page.to_do.text() == "2 entries in Current account still to categorise."
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(page.reconcile_button, Qt.MouseButton.LeftButton)
    window = page.dialog
    assert window.objectName() == "reconcileDialog"
    window.statement_on.setText("31/03/2026")
    window.statement_balance.setText("1,080.50")
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "under way" in page.status.text())
    assert page.status.text() == (
        "A reconciliation of Current account to the statement of 31/03/2026 is under way; "
        "the difference is £80.50."
    )
    assert page.reconcile_button.text() == "Carry on &reconciling…"


def test_the_import_report_leads_to_the_new_lines_in_the_cash_book(
    qtbot, area, sessions, current, tmp_path
):
    page = area.show_tab("bank")
    dialog = page.import_statement()
    path = tmp_path / "march.csv"
    path.write_text(MARCH, encoding="utf-8")
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1)

    qtbot.mouseClick(dialog.categorise, Qt.MouseButton.LeftButton)

    assert area.current_key() == "cash_book"
    assert area.cash_book.filters.to_categorise.isChecked()
    assert area.cash_book.model.total == 2
