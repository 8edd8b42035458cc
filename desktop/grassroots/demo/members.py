"""Memberships for the demo group, with ten years of subscription payments behind them.

Most members pay every year (so some fall due within the renewal window, as in life); some
lapsed recently and are worth chasing; some lapsed long ago and wait in the retention queue;
some ended; a few hold life or honorary membership that never runs out.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, insert, select

from grassroots.core.dates import add_months
from grassroots.demo import names
from grassroots.demo.context import DemoContext, DemoPerson, instant
from grassroots.members.models import Membership, MembershipType, Subscription

PAYMENT_METHODS = ("cash", "bank transfer", "standing order", "cheque", "card")
PAYMENT_WEIGHTS = (35, 25, 20, 15, 5)
# Share of annual members who keep paying, lapsed recently, lapsed long ago, or ended.
FATES = ("paying", "lapsed", "long lapsed", "ended")
FATE_WEIGHTS = (72, 10, 8, 10)


@dataclass(frozen=True)
class Types:
    individual: MembershipType
    household: MembershipType
    concession: MembershipType
    life: MembershipType | None
    honorary: MembershipType | None


def add_members(ctx: DemoContext, count: int) -> None:
    """Make `count` of the demo people members, numbered in the order they joined."""
    session, rng = ctx.session, ctx.rng
    types = _types(session)
    taken = set(session.scalars(select(Membership.person_id)))
    candidates = [p for p in ctx.people if p.id not in taken]
    chosen = rng.sample(candidates, min(count, len(candidates)))
    chosen.sort(key=lambda p: (p.known_since, p.id))
    next_id = (session.scalar(select(func.max(Membership.id))) or 0) + 1
    next_number = (session.scalar(select(func.max(Membership.number))) or 0) + 1
    memberships, payments = [], []
    for offset, person in enumerate(chosen):
        kind = _pick_type(rng, person, types)
        row, paid = _membership(ctx, person, kind, next_id + offset)
        row["number"] = next_number + offset
        memberships.append(row)
        payments.extend(paid)
    if memberships:
        session.execute(insert(Membership.__table__), memberships)
    if payments:
        session.execute(insert(Subscription.__table__), payments)
    ctx.add_count("members", len(memberships))
    ctx.add_count("subscriptions", len(payments))


def _types(session) -> Types:
    """The seeded default types by name; a group that renamed them still gets sensible ones."""
    rows = list(session.scalars(select(MembershipType).order_by(MembershipType.id)))
    by_name = {row.name.lower(): row for row in rows}
    annual = [row for row in rows if row.period_months > 0] or rows
    lasting = [row for row in rows if row.period_months == 0]
    first = annual[0]
    return Types(
        individual=by_name.get("individual", first),
        household=by_name.get("household", first),
        concession=by_name.get("concession", first),
        life=by_name.get("life", lasting[0] if lasting else None),
        honorary=by_name.get("honorary", lasting[-1] if lasting else None),
    )


def _pick_type(rng: random.Random, person: DemoPerson, types: Types) -> MembershipType:
    if person.household_id and person.first_at_address and rng.random() < 0.35:
        return types.household
    roll = rng.random()
    if roll < 0.025 and types.life is not None:
        return types.life
    if roll < 0.035 and types.honorary is not None:
        return types.honorary
    return types.concession if roll < 0.3 else types.individual


def _membership(
    ctx: DemoContext, person: DemoPerson, kind: MembershipType, membership_id: int
) -> tuple[dict, list[dict]]:
    rng, today = ctx.rng, ctx.today
    joined = person.known_since
    row = {
        "id": membership_id,
        "person_id": person.id,
        "type_id": kind.id,
        "joined_on": joined,
        "expires_on": None,
        "ended_on": None,
        "ended_reason": "",
        "created_at": instant(joined),
    }
    method = rng.choices(PAYMENT_METHODS, PAYMENT_WEIGHTS)[0]
    gift_aid = rng.random() < 0.35
    if kind.period_months == 0:
        paid = [_payment(membership_id, joined, joined, None, kind, method, gift_aid)]
        return row, paid if kind.fee_pence else []
    ends = _period_ends(joined, kind.period_months, today)
    fate = rng.choices(FATES, FATE_WEIGHTS)[0]
    periods = _periods_paid(rng, fate, ends, today)
    if fate == "ended":
        start = ends[periods - 2] + timedelta(days=1) if periods > 1 else joined
        last_day = min(ends[periods - 1], today - timedelta(days=1))
        if last_day > start:
            row["ended_on"] = start + timedelta(days=rng.randint(0, (last_day - start).days))
            row["ended_reason"] = rng.choice(names.END_REASONS)
    row["expires_on"] = ends[periods - 1]
    paid, start = [], joined
    for index in range(periods):
        paid_on = joined if index == 0 else max(joined, start - timedelta(days=rng.randint(0, 21)))
        paid.append(
            _payment(membership_id, min(paid_on, today), start, ends[index], kind, method, gift_aid)
        )
        if rng.random() < 0.1:
            method = rng.choices(PAYMENT_METHODS, PAYMENT_WEIGHTS)[0]
        start = ends[index] + timedelta(days=1)
    return row, paid


def _period_ends(joined: date, months: int, today: date) -> list[date]:
    """The last day of each period from joining until the first that reaches today."""
    ends, index = [], 1
    while True:
        end = add_months(joined, months * index) - timedelta(days=1)
        ends.append(end)
        if end >= today:
            return ends
        index += 1


def _periods_paid(rng: random.Random, fate: str, ends: list[date], today: date) -> int:
    """How many periods a member paid for, given what became of them."""
    paying = len(ends)
    past = [i + 1 for i, end in enumerate(ends) if end < today]
    if fate == "lapsed" and past:
        return past[-1]
    if fate == "long lapsed":
        long_ago = [n for n in past if ends[n - 1] < add_months(today, -25)]
        if long_ago:
            return rng.choice(long_ago)
        return past[-1] if past else paying
    if fate == "ended":
        return rng.randint(1, paying)
    return paying


def _payment(
    membership_id: int,
    paid_on: date,
    start: date,
    end: date | None,
    kind: MembershipType,
    method: str,
    gift_aid: bool,
) -> dict:
    return {
        "membership_id": membership_id,
        "paid_on": paid_on,
        "amount_pence": kind.fee_pence,
        "method": method,
        "period_start": start,
        "period_end": end,
        "gift_aid": gift_aid,
        "note": "",
    }
