"""Planning, changing, reading and deleting meetings; one transaction per user action.

Who is invited by default: a meeting invites the people `default_invitees` names. Grassroots
does not yet record who sits on the committee or who the trustees are (people have no roles
beyond membership), so a new meeting invites the people who were on the list of the last
meeting of its kind (not its guests): the committee, as the secretary last recorded it. An AGM
or EGM with none before it takes the last committee meeting's list. When a roles area records
committee members and trustees, `default_invitees` is the one function to change.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.bookings.clashes import ClashError, clashes_at
from grassroots.bookings.models import Room
from grassroots.bookings.occurrences import meeting_times
from grassroots.bookings.records import Clash
from grassroots.core.errors import NotFound, ValidationError
from grassroots.meetings.actions import carry_open_actions_into
from grassroots.meetings.locks import load_meeting, refuse_if_locked
from grassroots.meetings.models import MEETING_KINDS, AgendaItem, Attendance, Meeting
from grassroots.meetings.reading import detail, load_detail, summary
from grassroots.meetings.records import KIND_LABELS, MeetingDetail, MeetingInput, MeetingSummary
from grassroots.meetings.templates import template_for
from grassroots.people.models import Person


def default_invitees(session: Session, kind: str) -> tuple[int, ...]:
    """The people a new meeting of `kind` invites (see the module's docstring)."""
    for source in (kind, "committee") if kind in ("agm", "egm") else (kind,):
        last = session.scalar(
            select(Meeting)
            .where(Meeting.kind == source)
            .order_by(Meeting.on.desc(), Meeting.id.desc())
            .limit(1)
        )
        if last is not None:
            return tuple(a.person_id for a in last.attendance if a.status != "guest")
    return ()


def clean_meeting(data: MeetingInput) -> MeetingInput:
    """Check what was typed; ValidationError names each field that is wrong."""
    problems: dict[str, str] = {}
    if data.kind not in MEETING_KINDS:
        problems["kind"] = "Choose the kind of meeting: committee, AGM, EGM, sub-group or open"
    if not isinstance(data.on, date):
        problems["on"] = "Give the date of the meeting"
    if data.starts_at and data.ends_at and data.ends_at <= data.starts_at:
        problems["ends_at"] = "The meeting must end after it starts"
    if data.notice_sent_on and isinstance(data.on, date) and data.notice_sent_on > data.on:
        problems["notice_sent_on"] = "Notice cannot be sent after the meeting"
    if len(data.title.strip()) > 200:
        problems["title"] = "Keep the title to 200 characters"
    if len(data.venue.strip()) > 200:
        problems["venue"] = "Keep the venue to 200 characters"
    if problems:
        raise ValidationError(problems)
    title = data.title.strip() or KIND_LABELS[data.kind]
    return replace(data, title=title, venue=data.venue.strip())


def _check_people(session: Session, **ids: int | None) -> None:
    problems = {
        name: "That person is no longer on the records"
        for name, person_id in ids.items()
        if person_id is not None and session.get(Person, person_id) is None
    }
    if problems:
        raise ValidationError(problems)


def _apply(meeting: Meeting, data: MeetingInput) -> None:
    for name in (
        "kind", "title", "on", "starts_at", "ends_at", "venue", "notice_sent_on", "room_id",
    ):  # fmt: skip
        setattr(meeting, name, getattr(data, name))
    meeting.chair_id, meeting.minute_taker_id = data.chair_id, data.minute_taker_id


def room_clashes(
    session: Session, data: MeetingInput, meeting_id: int | None = None
) -> tuple[Clash, ...]:
    """The bookings a meeting in a booked room would overlap (none when it has no room)."""
    if data.room_id is None:
        return ()
    room = session.get(Room, data.room_id)
    if room is None:
        raise ValidationError({"room_id": "That room is no longer on the records"})
    starts, ends = meeting_times(data.starts_at, data.ends_at)
    return clashes_at(
        session, room.id, [data.on], starts, ends, room.setup_minutes, room.cleardown_minutes,
        ignore_meeting=meeting_id,
    )  # fmt: skip


def check_meeting_room(
    sessions: sessionmaker[Session], data: MeetingInput, meeting_id: int | None = None
) -> tuple[Clash, ...]:
    """What a meeting's room booking would clash with, for the form to show before saving."""
    with sessions() as session:
        return room_clashes(session, clean_meeting(data), meeting_id)


def _book_room(
    session: Session, data: MeetingInput, meeting_id: int | None, allow_clash: bool
) -> None:
    clashes = room_clashes(session, data, meeting_id)
    if clashes and not allow_clash:
        raise ClashError(clashes)


def plan_meeting(
    sessions: sessionmaker[Session],
    data: MeetingInput,
    invite: tuple[int, ...] | None = None,
    allow_clash: bool = False,
) -> MeetingDetail:
    """A new meeting with its kind's standard agenda, the default invitees (or `invite`), and
    every open action of earlier meetings carried into its matters arising. A meeting in one
    of the group's rooms is a booking of it: refused with ClashError if the room is taken,
    unless `allow_clash`."""
    data = clean_meeting(data)
    with sessions.begin() as session:
        _check_people(session, chair_id=data.chair_id, minute_taker_id=data.minute_taker_id)
        _book_room(session, data, None, allow_clash)
        meeting = Meeting()
        _apply(meeting, data)
        for position, (kind, title) in enumerate(template_for(data.kind), start=1):
            meeting.items.append(AgendaItem(position=position, kind=kind, title=title))
        people = default_invitees(session, data.kind) if invite is None else invite
        for person_id in dict.fromkeys(people):
            _check_people(session, invite=person_id)
            meeting.attendance.append(Attendance(person_id=person_id, status="invited"))
        session.add(meeting)
        session.flush()
        carry_open_actions_into(session, meeting)
        session.flush()
        session.expire_all()
        return detail(load_detail(session, meeting.id))


def update_meeting(
    sessions: sessionmaker[Session],
    meeting_id: int,
    data: MeetingInput,
    allow_clash: bool = False,
) -> MeetingDetail:
    """Change a meeting's kind, title, date, times, venue, chair, minute-taker or notice date.
    The agenda stays as it is (a changed kind does not rebuild it, so nothing typed is lost)."""
    data = clean_meeting(data)
    with sessions.begin() as session:
        meeting = load_meeting(session, meeting_id)
        refuse_if_locked(meeting, "change its details")
        _check_people(session, chair_id=data.chair_id, minute_taker_id=data.minute_taker_id)
        _book_room(session, data, meeting_id, allow_clash)
        _apply(meeting, data)
        session.flush()
        return detail(load_detail(session, meeting_id))


def get_meeting(sessions: sessionmaker[Session], meeting_id: int) -> MeetingDetail:
    with sessions() as session:
        meeting = load_detail(session, meeting_id)
        if meeting is None:
            raise NotFound("That meeting no longer exists.")
        return detail(meeting)


def list_meetings(
    sessions: sessionmaker[Session],
    upcoming_from: date | None = None,
    kind: str | None = None,
) -> tuple[MeetingSummary, ...]:
    """Meetings newest first; with `upcoming_from`, only those on or after that day, soonest
    first (what the secretary has to prepare next)."""
    query = select(Meeting)
    if kind is not None:
        query = query.where(Meeting.kind == kind)
    if upcoming_from is not None:
        query = query.where(Meeting.on >= upcoming_from).order_by(Meeting.on, Meeting.id)
    else:
        query = query.order_by(Meeting.on.desc(), Meeting.id.desc())
    with sessions() as session:
        return tuple(summary(m) for m in session.scalars(query))


def delete_meeting(sessions: sessionmaker[Session], meeting_id: int) -> None:
    """Remove a meeting planned by mistake. Approved minutes are never deleted. Actions that
    had been carried into it become live again in the meeting they came from."""
    with sessions.begin() as session:
        meeting = load_meeting(session, meeting_id)
        refuse_if_locked(meeting, "delete it")
        session.delete(meeting)
