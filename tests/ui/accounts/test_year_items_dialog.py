"""The statement of assets' lists (B2 to B5) for a year end: added, changed and removed through
the dialog, checked as they are typed, and left alone once the year is closed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from grassroots.accounts import books
from grassroots.accounts.year_end import statement_of_assets
from grassroots.accounts.year_end_items import (
    add_year_end_item,
    change_year_end_item,
    remove_year_end_item,
    year_end_items_for,
)
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.ui.accounts.year_end_page import YearEndPage
from tests.ui.test_accessibility import unnamed_controls

from .conftest import LAST_YEAR, enter

YEAR = LAST_YEAR[0]


@pytest.fixture
def page(qtbot, actx, sessions, bank):
    enter(sessions, bank, YEAR + timedelta(days=10), 4_500, "Subscriptions")
    made = YearEndPage(actx)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitUntil(lambda: made.loaded and made.status is not None)
    return made


def open_lists(qtbot, page):
    qtbot.mouseClick(page.items_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.loaded)
    return dialog


def rows(tab) -> list[list[str]]:
    table = tab.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_adding_changing_and_removing_a_line(qtbot, page, actx, sessions):
    roof = books.add_fund(sessions, "Roof appeal", "restricted")
    dialog = open_lists(qtbot, page)
    assert unnamed_controls(dialog) == []
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "B2 Other monetary assets",
        "B3 Investments",
        "B4 Assets for own use",
        "B5 Liabilities",
    ]

    # A liability: details, fund, amount due and when it is due.
    dialog.tabs.setCurrentIndex(3)
    liabilities = dialog.lists["liability"]
    qtbot.mouseClick(liabilities.add, Qt.MouseButton.LeftButton)
    form = dialog.form
    qtbot.waitUntil(form.isVisible)
    assert form.cost.isHidden() and not form.due.isHidden()
    assert unnamed_controls(form) == []
    qtbot.keyClicks(form.details, "Roofer's final invoice")
    form.fund.setCurrentIndex(form.fund.findData(roof.id))
    qtbot.keyClicks(form.amount, "1,250")
    qtbot.keyClicks(form.due, "April")
    with qtbot.waitSignal(dialog.changed):
        qtbot.keyClick(form.details, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: liabilities.table.rowCount() == 1)
    assert rows(liabilities) == [["Roofer's final invoice", "Roof appeal", "£1,250.00", "April"]]

    # Changed: the form opens with what was there.
    liabilities.table.selectRow(0)
    qtbot.mouseClick(liabilities.change, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form.details.text() == "Roofer's final invoice" and form.amount.text() == "£1,250.00"
    form.amount.setText("")
    qtbot.keyClicks(form.amount, "1,300.50")
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(liabilities)[0][2] == "£1,300.50")
    (item,) = statement_of_assets(sessions, YEAR).liabilities
    assert (item.details, item.fund, item.amount, item.due) == (
        "Roofer's final invoice",
        "Roof appeal",
        Money(130_050),
        "April",
    )

    # Removed, after saying yes.
    liabilities.table.selectRow(0)
    qtbot.mouseClick(liabilities.remove, Qt.MouseButton.LeftButton)
    box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    assert "Roofer's final invoice" in box.text()
    with qtbot.waitSignal(dialog.changed):
        box.property("confirm_button").click()
    qtbot.waitUntil(lambda: liabilities.table.rowCount() == 0)
    assert year_end_items_for(sessions, YEAR) == ()


def test_assets_for_own_use_have_a_cost_and_a_value(qtbot, page, sessions):
    dialog = open_lists(qtbot, page)
    dialog.tabs.setCurrentIndex(2)
    own_use = dialog.lists["own_use"]
    qtbot.mouseClick(own_use.add, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert not form.cost.isHidden() and form.due.isHidden()
    qtbot.keyClicks(form.details, "Stacking chairs")
    qtbot.keyClicks(form.cost, "1800")  # the value is optional
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: own_use.table.rowCount() == 1)
    assert rows(own_use) == [["Stacking chairs", "—", "£1,800.00", ""]]
    (chairs,) = statement_of_assets(sessions, YEAR).own_use
    assert (chairs.cost, chairs.amount) == (Money(180_000), None)


def test_what_is_wrong_is_said_and_nothing_typed_is_lost(qtbot, page, sessions):
    dialog = open_lists(qtbot, page)
    qtbot.mouseClick(dialog.lists["monetary"].add, Qt.MouseButton.LeftButton)
    form = dialog.form
    qtbot.keyClicks(form.amount, "twelve")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    assert form.errors["details"].text() == "Say what it is"
    assert form.errors["amount"].isVisibleTo(form) and form.errors["amount"].text()
    assert form.isVisible() and form.amount.text() == "twelve"
    assert year_end_items_for(sessions, YEAR) == ()


def test_a_closed_year_s_lists_stay_as_approved(qtbot, page, sessions):
    item = add_year_end_item(sessions, YEAR, "monetary", "Gift Aid due", Money(41_250))
    books.mark_year_closed(sessions, *LAST_YEAR, "Margaret Ellis", LAST_YEAR[1])
    page.refresh()
    qtbot.waitUntil(lambda: page.status.year.closed)
    dialog = open_lists(qtbot, page)
    monetary = dialog.lists["monetary"]
    assert dialog.locked.isVisible()
    assert rows(monetary) == [["Gift Aid due", "—", "£412.50"]]
    monetary.table.selectRow(0)
    assert not (monetary.add.isEnabled() or monetary.change.isEnabled())
    assert not monetary.remove.isEnabled()
    # The service refuses too, saying why.
    with pytest.raises(ValidationError, match="is closed, so its assets and liabilities stay"):
        change_year_end_item(sessions, item, "Gift Aid due from HMRC", Money(1))
    with pytest.raises(ValidationError, match="is closed"):
        remove_year_end_item(sessions, item)
    with pytest.raises(ValidationError, match="is closed"):
        add_year_end_item(sessions, YEAR, "liability", "A bill", Money(100))
