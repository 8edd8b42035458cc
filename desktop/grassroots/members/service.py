"""What a membership secretary does: join, renew, end, search the register, see what is due."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from grassroots.core.dates import add_months
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.group.service import GroupSettings, get_settings
from grassroots.members.models import PAYMENT_METHODS, Membership, MembershipType, Subscription
from grassroots.members.records import (
    HomeSummary,
    MemberQuery,
    MemberRow,
    MembershipDetail,
    MembershipTypeInfo,
    MembershipTypeInput,
    MemberStatus,
    PaymentInput,
    SubscriptionEntry,
)
from grassroots.members.terms import period_from, renewal_period, status_of
from grassroots.people import service as people_service
from grassroots.people.models import Person
from grassroots.people.records import PersonInput, full_name

# ---------------------------------------------------------------- membership types


def type_info(row: MembershipType) -> MembershipTypeInfo:
    return MembershipTypeInfo(
        row.id,
        row.name,
        Money(row.fee_pence),
        row.period_months,
        row.covers_household,
        row.active,
        row.description,
        row.gift_aid_eligible,
    )


def list_types(
    sessions: sessionmaker[Session], include_inactive: bool = False
) -> list[MembershipTypeInfo]:
    query = select(MembershipType).order_by(MembershipType.id)
    if not include_inactive:
        query = query.where(MembershipType.active)
    with sessions() as session:
        return [type_info(row) for row in session.scalars(query)]


def save_type(
    sessions: sessionmaker[Session], data: MembershipTypeInput, type_id: int | None = None
) -> MembershipTypeInfo:
    problems = {}
    if not data.name.strip():
        problems["name"] = "Give the membership type a name"
    if data.fee.pence < 0:
        problems["fee"] = "The fee cannot be negative"
    if not 0 <= data.period_months <= 120:
        problems["period_months"] = "The period is 0 (never ends) to 120 months"
    if problems:
        raise ValidationError(problems)
    with sessions.begin() as session:
        clash = session.scalar(
            select(MembershipType).where(
                func.lower(MembershipType.name) == data.name.strip().lower(),
                MembershipType.id != (type_id or 0),
            )
        )
        if clash:
            raise ValidationError({"name": f"There is already a type called {clash.name}"})
        row = session.get(MembershipType, type_id) if type_id else MembershipType()
        if row is None:
            raise NotFound("That membership type no longer exists")
        row.name, row.fee_pence = data.name.strip(), data.fee.pence
        row.period_months, row.covers_household = data.period_months, data.covers_household
        row.active, row.description = data.active, data.description.strip()
        row.gift_aid_eligible = data.gift_aid_eligible
        session.add(row)
        session.flush()
        return type_info(row)


# ---------------------------------------------------------------- joining and renewing


def _subscription_entry(row: Subscription) -> SubscriptionEntry:
    return SubscriptionEntry(
        row.id,
        row.paid_on,
        Money(row.amount_pence),
        row.method,
        row.period_start,
        row.period_end,
        row.gift_aid,
        row.note,
    )


def membership_detail(row: Membership, today: date, settings: GroupSettings) -> MembershipDetail:
    return MembershipDetail(
        id=row.id,
        number=row.number,
        person_id=row.person_id,
        person_name=full_name("", row.person.first_name, row.person.last_name),
        type=type_info(row.type),
        joined_on=row.joined_on,
        expires_on=row.expires_on,
        ended_on=row.ended_on,
        ended_reason=row.ended_reason,
        status=status_of(row.expires_on, row.ended_on, today, settings.renewal_window_days),
        subscriptions=tuple(_subscription_entry(s) for s in row.subscriptions),
    )


def _check_payment(payment: PaymentInput | None) -> None:
    if payment is None:
        return
    problems = {}
    if payment.amount.pence < 0:
        problems["amount"] = "A payment cannot be negative"
    if payment.method not in PAYMENT_METHODS:
        problems["method"] = f"Payment method must be one of: {', '.join(PAYMENT_METHODS)}"
    if payment.paid_on > date.today() + timedelta(days=1):
        problems["paid_on"] = "The payment date is in the future"
    if problems:
        raise ValidationError(problems)


def subscription_values(payment: PaymentInput, start: date, end: date | None) -> dict[str, object]:
    """A subscription's column values for `payment` covering `start` to `end`, so that one
    payment at joining or renewal and a bulk import are recorded the same way."""
    return {
        "paid_on": payment.paid_on,
        "amount_pence": payment.amount.pence,
        "method": payment.method,
        "period_start": start,
        "period_end": end,
        "gift_aid": payment.gift_aid,
        "note": payment.note,
    }


def _subscription(payment: PaymentInput, start: date, end: date | None) -> Subscription:
    return Subscription(**subscription_values(payment, start, end))


def _load_type(session: Session, type_id: int) -> MembershipType:
    row = session.get(MembershipType, type_id)
    if row is None:
        raise ValidationError({"type": "Choose a membership type"})
    return row


def start_membership(
    session: Session,
    person: Person,
    type_id: int,
    joined_on: date,
    payment: PaymentInput | None,
    settings: GroupSettings,
    number: int | None = None,
    expires_on: date | None = None,
) -> Membership:
    """Make `person` a member inside the caller's transaction (used by join and imports)."""
    _check_payment(payment)
    kind = _load_type(session, type_id)
    if person.id is not None and session.scalar(
        select(Membership.id).where(Membership.person_id == person.id)
    ):
        raise ValidationError(
            {
                "person": f"{person.first_name} {person.last_name} is already "
                "a member; renew their membership instead"
            }
        )
    if number is None:
        number = (session.scalar(select(func.max(Membership.number))) or 0) + 1
    elif session.scalar(select(Membership.id).where(Membership.number == number)):
        raise ValidationError({"number": f"Membership number {number} is already in use"})
    if expires_on is None:
        expires_on = period_from(joined_on, kind.period_months, settings)
    row = Membership(
        number=number, person=person, type=kind, joined_on=joined_on, expires_on=expires_on
    )
    if payment is not None:
        row.subscriptions.append(_subscription(payment, joined_on, expires_on))
    session.add(row)
    session.flush()
    return row


def join(
    sessions: sessionmaker[Session],
    person_id: int,
    type_id: int,
    joined_on: date,
    payment: PaymentInput | None = None,
) -> MembershipDetail:
    """Make an existing person a member from `joined_on`, with their first payment if any."""
    settings = get_settings(sessions)
    with sessions.begin() as session:
        person = people_service.load_person(session, person_id)
        row = start_membership(session, person, type_id, joined_on, payment, settings)
        return membership_detail(row, date.today(), settings)


def add_member(
    sessions: sessionmaker[Session],
    person: PersonInput,
    type_id: int,
    joined_on: date,
    payment: PaymentInput | None = None,
) -> MembershipDetail:
    """A new person and their membership, in one transaction."""
    settings = get_settings(sessions)
    with sessions.begin() as session:
        row = people_service.new_person(session, person)
        session.flush()
        membership = start_membership(session, row, type_id, joined_on, payment, settings)
        return membership_detail(membership, date.today(), settings)


def _load_membership(session: Session, membership_id: int) -> Membership:
    row = session.get(Membership, membership_id, options=[selectinload(Membership.subscriptions)])
    if row is None:
        raise NotFound("That membership no longer exists")
    return row


def renew(
    sessions: sessionmaker[Session],
    membership_id: int,
    payment: PaymentInput,
    type_id: int | None = None,
) -> MembershipDetail:
    """Record a subscription payment and move the expiry on by one period (optionally changing
    the type, e.g. to a concession). Renewing an ended membership restarts it."""
    return renew_many(sessions, [(membership_id, payment)], type_id)[0]


def renew_many(
    sessions: sessionmaker[Session],
    renewals: list[tuple[int, PaymentInput]],
    type_id: int | None = None,
) -> list[MembershipDetail]:
    """Renew several memberships as one action: all are recorded, or none is."""
    for _, payment in renewals:
        _check_payment(payment)
    settings = get_settings(sessions)
    with sessions.begin() as session:
        rows = [
            _renew_row(session, membership_id, payment, type_id, settings)
            for membership_id, payment in renewals
        ]
        session.flush()
        return [membership_detail(row, date.today(), settings) for row in rows]


def _renew_row(
    session: Session,
    membership_id: int,
    payment: PaymentInput,
    type_id: int | None,
    settings: GroupSettings,
) -> Membership:
    row = _load_membership(session, membership_id)
    if type_id is not None:
        row.type = _load_type(session, type_id)
    start, end = renewal_period(
        row.expires_on, row.ended_on, payment.paid_on, row.type.period_months, settings
    )
    row.ended_on, row.ended_reason = None, ""
    row.subscriptions.append(_subscription(payment, start, end))
    row.expires_on = end
    return row


def end_membership(
    sessions: sessionmaker[Session], membership_id: int, on: date, reason: str = ""
) -> MembershipDetail:
    """Stop a membership (resigned, moved away, died); the record and payments stay."""
    return end_memberships(sessions, [membership_id], on, reason)[0]


def end_memberships(
    sessions: sessionmaker[Session], membership_ids: list[int], on: date, reason: str = ""
) -> list[MembershipDetail]:
    settings = get_settings(sessions)
    with sessions.begin() as session:
        rows = [_load_membership(session, membership_id) for membership_id in membership_ids]
        for row in rows:
            row.ended_on, row.ended_reason = on, reason.strip()
        session.flush()
        return [membership_detail(row, date.today(), settings) for row in rows]


def change_type(
    sessions: sessionmaker[Session], membership_id: int, type_id: int
) -> MembershipDetail:
    """Move a member to another type (say, to a concession) without a payment: the paid-up
    date stays; a type that never expires clears it."""
    return change_types(sessions, [membership_id], type_id)[0]


def change_types(
    sessions: sessionmaker[Session], membership_ids: list[int], type_id: int
) -> list[MembershipDetail]:
    settings = get_settings(sessions)
    with sessions.begin() as session:
        kind = _load_type(session, type_id)
        rows = [_load_membership(session, membership_id) for membership_id in membership_ids]
        for row in rows:
            if kind.period_months == 0:
                row.expires_on = None
            elif row.expires_on is None and row.ended_on is None:
                # From a type that never ends to one that does: paid up for one period now.
                row.expires_on = period_from(date.today(), kind.period_months, settings)
            row.type = kind
        session.flush()
        return [membership_detail(row, date.today(), settings) for row in rows]


def membership_by_number(sessions: sessionmaker[Session], number: int) -> MembershipDetail | None:
    settings = get_settings(sessions)
    with sessions() as session:
        row = session.scalar(select(Membership).where(Membership.number == number))
        return membership_detail(row, date.today(), settings) if row else None


def get_membership(sessions: sessionmaker[Session], membership_id: int) -> MembershipDetail:
    settings = get_settings(sessions)
    with sessions() as session:
        return membership_detail(_load_membership(session, membership_id), date.today(), settings)


def membership_of(sessions: sessionmaker[Session], person_id: int) -> MembershipDetail | None:
    settings = get_settings(sessions)
    with sessions() as session:
        row = session.scalar(select(Membership).where(Membership.person_id == person_id))
        return membership_detail(row, date.today(), settings) if row else None


# ---------------------------------------------------------------- the register


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
