"""Writing checked import rows: people, consents, memberships and payments, in bulk.

Everything goes into the caller's transaction, so an import lands whole or not at all.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta
from types import SimpleNamespace

from sqlalchemy import insert
from sqlalchemy.orm import Session

from grassroots.core.dates import add_months
from grassroots.members.import_rows import CONTACT_FLAGS, KnownType, RowPlan
from grassroots.members.models import Membership, Subscription
from grassroots.members.service import subscription_values
from grassroots.people.models import Consent, Person, search_key
from grassroots.people.records import PersonInput

_PERSON_COLUMNS = tuple(f.name for f in fields(PersonInput))


def write_plans(
    session: Session, plans: list[RowPlan], types: list[KnownType], source: str, today: date
) -> int:
    """Bulk inserts in the caller's transaction: people, then memberships, then payments.

    Returns how many memberships were added.
    """
    person_ids = _insert(session, Person, [_person_values(plan, source) for plan in plans])
    _record_consents(session, plans, person_ids, source, today)
    members = [(plan, pid) for plan, pid in zip(plans, person_ids, strict=True) if plan.type_id]
    membership_ids = _insert(
        session,
        Membership,
        [
            {
                "number": plan.number,
                "person_id": person_id,
                "type_id": plan.type_id,
                "joined_on": plan.joined_on,
                "expires_on": plan.expires_on,
                "ended_on": plan.ended_on,
                "ended_reason": plan.ended_reason,
            }
            for plan, person_id in members
        ],
    )
    periods = {t.id: t.period_months for t in types}
    payments = [
        {
            "membership_id": membership_id,
            **subscription_values(
                plan.payment,
                _paid_period_start(plan, periods[plan.type_id]),
                plan.expires_on,
            ),
        }
        for (plan, _), membership_id in zip(members, membership_ids, strict=True)
        if plan.payment is not None
    ]
    if payments:
        session.execute(insert(Subscription.__table__), payments)
    return len(members)


def _person_values(plan: RowPlan, source: str) -> dict[str, object]:
    values = {name: getattr(plan.person, name) for name in _PERSON_COLUMNS}
    values["source"] = values["source"] or source
    values["search_text"] = search_key(SimpleNamespace(**values))
    return values


def _paid_period_start(plan: RowPlan, period_months: int) -> date:
    """The start of the one period the row's payment covers: the last before its expiry, not
    the whole time since joining."""
    if plan.expires_on is None or period_months == 0:
        return plan.joined_on
    return max(plan.joined_on, add_months(plan.expires_on + timedelta(days=1), -period_months))


def _insert(session: Session, model, rows: list[dict]) -> list[int]:
    """Insert many rows at once and return their new ids, in the same order.

    Core's insert on the table, not the ORM's bulk insert: the ORM splits the batch wherever a
    value turns None (an open-ended expiry, no date of birth), which made 10,000 rows take
    seconds rather than a fraction of one.
    """
    if not rows:
        return []
    table = model.__table__
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, rows))


def _record_consents(
    session: Session, plans: list[RowPlan], person_ids: list[int], source: str, today: date
) -> None:
    """A 'yes' to contact in the file becomes an entry in the consent log, as UK GDPR expects:
    it records where the agreement came from and when Grassroots learnt of it."""
    rows = [
        {
            "person_id": person_id,
            "purpose": "Keeping in touch about the group",
            "channel": flag.removeprefix("contact_by_"),
            "basis": "consent",
            "given_on": today,
            "method": "Imported from a spreadsheet",
            "source": source,
            "note": "The imported file recorded this agreement; its original date is unknown.",
        }
        for plan, person_id in zip(plans, person_ids, strict=True)
        for flag in CONTACT_FLAGS
        if getattr(plan.person, flag)
    ]
    if rows:
        session.execute(insert(Consent.__table__), rows)
