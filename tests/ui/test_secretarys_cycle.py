"""A secretary's cycle through the window, as the issue describes it: prepare the agenda from
the template, record the meeting live from the keyboard, print the minutes, plan the next
meeting (the open action comes with it), approve the minutes there, and follow the action."""

from __future__ import annotations

from datetime import date, timedelta

from pypdf import PdfReader
from PySide6.QtCore import Qt

from grassroots.meetings.actions import tracked_actions
from grassroots.meetings.service import get_meeting, list_meetings
from grassroots.people.choice import PersonChoice
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person
from tests.ui.conftest import settle

COMMITTEE = (("Margaret", "Ellis"), ("Tom", "Baker"), ("Priya", "Shah"))


def _activate(qtbot, window) -> None:
    """Keyboard shortcuts follow the focus, which needs the window active, as on a desktop
    (the offscreen screen does not give it back when a dialog closes)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _plan(main_window, qtbot, on: date, people: dict[str, int] | None = None):
    """Ctrl+N on the meetings list, fill in the dialog, and land on the new meeting."""
    area = main_window.show_area("meetings")
    meetings = area.meetings
    meetings.show_list()
    _activate(qtbot, main_window)
    qtbot.keyClick(meetings.list.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = meetings.dialog
    dialog.on.set_date(on)
    dialog.starts_at.setText("7.30pm")
    dialog.venue.setText("Committee room")
    if people:
        dialog.chair.choose(PersonChoice(people["Margaret"], "Margaret Ellis", ""))
        dialog.minute_taker.choose(PersonChoice(people["Tom"], "Tom Baker", ""))
    dialog.submit()
    settle(main_window.ctx.tasks)
    return meetings.meeting


def test_a_meeting_from_agenda_to_approved_minutes_and_a_finished_action(
    main_window, qtbot, database, tmp_path
):
    sessions = database.sessions
    people = {
        first: add_person(sessions, PersonInput(first_name=first, last_name=last)).id
        for first, last in COMMITTEE
    }
    _activate(qtbot, main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == "meetings"

    # Before: the agenda from the template, with an item of our own.
    page = _plan(main_window, qtbot, date.today(), people)
    assert page.heading.text() == "Committee meeting"
    assert [i.title for i in page.view.meeting.items][:2] == [
        "Welcome and apologies",
        "Declarations of interest",
    ]
    page.show_tab("agenda")
    page.agenda.add()
    page.agenda.dialog.title.setText("Hall roof")
    page.agenda.dialog.submit()
    settle(main_window.ctx.tasks)
    titles = [i.title for i in get_meeting(sessions, page.meeting_id).items]
    assert titles.index("Hall roof") == titles.index("Any other business") - 1

    # On the night: who came, from the keyboard.
    attendance = page.show_tab("attendance")
    for person in ("Margaret", "Tom", "Priya"):
        attendance.person.choose(PersonChoice(people[person], person, ""))
        attendance.add("invited")
        settle(main_window.ctx.tasks)
    _activate(qtbot, main_window)
    attendance.table.setFocus()
    attendance.choose(people["Tom"])  # Baker, first by surname
    for key in (Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_A):
        qtbot.keyClick(attendance.table, key)
        settle(main_window.ctx.tasks)
    statuses = {a.name: a.status for a in get_meeting(sessions, page.meeting_id).attendance}
    assert statuses == {
        "Tom Baker": "present",
        "Margaret Ellis": "present",
        "Priya Shah": "apologies",
    }
    assert "Not quorate: 2 people present" in page.quorum.text()  # the quorum is 3
    attendance.choose(people["Priya"])  # she came after all
    qtbot.keyClick(attendance.table, Qt.Key.Key_P)
    settle(main_window.ctx.tasks)
    assert page.quorum.text().startswith("Quorate: 3 people present")

    # The minutes, typed live: notes save themselves; a decision and an action.
    minutes = page.show_tab("minutes")
    roof = titles.index("Hall roof")
    minutes.items.setCurrentRow(roof)
    _activate(qtbot, main_window)
    minutes.notes.setFocus()
    qtbot.keyClicks(minutes.notes, "Two quotes received; the cheaper firm can start in March.")
    qtbot.keyClick(
        minutes.notes,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    decision = minutes.dialog
    decision.motion.setPlainText("That the roof repair goes to Ashby Roofing at £4,200")
    decision.proposer.choose(PersonChoice(people["Margaret"], "Margaret Ellis", ""))
    decision.seconder.choose(PersonChoice(people["Tom"], "Tom Baker", ""))
    decision.submit()
    settle(main_window.ctx.tasks)
    _activate(qtbot, main_window)
    qtbot.keyClick(
        minutes.notes,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    action = minutes.dialog
    action.what.setText("Sign the roofing contract")
    action.owner.choose(PersonChoice(people["Tom"], "Tom Baker", ""))
    action.due_on.set_date(date.today() + timedelta(days=10))
    action.submit()
    settle(main_window.ctx.tasks)
    item = get_meeting(sessions, page.meeting_id).items[roof]
    assert item.notes.startswith("Two quotes received")
    assert [d.motion for d in item.decisions] == [
        "That the roof repair goes to Ashby Roofing at £4,200"
    ]
    assert [a.what for a in item.actions] == ["Sign the roofing contract"]

    # The minutes printed: numbered items, the decision, the action, marked draft.
    out = tmp_path / "minutes.pdf"
    page.print_menu.save("minutes", out)
    settle(main_window.ctx.tasks)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    for words in ("Hall roof", "Ashby Roofing", "Sign the roofing contract", "Tom Baker", "DRAFT"):
        assert words in text, words
    first_id = page.meeting_id

    # The next meeting: the open action is carried into matters arising.
    page = _plan(main_window, qtbot, date.today() + timedelta(days=28))
    assert page.meeting_id != first_id
    arising = next(i for i in page.view.meeting.items if i.kind == "matters_arising")
    assert [a.what for a in arising.actions] == ["Sign the roofing contract"]
    assert len(page.view.meeting.attendance) == 3  # the last meeting's list is invited

    # At it, the last minutes are approved, and then they cannot change.
    page = main_window.current_page().open_meeting(first_id)
    settle(main_window.ctx.tasks)
    page.approve()
    page.dialog.submit()  # signed by the chair, today
    settle(main_window.ctx.tasks)
    assert get_meeting(sessions, first_id).approved_by == "Margaret Ellis"
    assert page.minutes.notes.isReadOnly() and page.amend_button.isVisible()
    assert not page.details_button.isEnabled()

    # And the action is followed up in the tracker until it is done.
    tracker = main_window.current_page().show_actions()
    settle(main_window.ctx.tasks)
    assert tracker.chosen().what == "Sign the roofing contract"
    tracker.mark_done()
    settle(main_window.ctx.tasks)
    assert tracked_actions(sessions, date.today()) == ()
    assert len(list_meetings(sessions)) == 2
