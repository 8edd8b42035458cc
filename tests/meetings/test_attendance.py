"""The attendance list: invitations, how people came, and mistakes put right."""

import pytest

from grassroots.core.errors import NotFound, ValidationError
from grassroots.meetings import attendance


def test_inviting_again_keeps_each_persons_place_and_status(sessions, plan, committee):
    meeting = plan(invite=(committee["Ann"],))
    attendance.mark_attendance(sessions, meeting.id, committee["Ann"], "apologies", "Away")

    rows = attendance.invite(sessions, meeting.id, (committee["Ann"], committee["Bob"]))

    assert [(r.name, r.status, r.note) for r in rows] == [
        ("Bob Jones", "invited", ""),
        ("Ann Smith", "apologies", "Away"),
    ]


def test_someone_taken_off_the_list_by_mistake(sessions, plan, committee):
    meeting = plan()

    attendance.remove_attendee(sessions, meeting.id, committee["Eve"])

    names = [r.name for r in attendance.list_attendance(sessions, meeting.id)]
    assert "Eve Lee" not in names and len(names) == 4
    with pytest.raises(NotFound):
        attendance.remove_attendee(sessions, meeting.id, committee["Eve"])


def test_an_unknown_status_or_person_is_refused(sessions, plan, committee):
    meeting = plan()

    with pytest.raises(ValidationError) as status:
        attendance.mark_attendance(sessions, meeting.id, committee["Ann"], "asleep")
    with pytest.raises(ValidationError) as person:
        attendance.mark_attendance(sessions, meeting.id, 999, "present")

    assert set(status.value.fields) == {"status"}
    assert person.value.fields == {"person": "That person is no longer on the records"}
