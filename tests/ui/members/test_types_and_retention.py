"""Editing membership types, and the retention review of people who left long ago."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from grassroots.core.dates import add_months
from grassroots.core.money import Money
from grassroots.members.records import PaymentInput
from grassroots.members.service import add_member, list_types
from grassroots.people.records import PersonInput
from grassroots.people.service import get_person
from tests.ui.members.conftest import wait_idle, yearly


def test_add_a_membership_type_with_a_fee(qtbot, page, mctx, sessions):
    dialog = page.edit_types()
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.name, "Junior")
    dialog.fee.clear()
    qtbot.keyClicks(dialog.fee, "£2.50")
    dialog.period.setValue(6)
    dialog.gift_aid.setFocus()
    qtbot.keyClick(dialog.gift_aid, Qt.Key.Key_Space)
    with qtbot.waitSignal(mctx.events.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    junior = next(t for t in list_types(sessions) if t.name == "Junior")
    assert (junior.fee, junior.period_months, junior.gift_aid_eligible) == (Money(250), 6, True)
    assert page.filters.type.findText("Junior") >= 0  # the list's filter knows it

    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "junior")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already a type" in dialog.name_error.text())


def _long_gone(sessions, first: str, last: str) -> int:
    kind = yearly(sessions)
    joined = add_months(date.today(), -60)
    detail = add_member(
        sessions,
        PersonInput(first_name=first, last_name=last, email=f"{first.lower()}@example.org"),
        kind.id,
        joined,
        PaymentInput(joined, kind.fee),
    )
    return detail.person_id


def test_retention_review_keeps_with_a_reason_or_erases(qtbot, page, mctx, sessions):
    kept_id = _long_gone(sessions, "Brenda", "Swain")
    erased_id = _long_gone(sessions, "Derek", "Pickering")
    dialog = page.review_retention()
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow([c.person_id for c in dialog.cases].index(kept_id))
    assert not dialog.keep_button.isEnabled()  # a reason is needed
    qtbot.keyClicks(dialog.reason, "Family asked us to keep in touch")
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert "Family asked us to keep in touch" in get_person(sessions, kept_id).notes

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert "anonymised" in dialog.box.informativeText()
    dialog.box.property("confirm_button").click()
    qtbot.waitUntil(lambda: dialog.empty.isVisible())
    wait_idle(qtbot, mctx)
    assert get_person(sessions, erased_id).erased
