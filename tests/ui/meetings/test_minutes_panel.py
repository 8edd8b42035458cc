"""Taking the minutes live: notes saved as the secretary types, decisions and actions, and
signed minutes that can no longer change."""

from __future__ import annotations

from datetime import date, timedelta

from grassroots.meetings.attendance import mark_attendance
from grassroots.meetings.minutes import approve_minutes
from grassroots.meetings.service import get_meeting
from grassroots.people.choice import PersonChoice
from tests.ui.meetings.conftest import wait_reload


def _minutes(open_meeting, meeting):
    page = open_meeting(meeting.id)
    page.show_tab("minutes")
    return page, page.minutes


def _notes(sessions, meeting_id: int, position: int) -> str:
    return get_meeting(sessions, meeting_id).items[position - 1].notes


def test_notes_are_saved_after_a_pause_without_pressing_save(open_meeting, plan, qtbot, sessions):
    meeting = plan()
    _page, minutes = _minutes(open_meeting, meeting)
    minutes.notes.setFocus()
    qtbot.keyClicks(minutes.notes, "Ann welcomed everyone.")
    assert minutes.save_state.text() == "Not saved yet…"
    qtbot.waitUntil(lambda: minutes.save_state.text().startswith("Saved"), timeout=5000)
    # read back from the file, as the app would after a crash
    assert _notes(sessions, meeting.id, 1) == "Ann welcomed everyone."


def test_moving_to_the_next_item_saves_and_keeps_each_items_notes(
    open_meeting, plan, qtbot, sessions
):
    meeting = plan()
    _page, minutes = _minutes(open_meeting, meeting)
    minutes.notes.setFocus()
    qtbot.keyClicks(minutes.notes, "Apologies from Eve.")
    minutes.next_item()  # Ctrl+PgDown
    assert minutes.current_item().position == 2
    qtbot.keyClicks(minutes.notes, "None declared.")
    minutes.previous_item()
    assert minutes.notes.toPlainText() == "Apologies from Eve."
    qtbot.waitUntil(lambda: _notes(sessions, meeting.id, 2) == "None declared.", timeout=5000)
    assert _notes(sessions, meeting.id, 1) == "Apologies from Eve."


def test_typing_survives_a_reload_of_the_page(open_meeting, plan, qtbot, sessions):
    meeting = plan()
    page, minutes = _minutes(open_meeting, meeting)
    minutes.notes.setFocus()
    qtbot.keyClicks(minutes.notes, "The roof")
    page.reload()  # e.g. another tab saved something
    wait_reload(qtbot, page)
    qtbot.keyClicks(minutes.notes, " leaks.")
    assert minutes.notes.toPlainText() == "The roof leaks."
    qtbot.waitUntil(lambda: _notes(sessions, meeting.id, 1) == "The roof leaks.", timeout=5000)


def test_leaving_the_page_saves_at_once(open_meeting, plan, qtbot, sessions):
    meeting = plan()
    page, minutes = _minutes(open_meeting, meeting)
    minutes.notes.setFocus()
    qtbot.keyClicks(minutes.notes, "Closed at 21:05.")
    page.window().hide()  # the window closing, before any pause has passed
    assert _notes(sessions, meeting.id, 1) == "Closed at 21:05."


def test_a_decision_with_its_vote(open_meeting, plan, qtbot, sessions, committee):
    meeting = plan()
    page, minutes = _minutes(open_meeting, meeting)
    minutes.add_decision()
    dialog = minutes.dialog
    dialog.motion.setPlainText("That the hire charge rises to £15 an hour")
    dialog.proposer.choose(PersonChoice(committee["Ann"], "Ann Smith", ""))
    dialog.seconder.choose(PersonChoice(committee["Bob"], "Bob Jones", ""))
    dialog.votes_for.setValue(4)
    dialog.votes_against.setValue(5)
    assert dialog.lost.isChecked()  # the count decides the result
    dialog.votes_against.setValue(1)
    assert dialog.carried.isChecked()
    dialog.submit()
    wait_reload(qtbot, page)
    (decision,) = get_meeting(sessions, meeting.id).items[0].decisions
    assert (decision.proposer_name, decision.votes_for, decision.carried) == ("Ann Smith", 4, True)
    assert minutes.decisions.topLevelItem(0).text(4) == "Carried"
    assert "1 decision" in minutes.items.item(0).text()


def test_the_same_person_cannot_propose_and_second(open_meeting, plan, qtbot, committee):
    meeting = plan()
    _page, minutes = _minutes(open_meeting, meeting)
    minutes.add_decision()
    dialog = minutes.dialog
    dialog.motion.setPlainText("That we buy a defibrillator")
    ann = PersonChoice(committee["Ann"], "Ann Smith", "")
    dialog.proposer.choose(ann)
    dialog.seconder.choose(ann)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors["seconder_id"].isVisible(), timeout=5000)
    assert "someone other than the proposer" in dialog.errors["seconder_id"].text()
    assert dialog.isVisible()


def test_an_action_with_owner_and_due_date(open_meeting, plan, qtbot, sessions, committee):
    meeting = plan()
    page, minutes = _minutes(open_meeting, meeting)
    minutes.next_item()
    minutes.add_action()
    dialog = minutes.dialog
    dialog.what.setText("Get three quotes for the roof")
    dialog.owner.choose(PersonChoice(committee["Dev"], "Dev Khan", ""))
    dialog.due_on.setText("31/1/2027")
    dialog.submit()
    wait_reload(qtbot, page)
    (action,) = get_meeting(sessions, meeting.id).items[1].actions
    assert (action.owner_name, action.due_on) == ("Dev Khan", date(2027, 1, 31))
    assert minutes.actions.topLevelItem(0).text(2) == "31/01/2027"


def test_an_owner_typed_but_not_chosen_is_refused_in_words(open_meeting, plan, qtbot):
    meeting = plan()
    _page, minutes = _minutes(open_meeting, meeting)
    minutes.add_action()
    dialog = minutes.dialog
    dialog.what.setText("Book the hall")
    dialog.owner.setText("Somebody")
    dialog.submit()
    assert "Choose someone from the list" in dialog.errors["owner_id"].text()


def test_signed_minutes_are_read_only_and_take_amendments(
    open_meeting, plan, qtbot, sessions, committee
):
    meeting = plan(on=date.today() - timedelta(days=7))
    mark_attendance(sessions, meeting.id, committee["Ann"], "present")
    approve_minutes(sessions, meeting.id, date.today(), "Ann Smith")
    page, minutes = _minutes(open_meeting, meeting)
    assert minutes.notes.isReadOnly()
    assert not minutes.add_decision_button.isEnabled()
    assert minutes.lock_line.isVisible()
    assert page.amend_button.isVisible() and not page.approve_button.isVisible()
    page.amend()
    dialog = page.dialog
    dialog.text.setPlainText("The hall's roof was repaired in May, not March.")
    dialog.item.setCurrentIndex(2)
    dialog.submit()
    wait_reload(qtbot, page)
    (amendment,) = get_meeting(sessions, meeting.id).amendments
    assert amendment.item_id == meeting.items[1].id
    assert "not March" in page.amendments.text()


def test_approving_the_minutes_locks_them(open_meeting, plan, qtbot, sessions, committee):
    meeting = plan(on=date.today() - timedelta(days=7))
    mark_attendance(sessions, meeting.id, committee["Ann"], "present")
    page, minutes = _minutes(open_meeting, meeting)
    page.approve()
    dialog = page.dialog
    dialog.approved_by.setText("Ann Smith")
    dialog.submit()
    wait_reload(qtbot, page)
    assert get_meeting(sessions, meeting.id).locked
    assert minutes.notes.isReadOnly()


def test_approval_without_attendance_is_refused_and_nothing_changes(
    open_meeting, plan, qtbot, sessions
):
    meeting = plan(on=date.today() - timedelta(days=7))
    page, _minutes_panel = _minutes(open_meeting, meeting)
    page.approve()
    dialog = page.dialog
    dialog.approved_by.setText("Ann Smith")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=5000)
    assert "Nobody is recorded as present" in dialog.problem.text()
    assert not get_meeting(sessions, meeting.id).locked


def test_an_action_reported_done_in_matters_arising_leaves_the_tracker(
    open_meeting, plan, qtbot, sessions, committee
):
    from grassroots.meetings.actions import add_action, tracked_actions
    from grassroots.meetings.records import ActionInput

    earlier = plan(on=date.today() - timedelta(days=40))
    add_action(
        sessions, earlier.items[4].id, ActionInput("Book the fete marquee", committee["Eve"])
    )
    meeting = plan(on=date.today())
    page, minutes = _minutes(open_meeting, meeting)
    arising = next(i for i in meeting.items if i.kind == "matters_arising")
    minutes.items.setCurrentRow(arising.position - 1)
    minutes.actions.setCurrentItem(minutes.actions.topLevelItem(0))
    assert minutes.done_action_button.isEnabled()
    minutes.done_action_button.click()
    wait_reload(qtbot, page)
    assert tracked_actions(sessions, date.today()) == ()
    assert minutes.actions.topLevelItem(0).text(3).startswith("Done")
