"""What a membership secretary does: join, renew, end, search the register, see what is due."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from grassroots.accounts.postings import post_subscription
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.group.service import GroupSettings, get_settings
from grassroots.members.models import PAYMENT_METHODS, Membership, MembershipType, Subscription
from grassroots.members.records import (
    MembershipDetail,
    MembershipTypeInfo,
    MembershipTypeInput,
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
        post_subscription(
            session, person, payment.amount, payment.paid_on, payment.method, number, payment.note
        )
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
    post_subscription(
        session,
        row.person,
        payment.amount,
        payment.paid_on,
        payment.method,
        row.number,
        payment.note,
    )
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
