"""The agenda: adding, renaming, moving and removing items, and each item's details.

Items are numbered 1, 2, 3... by `position` with no gaps, so the printed agenda and the
minutes number them the same way; every change renumbers the meeting's items in one go.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.errors import ValidationError
from grassroots.meetings.locks import open_item, open_meeting
from grassroots.meetings.models import ITEM_KINDS, AgendaItem, Meeting
from grassroots.meetings.reading import item_row
from grassroots.meetings.records import AgendaItemRow
from grassroots.people.models import Person


def _clean_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise ValidationError({"title": "Give the agenda item a title"})
    if len(title) > 200:
        raise ValidationError({"title": "Keep the item's title to 200 characters"})
    return title


def _renumber(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items, start=1):
        item.position = position


def _rows(meeting: Meeting) -> tuple[AgendaItemRow, ...]:
    return tuple(item_row(i) for i in sorted(meeting.items, key=lambda i: i.position))


def add_item(
    sessions: sessionmaker[Session],
    meeting_id: int,
    title: str,
    position: int | None = None,
    kind: str = "standard",
) -> AgendaItemRow:
    """A new item at `position` (1 is first), or before any other business if none is given
    (where new business usually goes), else at the end."""
    title = _clean_title(title)
    if kind not in ITEM_KINDS:
        raise ValidationError({"kind": "Choose a kind of agenda item from the list"})
    with sessions.begin() as session:
        meeting = open_meeting(session, meeting_id, "change its agenda")
        items = list(meeting.items)
        index = _insert_at(items, position)
        item = AgendaItem(title=title, kind=kind, position=0)
        meeting.items.append(item)
        items.insert(index, item)
        _renumber(items)
        session.flush()
        return item_row(item)


def _insert_at(items: list[AgendaItem], position: int | None) -> int:
    if position is not None:
        return min(max(position, 1), len(items) + 1) - 1
    for index, item in enumerate(items):
        if item.kind in ("aob", "next_meeting"):
            return index
    return len(items)


def rename_item(sessions: sessionmaker[Session], item_id: int, title: str) -> AgendaItemRow:
    title = _clean_title(title)
    with sessions.begin() as session:
        item = open_item(session, item_id, "change its agenda")
        item.title = title
        session.flush()
        return item_row(item)


def set_item_details(
    sessions: sessionmaker[Session],
    item_id: int,
    presenter_id: int | None,
    minutes_allowed: int | None,
    papers: str,
) -> AgendaItemRow:
    """Who presents the item, the minutes allowed for it, and the papers that go with it."""
    return change_item(sessions, item_id, None, presenter_id, minutes_allowed, papers)


def change_item(
    sessions: sessionmaker[Session],
    item_id: int,
    title: str | None,
    presenter_id: int | None,
    minutes_allowed: int | None,
    papers: str,
) -> AgendaItemRow:
    """Change an item's title (None keeps it) and its details in one transaction, as the
    agenda tab saves them together: either all of it is saved or none."""
    problems: dict[str, str] = {}
    if title is not None:
        try:
            title = _clean_title(title)
        except ValidationError as exc:
            problems.update(exc.fields)
    if minutes_allowed is not None and not 1 <= minutes_allowed <= 600:
        problems["minutes_allowed"] = "Allow from 1 to 600 minutes, or leave it blank"
    with sessions.begin() as session:
        if presenter_id is not None and session.get(Person, presenter_id) is None:
            problems["presenter_id"] = "That person is no longer on the records"
        if problems:
            raise ValidationError(problems)
        item = open_item(session, item_id, "change its agenda")
        if title is not None:
            item.title = title
        item.presenter_id, item.minutes_allowed = presenter_id, minutes_allowed
        item.papers = papers.strip()
        session.flush()
        return item_row(item)


def move_item(
    sessions: sessionmaker[Session], item_id: int, position: int
) -> tuple[AgendaItemRow, ...]:
    """Move an item to `position` (1 is first; past the end means last); returns the agenda
    in its new order, as a drag or Ctrl+Up/Down in the window needs it."""
    with sessions.begin() as session:
        item = open_item(session, item_id, "change its agenda")
        items = [i for i in item.meeting.items if i.id != item.id]
        items.insert(min(max(position, 1), len(items) + 1) - 1, item)
        _renumber(items)
        session.flush()
        return _rows(item.meeting)


def remove_item(
    sessions: sessionmaker[Session], item_id: int, discard_minutes: bool = False
) -> tuple[AgendaItemRow, ...]:
    """Remove an item. One that already holds notes, decisions or actions is only removed
    with `discard_minutes` (after the window has asked), so nothing typed is lost silently."""
    with sessions.begin() as session:
        item = open_item(session, item_id, "change its agenda")
        if not discard_minutes and (item.notes.strip() or item.decisions or item.actions):
            raise ValidationError(
                {
                    "item": f"'{item.title}' already has minutes, decisions or actions; "
                    "confirm that they should be discarded with the item"
                }
            )
        meeting = item.meeting
        meeting.items.remove(item)
        _renumber(list(meeting.items))
        session.flush()
        return _rows(meeting)
