"""Reconciling from the window: start with the statement's date and balance, tick with the
mouse or Space, watch the difference, save half way and carry on, finish at £0.00, abandon."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from grassroots.accounts import books, reconcile
from grassroots.core.money import Money
from tests.ui.test_accessibility import unnamed_controls

from .conftest import enter

START = date(2026, 3, 1)


@pytest.fixture
def current(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(100_000), START)


@pytest.fixture
def march(sessions, current):
    """Three entries up to the statement date, and one after it."""
    enter(sessions, current, date(2026, 3, 2), 12_550, "Donations", "Coffee morning")
    enter(sessions, current, date(2026, 3, 5), -4_500, "Bank charges", "Ashby Printers")
    enter(sessions, current, date(2026, 3, 20), -2_000, "Bank charges", "Cheque 100231")
    enter(sessions, current, date(2026, 4, 2), 1_200, "Donations", "April gift")


@pytest.fixture
def open_dialog(qtbot, actx, current):
    def make():
        from grassroots.ui.accounts.reconcile_dialog import ReconcileDialog

        dialog = ReconcileDialog(actx, current)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def figures(dialog) -> dict[str, str]:
    return {key: label.text() for key, label in dialog.figure_labels.items()}


def start(qtbot, dialog, on: str, balance: str) -> None:
    dialog.statement_on.setText(on)
    dialog.statement_balance.setText(balance)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1 and dialog.model.rowCount() > 0)


def click_tick(qtbot, dialog, row: int) -> None:
    rect = dialog.table.visualRect(dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_ticking_to_a_difference_of_nothing_then_finishing_locks_the_entries(
    qtbot, open_dialog, actx, sessions, current, march
):
    dialog = open_dialog()
    assert "This is its first reconciliation" in dialog.explain.text()
    start(qtbot, dialog, "31/03/2026", "1,080.50")

    # The entries up to the statement date only; nothing ticked yet.
    assert [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())] == [
        "Coffee morning", "Ashby Printers", "Cheque 100231",
    ]  # fmt: skip
    assert figures(dialog) == {
        "starting": "£1,000.00", "ticked": "£0.00", "statement": "£1,080.50",
        "difference": "£80.50",
    }  # fmt: skip
    assert not dialog.finish_button.isEnabled()
    assert unnamed_controls(dialog) == []

    # Space ticks the entry under the cursor and moves down; a click ticks another.
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.table.currentIndex().row() == 1
    assert figures(dialog)["difference"] == "-£45.00"
    click_tick(qtbot, dialog, 1)
    assert figures(dialog)["ticked"] == "£80.50" and figures(dialog)["difference"] == "£0.00"
    assert dialog.finish_button.isEnabled()
    # The cheque not yet paid in stays unticked.
    assert dialog.model.index(2, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    (done,) = reconcile.history(sessions, current.id)
    assert done.statement_balance == Money(108_050) and done.difference == Money(0)
    assert reconcile.unfinished_reconciliation(sessions, current.id) is None
    assert [books.get_entry(sessions, i).locked for i in (1, 2, 3)] == [True, True, False]


def test_save_and_close_keeps_the_ticks_for_next_time(qtbot, open_dialog, sessions, current, march):
    dialog = open_dialog()
    start(qtbot, dialog, "31/03/2026", "1,060.50")
    click_tick(qtbot, dialog, 2)
    qtbot.waitUntil(lambda: dialog.view.ticked == Money(-2_000))  # saved
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    again = open_dialog()  # goes straight to the ticking, as it was left
    qtbot.waitUntil(lambda: again.model.rowCount() == 3)
    assert again.stack.currentIndex() == 1
    assert again.tick_heading.text() == "Current account: the statement of 31/03/2026"
    assert figures(again)["ticked"] == "-£20.00" and figures(again)["difference"] == "£80.50"
    # Unticking with Space on a ticked row.
    again.table.setFocus()
    again.table.setCurrentIndex(again.model.index(2, 0))
    again.table.selectRow(2)
    qtbot.keyClick(again.table, Qt.Key.Key_Space)
    assert figures(again)["difference"] == "£60.50"
    qtbot.waitUntil(lambda: again.view.ticked == Money(0))


def test_a_statement_date_before_the_books_start_is_refused_at_the_field(qtbot, open_dialog, march):
    dialog = open_dialog()
    dialog.statement_on.setText("28/02/2026")
    dialog.statement_balance.setText("1,000")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    error = dialog.start_errors["statement_on"]
    qtbot.waitUntil(lambda: error.isVisible())
    assert error.text() == (
        "Current account's books start on 01/03/2026; the statement date is before that"
    )
    assert dialog.stack.currentIndex() == 0


def test_abandoning_throws_the_ticks_away(qtbot, open_dialog, sessions, current, march):
    dialog = open_dialog()
    start(qtbot, dialog, "31/03/2026", "1,080.50")
    click_tick(qtbot, dialog, 0)
    qtbot.waitUntil(lambda: dialog.view.ticked == Money(12_550))

    box = dialog.abandon()
    qtbot.mouseClick(box.property("confirm_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert reconcile.unfinished_reconciliation(sessions, current.id) is None
    assert reconcile.history(sessions, current.id) == []


def test_lines_from_an_imported_statement_are_ticked_in_one_go(
    qtbot, open_dialog, sessions, current, tmp_path
):
    from grassroots.accounts.statements import import_statement

    path = tmp_path / "march.csv"
    path.write_text(
        "Date,Description,Amount,Balance\n"
        "02/03/2026,COFFEE MORNING,125.50,1125.50\n"
        "05/03/2026,ASHBY PRINTERS,-45.00,1080.50\n",
        encoding="utf-8",
    )
    assert import_statement(sessions, path, current.id).errors == ()
    enter(sessions, current, date(2026, 3, 20), -2_000, "Bank charges", "Cheque 100231")
    dialog = open_dialog()
    start(qtbot, dialog, "31/03/2026", "1,080.50")
    qtbot.waitUntil(lambda: dialog.tick_imported.isVisible())
    assert dialog.tick_imported.isEnabled()

    qtbot.mouseClick(dialog.tick_imported, Qt.MouseButton.LeftButton)

    assert figures(dialog)["difference"] == "£0.00" and dialog.finish_button.isEnabled()
    assert not dialog.tick_imported.isEnabled()  # nothing left to tick that way
    assert dialog.model.index(2, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    qtbot.waitUntil(lambda: dialog.view.ticked == Money(8_050))  # saved
