"""Taking the minutes: notes under each item, decisions, approval, and amendments after it.

Notes are saved a field at a time (one small UPDATE) so the window can save on every pause in
typing and nothing is lost if the laptop dies mid-meeting. Approval ("signed as a true record")
locks the minutes; a correction after that is a MinutesAmendment kept beside them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.dates import format_date
from grassroots.core.errors import NotFound, ValidationError
from grassroots.db.base import utc_now
from grassroots.meetings.locks import (
    load_item,
    load_meeting,
    open_item,
    refuse_if_item_locked,
    refuse_if_locked,
)
from grassroots.meetings.models import AgendaItem, Decision, Meeting, MinutesAmendment
from grassroots.meetings.reading import decision_row, detail, load_detail, summary
from grassroots.meetings.records import (
    AmendmentRow,
    ApprovalResult,
    DecisionInput,
    DecisionRow,
)
from grassroots.people.models import Person


def save_notes(sessions: sessionmaker[Session], item_id: int, notes: str) -> None:
    """The discussion under one item, saved whole (cheap enough to call on every pause)."""
    with sessions.begin() as session:
        refuse_if_item_locked(session, item_id, "change its notes")
        session.execute(update(AgendaItem).where(AgendaItem.id == item_id).values(notes=notes))


def clean_decision(session: Session, data: DecisionInput) -> DecisionInput:
    problems: dict[str, str] = {}
    motion = data.motion.strip()
    if not motion:
        problems["motion"] = "Write the motion as it was put to the meeting"
    for name in ("proposer_id", "seconder_id"):
        person_id = getattr(data, name)
        if person_id is not None and session.get(Person, person_id) is None:
            problems[name] = "That person is no longer on the records"
    if data.proposer_id is not None and data.proposer_id == data.seconder_id:
        problems["seconder_id"] = "The seconder must be someone other than the proposer"
    for name in ("votes_for", "votes_against", "votes_abstain"):
        votes = getattr(data, name)
        if votes is not None and votes < 0:
            problems[name] = "A number of votes cannot be below nought"
    against, for_ = data.votes_against or 0, data.votes_for or 0
    if data.carried and against > for_:
        problems["carried"] = (
            f"With {for_} for and {against} against the motion was not carried; "
            "mark it as lost or check the votes"
        )
    if problems:
        raise ValidationError(problems)
    return DecisionInput(motion, *(getattr(data, n) for n in _DECISION_FIELDS[1:]))


_DECISION_FIELDS = (
    "motion",
    "proposer_id",
    "seconder_id",
    "votes_for",
    "votes_against",
    "votes_abstain",
    "carried",
)


def add_decision(sessions: sessionmaker[Session], item_id: int, data: DecisionInput) -> DecisionRow:
    with sessions.begin() as session:
        item = open_item(session, item_id, "add a decision")
        data = clean_decision(session, data)
        row = Decision(item=item, **{n: getattr(data, n) for n in _DECISION_FIELDS})
        session.add(row)
        session.flush()
        return decision_row(row)


def change_decision(
    sessions: sessionmaker[Session], decision_id: int, data: DecisionInput
) -> DecisionRow:
    with sessions.begin() as session:
        row = _decision(session, decision_id)
        refuse_if_locked(row.item.meeting, "change its decisions")
        data = clean_decision(session, data)
        for name in _DECISION_FIELDS:
            setattr(row, name, getattr(data, name))
        session.flush()
        return decision_row(row)


def remove_decision(sessions: sessionmaker[Session], decision_id: int) -> None:
    with sessions.begin() as session:
        row = _decision(session, decision_id)
        refuse_if_locked(row.item.meeting, "remove its decisions")
        session.delete(row)


def _decision(session: Session, decision_id: int) -> Decision:
    row = session.get(Decision, decision_id)
    if row is None:
        raise NotFound("That decision no longer exists.")
    return row


def approve_minutes(
    sessions: sessionmaker[Session], meeting_id: int, approved_on: date, approved_by: str
) -> ApprovalResult:
    """Sign the minutes as a true record (usually at the next meeting) and lock them.

    Refused if nobody is recorded as present: minutes with no attendance cannot be a true
    record. An earlier meeting of the same kind whose minutes are still unapproved does not
    stop approval (it may have been lost or never minuted) but comes back as a warning.
    """
    approved_by = approved_by.strip()
    with sessions.begin() as session:
        meeting = load_meeting(session, meeting_id)
        refuse_if_locked(meeting, "approve them again")
        problems: dict[str, str] = {}
        if not any(a.status == "present" for a in meeting.attendance):
            problems["attendance"] = (
                "Nobody is recorded as present at this meeting; record the attendance before "
                "approving the minutes"
            )
        if approved_on < meeting.on:
            problems["approved_on"] = (
                f"Minutes cannot be approved before the meeting itself ({format_date(meeting.on)})"
            )
        if not approved_by:
            problems["approved_by"] = "Give the name of the person signing the minutes"
        if problems:
            raise ValidationError(problems)
        meeting.minutes_approved_on, meeting.approved_by = approved_on, approved_by
        meeting.approved_at = utc_now()
        previous = _previous_unapproved(session, meeting)
        session.flush()
        warnings = ()
        if previous is not None:
            warnings = (
                f"The minutes of the previous {previous.title} "
                f"({format_date(previous.on)}) have not been approved yet.",
            )
        return ApprovalResult(
            detail(load_detail(session, meeting_id)),
            warnings,
            None if previous is None else summary(previous),
        )


def _previous_unapproved(session: Session, meeting: Meeting) -> Meeting | None:
    previous = session.scalar(
        select(Meeting)
        .where(Meeting.kind == meeting.kind, Meeting.on < meeting.on)
        .order_by(Meeting.on.desc(), Meeting.id.desc())
        .limit(1)
    )
    return previous if previous is not None and previous.minutes_approved_on is None else None


def record_amendment(
    sessions: sessionmaker[Session],
    meeting_id: int,
    text: str,
    made_on: date,
    item_id: int | None = None,
    agreed_at_meeting_id: int | None = None,
) -> AmendmentRow:
    """A correction to minutes already approved, kept beside them; the signed text stays
    as it was. `agreed_at_meeting_id` names the meeting that agreed the correction."""
    text = text.strip()
    problems: dict[str, str] = {}
    if not text:
        problems["text"] = "Write the correction to the minutes"
    with sessions.begin() as session:
        meeting = load_meeting(session, meeting_id)
        if meeting.minutes_approved_on is None:
            problems["meeting"] = (
                "These minutes are not approved yet, so correct them directly instead"
            )
        elif made_on < meeting.minutes_approved_on:
            problems["made_on"] = "An amendment comes after the minutes were approved"
        if item_id is not None and load_item(session, item_id).meeting_id != meeting_id:
            problems["item_id"] = "That item belongs to another meeting"
        if agreed_at_meeting_id is not None:
            load_meeting(session, agreed_at_meeting_id)
        if problems:
            raise ValidationError(problems)
        row = MinutesAmendment(
            meeting=meeting,
            item_id=item_id,
            made_on=made_on,
            text=text,
            agreed_at_meeting_id=agreed_at_meeting_id,
            approved_at=utc_now() if agreed_at_meeting_id is not None else None,
        )
        session.add(row)
        session.flush()
        return AmendmentRow(
            row.id, row.item_id, row.made_on, row.text, row.agreed_at_meeting_id, row.recorded_at
        )
