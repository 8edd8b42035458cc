"""Actions: what a meeting asked someone to do, carried forward until done, and the tracker.

An open action is carried into the next meeting's matters arising as a new row that points
back at the one before (`carried_from_action_id`), so each meeting's minutes keep the action as
it stood then; the newest row of a chain, with no row carried from it, is the live one.

Approved minutes lock what an action says, who owns it and when it is due. Marking it done or
dropped is not a change to the minutes but the follow-up they asked for, so it is allowed on
an approved meeting's action; it always lands on the live row of the chain.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased, contains_eager, sessionmaker

from grassroots.core.errors import NotFound, ValidationError
from grassroots.meetings.locks import open_item, refuse_if_locked
from grassroots.meetings.models import Action, AgendaItem, Meeting
from grassroots.meetings.reading import action_row, name_of
from grassroots.meetings.records import ActionInput, ActionRow, TrackedAction
from grassroots.meetings.templates import CARRIES_FROM
from grassroots.people.models import Person

_Later = aliased(Action)
_LIVE = ~exists().where(_Later.carried_from_action_id == Action.id)


def clean_action(session: Session, data: ActionInput) -> ActionInput:
    problems: dict[str, str] = {}
    if not data.what.strip():
        problems["what"] = "Say what is to be done"
    if data.owner_id is not None and session.get(Person, data.owner_id) is None:
        problems["owner_id"] = "That person is no longer on the records"
    if problems:
        raise ValidationError(problems)
    return ActionInput(data.what.strip(), data.owner_id, data.due_on)


def add_action(sessions: sessionmaker[Session], item_id: int, data: ActionInput) -> ActionRow:
    with sessions.begin() as session:
        item = open_item(session, item_id, "add an action")
        data = clean_action(session, data)
        row = Action(item=item, what=data.what, owner_id=data.owner_id, due_on=data.due_on)
        session.add(row)
        session.flush()
        return action_row(row)


def change_action(sessions: sessionmaker[Session], action_id: int, data: ActionInput) -> ActionRow:
    """Change what an action says, its owner or its due date (not once the minutes that
    record it are approved)."""
    with sessions.begin() as session:
        row = _load(session, action_id)
        refuse_if_locked(row.item.meeting, "change its actions")
        data = clean_action(session, data)
        row.what, row.owner_id, row.due_on = data.what, data.owner_id, data.due_on
        session.flush()
        return action_row(row)


def remove_action(sessions: sessionmaker[Session], action_id: int) -> None:
    with sessions.begin() as session:
        row = _load(session, action_id)
        refuse_if_locked(row.item.meeting, "remove its actions")
        session.delete(row)


def complete_action(sessions: sessionmaker[Session], action_id: int, on: date) -> ActionRow:
    """Mark an action done on `on` (see the module's docstring for why approval allows it)."""
    return _close(sessions, action_id, "done", on)


def drop_action(sessions: sessionmaker[Session], action_id: int, on: date) -> ActionRow:
    """The meeting decided the action is no longer needed."""
    return _close(sessions, action_id, "dropped", on)


def reopen_action(sessions: sessionmaker[Session], action_id: int) -> ActionRow:
    """Undo a completion recorded by mistake."""
    with sessions.begin() as session:
        row = _live(session, _load(session, action_id))
        row.status, row.done_on = "open", None
        session.flush()
        return action_row(row)


def _close(sessions: sessionmaker[Session], action_id: int, status: str, on: date) -> ActionRow:
    with sessions.begin() as session:
        row = _live(session, _load(session, action_id))
        if row.status != "open":
            raise ValidationError({"status": f"This action is already marked {row.status}"})
        row.status, row.done_on = status, on
        session.flush()
        return action_row(row)


def _load(session: Session, action_id: int) -> Action:
    row = session.get(Action, action_id)
    if row is None:
        raise NotFound("That action no longer exists.")
    return row


def _live(session: Session, row: Action) -> Action:
    """The newest row of an action's chain: the one carried forward last."""
    while True:
        later = session.scalar(select(Action).where(Action.carried_from_action_id == row.id))
        if later is None:
            return row
        row = later


def carry_open_actions_into(session: Session, meeting: Meeting) -> int:
    """Copy every live open action minuted at an earlier meeting (of the kinds this meeting
    follows up) into its matters arising; returns how many were carried."""
    arising = next((i for i in meeting.items if i.kind == "matters_arising"), None)
    kinds = CARRIES_FROM.get(meeting.kind, ())
    if arising is None or not kinds:
        return 0
    query = (
        select(Action)
        .join(AgendaItem, Action.item_id == AgendaItem.id)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .where(
            Action.status == "open",
            _LIVE,
            Meeting.on < meeting.on,
            Meeting.kind.in_(kinds),
            Meeting.id != meeting.id,
        )
        .order_by(Meeting.on, Action.id)
    )
    carried = 0
    for old in session.scalars(query).all():
        session.add(
            Action(
                item=arising,
                what=old.what,
                owner_id=old.owner_id,
                due_on=old.due_on,
                carried_from_action_id=old.id,
            )
        )
        carried += 1
    return carried


def carry_open_actions(sessions: sessionmaker[Session], meeting_id: int) -> int:
    """Bring forward open actions again (say the meeting was planned before the last one was
    held): those already carried here are not carried twice."""
    with sessions.begin() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound("That meeting no longer exists.")
        refuse_if_locked(meeting, "bring actions forward into it")
        return carry_open_actions_into(session, meeting)


def overdue_count(sessions: sessionmaker[Session], today: date) -> int:
    """How many live actions are past their due date: the figure Home shows."""
    query = select(func.count(Action.id)).where(
        Action.status == "open", _LIVE, Action.due_on < today
    )
    with sessions() as session:
        return session.scalar(query) or 0


def tracked_actions(
    sessions: sessionmaker[Session],
    today: date,
    overdue_only: bool = False,
    owner_id: int | None = None,
) -> tuple[TrackedAction, ...]:
    """Every live open action across all meetings, soonest due first (no due date last)."""
    query = (
        select(Action, Meeting.id, Meeting.title, Meeting.on)
        .join(AgendaItem, Action.item_id == AgendaItem.id)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .outerjoin(Person, Action.owner_id == Person.id)
        .where(Action.status == "open", _LIVE)
        .options(contains_eager(Action.owner))
        .order_by(Action.due_on.is_(None), Action.due_on, Meeting.on, Action.id)
    )
    if overdue_only:
        query = query.where(Action.due_on < today)
    if owner_id is not None:
        query = query.where(Action.owner_id == owner_id)
    with sessions() as session:
        return tuple(
            TrackedAction(
                row.id,
                row.what,
                row.owner_id,
                name_of(row.owner),
                row.due_on,
                row.status,
                meeting_id,
                title,
                on,
                row.due_on is not None and row.due_on < today,
            )
            for row, meeting_id, title, on in session.execute(query)
        )
