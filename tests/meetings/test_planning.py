"""Planning a meeting: the kind's standard agenda, the invitations, and bad input."""

from datetime import date, time

import pytest

from grassroots.core.errors import NotFound, ValidationError
from grassroots.meetings import service
from grassroots.meetings.records import MeetingInput


def test_a_committee_meeting_starts_from_the_standard_agenda(plan, committee):
    meeting = plan("committee")

    assert [i.title for i in meeting.items] == [
        "Welcome and apologies",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Matters arising",
        "Treasurer's report",
        "Reports",
        "Any other business",
        "Date of next meeting",
    ]
    assert [i.position for i in meeting.items] == list(range(1, 9))
    assert meeting.title == "Committee meeting"
    assert {a.person_id for a in meeting.attendance} == set(committee.values())
    assert {a.status for a in meeting.attendance} == {"invited"}


def test_the_agm_adds_the_business_the_year_requires(plan):
    titles = [i.title for i in plan("agm").items]

    for needed in (
        "Trustees' annual report",
        "Annual accounts and the independent examiner's report",
        "Election of officers and trustees",
        "Appointment of the independent examiner",
    ):
        assert needed in titles
    assert titles.index("Matters arising") < titles.index("Trustees' annual report")
    assert titles[-2:] == ["Any other business", "Date of next annual general meeting"]


def test_without_recorded_roles_nobody_is_invited_by_default(sessions, committee):
    meeting = service.plan_meeting(sessions, MeetingInput(kind="committee", on=date(2026, 3, 10)))

    assert meeting.attendance == ()


def test_a_meeting_is_read_back_whole_with_names(sessions, plan, committee):
    made = plan(chair_id=committee["Ann"], minute_taker_id=committee["Bob"], title="March")

    meeting = service.get_meeting(sessions, made.id)

    assert (meeting.title, meeting.chair_name, meeting.minute_taker_name) == (
        "March",
        "Ann Smith",
        "Bob Jones",
    )
    assert (meeting.starts_at, meeting.venue) == (time(19, 30), "Small hall")


def test_bad_details_are_named(sessions):
    bad = MeetingInput(
        kind="party",
        on=date(2026, 3, 10),
        starts_at=time(20, 0),
        ends_at=time(19, 0),
        notice_sent_on=date(2026, 3, 11),
    )

    with pytest.raises(ValidationError) as refused:
        service.plan_meeting(sessions, bad)

    assert set(refused.value.fields) == {"kind", "ends_at", "notice_sent_on"}
    assert service.list_meetings(sessions) == ()


def test_a_chair_who_is_not_on_the_records_is_refused(sessions):
    with pytest.raises(ValidationError) as refused:
        service.plan_meeting(
            sessions, MeetingInput(kind="committee", on=date(2026, 3, 10), chair_id=999)
        )

    assert refused.value.fields == {"chair_id": "That person is no longer on the records"}


def test_upcoming_meetings_come_soonest_first(sessions, plan):
    january = plan(on=date(2026, 1, 12))
    may = plan(on=date(2026, 5, 11))
    march = plan(on=date(2026, 3, 9))

    upcoming = service.list_meetings(sessions, upcoming_from=date(2026, 2, 1))

    assert [m.id for m in upcoming] == [march.id, may.id]
    assert [m.id for m in service.list_meetings(sessions)] == [may.id, march.id, january.id]


def test_updating_keeps_the_agenda_and_deleting_removes_the_meeting(sessions, plan):
    meeting = plan()
    moved = MeetingInput(kind="committee", on=date(2026, 3, 17), title="Moved", venue="Library")

    updated = service.update_meeting(sessions, meeting.id, moved)
    service.delete_meeting(sessions, meeting.id)

    assert (updated.on, updated.venue, len(updated.items)) == (date(2026, 3, 17), "Library", 8)
    with pytest.raises(NotFound):
        service.get_meeting(sessions, meeting.id)


def test_a_new_meeting_invites_the_last_such_meetings_list_but_not_its_guests(
    sessions, committee, plan
):
    from grassroots.meetings.attendance import mark_attendance
    from grassroots.people.records import PersonInput
    from grassroots.people.service import add_person

    first = plan(invite=(committee["Ann"], committee["Bob"]))
    guest = add_person(sessions, PersonInput(first_name="Gus", last_name="Visitor")).id
    mark_attendance(sessions, first.id, guest, "guest")
    mark_attendance(sessions, first.id, committee["Bob"], "apologies")
    nobody_yet = service.plan_meeting(sessions, MeetingInput(kind="subgroup", on=date(2026, 4, 1)))
    assert nobody_yet.attendance == ()
    second = service.plan_meeting(sessions, MeetingInput(kind="committee", on=date(2026, 5, 12)))
    assert {a.person_id for a in second.attendance} == {committee["Ann"], committee["Bob"]}
    assert {a.status for a in second.attendance} == {"invited"}
    agm = service.plan_meeting(sessions, MeetingInput(kind="agm", on=date(2026, 7, 16)))
    assert {a.person_id for a in agm.attendance} == {committee["Ann"], committee["Bob"]}
