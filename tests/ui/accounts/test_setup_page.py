"""The Accounts, categories and funds tab, driven through its widgets: categories added under
a heading reach the entry dialog, retired ones leave it, and a fund with money in it is not
closed but explained."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from grassroots.accounts import books, funds, reconcile
from grassroots.core.money import Money
from grassroots.ui.accounts.setup_page import SetupPage
from grassroots.ui.dialogs.entry_dialog import EntryDialog
from tests.ui.test_accessibility import unnamed_controls

from .conftest import LAST_YEAR, enter


@pytest.fixture
def page(qtbot, actx):
    widget = SetupPage(actx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def find(tree: QTreeWidget, text: str, under: str | None = None) -> QTreeWidgetItem | None:
    """The row whose first column reads `text` (below a row reading `under`, if given)."""
    for item in tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive):
        parent = item.parent()
        if under is None or (parent is not None and parent.text(0) == under):
            return item
    return None


def click(qtbot, button) -> None:
    assert button.isEnabled(), f"{button.text()} is not enabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def double_click(qtbot, tree: QTreeWidget, item: QTreeWidgetItem) -> None:
    tree.scrollToItem(item)
    centre = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def opened(qtbot, page, name: str):
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == name)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    return dialog


def offered_categories(qtbot, actx, direction: str) -> list[str]:
    """What the entry dialog's category list offers for receipts or payments."""
    dialog = EntryDialog(actx)
    qtbot.addWidget(dialog)
    form = dialog.form
    (form.receipt if direction == "receipt" else form.payment).setChecked(True)
    return [form.category.itemText(i) for i in range(form.category.count())]


def test_a_category_added_under_a_heading_is_offered_for_entries(qtbot, page, actx):
    page.sections.setCurrentWidget(page.categories)
    tree = page.categories.tree
    tree.setCurrentItem(find(tree, "Fundraising", under="Receipts (money in)"))
    click(qtbot, page.add_category_button)
    dialog = opened(qtbot, page, "categoryDialog")
    assert dialog.side.currentData() == "receipt"
    assert dialog.heading.currentText() == "Fundraising"  # the heading chosen in the tree
    assert unnamed_controls(dialog) == []
    qtbot.keyClicks(dialog.name, "Coffee mornings")
    click(qtbot, dialog.ok)

    qtbot.waitUntil(lambda: find(tree, "Coffee mornings", under="Fundraising") is not None)
    assert tree.currentItem().text(0) == "Coffee mornings"
    assert "Coffee mornings" in offered_categories(qtbot, actx, "receipt")
    assert "Coffee mornings" not in offered_categories(qtbot, actx, "payment")


def test_a_category_needs_a_heading_and_a_name_of_its_own(qtbot, page):
    page.sections.setCurrentWidget(page.categories)
    page.categories.tree.setCurrentItem(find(page.categories.tree, "Payments (money out)"))
    click(qtbot, page.add_category_button)
    dialog = opened(qtbot, page, "categoryDialog")
    assert dialog.side.currentData() == "payment" and not dialog.gift_aid.isEnabled()
    qtbot.keyClicks(dialog.name, "utilities")
    click(qtbot, dialog.ok)
    assert dialog.errors["heading"].isVisible()
    assert "heading" in dialog.errors["heading"].text()

    dialog.heading.setCurrentIndex(dialog.heading.findText("Charitable activities"))
    click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: dialog.errors["name"].isVisible())
    assert dialog.errors["name"].text() == "There is already a category called utilities"
    assert dialog.isVisible()  # nothing typed is lost


def test_a_retired_category_is_no_longer_offered_but_kept_on_its_entries(
    qtbot, page, actx, bank, sessions
):
    enter(sessions, bank, LAST_YEAR[0], 4_000, "Hire income")
    page.refresh()
    page.sections.setCurrentWidget(page.categories)
    tree = page.categories.tree
    tree.setCurrentItem(find(tree, "Hire income"))
    assert not page.delete_category_button.isEnabled()  # an entry uses it
    click(qtbot, page.retire_category_button)

    qtbot.waitUntil(lambda: find(tree, "Hire income").text(3) == "Retired")
    row = find(tree, "Hire income")
    assert row.text(2) == "1"  # its entry keeps it
    assert page.retire_category_button.text() == "Bring &back"
    assert "Hire income" not in offered_categories(qtbot, actx, "receipt")

    click(qtbot, page.retire_category_button)
    qtbot.waitUntil(lambda: find(tree, "Hire income").text(3) == "")
    assert "Hire income" in offered_categories(qtbot, actx, "receipt")


def test_an_unused_category_can_be_deleted(qtbot, page):
    page.sections.setCurrentWidget(page.categories)
    tree = page.categories.tree
    tree.setCurrentItem(find(tree, "Legacies", under="Legacies"))
    click(qtbot, page.delete_category_button)
    box = page.dialog
    click(qtbot, box.property("confirm_button"))
    qtbot.waitUntil(lambda: find(tree, "Legacies", under="Legacies") is None)
    assert find(tree, "Legacies") is not None  # the heading stays


def test_a_category_is_changed_by_double_click(qtbot, page, actx):
    page.sections.setCurrentWidget(page.categories)
    tree = page.categories.tree
    double_click(qtbot, tree, find(tree, "Hire income"))
    dialog = opened(qtbot, page, "categoryDialog")
    assert dialog.name.text() == "Hire income"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Room hire")
    dialog.heading.setCurrentIndex(dialog.heading.findText("Rents"))
    click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: find(tree, "Room hire", under="Rents") is not None)
    assert find(tree, "Hire income") is None


def test_a_fund_with_a_balance_is_not_closed_and_the_page_says_why(
    qtbot, page, actx, bank, sessions
):
    grant = funds.open_fund(sessions, "Youth club grant", "restricted", "Youth sessions")
    books.add_entry(
        sessions,
        books.EntryInput(
            bank.id, LAST_YEAR[0], (books.LineInput(Money(30_000), None, grant.id),), payee="LCC"
        ),
    )
    page.refresh()
    page.sections.setCurrentWidget(page.funds)
    tree = page.funds.tree
    row = find(tree, "Youth club grant")
    assert row.text(4) == "£300.00"
    tree.setCurrentItem(row)
    click(qtbot, page.close_fund_button)  # not asked first: the answer is known

    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "messageBox")
    assert page.dialog.informativeText() == (
        "Youth club grant still holds £300.00. Transfer the balance to another fund first, "
        "then close it"
    )
    assert find(tree, "Youth club grant").text(5) == "Open"


def test_a_fund_is_added_with_its_giver_and_a_spent_one_closes(qtbot, page, actx):
    page.sections.setCurrentWidget(page.funds)
    click(qtbot, page.add_fund_button)
    dialog = opened(qtbot, page, "fundDialog")
    assert unnamed_controls(dialog) == []
    qtbot.keyClicks(dialog.name, "Roof appeal")
    assert dialog.kind.currentData() == "restricted" and dialog.funder.isEnabled()
    click(qtbot, dialog.ok)
    assert dialog.errors["purpose"].isVisible()  # a restricted fund says what it is for
    qtbot.keyClicks(dialog.purpose, "New roof for the hall")
    qtbot.keyClicks(dialog.funder, "Village appeal 2026")
    click(qtbot, dialog.ok)

    tree = page.funds.tree
    qtbot.waitUntil(lambda: find(tree, "Roof appeal") is not None)
    row = find(tree, "Roof appeal")
    assert [row.text(i) for i in range(6)] == [
        "Roof appeal",
        "Restricted",
        "New roof for the hall",
        "Village appeal 2026",
        "£0.00",
        "Open",
    ]
    tree.setCurrentItem(row)
    click(qtbot, page.close_fund_button)
    click(qtbot, page.dialog.property("confirm_button"))
    qtbot.waitUntil(lambda: find(tree, "Roof appeal").text(5) == "Closed")
    assert "Roof appeal" not in {f.name for f in books.list_funds(actx.sessions) if f.active}


def test_the_general_fund_cannot_be_closed(qtbot, page):
    page.sections.setCurrentWidget(page.funds)
    page.funds.tree.setCurrentItem(find(page.funds.tree, "General fund"))
    assert not page.close_fund_button.isEnabled()
    click(qtbot, page.change_fund_button)
    dialog = opened(qtbot, page, "fundDialog")
    assert dialog.name.isReadOnly() and not dialog.kind.isEnabled()


def test_an_account_is_renamed_with_its_details_masked(qtbot, page, bank):
    page.refresh()
    tree = page.accounts.tree
    double_click(qtbot, tree, find(tree, "Current account"))
    dialog = opened(qtbot, page, "accountDialog")
    assert dialog.name.text() == "Current account" and dialog.opening.isEnabled()
    assert unnamed_controls(dialog) == []
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Lloyds current account")
    qtbot.keyClicks(dialog.details, "30-90-12 12345678")
    click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: find(tree, "Lloyds current account") is not None)
    assert find(tree, "Lloyds current account").text(2) == "••-••-•• ••••5678"


def test_an_opening_balance_relied_on_is_shown_fixed(qtbot, page, bank, sessions):
    done = reconcile.start_reconciliation(sessions, bank.id, LAST_YEAR[0], Money(100_000))
    reconcile.finish_reconciliation(sessions, done.id)
    page.refresh()
    page.accounts.tree.setCurrentItem(find(page.accounts.tree, "Current account"))
    click(qtbot, page.change_account_button)
    dialog = opened(qtbot, page, "accountDialog")
    assert not dialog.opening.isEnabled() and not dialog.opening_on.isEnabled()


def test_an_account_with_money_in_it_is_not_closed(qtbot, page, bank):
    page.refresh()
    page.accounts.tree.setCurrentItem(find(page.accounts.tree, "Current account"))
    click(qtbot, page.close_account_button)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "messageBox")
    assert "Transfer the balance to another account first" in page.dialog.informativeText()


def test_every_section_is_named_for_a_screen_reader(qtbot, page, bank):
    page.refresh()
    for index in range(page.sections.count()):
        page.sections.setCurrentIndex(index)
        assert unnamed_controls(page) == [], page.sections.tabText(index)


def test_the_accounts_area_opens_the_tab(qtbot, actx, bank):
    from grassroots.ui.accounts.area import AccountsArea

    area = AccountsArea(actx)
    qtbot.addWidget(area)
    area.show()
    page = area.show_tab("setup")
    assert isinstance(page, SetupPage) and page.title == "Accounts, categories and funds"
    assert find(page.accounts.tree, "Current account").text(4) == "£1,000.00"
