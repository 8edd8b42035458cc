"""Typing the cash book from the keyboard: receipts, payments, payees that bring their
category back, and split entries that must add up."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from grassroots.accounts.cash_book import CashBookQuery, cash_book
from grassroots.core.dates import format_date
from grassroots.core.money import Money

from .conftest import THIS_YEAR, category_id, enter, focused


def key(qtbot, which, modifier=Qt.KeyboardModifier.NoModifier):
    widget = focused()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, which, modifier)


def type_in(qtbot, text: str) -> None:
    widget = focused()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClicks(widget, text)


def open_new_entry(qtbot, page):
    page.activateWindow()
    page.filters.search.setFocus()
    qtbot.waitUntil(lambda: focused() is page.filters.search)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.objectName() == "entryDialog"
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is dialog.form.on)
    return dialog


def test_a_receipt_and_a_payment_typed_without_the_mouse(qtbot, make_page, bank, sessions):
    page = make_page()
    dialog = open_new_entry(qtbot, page)
    first_day = THIS_YEAR[0] + timedelta(days=4)

    type_in(qtbot, format_date(first_day))  # the date is selected: typing replaces it
    key(qtbot, Qt.Key.Key_Tab)  # account (the only one)
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.form.payment  # the checked one of the pair
    key(qtbot, Qt.Key.Key_Left)  # Money in
    assert dialog.form.receipt.isChecked()
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.form.payee
    type_in(qtbot, "Margaret Hollis")
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.form.category
    type_in(qtbot, "Subs")
    assert dialog.form.category.currentText() == "Subscriptions"
    key(qtbot, Qt.Key.Key_Tab)  # the fund list is skipped while there is only one fund
    assert focused() is dialog.form.amount
    type_in(qtbot, "30")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.count == 1)

    # Ready for the next: same date, cleared fields, the cursor back on the date.
    assert dialog.form.on.date() == first_day
    assert dialog.form.payee.text() == "" and dialog.form.amount.text() == ""
    assert focused() is dialog.form.on
    assert "Margaret Hollis, £30.00 in" in dialog.last.text()

    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.form.receipt  # kept from the last entry
    key(qtbot, Qt.Key.Key_Right)  # Money out
    assert dialog.form.payment.isChecked()
    key(qtbot, Qt.Key.Key_Tab)
    type_in(qtbot, "British Gas")
    key(qtbot, Qt.Key.Key_Tab)
    type_in(qtbot, "Util")
    key(qtbot, Qt.Key.Key_Tab)
    type_in(qtbot, "184.50")
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.form.reference
    type_in(qtbot, "DD 0412")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.count == 2)

    rows = cash_book(sessions, CashBookQuery(newest_first=False))
    assert [(r.payee, r.category, r.amount.pence, r.balance.pence) for r in rows] == [
        ("Margaret Hollis", "Subscriptions", 3_000, 103_000),
        ("British Gas", "Utilities", -18_450, 84_550),
    ]
    assert rows[1].reference == "DD 0412" and rows[1].on == first_day
    # The page behind has caught up: both entries listed, the balance card moved.
    assert page.model.total == 2
    assert page.balances.balance_texts() == {"Current account": "£845.50"}
    # Closing the dialog, the next new entry starts on the last date used.
    dialog.reject()
    again = open_new_entry(qtbot, page)
    assert again.form.on.date() == first_day


def test_a_known_payee_brings_back_its_last_category(qtbot, make_page, bank, sessions):
    day = THIS_YEAR[0] + timedelta(days=2)
    enter(sessions, bank, day, -1_500, "Printing and postage", "Tesco")
    enter(sessions, bank, day, -1_200, "Activities and events", "Tesco")
    enter(sessions, bank, day, 4_500, "Hire income", "Tennis club")
    page = make_page()
    dialog = open_new_entry(qtbot, page)
    form = dialog.form
    form.receipt.setChecked(True)
    form.payee.setFocus()

    type_in(qtbot, "tes")
    popup = form.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert form.payee_names.stringList() == ["Tesco"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.payee.text() == "Tesco"
    assert form.payment.isChecked()  # Tesco was paid, not paying
    assert form.category.currentText() == "Activities and events"

    form.amount.setFocus()
    type_in(qtbot, "9.99")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.count == 1)
    newest = cash_book(sessions, CashBookQuery())[0]
    assert (newest.payee, newest.category, newest.amount) == (
        "Tesco",
        "Activities and events",
        Money(-999),
    )


def test_a_split_entry_must_add_up(qtbot, make_page, bank, sessions):
    page = make_page()
    dialog = open_new_entry(qtbot, page)
    form = dialog.form
    form.receipt.setChecked(True)
    form.payee.setFocus()
    type_in(qtbot, "Paying-in")
    form.amount.setFocus()
    type_in(qtbot, "42.50")

    key(
        qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert form.is_split() and len(form.split.lines) == 2
    assert form.category.isHidden() or not form.category.isVisible()
    first, second = form.split.lines
    assert focused() is second.amount
    assert not first.remove.isEnabled()  # a split keeps at least two lines
    split_keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    key(qtbot, Qt.Key.Key_S, split_keys)  # pressed again: one more line
    assert len(form.split.lines) == 3 and focused() is form.split.lines[2].amount
    qtbot.mouseClick(form.split.lines[2].remove, Qt.MouseButton.LeftButton)
    assert form.split.lines == [first, second]
    first.category.setCurrentIndex(first.category.findData(category_id(sessions, "Subscriptions")))
    second.category.setCurrentIndex(second.category.findData(category_id(sessions, "Donations")))
    first.amount.selectAll()
    first.amount.setText("30")
    second.amount.setFocus()
    type_in(qtbot, "10")
    assert form.split.left.text() == "£2.50 left to allocate"

    key(qtbot, Qt.Key.Key_Return)
    error = form.errors["amount"]
    assert error.isVisible()
    assert error.text() == "The lines add up to £40.00, but the amount is £42.50"
    dialog.ctx.tasks.wait()
    assert cash_book(sessions, CashBookQuery()) == []

    second.amount.setFocus()
    second.amount.selectAll()
    type_in(qtbot, "12.50")
    assert form.split.left.text() == "The lines add up to the amount"
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.count == 1)
    (row,) = cash_book(sessions, CashBookQuery())
    assert (row.category, row.lines, row.amount) == ("Split (2)", 2, Money(4_250))
    assert not form.is_split()  # the next entry starts plain


def test_a_date_before_the_books_start_is_refused_and_kept(qtbot, make_page, bank, sessions):
    page = make_page()
    dialog = open_new_entry(qtbot, page)
    form = dialog.form
    type_in(qtbot, format_date(bank.opening_on - timedelta(days=1)))
    form.amount.setFocus()
    type_in(qtbot, "5")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.errors["on"].isVisible())
    assert "books start on" in form.errors["on"].text()
    assert form.amount.text() == "£5.00" and dialog.count == 0


def test_a_minus_sign_means_money_out(qtbot, make_page, bank):
    dialog = open_new_entry(qtbot, make_page())
    form = dialog.form
    form.receipt.setChecked(True)
    form.amount.setFocus()
    type_in(qtbot, "-12")  # as a bank statement shows a payment
    key(qtbot, Qt.Key.Key_Tab)
    assert form.payment.isChecked() and form.amount.text() == "£12.00"


def test_a_receipt_scan_is_kept_with_the_entry_and_opens_again(
    qtbot, make_page, bank, sessions, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from grassroots.accounts import books

    scan = tmp_path / "Receipts" / "screwfix 14-11.pdf"
    scan.parent.mkdir()
    scan.write_bytes(b"%PDF-1.4 a receipt")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    page = make_page()
    dialog = open_new_entry(qtbot, page)
    form = dialog.form
    assert not form.attachment.open_button.isEnabled()
    form.payment.setChecked(True)
    form.payee.setText("Screwfix")
    form.amount.setFocus()
    type_in(qtbot, "14.99")
    qtbot.mouseClick(form.attachment.choose_button, Qt.MouseButton.LeftButton)
    assert form.attachment.path() == str(scan) and form.attachment.open_button.isEnabled()
    form.amount.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.count == 1)
    assert form.attachment.path() == ""  # cleared for the next entry

    [row] = cash_book(sessions, CashBookQuery(), 0, 10)
    assert books.get_entry(sessions, row.id).attachment == str(scan)
    scan.unlink()  # the folder was tidied away
    dialog.close()
    page.ctx.tasks.wait()
    qtbot.waitUntil(lambda: page.model.total == 1)
    again = page.open_entry(page.model.row_at(0))
    assert again.form.attachment.path() == str(scan)
    assert not again.form.attachment.open_button.isEnabled()
    assert "moved or renamed" in again.form.attachment.open_button.toolTip()
