"""The agenda tab, driven as a secretary would: reordering by keyboard and by dragging, adding
an item, editing an item's details, removing one that has minutes, and a signed meeting."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from grassroots.meetings.agenda import set_item_details
from grassroots.meetings.attendance import mark_attendance
from grassroots.meetings.minutes import approve_minutes, save_notes
from grassroots.meetings.service import get_meeting
from grassroots.ui.meetings.agenda_panel import LOCKED_LINE, duration
from tests.ui.meetings.conftest import wait_reload


def titles(sessions, meeting_id: int) -> list[str]:
    return [item.title for item in get_meeting(sessions, meeting_id).items]


def choose(panel, title: str) -> None:
    (found,) = panel.list.findItems(title, Qt.MatchFlag.MatchExactly, 1)
    panel.list.setCurrentItem(found)


def chosen_title(panel) -> str:
    return panel.list.currentItem().text(1)


def test_ctrl_down_moves_the_chosen_item_and_keeps_it_chosen(open_meeting, plan, sessions, qtbot):
    meeting = plan()
    page = open_meeting(meeting.id)
    panel = page.agenda
    choose(panel, "Matters arising")
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    wait_reload(qtbot, page)
    saved = titles(sessions, meeting.id)
    assert saved.index("Matters arising") == saved.index("Treasurer's report") + 1
    assert chosen_title(panel) == "Matters arising"
    assert panel.list.currentItem().text(0) == "5."
    qtbot.keyClick(panel.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    wait_reload(qtbot, page)
    assert titles(sessions, meeting.id)[3] == "Matters arising"
    assert chosen_title(panel) == "Matters arising"


def test_move_buttons_follow_the_ends_of_the_list(open_meeting, plan, qtbot):
    page = open_meeting(plan().id)
    panel = page.agenda
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    assert not panel.up_button.isEnabled() and panel.down_button.isEnabled()
    panel.list.setCurrentItem(panel.list.topLevelItem(panel.list.topLevelItemCount() - 1))
    assert panel.up_button.isEnabled() and not panel.down_button.isEnabled()


def test_dropping_an_item_above_another_moves_it_there(open_meeting, plan, sessions, qtbot):
    meeting = plan()
    page = open_meeting(meeting.id)
    panel = page.agenda
    choose(panel, "Treasurer's report")  # a drag starts from the item pressed
    view = panel.list
    target = view.visualItemRect(view.topLevelItem(1))  # "Declarations of interest"
    mime = QMimeData()
    mime.setData("application/x-qabstractitemmodeldatalist", b"")
    drop = QDropEvent(
        QPoint(target.left() + 20, target.top() + 2),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(drop)
    assert drop.dropAction() != Qt.DropAction.MoveAction  # Qt must not delete the dragged row
    wait_reload(qtbot, page)
    assert titles(sessions, meeting.id)[:3] == [
        "Welcome and apologies",
        "Treasurer's report",
        "Declarations of interest",
    ]
    assert chosen_title(panel) == "Treasurer's report"
    assert view.topLevelItemCount() == len(meeting.items)


def test_a_new_item_goes_before_any_other_business_and_is_chosen(
    open_meeting, plan, sessions, qtbot
):
    meeting = plan()
    page = open_meeting(meeting.id)
    panel = page.agenda
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Insert)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.submit()  # nothing typed yet
    assert "title" in dialog.errors["title"].text()
    dialog.title.setText("Hall roof repairs")
    dialog.submit()
    wait_reload(qtbot, page)
    saved = titles(sessions, meeting.id)
    assert saved.index("Hall roof repairs") == saved.index("Any other business") - 1
    assert chosen_title(panel) == "Hall roof repairs"
    assert panel.title.text() == "Hall roof repairs"


def test_editing_an_items_details_is_saved(open_meeting, plan, sessions, committee, qtbot):
    meeting = plan()
    page = open_meeting(meeting.id)
    panel = page.agenda
    choose(panel, "Treasurer's report")
    offered = panel.presenter.matches("bob")
    assert [p.id for p in offered] == [committee["Bob"]]
    panel.presenter.choose(offered[0])
    qtbot.keyClicks(panel.title, " for March")
    panel.minutes.setValue(15)
    panel.papers.setPlainText("Treasurer's report March.pdf\nBank reconciliation.xlsx")
    assert panel.saved_note.text() == "Not saved yet"
    panel.save_button.click()
    wait_reload(qtbot, page)
    item = next(i for i in get_meeting(sessions, meeting.id).items if i.position == 5)
    assert item.title == "Treasurer's report for March"
    assert item.presenter_id == committee["Bob"]
    assert item.minutes_allowed == 15
    assert item.papers.splitlines() == ["Treasurer's report March.pdf", "Bank reconciliation.xlsx"]
    row = panel.list.currentItem()
    assert (row.text(2), row.text(3), row.text(4)) == ("Bob Jones", "15 min", "2 papers")
    assert "Time allowed: 15 min; 19:30 to 19:45" in panel.total.text()


def test_leaving_an_item_keeps_what_was_typed(open_meeting, plan, sessions, qtbot):
    meeting = plan()
    page = open_meeting(meeting.id)
    panel = page.agenda
    choose(panel, "Reports")
    panel.minutes.setValue(0)
    panel.minutes.setValue(20)
    choose(panel, "Matters arising")
    wait_reload(qtbot, page)
    reports = next(i for i in get_meeting(sessions, meeting.id).items if i.title == "Reports")
    assert reports.minutes_allowed == 20
    assert chosen_title(panel) == "Matters arising"


def test_an_item_needs_a_title_and_stays_chosen_until_it_has_one(
    open_meeting, plan, sessions, qtbot
):
    meeting = plan()
    page = open_meeting(meeting.id)
    panel = page.agenda
    choose(panel, "Reports")
    panel.title.clear()
    panel._edited()
    choose(panel, "Matters arising")
    qtbot.waitUntil(lambda: chosen_title(panel) == "Reports", timeout=2000)
    assert panel.errors["title"].text() == "Give the agenda item a title"
    assert "Reports" in titles(sessions, meeting.id)


def test_removing_an_item_with_minutes_asks_first(open_meeting, plan, sessions, qtbot):
    meeting = plan()
    reports = next(i for i in meeting.items if i.title == "Reports")
    save_notes(sessions, reports.id, "The playgroup asked to use the hall on Fridays.")
    page = open_meeting(meeting.id)
    panel = page.agenda
    choose(panel, "Reports")
    box = panel.remove()
    assert "notes" in box.informativeText()
    assert box.property("confirm_button").text() == "Remove item and its minutes"
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
    assert "Reports" in titles(sessions, meeting.id)
    panel.list.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
        box = panel.findChild(QMessageBox, "confirmBox")
        box.property("confirm_button").click()
    assert "Reports" not in titles(sessions, meeting.id)
    assert chosen_title(panel) == "Any other business"  # the item that took its place


def test_a_signed_meeting_shows_its_agenda_read_only(
    open_meeting, plan, sessions, committee, qtbot
):
    meeting = plan(on=date.today() - timedelta(days=7))
    mark_attendance(sessions, meeting.id, committee["Ann"], "present")
    approve_minutes(sessions, meeting.id, date.today(), "Ann Smith")
    page = open_meeting(meeting.id)
    panel = page.agenda
    assert panel.list.topLevelItemCount() == len(meeting.items)
    assert panel.locked_row.isVisible() and panel.locked_line.text() == LOCKED_LINE
    for button in (panel.add_button, panel.up_button, panel.down_button, panel.remove_button):
        assert not button.isEnabled()
    assert panel.title.isReadOnly() and panel.papers.isReadOnly()
    assert not panel.save_button.isVisible()
    assert panel.list.dragDropMode() == panel.list.DragDropMode.NoDragDrop
    panel.list.setCurrentItem(panel.list.topLevelItem(3))
    qtbot.keyClick(panel.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert panel.remove() is None
    assert titles(sessions, meeting.id) == [i.title for i in meeting.items]


def test_time_allowed_adds_up_to_an_end_time(open_meeting, plan, sessions, qtbot):
    meeting = plan()
    for item, minutes in zip(meeting.items, (60, 35), strict=False):
        set_item_details(sessions, item.id, None, minutes, "")
    page = open_meeting(meeting.id)
    assert page.agenda.total.text() == (
        f"Time allowed: 1 h 35 min; 19:30 to 21:05 ({len(meeting.items) - 2} items have no "
        "time set)"
    )
    assert (duration(60), duration(20)) == ("1 h", "20 min")


def test_the_list_and_controls_are_named_for_screen_readers(open_meeting, plan):
    panel = open_meeting(plan().id).agenda
    assert panel.list.accessibleName() == "Agenda items"
    assert "Ctrl+Up" in panel.list.toolTip()
    for widget in (panel.title, panel.presenter, panel.minutes, panel.papers, panel.add_button):
        assert widget.accessibleName()
    assert panel.minutes.text() in ("No time set", "")
