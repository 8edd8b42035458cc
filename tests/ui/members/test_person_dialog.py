"""Adding and changing people through the person dialog, as a secretary would."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.members.records import MemberQuery, MemberStatus
from grassroots.members.register import count_members
from grassroots.members.service import list_types, membership_of
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person, get_person
from tests.ui.members.conftest import add_current_member, wait_idle


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_bad_postcode_blocks_save_until_fixed_then_person_is_listed(qtbot, page, mctx):
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    form = dialog.form
    assert not dialog.save_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(form.fields["first_name"], "Eileen")
    qtbot.keyClicks(form.fields["last_name"], "Brindley")
    qtbot.keyClicks(form.fields["postcode"], "LE65 ZZZ")
    error = form.errors["postcode"]
    assert error.isVisible() and "not a UK postcode" in error.text()
    assert not dialog.save_button.isEnabled()

    form.fields["postcode"].clear()
    qtbot.keyClicks(form.fields["postcode"], "le65 1ab")
    assert not error.isVisible()
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(mctx.events.changed):
        _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    row = page.model.row_at(0)
    assert (row.sort_name, row.postcode) == ("Brindley, Eileen", "LE65 1AB")


def test_wrong_date_of_birth_is_explained(qtbot, page):
    dialog = page.add_person()
    qtbot.keyClicks(dialog.form.fields["last_name"], "Swain")
    qtbot.keyClicks(dialog.form.date_of_birth, "31/02/1950")
    assert "not a real date" in dialog.form.errors["date_of_birth"].text()
    assert not dialog.save_button.isEnabled()


def test_duplicate_warning_then_merge_into_the_existing_record(qtbot, page, mctx, sessions):
    existing = add_person(
        sessions,
        PersonInput(first_name="Janet", last_name="Lockett", email="janet@example.org"),
    )
    page.refresh()
    dialog = page.add_person()
    qtbot.keyClicks(dialog.form.fields["first_name"], "Jan")
    qtbot.keyClicks(dialog.form.fields["last_name"], "Lockett")
    qtbot.keyClicks(dialog.form.fields["email"], "janet@example.org")
    qtbot.keyClicks(dialog.form.fields["phone"], "01530 560123")
    _click(qtbot, dialog.save_button)
    assert dialog.duplicates.isVisible()
    assert "Janet Lockett, same email address" in dialog.duplicates.text.text()
    assert page.model.total == 1  # nothing saved yet

    _click(qtbot, dialog.duplicates.merge_button)
    merge = dialog.child
    qtbot.waitUntil(merge.isVisible)
    assert merge.keep_left.isChecked()  # keep the existing record by default
    with qtbot.waitSignal(merge.merged) as merged:
        _click(qtbot, merge.merge_button)
    assert merged.args == [existing.id]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    kept = get_person(sessions, existing.id)
    assert (kept.first_name, kept.phone) == ("Janet", "01530 560123")  # blank filled in
    qtbot.waitUntil(lambda: page.model.total == 1)


def test_duplicate_warning_save_anyway_adds_a_second_record(qtbot, page, sessions):
    add_person(sessions, PersonInput(first_name="Ian", last_name="Webb", postcode="LE65 1AB"))
    dialog = page.add_person()
    qtbot.keyClicks(dialog.form.fields["first_name"], "Ian")
    qtbot.keyClicks(dialog.form.fields["last_name"], "Webb")
    qtbot.keyClicks(dialog.form.fields["postcode"], "LE651AB")
    _click(qtbot, dialog.save_button)
    assert "same name and postcode" in dialog.duplicates.text.text()
    _click(qtbot, dialog.duplicates.save_button)
    qtbot.waitUntil(lambda: page.model.total == 2)


def test_add_member_saves_person_and_membership_together(qtbot, page, mctx, sessions):
    qtbot.keyClick(
        page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = page.dialog
    assert dialog.windowTitle() == "Add member"
    qtbot.keyClicks(dialog.form.fields["first_name"], "Rhys")
    qtbot.keyClicks(dialog.form.fields["last_name"], "Owen")
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.model.total == 1)
    detail = membership_of(sessions, page.model.row_at(0).person_id)
    assert detail is not None and len(detail.subscriptions) == 1
    assert detail.subscriptions[0].amount == detail.type.fee


def test_erase_person_after_confirmation(qtbot, page, mctx, sessions):
    member = add_current_member(sessions, "Trevor", "Varley", email="trevor@example.org")
    page.refresh()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # asks; erases nothing by itself
    dialog = page.dialog
    box = dialog.privacy.box
    qtbot.waitUntil(box.isVisible)
    assert "Payments stay in the accounts" in box.informativeText()
    assert get_person(sessions, member.person_id).email == "trevor@example.org"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not get_person(sessions, member.person_id).erased

    dialog.privacy.confirm_erase()
    box = dialog.privacy.box
    with qtbot.waitSignal(mctx.events.changed):
        box.property("confirm_button").click()
    wait_idle(qtbot, mctx)
    erased = get_person(sessions, member.person_id)
    assert erased.erased and erased.email == "" and erased.first_name == ""
    assert len(membership_of(sessions, member.person_id).subscriptions) == 1  # payment kept
    qtbot.waitUntil(lambda: page.model.total == 0)


def test_consent_is_recorded_and_withdrawn(qtbot, page, mctx, sessions):
    member = add_current_member(sessions, "Hazel", "Tebbutt", email="hazel@example.org")
    dialog = page.open_person(member.person_id)
    dialog.tabs.setCurrentWidget(dialog.consents)
    _click(qtbot, dialog.consents.add_button)
    consent = dialog.consents.dialog
    consent.basis.setCurrentIndex(consent.basis.findData("charitable soft opt-in"))
    with qtbot.waitSignal(mctx.events.changed):
        _click(qtbot, consent.save)
    qtbot.waitUntil(lambda: dialog.consents.table.rowCount() == 1)
    assert dialog.consents.table.item(0, 2).text() == "Charitable soft opt-in"
    dialog.consents.table.selectRow(0)
    _click(qtbot, dialog.consents.withdraw_button)
    box = dialog.consents.dialog
    with qtbot.waitSignal(mctx.events.changed):
        box.property("confirm_button").click()
    qtbot.waitUntil(lambda: dialog.consents.table.item(0, 7).text() != "")
    assert not get_person(sessions, member.person_id).consents[0].active


def _add_member_matching(qtbot, page, first: str, last: str, email: str):
    """Open Add member, type a person who matches someone on the list, and press Save."""
    dialog = page.add_person(as_member=True)
    qtbot.keyClicks(dialog.form.fields["first_name"], first)
    qtbot.keyClicks(dialog.form.fields["last_name"], last)
    qtbot.keyClicks(dialog.form.fields["email"], email)
    return dialog


def _choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))
    assert combo.currentData() == data


def test_merge_from_add_member_makes_the_existing_person_a_member(qtbot, page, mctx, sessions):
    existing = add_person(
        sessions, PersonInput(first_name="Janet", last_name="Lockett", email="janet@example.org")
    )
    household = next(t for t in list_types(sessions) if t.name == "Household")
    joined = date.today() - timedelta(days=3)
    dialog = _add_member_matching(qtbot, page, "Janet", "Lockett", "janet@example.org")
    qtbot.keyClicks(dialog.form.fields["phone"], "01530 560123")
    box = dialog.join_box
    _choose(box.type, household.id)
    box.joined_on.clear()
    qtbot.keyClicks(box.joined_on, format_date(joined))
    box.amount.clear()
    qtbot.keyClicks(box.amount, "12.50")
    _choose(box.method, "cheque")
    tick = QPoint(box.gift_aid.height() // 2, box.gift_aid.height() // 2)  # on the box itself
    qtbot.mouseClick(box.gift_aid, Qt.MouseButton.LeftButton, pos=tick)
    assert box.gift_aid.isChecked()
    _click(qtbot, dialog.save_button)
    assert dialog.duplicates.isVisible()

    _click(qtbot, dialog.duplicates.merge_button)
    merge = dialog.child
    qtbot.waitUntil(merge.isVisible)
    with qtbot.waitSignal(dialog.saved) as saved:
        _click(qtbot, merge.merge_button)
    assert saved.args == [existing.id]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    detail = membership_of(sessions, existing.id)
    assert detail is not None, "the membership typed with the merge was dropped"
    assert (detail.type.name, detail.joined_on, detail.status) == (
        "Household",
        joined,
        MemberStatus.CURRENT,
    )
    [payment] = detail.subscriptions
    assert (payment.paid_on, payment.amount, payment.method, payment.gift_aid) == (
        joined,
        Money(1250),
        "cheque",
        True,
    )
    assert get_person(sessions, existing.id).phone == "01530 560123"
    assert count_members(sessions, MemberQuery()) == 1  # one person, not two
    qtbot.waitUntil(lambda: page.model.total == 1 and page.model.row_at(0).number is not None)


def test_merge_from_add_member_when_already_a_member_offers_a_renewal(qtbot, page, mctx, sessions):
    member = add_current_member(sessions, "Janet", "Lockett", email="janet@example.org")
    before = membership_of(sessions, member.person_id)
    dialog = _add_member_matching(qtbot, page, "Janet", "Lockett", "janet@example.org")
    _choose(dialog.join_box.method, "card")
    _click(qtbot, dialog.save_button)
    _click(qtbot, dialog.duplicates.merge_button)
    merge = dialog.child
    qtbot.waitUntil(merge.isVisible)
    _click(qtbot, merge.merge_button)
    qtbot.waitUntil(lambda: isinstance(dialog.child, QMessageBox) and dialog.child.isVisible())
    box = dialog.child
    assert box.text() == (
        "The details were merged into Janet Lockett's record. "
        "Janet Lockett is already a member, so the new membership was not added."
    )
    assert box.informativeText() == (
        f"Member no. {before.number}, Individual, current, paid up to "
        f"{format_date(before.expires_on)}. To record the payment you typed, renew their "
        "membership."
    )
    assert len(membership_of(sessions, member.person_id).subscriptions) == 1  # not yet

    _click(qtbot, box.property("renew_button"))
    renew = dialog.child
    qtbot.waitUntil(renew.isVisible)
    assert renew.windowTitle() == "Renew membership"
    assert renew.on_date.date() == date.today()
    assert renew.method.currentData() == "card"
    assert renew.amount.value() == before.type.fee
    with qtbot.waitSignal(mctx.events.changed):
        _click(qtbot, renew.ok)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    after = membership_of(sessions, member.person_id)
    assert len(after.subscriptions) == 2
    assert after.subscriptions[-1].method == "card"
    assert after.expires_on > before.expires_on


def test_already_a_member_and_not_now_leaves_the_membership_alone(qtbot, page, sessions):
    member = add_current_member(sessions, "Janet", "Lockett", email="janet@example.org")
    dialog = _add_member_matching(qtbot, page, "Janet", "Lockett", "janet@example.org")
    _click(qtbot, dialog.save_button)
    _click(qtbot, dialog.duplicates.merge_button)
    qtbot.waitUntil(dialog.child.isVisible)
    _click(qtbot, dialog.child.merge_button)
    qtbot.waitUntil(lambda: isinstance(dialog.child, QMessageBox) and dialog.child.isVisible())
    [later] = [b for b in dialog.child.buttons() if b.text() == "&Not now"]
    _click(qtbot, later)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(membership_of(sessions, member.person_id).subscriptions) == 1
    assert count_members(sessions, MemberQuery()) == 1
