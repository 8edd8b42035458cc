"""The attendance tab, driven as a secretary takes the register on the night: keys down the
list, notes, inviting, guests, taking someone off, and a signed meeting that cannot change."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from grassroots.group.service import get_settings
from grassroots.meetings.attendance import list_attendance, mark_attendance
from grassroots.meetings.minutes import approve_minutes
from grassroots.meetings.quorum import quorum_needed
from grassroots.people import service as people
from grassroots.people.choice import PersonChoice
from grassroots.people.records import PersonInput
from tests.ui.meetings.conftest import wait_reload


def statuses(sessions, meeting_id: int) -> dict[str, str]:
    return {a.name: a.status for a in list_attendance(sessions, meeting_id)}


def attendance_tab(open_meeting, meeting_id: int):
    page = open_meeting(meeting_id)
    panel = page.show_tab("attendance")
    return page, panel


def shown_names(panel) -> list[str]:
    return [panel.model.item(n, 0).text() for n in range(panel.model.rowCount())]


def test_the_list_shows_everyone_invited_by_surname(open_meeting, plan):
    meeting = plan()
    _page, panel = attendance_tab(open_meeting, meeting.id)
    assert shown_names(panel) == ["Bob Jones", "Dev Khan", "Eve Lee", "Cath Patel", "Ann Smith"]
    assert panel.model.item(0, 1).text() == "Invited"
    assert panel.chosen().name == "Bob Jones"
    assert "5 not yet marked" in panel.count.text()


def test_keys_mark_down_the_list_and_persist(open_meeting, plan, qtbot, sessions):
    meeting = plan()
    _page, panel = attendance_tab(open_meeting, meeting.id)
    panel.table.setFocus()
    for key in (Qt.Key.Key_P, Qt.Key.Key_A, Qt.Key.Key_X, Qt.Key.Key_P):
        qtbot.keyClick(panel.table, key)
    qtbot.waitUntil(lambda: statuses(sessions, meeting.id)["Cath Patel"] == "present", timeout=5000)
    assert statuses(sessions, meeting.id) == {
        "Bob Jones": "present",
        "Dev Khan": "apologies",
        "Eve Lee": "absent",
        "Cath Patel": "present",
        "Ann Smith": "invited",
    }
    qtbot.waitUntil(lambda: "2 present · 1 apologies · 1 absent" in panel.count.text())
    assert panel.chosen().name == "Ann Smith"  # ready for the last key press after reloads
    assert panel.model.item(1, 1).text() == "Apologies"


def test_the_count_line_says_when_the_meeting_becomes_quorate(open_meeting, plan, qtbot, sessions):
    meeting = plan()
    needed, _rule = quorum_needed(get_settings(sessions), "committee", 5)
    _page, panel = attendance_tab(open_meeting, meeting.id)
    qtbot.waitUntil(lambda: "not quorate" in panel.count.text(), timeout=5000)
    assert f"(quorum {needed})" in panel.count.text()
    panel.table.setFocus()
    for _ in range(needed):
        qtbot.keyClick(panel.table, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: f"{needed} present" in panel.count.text(), timeout=5000)
    qtbot.waitUntil(
        lambda: "— <b" in panel.count.text() and "not quorate" not in panel.count.text()
    )
    assert f"quorate (quorum {needed})" in panel.count.text()


def test_buttons_mark_and_everyone_invited_becomes_present(open_meeting, plan, qtbot, sessions):
    meeting = plan()
    page, panel = attendance_tab(open_meeting, meeting.id)
    panel.choose(panel.model.item(2, 0).data(Qt.ItemDataRole.UserRole).person_id)  # Eve Lee
    qtbot.mouseClick(panel.apologies_button, Qt.MouseButton.LeftButton)
    wait_reload(qtbot, page)
    qtbot.mouseClick(panel.all_present_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: statuses(sessions, meeting.id)["Bob Jones"] == "present")
    wait_reload(qtbot, page)
    assert statuses(sessions, meeting.id) == {
        "Bob Jones": "present",
        "Dev Khan": "present",
        "Eve Lee": "apologies",
        "Cath Patel": "present",
        "Ann Smith": "present",
    }
    assert not panel.all_present_button.isEnabled()  # nobody is left marked invited


def test_a_note_is_kept_with_the_status(open_meeting, plan, qtbot, sessions, committee):
    meeting = plan()
    mark_attendance(sessions, meeting.id, committee["Dev"], "present")
    page, panel = attendance_tab(open_meeting, meeting.id)
    page.reload()
    wait_reload(qtbot, page)
    panel.choose(committee["Dev"])
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    box = panel.dialog
    assert box.textValue() == ""
    box.setTextValue("left at 20:15")
    box.accept()
    wait_reload(qtbot, page)
    (dev,) = [a for a in list_attendance(sessions, meeting.id) if a.person_id == committee["Dev"]]
    assert (dev.status, dev.note) == ("present", "left at 20:15")
    assert panel.model.item(1, 2).text() == "left at 20:15"
    assert panel.chosen().person_id == committee["Dev"]


def test_inviting_someone_on_record(open_meeting, plan, qtbot, sessions):
    meeting = plan()
    fay = people.add_person(sessions, PersonInput(first_name="Fay", last_name="Adams")).id
    page, panel = attendance_tab(open_meeting, meeting.id)
    assert not panel.invite_button.isEnabled()
    panel.person.choose(PersonChoice(fay, "Fay Adams", ""))
    qtbot.mouseClick(panel.invite_button, Qt.MouseButton.LeftButton)
    wait_reload(qtbot, page)
    assert statuses(sessions, meeting.id)["Fay Adams"] == "invited"
    assert shown_names(panel)[0] == "Fay Adams"
    assert panel.chosen().name == "Fay Adams"
    assert panel.person.text() == ""


def test_adding_a_guest_typed_and_picked(open_meeting, plan, qtbot, sessions):
    meeting = plan()
    people.add_person(sessions, PersonInput(first_name="Gita", last_name="Rao", postcode="LE1 1AA"))
    page, panel = attendance_tab(open_meeting, meeting.id)
    panel.person.setFocus()
    qtbot.keyClicks(panel.person, "gita")
    (label,) = panel.person.names.stringList()
    panel.person.completer_.activated.emit(label)
    assert panel.guest_button.isEnabled()
    qtbot.mouseClick(panel.guest_button, Qt.MouseButton.LeftButton)
    wait_reload(qtbot, page)
    assert statuses(sessions, meeting.id)["Gita Rao"] == "guest"
    qtbot.waitUntil(lambda: "1 guest" in panel.count.text())


def test_someone_already_listed_is_not_added_twice(open_meeting, plan, committee, sessions):
    meeting = plan()
    _page, panel = attendance_tab(open_meeting, meeting.id)
    panel.person.choose(PersonChoice(committee["Eve"], "Eve Lee", ""))
    panel.add("guest")
    assert panel.problem.text() == "Eve Lee is already on the list (invited)."
    assert panel.chosen().name == "Eve Lee"
    assert statuses(sessions, meeting.id)["Eve Lee"] == "invited"


def test_removing_asks_first(open_meeting, plan, qtbot, sessions, committee):
    meeting = plan()
    page, panel = attendance_tab(open_meeting, meeting.id)
    panel.choose(committee["Eve"])
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    box = panel.dialog
    assert isinstance(box, QMessageBox) and "Eve Lee" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert "Eve Lee" in statuses(sessions, meeting.id)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    panel.dialog.property("confirm_button").click()
    wait_reload(qtbot, page)
    assert "Eve Lee" not in statuses(sessions, meeting.id)
    assert "Eve Lee" not in shown_names(panel)
    assert panel.chosen().name == "Cath Patel"  # the next name down


def test_an_empty_list_says_what_to_do(open_meeting, plan):
    meeting = plan(invite=())
    _page, panel = attendance_tab(open_meeting, meeting.id)
    assert panel.empty.isVisible() and not panel.table.isVisible()
    assert "Nobody is on this meeting's list yet" in panel.empty.text.text()
    assert "cannot be signed" in panel.empty.text.text()
    assert panel.person.isVisible()


def test_a_signed_meeting_is_read_only(open_meeting, plan, qtbot, sessions, committee):
    meeting = plan(on=date.today() - timedelta(days=7))
    mark_attendance(sessions, meeting.id, committee["Ann"], "present")
    approve_minutes(sessions, meeting.id, date.today(), "Ann Smith")
    _page, panel = attendance_tab(open_meeting, meeting.id)
    assert panel.locked_line.isVisible()
    assert "can no longer be changed" in panel.locked_line.text()
    assert not panel.person.isVisible() and not panel.present_button.isVisible()
    panel.choose(committee["Bob"])
    qtbot.keyClick(panel.table, Qt.Key.Key_P)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.dialog is None
    assert statuses(sessions, meeting.id)["Bob Jones"] == "invited"
    assert panel.model.item(0, 1).text() == "Invited"
