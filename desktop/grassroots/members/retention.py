"""The retention rule: lapsed and former members come up for review rather than staying forever.

After the group's retention period (months since a membership lapsed or ended) the person is
listed for review. The reviewer either erases them (see people.gdpr) or keeps them for a stated
reason, which holds them back from the queue for another year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.dates import add_months
from grassroots.core.errors import ValidationError
from grassroots.group.service import get_settings
from grassroots.members.models import Membership
from grassroots.people.models import Person
from grassroots.people.service import load_person


@dataclass(frozen=True)
class RetentionCase:
    person_id: int
    name: str
    left_on: date
    reviewed_on: date | None


def _queue(sessions: sessionmaker[Session], today: date, *columns) -> Select:
    months = get_settings(sessions).retention_months
    cutoff = add_months(today, -months)
    left_on = func.coalesce(Membership.ended_on, Membership.expires_on)
    return (
        select(*columns)
        .select_from(Person)
        .join(Membership, Membership.person_id == Person.id)
        .where(
            Person.erased_at.is_(None),
            left_on.is_not(None),
            left_on < cutoff,
            or_(
                Person.retention_reviewed_on.is_(None),
                Person.retention_reviewed_on <= add_months(today, -12),
            ),
        )
    )


def retention_queue(
    sessions: sessionmaker[Session], today: date | None = None
) -> list[RetentionCase]:
    today = today or date.today()
    left_on = func.coalesce(Membership.ended_on, Membership.expires_on)
    query = _queue(
        sessions,
        today,
        Person.id,
        Person.first_name,
        Person.last_name,
        left_on,
        Person.retention_reviewed_on,
    ).order_by(left_on)
    with sessions() as session:
        return [
            RetentionCase(pid, f"{first} {last}".strip(), left, reviewed)
            for pid, first, last, left, reviewed in session.execute(query)
        ]


def retention_queue_count(sessions: sessionmaker[Session], today: date | None = None) -> int:
    query = _queue(sessions, today or date.today(), func.count(Person.id))
    with sessions() as session:
        return session.scalar(query) or 0


def keep_after_review(
    sessions: sessionmaker[Session], person_id: int, reason: str, today: date | None = None
) -> None:
    """Keep someone for another year, noting why on their record."""
    today = today or date.today()
    if not reason.strip():
        raise ValidationError({"reason": "Say why this person's details are being kept"})
    with sessions.begin() as session:
        person = load_person(session, person_id)
        person.retention_reviewed_on = today
        note = f"{today:%d/%m/%Y} kept after retention review: {reason.strip()}"
        person.notes = "\n".join(n for n in (person.notes, note) if n)
