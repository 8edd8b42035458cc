"""Turning meeting rows into the plain records the windows and printouts use."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from grassroots.meetings.models import Action, AgendaItem, Attendance, Decision, Meeting
from grassroots.meetings.records import (
    ActionRow,
    AgendaItemRow,
    AmendmentRow,
    AttendeeRow,
    DecisionRow,
    MeetingDetail,
    MeetingSummary,
)
from grassroots.people.models import Person
from grassroots.people.records import full_name


def name_of(person: Person | None) -> str:
    return "" if person is None else full_name("", person.first_name, person.last_name)


def summary(meeting: Meeting) -> MeetingSummary:
    return MeetingSummary(
        meeting.id,
        meeting.kind,
        meeting.title,
        meeting.on,
        meeting.starts_at,
        meeting.venue,
        meeting.minutes_approved_on,
    )


def attendee(row: Attendance) -> AttendeeRow:
    return AttendeeRow(row.person_id, name_of(row.person), row.status, row.note)


def decision_row(row: Decision) -> DecisionRow:
    return DecisionRow(
        row.id,
        row.item_id,
        row.motion,
        row.proposer_id,
        name_of(row.proposer),
        row.seconder_id,
        name_of(row.seconder),
        row.votes_for,
        row.votes_against,
        row.votes_abstain,
        row.carried,
    )


def action_row(row: Action) -> ActionRow:
    return ActionRow(
        row.id,
        row.item_id,
        row.what,
        row.owner_id,
        name_of(row.owner),
        row.due_on,
        row.status,
        row.done_on,
        row.carried_from_action_id,
    )


def item_row(row: AgendaItem) -> AgendaItemRow:
    return AgendaItemRow(
        row.id,
        row.position,
        row.kind,
        row.title,
        row.presenter_id,
        name_of(row.presenter),
        row.minutes_allowed,
        row.papers,
        row.notes,
        tuple(decision_row(d) for d in row.decisions),
        tuple(action_row(a) for a in row.actions),
    )


def _by_name(row: Attendance) -> tuple[str, str, int]:
    return (row.person.last_name.lower(), row.person.first_name.lower(), row.id)


def detail(meeting: Meeting) -> MeetingDetail:
    return MeetingDetail(
        meeting.id,
        meeting.kind,
        meeting.title,
        meeting.on,
        meeting.starts_at,
        meeting.ends_at,
        meeting.venue,
        meeting.chair_id,
        name_of(meeting.chair),
        meeting.minute_taker_id,
        name_of(meeting.minute_taker),
        meeting.notice_sent_on,
        meeting.minutes_approved_on,
        meeting.approved_by,
        meeting.approved_at,
        tuple(attendee(a) for a in sorted(meeting.attendance, key=_by_name)),
        tuple(item_row(i) for i in meeting.items),
        tuple(
            AmendmentRow(a.id, a.item_id, a.made_on, a.text, a.agreed_at_meeting_id, a.recorded_at)
            for a in meeting.amendments
        ),
        meeting.room_id,
    )


def load_detail(session: Session, meeting_id: int) -> Meeting | None:
    """One meeting with everything its minutes show, in a handful of queries however many
    items it has (a 40-item meeting must open quickly)."""
    items = selectinload(Meeting.items)
    query = (
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.chair),
            selectinload(Meeting.minute_taker),
            selectinload(Meeting.attendance).selectinload(Attendance.person),
            items.selectinload(AgendaItem.presenter),
            items.selectinload(AgendaItem.decisions).selectinload(Decision.proposer),
            items.selectinload(AgendaItem.decisions).selectinload(Decision.seconder),
            items.selectinload(AgendaItem.actions).selectinload(Action.owner),
            selectinload(Meeting.amendments),
        )
    )
    return session.scalar(query)
