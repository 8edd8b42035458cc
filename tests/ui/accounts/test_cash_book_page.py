"""The cash book page: the empty state, balances, filters, lazy loading, editing, locked
entries and their reversal, deleting and transfers, all on a real database."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from grassroots.accounts import books
from grassroots.accounts.cash_book import CashBookQuery, cash_book
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.money import Money
from grassroots.ui.accounts.columns import CASH_BOOK_COLUMNS, LOCK_COLUMN
from grassroots.ui.accounts.filter_bar import ALL_DATES, CUSTOM, LAST_YEAR

from .conftest import LAST_YEAR as LAST_YEAR_DATES
from .conftest import THIS_YEAR, category_id, enter, focused

PAID_IN, PAID_OUT, BALANCE = 7, 8, 9


def cell(page, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def double_click_row(qtbot, page, row: int) -> None:
    rect = page.table.visualRect(page.model.index(row, 3))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_group_with_no_accounts_is_asked_for_its_bank_account(qtbot, make_page, actx):
    page = make_page()
    assert page.stack.currentWidget() is page.empty
    assert page.empty.first.text() == "Add your bank account"
    assert not page.filters.isVisible() and not page.new_action.isVisible()

    qtbot.mouseClick(page.empty.first, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.objectName() == "accountDialog"
    qtbot.waitUntil(lambda: focused() is dialog.name)
    qtbot.keyClicks(dialog.name, "Current account")
    dialog.details.setText("Lloyds, ending 1234")
    dialog.opening.setText("")
    qtbot.keyClicks(dialog.opening, "1,250.00")
    qtbot.keyClick(dialog.opening, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert page.balances.balance_texts() == {"Current account": "£1,250.00"}
    assert page.empty.heading.text() == "No entries yet"
    assert page.new_action.isEnabled() and page.filters.isVisible()
    (account,) = books.list_accounts(actx.sessions)
    assert account.bank_details == "Lloyds, ending 1234"
    assert account.opening_on == THIS_YEAR[0]


def test_columns_balances_and_filters(qtbot, make_page, bank, sessions):
    cash = books.add_account(sessions, "Petty cash", "cash", Money(5_000), LAST_YEAR_DATES[0])
    day = THIS_YEAR[0] + timedelta(days=3)
    enter(sessions, bank, day, 3_000, "Subscriptions", "Margaret Hollis")
    enter(sessions, cash, day, -1_260, "Activities and events", "Co-op")
    enter(sessions, bank, day + timedelta(days=1), 1_870, None, "Unknown credit")
    enter(sessions, bank, LAST_YEAR_DATES[0] + timedelta(days=9), -500, "Bank charges", "Bank")
    page = make_page()

    # This financial year, newest first, UK columns: paid in, paid out, running balance.
    assert page.model.total == 3
    assert [CASH_BOOK_COLUMNS[c].header for c in (PAID_IN, PAID_OUT, BALANCE)] == [
        "Paid in",
        "Paid out",
        "Balance",
    ]
    assert (cell(page, 0, 3), cell(page, 0, 4), cell(page, 0, PAID_IN)) == (
        "Unknown credit",
        "To categorise",
        "£18.70",
    )
    # Newest first; each balance is its own account's, after that entry.
    assert [cell(page, r, BALANCE) for r in range(3)] == ["£1,043.70", "£37.40", "£1,025.00"]
    co_op = next(r for r in range(3) if cell(page, r, 3) == "Co-op")
    assert (cell(page, co_op, PAID_IN), cell(page, co_op, PAID_OUT)) == ("", "£12.60")
    assert page.balances.balance_texts() == {
        "Current account": "£1,043.70",
        "Petty cash": "£37.40",
        "All accounts": "£1,081.10",
    }
    assert page.balances.to_do.text() == "1 entry to categorise"
    assert page.table.isColumnHidden(5)  # one fund only: no fund column

    page.filters.account.setCurrentIndex(page.filters.account.findData(cash.id))
    assert page.model.total == 1 and cell(page, 0, 3) == "Co-op"
    page.filters.account.setCurrentIndex(0)
    page.filters.set_period(LAST_YEAR)
    assert page.model.total == 1 and cell(page, 0, 3) == "Bank"
    page.filters.set_period(CUSTOM)
    assert page.filters.start.isVisible() and page.filters.end.isVisible()
    page.filters.start.set_date(day + timedelta(days=1))
    page.filters.end.set_date(day + timedelta(days=30))
    page.filters.end.editingFinished.emit()
    assert page.model.total == 1 and cell(page, 0, 3) == "Unknown credit"
    page.filters.set_period(ALL_DATES)
    assert not page.filters.start.isVisible()
    assert page.model.total == 4
    qtbot.keyClicks(page.filters.search, "hollis")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert cell(page, 0, 3) == "Margaret Hollis"
    page.filters.search.clear()
    qtbot.waitUntil(lambda: page.model.total == 4)
    cat = category_id(sessions, "Bank charges")
    page.filters.category.setCurrentIndex(page.filters.category.findData(cat))
    assert page.model.total == 1 and page.filters.count.text() == "1 entry"
    page.show_everything()
    qtbot.mouseClick(page.balances.to_do, Qt.MouseButton.LeftButton)
    assert page.filters.to_categorise.isChecked()
    assert page.model.total == 1 and cell(page, 0, 3) == "Unknown credit"

    page.filters.search.setText("nobody at all")
    page.filters.search.returnPressed.emit()
    assert page.stack.currentWidget() is page.empty
    assert page.empty.heading.text() == "No entries here"
    qtbot.mouseClick(page.empty.first, Qt.MouseButton.LeftButton)  # Show all entries
    assert page.model.total == 4 and not page.filters.to_categorise.isChecked()


def test_more_than_four_hundred_entries_load_as_the_list_scrolls(qtbot, make_page, bank, sessions):
    donations = category_id(sessions, "Donations")
    with sessions.begin() as session:
        for n in range(450):
            books.new_entry(
                session,
                EntryInput(
                    bank.id,
                    THIS_YEAR[0] + timedelta(days=n % 200),
                    (LineInput(Money(100), donations),),
                    payee=f"Donor {n:03d}",
                ),
            )
    page = make_page()
    assert page.model.total == 450
    assert page.model.rowCount() == 200  # one page, not the whole book
    assert page.filters.count.text() == "450 entries"
    while page.model.canFetchMore():
        before = page.model.rowCount()
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda before=before: page.model.rowCount() > before)
    assert page.model.rowCount() == 450
    # The oldest entry, last in the list, carries the balance just after the opening one.
    assert cell(page, 449, BALANCE) == "£1,001.00"
    assert cell(page, 0, BALANCE) == "£1,450.00"


def test_double_click_changes_an_entry(qtbot, make_page, bank, sessions):
    day = THIS_YEAR[0] + timedelta(days=5)
    enter(sessions, bank, day, -18_450, "Utilities", "British Gas")
    page = make_page()
    double_click_row(qtbot, page, 0)
    dialog = page.dialog
    assert dialog.objectName() == "entryDialog" and dialog.entry is not None
    assert dialog.form.payment.isChecked() and dialog.form.amount.text() == "£184.50"
    assert dialog.form.category.currentText() == "Utilities"
    assert dialog.save.text() == "Save"

    dialog.form.amount.setFocus()
    dialog.form.amount.selectAll()
    qtbot.keyClicks(dialog.form.amount, "190")
    qtbot.keyClick(dialog.form.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert cell(page, 0, PAID_OUT) == "£190.00" and cell(page, 0, BALANCE) == "£810.00"
    assert page.balances.balance_texts() == {"Current account": "£810.00"}


def test_a_locked_entry_refuses_changes_and_offers_a_reversal(qtbot, make_page, bank, sessions):
    old = enter(sessions, bank, LAST_YEAR_DATES[0] + timedelta(days=20), 2_500, "Donations", "Fete")
    books.mark_year_closed(sessions, *LAST_YEAR_DATES)
    page = make_page()
    page.filters.set_period(ALL_DATES)
    assert page.model.index(0, LOCK_COLUMN).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "closed" in page.model.index(0, LOCK_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    page.table.selectRow(0)
    assert not page.delete_action.isEnabled()

    double_click_row(qtbot, page, 0)
    box = page.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "lockedBox"
    assert "locked" in box.text()
    assert "financial year has been closed" in box.informativeText()
    assert "reverse it" in box.informativeText()
    assert books.get_entry(sessions, old.id).amount == Money(2_500)  # nothing changed

    qtbot.mouseClick(box.property("reverse_button"), Qt.MouseButton.LeftButton)
    confirm = page.dialog
    assert confirm.objectName() == "confirmBox"
    qtbot.mouseClick(confirm.property("confirm_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.total == 2)
    newest = cash_book(sessions, CashBookQuery())[0]
    assert newest.reverses_id == old.id and newest.amount == Money(-2_500)
    assert newest.on == date.today() and not newest.locked
    assert newest.balance == Money(100_000)


def test_delete_asks_first_and_only_for_unlocked_entries(qtbot, make_page, bank, sessions):
    enter(sessions, bank, THIS_YEAR[0] + timedelta(days=1), 700, "Donations", "Mistake")
    page = make_page()
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    box = page.dialog
    assert box.objectName() == "confirmBox" and "Mistake" in box.text()
    box.reject()  # Cancel keeps it
    actx = page.ctx
    actx.tasks.wait()
    assert page.model.total == 1

    box = page.delete_selected()
    qtbot.mouseClick(box.property("confirm_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.total == 0)
    assert cash_book(sessions, CashBookQuery()) == []


def test_a_transfer_between_accounts_adds_a_pair(qtbot, make_page, bank, sessions):
    cash = books.add_account(sessions, "Petty cash", "cash", Money(8_000), LAST_YEAR_DATES[0])
    page = make_page()
    page.activateWindow()
    page.filters.search.setFocus()
    qtbot.waitUntil(lambda: focused() is page.filters.search)
    qtbot.keyClick(page, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog.objectName() == "transferDialog"
    assert dialog.source.currentData() == cash.id and dialog.target.currentData() == bank.id
    dialog.amount.setFocus()
    qtbot.keyClicks(dialog.amount, "40")
    qtbot.keyClicks(dialog.note, "Coffee morning cash paid in")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.total == 2)
    assert page.balances.balance_texts() == {
        "Current account": "£1,040.00",
        "Petty cash": "£40.00",
        "All accounts": "£1,080.00",
    }
    assert cell(page, 0, 4) == "Transfer"
    assert cell(page, 0, 3) == "Transfer — Coffee morning cash paid in"
    assert page.balances.to_do.isHidden()  # transfers need no category


def test_the_main_window_has_an_accounts_area(qtbot, main_window):
    titles = [main_window.sidebar.item(i).text() for i in range(main_window.sidebar.count())]
    assert "Accounts" in titles
    main_window.activateWindow()
    number = titles.index("Accounts") + 1
    qtbot.keyClick(
        main_window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
    )
    assert main_window.current_area() == "accounts"
    area = main_window.current_page()
    assert type(area).__name__ == "AccountsArea"
    assert type(area.tabs.currentWidget().findChild(QWidget, "cashBookTable").parent()).__name__
    titles = [area.tabs.tabText(i) for i in range(area.tabs.count())]
    assert titles[:2] == ["Cash book", "Bank statements"] and "Gift Aid" in titles
    for key in ("bank", "reports", "year_end", "gift_aid", "setup"):
        page = area.show_tab(key)
        assert area.tabs.currentWidget().isAncestorOf(page)
        assert page.isVisible()


def test_changing_an_entry_keeps_a_retired_category(qtbot, make_page, bank, sessions):
    from sqlalchemy import update

    from grassroots.accounts.models import Category

    enter(sessions, bank, THIS_YEAR[0] + timedelta(days=2), -5_000, "Utilities", "Water board")
    with sessions.begin() as session:
        session.execute(update(Category).where(Category.name == "Utilities").values(active=False))
    page = make_page()
    dialog = page.open_entry(page.model.row_at(0))
    assert dialog.form.category.currentText() == "Utilities"
    dialog.form.note.setText("Quarterly")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (row,) = cash_book(sessions, CashBookQuery())
    assert (row.category, row.note) == ("Utilities", "Quarterly")
