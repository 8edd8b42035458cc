"""Joining, renewing, changing type and ending memberships through the membership dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from grassroots.core.dates import add_months, format_date
from grassroots.core.money import Money
from grassroots.members.records import MemberStatus
from grassroots.members.service import list_types, membership_of
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person
from tests.ui.members.conftest import add_current_member, add_due_member, wait_idle


def test_renew_a_due_member_moves_expiry_on_a_year_and_records_payment(qtbot, page, sessions):
    before = add_due_member(sessions, "Dorothy", "Haywood", days_left=12)
    page.show_status(MemberStatus.DUE)
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.amount.text() == "£10.00"  # the type's fee
    new_expiry = add_months(before.expires_on, 12)
    assert dialog.preview.text() == f"Paid up to: {format_date(new_expiry)}"
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "£12.50")
    dialog.method.setCurrentIndex(dialog.method.findData("cheque"))
    dialog.gift_aid.setChecked(True)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    after = membership_of(sessions, before.person_id)
    assert after.expires_on == new_expiry
    assert after.status is MemberStatus.CURRENT
    paid = after.subscriptions[-1]
    assert (paid.amount, paid.method, paid.gift_aid, paid.paid_on) == (
        Money(1250),
        "cheque",
        True,
        date.today(),
    )
    qtbot.waitUntil(lambda: page.model.total == 0)  # no longer due


def test_amount_must_be_money_and_date_real(qtbot, page, sessions):
    add_due_member(sessions, "Keith", "Rowley")
    page.refresh()
    page.table.selectRow(0)
    dialog = page.renew_selected()
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "twelve")
    assert not dialog.ok.isEnabled()
    assert "not an amount of money" in dialog.errors["amount"].text()
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "12")
    dialog.on_date.clear()
    qtbot.keyClicks(dialog.on_date, "31/02/2026")
    assert "not a real date" in dialog.errors["on_date"].text()
    assert not dialog.ok.isEnabled()


def test_renew_several_selected_at_their_own_fees(qtbot, page, mctx, sessions):
    first = add_due_member(sessions, "Ann", "Ball")
    second = add_due_member(sessions, "Bill", "Ball")
    page.refresh()
    page.table.selectAll()
    dialog = page.renew_selected()
    assert dialog.heading.text() == "Renew 2 memberships"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    for member in (first, second):
        after = membership_of(sessions, member.person_id)
        assert after.expires_on == add_months(member.expires_on, 12)
        assert after.subscriptions[-1].amount == member.type.fee


def test_join_change_type_and_end_from_the_person_record(qtbot, page, mctx, sessions):
    person = add_person(sessions, PersonInput(first_name="Owen", last_name="Dunn"))
    record = page.open_person(person.id)
    tab = record.membership
    assert tab.values["status"].text() == "Not a member"
    assert not tab.renew_button.isEnabled()
    join = tab.open_action("join")
    qtbot.mouseClick(join.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.values["number"].text() == "1")
    assert tab.payments.rowCount() == 1
    assert tab.payments.item(0, 1).text() == "£10.00"

    life = next(t for t in list_types(sessions) if t.period_months == 0)
    change = tab.open_action("change type")
    change.type.setCurrentIndex(change.type.findData(life.id))
    qtbot.mouseClick(change.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.values["expires"].text() == "Never expires")

    end = tab.open_action("end")
    end.reason.setCurrentText("Moved away")
    qtbot.mouseClick(end.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.values["status"].text() == "Ended")
    wait_idle(qtbot, mctx)
    detail = membership_of(sessions, person.id)
    assert (detail.ended_reason, detail.type.id) == ("Moved away", life.id)


def test_household_from_people_at_the_same_address(qtbot, page, mctx, sessions):
    address = {"address_line1": "4 Mill Lane", "postcode": "LE65 2AB"}
    first = add_current_member(sessions, "Alan", "Fox", **address)
    second = add_person(sessions, PersonInput(first_name="Rose", last_name="Fox", **address))
    record = page.open_person(first.person_id)
    tab = record.household
    assert tab.nearby.count() == 1 and tab.nearby.item(0).text() == "Rose Fox"
    tab.nearby.item(0).setSelected(True)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.members.count() == 1 and tab.members.item(0).text() == "Rose Fox")
    assert tab.heading.text() == "The Fox household"
    qtbot.mouseClick(tab.leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not in a household" in tab.heading.text())
    assert second.id != first.person_id
