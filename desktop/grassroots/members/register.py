"""The register as a list: search, filter, sort, count and what needs attention, all in SQL so
the list is as quick at 100,000 people as at 100."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.dates import add_months
from grassroots.core.money import Money
from grassroots.group.service import get_settings
from grassroots.members.models import Membership, MembershipType
from grassroots.members.records import HomeSummary, MemberQuery, MemberRow, MemberStatus
from grassroots.members.terms import status_of
from grassroots.people.models import Person

_SORTS = {
    "name": [Person.last_name, Person.first_name],
    "number": [Membership.number],
    "type": [MembershipType.name, Person.last_name],
    "expires": [Membership.expires_on, Person.last_name],
    "joined": [Membership.joined_on, Person.last_name],
    "postcode": [Person.postcode, Person.last_name],
    "email": [Person.email],
    "status": [Membership.ended_on, Membership.expires_on, Person.last_name],
}


def _status_filter(status: MemberStatus, today: date, window_days: int):
    horizon = today + timedelta(days=window_days)
    live = and_(Membership.id.is_not(None), Membership.ended_on.is_(None))
    return {
        MemberStatus.NONE: Membership.id.is_(None),
        MemberStatus.ENDED: Membership.ended_on.is_not(None),
        MemberStatus.LAPSED: and_(live, Membership.expires_on < today),
        MemberStatus.DUE: and_(
            live, Membership.expires_on >= today, Membership.expires_on <= horizon
        ),
        MemberStatus.CURRENT: and_(
            live, or_(Membership.expires_on.is_(None), Membership.expires_on > horizon)
        ),
    }[status]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered(query: Select, spec: MemberQuery, today: date, window_days: int) -> Select:
    query = query.where(Person.erased_at.is_(None))
    for word in spec.text.lower().split():
        term = word.replace(" ", "")
        query = query.where(Person.search_text.like(f"%{_escape_like(term)}%", escape="\\"))
    if spec.status is not None:
        query = query.where(_status_filter(spec.status, today, window_days))
    elif spec.members_only:
        query = query.where(Membership.id.is_not(None))
    if spec.type_id is not None:
        query = query.where(Membership.type_id == spec.type_id)
    if spec.expired_since is not None:
        query = query.where(Membership.expires_on >= spec.expired_since)
    if spec.person_ids:
        query = query.where(Person.id.in_(spec.person_ids))
    return query


def _joined(query: Select) -> Select:
    return (
        query.select_from(Person)
        .outerjoin(Membership, Membership.person_id == Person.id)
        .outerjoin(MembershipType, MembershipType.id == Membership.type_id)
    )


_ROW_COLUMNS = (
    Person.id,
    Person.title,
    Person.first_name,
    Person.last_name,
    Person.email,
    Person.postcode,
    Person.phone,
    Person.mobile,
    Membership.id,
    Membership.number,
    MembershipType.name,
    MembershipType.fee_pence,
    Membership.joined_on,
    Membership.expires_on,
    Membership.ended_on,
)


def _member_row(values, today: date, window_days: int) -> MemberRow:
    (
        pid,
        title,
        first,
        last,
        email,
        postcode,
        phone,
        mobile,
        mid,
        number,
        type_name,
        fee,
        joined,
        expires,
        ended,
    ) = values
    status = MemberStatus.NONE if mid is None else status_of(expires, ended, today, window_days)
    return MemberRow(
        pid,
        title,
        first,
        last,
        email,
        postcode,
        phone or mobile,
        mid,
        number,
        type_name or "",
        Money(fee or 0),
        joined,
        expires,
        status,
    )


def search_members(
    sessions: sessionmaker[Session],
    spec: MemberQuery,
    offset: int = 0,
    limit: int = 200,
    today: date | None = None,
) -> list[MemberRow]:
    """One page of the list, searched and sorted in SQL so it is quick at any size."""
    today = today or date.today()
    window = get_settings(sessions).renewal_window_days
    order = [c.desc() if spec.descending else c.asc() for c in _SORTS.get(spec.sort, [])]
    query = _filtered(_joined(select(*_ROW_COLUMNS)), spec, today, window)
    query = query.order_by(*order, Person.id).offset(offset).limit(limit)
    with sessions() as session:
        return [_member_row(values, today, window) for values in session.execute(query)]


def count_members(
    sessions: sessionmaker[Session], spec: MemberQuery, today: date | None = None
) -> int:
    today = today or date.today()
    window = get_settings(sessions).renewal_window_days
    needs_membership = (
        spec.status is not None
        or spec.members_only
        or spec.type_id is not None
        or spec.expired_since is not None
    )
    counted = select(func.count(Person.id))
    # Counting everyone needs no join: at 100,000 people the joins cost ten times the scan.
    counted = _joined(counted) if needs_membership else counted.select_from(Person)
    with sessions() as session:
        return session.scalar(_filtered(counted, spec, today, window)) or 0


def all_members(
    sessions: sessionmaker[Session], spec: MemberQuery, today: date | None = None
) -> list[MemberRow]:
    """Every row matching `spec` (for printing and export), in the list's order."""
    rows, offset = [], 0
    while batch := search_members(sessions, spec, offset, 5000, today):
        rows.extend(batch)
        offset += len(batch)
    return rows


def status_counts(sessions: sessionmaker[Session], today: date | None = None) -> dict:
    today = today or date.today()
    window = get_settings(sessions).renewal_window_days
    expr = case(
        (Membership.id.is_(None), MemberStatus.NONE.value),
        (Membership.ended_on.is_not(None), MemberStatus.ENDED.value),
        (Membership.expires_on.is_(None), MemberStatus.CURRENT.value),
        (Membership.expires_on < today, MemberStatus.LAPSED.value),
        (Membership.expires_on <= today + timedelta(days=window), MemberStatus.DUE.value),
        else_=MemberStatus.CURRENT.value,
    )
    query = (
        _joined(select(expr, func.count(Person.id)))
        .where(Person.erased_at.is_(None))
        .group_by(expr)
    )
    with sessions() as session:
        counts = {MemberStatus(k): v for k, v in session.execute(query)}
    return {status: counts.get(status, 0) for status in MemberStatus}


def home_summary(
    sessions: sessionmaker[Session], today: date | None = None, chase_months: int = 6
) -> HomeSummary:
    """Renewals due, lapsed members worth chasing, and retention reviews waiting."""
    from grassroots.members.retention import retention_queue_count

    today = today or date.today()
    counts = status_counts(sessions, today)
    due = search_members(
        sessions, MemberQuery(status=MemberStatus.DUE, sort="expires"), 0, 50, today
    )
    chase = MemberQuery(
        status=MemberStatus.LAPSED,
        sort="expires",
        descending=True,
        expired_since=add_months(today, -chase_months),
    )
    lapsed = search_members(sessions, chase, 0, 50, today)
    return HomeSummary(
        current=counts[MemberStatus.CURRENT],
        due=counts[MemberStatus.DUE],
        lapsed_recently=count_members(sessions, chase, today),
        ended=counts[MemberStatus.ENDED],
        people=sum(counts.values()),
        due_soon=tuple(due),
        to_chase=tuple(lapsed),
        retention_reviews=retention_queue_count(sessions, today),
    )
