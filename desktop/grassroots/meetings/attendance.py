"""Who was invited to a meeting and who came: present, apologies, absent, or a guest."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.errors import NotFound, ValidationError
from grassroots.meetings.locks import open_meeting
from grassroots.meetings.models import ATTENDANCE, Attendance
from grassroots.meetings.reading import attendee
from grassroots.meetings.records import AttendeeRow
from grassroots.people.models import Person


def _rows(session: Session, meeting_id: int) -> tuple[AttendeeRow, ...]:
    query = (
        select(Attendance)
        .join(Person, Attendance.person_id == Person.id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Person.last_name, Person.first_name, Attendance.id)
    )
    return tuple(attendee(row) for row in session.scalars(query))


def invite(
    sessions: sessionmaker[Session], meeting_id: int, person_ids: tuple[int, ...]
) -> tuple[AttendeeRow, ...]:
    """Invite people; someone already on the list keeps their place and status."""
    with sessions.begin() as session:
        meeting = open_meeting(session, meeting_id, "change who was invited")
        listed = {a.person_id for a in meeting.attendance}
        for person_id in dict.fromkeys(person_ids):
            if session.get(Person, person_id) is None:
                raise ValidationError({"person": "That person is no longer on the records"})
            if person_id not in listed:
                meeting.attendance.append(Attendance(person_id=person_id, status="invited"))
        session.flush()
        return _rows(session, meeting_id)


def mark_attendance(
    sessions: sessionmaker[Session],
    meeting_id: int,
    person_id: int,
    status: str,
    note: str = "",
) -> AttendeeRow:
    """Record how someone attended; a person not yet on the list is added (a guest, or a
    member who came without an invitation)."""
    if status not in ATTENDANCE:
        raise ValidationError({"status": "Choose invited, present, apologies, absent or guest"})
    if len(note.strip()) > 200:
        raise ValidationError({"note": "Keep the note to 200 characters"})
    with sessions.begin() as session:
        meeting = open_meeting(session, meeting_id, "change the attendance")
        if session.get(Person, person_id) is None:
            raise ValidationError({"person": "That person is no longer on the records"})
        row = next((a for a in meeting.attendance if a.person_id == person_id), None)
        if row is None:
            row = Attendance(person_id=person_id)
            meeting.attendance.append(row)
        row.status, row.note = status, note.strip()
        session.flush()
        return attendee(row)


def remove_attendee(sessions: sessionmaker[Session], meeting_id: int, person_id: int) -> None:
    """Take someone off the list (invited by mistake)."""
    with sessions.begin() as session:
        meeting = open_meeting(session, meeting_id, "change the attendance")
        row = next((a for a in meeting.attendance if a.person_id == person_id), None)
        if row is None:
            raise NotFound("That person is not on this meeting's list.")
        meeting.attendance.remove(row)


def list_attendance(sessions: sessionmaker[Session], meeting_id: int) -> tuple[AttendeeRow, ...]:
    with sessions() as session:
        return _rows(session, meeting_id)
