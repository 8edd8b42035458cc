"""Actions: carried into the next meeting's matters arising, followed up, and tracked."""

from datetime import date

import pytest

from grassroots.core.errors import ValidationError
from grassroots.meetings import actions, attendance, minutes, service
from grassroots.meetings.records import ActionInput


def _arising(meeting):
    return next(i for i in meeting.items if i.kind == "matters_arising")


def test_open_actions_are_carried_into_matters_arising(sessions, plan, committee):
    march = plan(on=date(2026, 3, 10))
    item = march.items[5]
    roof = actions.add_action(
        sessions, item.id, ActionInput("Get roof quotes", committee["Bob"], date(2026, 4, 1))
    )
    done = actions.add_action(sessions, item.id, ActionInput("Book the fete", committee["Eve"]))
    actions.complete_action(sessions, done.id, date(2026, 3, 20))

    april = plan(on=date(2026, 4, 14))

    carried = _arising(april).actions
    assert [(a.what, a.owner_name, a.due_on, a.carried_from_action_id) for a in carried] == [
        ("Get roof quotes", "Bob Jones", date(2026, 4, 1), roof.id)
    ]
    march_again = service.get_meeting(sessions, march.id).items[5].actions
    assert [a.status for a in march_again] == ["open", "done"]


def test_an_action_is_carried_once_and_from_the_newest_meeting(sessions, plan, committee):
    march = plan(on=date(2026, 3, 10))
    actions.add_action(sessions, march.items[5].id, ActionInput("Get roof quotes"))
    april = plan(on=date(2026, 4, 14))

    may = plan(on=date(2026, 5, 12))
    again = actions.carry_open_actions(sessions, may.id)

    assert [a.carried_from_action_id for a in _arising(may).actions] == [
        _arising(april).actions[0].id
    ]
    assert again == 0


def test_a_subgroup_does_not_take_up_the_committees_actions(sessions, plan):
    march = plan(on=date(2026, 3, 10))
    actions.add_action(sessions, march.items[5].id, ActionInput("Get roof quotes"))

    subgroup = plan("subgroup", on=date(2026, 4, 1))

    assert _arising(subgroup).actions == ()


def test_completing_an_old_row_completes_the_live_action(sessions, plan, committee):
    march = plan(on=date(2026, 3, 10))
    first = actions.add_action(sessions, march.items[5].id, ActionInput("Get roof quotes"))
    plan(on=date(2026, 4, 14))

    done = actions.complete_action(sessions, first.id, date(2026, 4, 20))

    assert done.carried_from_action_id == first.id and done.status == "done"
    assert actions.tracked_actions(sessions, today=date(2026, 5, 1)) == ()


def test_an_approved_meetings_action_can_still_be_completed(sessions, plan, committee):
    march = plan(on=date(2026, 3, 10))
    attendance.mark_attendance(sessions, march.id, committee["Ann"], "present")
    action = actions.add_action(sessions, march.items[5].id, ActionInput("Get roof quotes"))
    minutes.approve_minutes(sessions, march.id, date(2026, 4, 14), "Ann Smith")

    done = actions.complete_action(sessions, action.id, date(2026, 4, 20))

    assert (done.status, done.done_on) == ("done", date(2026, 4, 20))
    with pytest.raises(ValidationError) as twice:
        actions.drop_action(sessions, action.id, date(2026, 4, 21))
    assert twice.value.fields == {"status": "This action is already marked done"}


def test_the_tracker_lists_open_actions_and_which_are_overdue(sessions, plan, committee):
    march = plan(on=date(2026, 3, 10), title="March committee")
    item = march.items[5]
    late = actions.add_action(
        sessions, item.id, ActionInput("Get roof quotes", committee["Bob"], date(2026, 4, 1))
    )
    later = actions.add_action(
        sessions, item.id, ActionInput("Renew insurance", committee["Cath"], date(2026, 6, 1))
    )
    undated = actions.add_action(sessions, item.id, ActionInput("Tidy the store"))
    dropped = actions.add_action(sessions, item.id, ActionInput("Buy a marquee"))
    actions.drop_action(sessions, dropped.id, date(2026, 3, 10))

    every = actions.tracked_actions(sessions, today=date(2026, 5, 1))
    overdue = actions.tracked_actions(sessions, today=date(2026, 5, 1), overdue_only=True)
    cath = actions.tracked_actions(sessions, date(2026, 5, 1), owner_id=committee["Cath"])

    assert [(a.id, a.owner_name, a.overdue) for a in every] == [
        (late.id, "Bob Jones", True),
        (later.id, "Cath Patel", False),
        (undated.id, "", False),
    ]
    assert [(a.what, a.meeting_title, a.meeting_on) for a in overdue] == [
        ("Get roof quotes", "March committee", date(2026, 3, 10))
    ]
    assert [a.id for a in cath] == [later.id]
    assert actions.overdue_count(sessions, date(2026, 5, 1)) == 1
    assert actions.overdue_count(sessions, date(2026, 7, 1)) == 2


def test_an_action_must_say_what_is_to_be_done(sessions, plan):
    item = plan().items[5]

    with pytest.raises(ValidationError) as refused:
        actions.add_action(sessions, item.id, ActionInput("  ", owner_id=999))

    assert refused.value.fields == {
        "what": "Say what is to be done",
        "owner_id": "That person is no longer on the records",
    }


def test_changing_and_reopening_an_action(sessions, plan, committee):
    item = plan().items[5]
    action = actions.add_action(sessions, item.id, ActionInput("Get quotes"))

    changed = actions.change_action(
        sessions,
        action.id,
        ActionInput("Get three roof quotes", committee["Dev"], date(2026, 4, 1)),
    )
    actions.complete_action(sessions, action.id, date(2026, 3, 30))
    reopened = actions.reopen_action(sessions, action.id)

    assert (changed.what, changed.owner_name) == ("Get three roof quotes", "Dev Khan")
    assert (reopened.status, reopened.done_on) == ("open", None)
