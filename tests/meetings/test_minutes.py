"""Minutes: notes, decisions, approval that locks them, and amendments after approval."""

from datetime import date

import pytest

from grassroots.core.errors import ValidationError
from grassroots.meetings import actions, agenda, attendance, minutes, service
from grassroots.meetings.locks import MinutesLocked
from grassroots.meetings.records import ActionInput, DecisionInput


def _held(sessions, plan, committee, **fields):
    meeting = plan(**fields)
    for name in ("Ann", "Bob", "Cath"):
        attendance.mark_attendance(sessions, meeting.id, committee[name], "present")
    attendance.mark_attendance(sessions, meeting.id, committee["Dev"], "apologies", "Away")
    return meeting


def test_notes_are_saved_a_field_at_a_time(sessions, plan):
    meeting, other = plan(), plan(on=date(2026, 4, 14))
    item = meeting.items[5]

    minutes.save_notes(sessions, item.id, "The youth club")
    minutes.save_notes(sessions, item.id, "The youth club reported a good term.")

    saved = service.get_meeting(sessions, meeting.id).items
    assert saved[5].notes == "The youth club reported a good term."
    assert [i.notes for i in saved if i.id != item.id] == [""] * 7
    assert all(i.notes == "" for i in service.get_meeting(sessions, other.id).items)


def test_a_decision_with_its_vote(sessions, plan, committee):
    item = plan().items[4]

    row = minutes.add_decision(
        sessions,
        item.id,
        DecisionInput(
            " To accept the budget for 2026-27 ",
            proposer_id=committee["Cath"],
            seconder_id=committee["Ann"],
            votes_for=4,
            votes_against=1,
            votes_abstain=0,
        ),
    )

    assert (row.motion, row.proposer_name, row.seconder_name, row.carried) == (
        "To accept the budget for 2026-27",
        "Cath Patel",
        "Ann Smith",
        True,
    )


def test_a_decision_that_does_not_add_up_is_refused(sessions, plan, committee):
    meeting = plan()
    item = meeting.items[4]
    bad = DecisionInput(
        "",
        proposer_id=committee["Ann"],
        seconder_id=committee["Ann"],
        votes_for=1,
        votes_against=3,
        votes_abstain=-1,
    )

    with pytest.raises(ValidationError) as refused:
        minutes.add_decision(sessions, item.id, bad)

    assert set(refused.value.fields) == {"motion", "seconder_id", "votes_abstain", "carried"}
    assert "1 for and 3 against" in refused.value.fields["carried"]
    assert service.get_meeting(sessions, meeting.id).items[4].decisions == ()


def test_a_tie_may_be_carried_on_the_chairs_casting_vote(sessions, plan):
    item = plan().items[6]

    row = minutes.add_decision(
        sessions, item.id, DecisionInput("To buy a new urn", votes_for=2, votes_against=2)
    )

    assert row.carried


def test_minutes_with_nobody_present_cannot_be_approved(sessions, plan):
    meeting = plan()

    with pytest.raises(ValidationError) as refused:
        minutes.approve_minutes(sessions, meeting.id, date(2026, 4, 14), "Ann Smith")

    assert "Nobody is recorded as present" in refused.value.fields["attendance"]
    assert not service.get_meeting(sessions, meeting.id).locked


def test_approval_before_the_meeting_or_unsigned_is_refused(sessions, plan, committee):
    meeting = _held(sessions, plan, committee)

    with pytest.raises(ValidationError) as refused:
        minutes.approve_minutes(sessions, meeting.id, date(2026, 3, 1), "  ")

    assert set(refused.value.fields) == {"approved_on", "approved_by"}


def test_approved_minutes_are_locked_against_every_change(sessions, plan, committee):
    meeting = _held(sessions, plan, committee)
    item = meeting.items[4]
    decision = minutes.add_decision(sessions, item.id, DecisionInput("To accept the accounts"))
    action = actions.add_action(sessions, item.id, ActionInput("Pay the insurance"))

    result = minutes.approve_minutes(sessions, meeting.id, date(2026, 4, 14), "Ann Smith")
    attempts = [
        lambda: minutes.save_notes(sessions, item.id, "changed"),
        lambda: minutes.add_decision(sessions, item.id, DecisionInput("Another")),
        lambda: minutes.change_decision(sessions, decision.id, DecisionInput("Changed")),
        lambda: minutes.remove_decision(sessions, decision.id),
        lambda: actions.add_action(sessions, item.id, ActionInput("Another")),
        lambda: actions.change_action(sessions, action.id, ActionInput("Changed")),
        lambda: agenda.rename_item(sessions, item.id, "Changed"),
        lambda: agenda.move_item(sessions, item.id, 1),
        lambda: agenda.remove_item(sessions, item.id, discard_minutes=True),
        lambda: attendance.mark_attendance(sessions, meeting.id, committee["Eve"], "present"),
        lambda: minutes.approve_minutes(sessions, meeting.id, date(2026, 4, 15), "Bob Jones"),
        lambda: service.delete_meeting(sessions, meeting.id),
    ]
    for attempt in attempts:
        with pytest.raises(MinutesLocked) as refused:
            attempt()
        assert "approved on 14/04/2026" in str(refused.value)
        assert "Record an amendment" in str(refused.value)

    assert result.meeting.locked and result.meeting.approved_by == "Ann Smith"
    assert result.warnings == ()
    after = service.get_meeting(sessions, meeting.id)
    assert after == result.meeting


def test_an_amendment_is_recorded_after_approval(sessions, plan, committee):
    meeting = _held(sessions, plan, committee)
    item = meeting.items[4]
    minutes.save_notes(sessions, item.id, "The balance was £1,200.")
    minutes.approve_minutes(sessions, meeting.id, date(2026, 4, 14), "Ann Smith")
    may = plan(on=date(2026, 5, 12))

    row = minutes.record_amendment(
        sessions,
        meeting.id,
        "Item 5: the balance was £1,250, not £1,200.",
        date(2026, 5, 12),
        item_id=item.id,
        agreed_at_meeting_id=may.id,
    )

    after = service.get_meeting(sessions, meeting.id)
    assert after.items[4].notes == "The balance was £1,200."
    assert [(a.id, a.text, a.agreed_at_meeting_id) for a in after.amendments] == [
        (row.id, "Item 5: the balance was £1,250, not £1,200.", may.id)
    ]


def test_unapproved_minutes_are_corrected_directly_not_amended(sessions, plan):
    meeting = plan()

    with pytest.raises(ValidationError) as refused:
        minutes.record_amendment(sessions, meeting.id, "A change", date(2026, 3, 20))

    assert set(refused.value.fields) == {"meeting"}


def test_an_earlier_unapproved_meeting_is_a_warning_not_a_refusal(sessions, plan, committee):
    january = plan(on=date(2026, 1, 13), title="January committee")
    march = _held(sessions, plan, committee)

    result = minutes.approve_minutes(sessions, march.id, date(2026, 4, 14), "Ann Smith")

    assert result.meeting.locked
    assert result.previous_unapproved is not None
    assert result.previous_unapproved.id == january.id
    assert result.warnings == (
        "The minutes of the previous January committee (13/01/2026) have not been approved yet.",
    )
