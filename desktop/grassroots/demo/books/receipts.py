"""The money the demo group receives: subscriptions from the register, donations (some under
Gift Aid declarations), hall hire, fundraising events, restricted grants and Gift Aid claims."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from grassroots.accounts.models import (
    Category,
)
from grassroots.core.dates import add_months
from grassroots.demo.books.plan import (
    CASH,
    CURRENT,
    SUBSCRIPTION_ACCOUNT,
    Books,
    Plan,
    count,
    general_fund_id,
    pounds,
    years,
)
from grassroots.demo.context import DemoContext, DemoPerson
from grassroots.members.models import Membership, Subscription
from grassroots.people.models import Person

REGULAR_HIRERS = (
    "Ashby Pilates",
    "1st Ashby Brownies",
    "Slimming World (Ashby group)",
    "Ashby Camera Club",
    "Zumba with Kerry",
    "Ashby Art Group",
    "Toddler Tuesday",
    "Ivanhoe Bridge Club",
    "Ashby Choral Society",
    "Tai Chi for Health",
)


EVENTS = (
    (3, "Jumble sale"),
    (6, "Summer fair"),
    (10, "Quiz night"),
    (11, "Race night"),
    (12, "Christmas bazaar"),
    (2, "Quiz night"),
)


EVENT_SUPPLIERS = (
    "Bouncy castle hire",
    "Raffle prizes",
    "Booker Wholesale",
    "Ashby Print Shop",
    "Party Pieces",
)


TO_CATEGORISE = (
    ("FASTER PAYMENT REF SUBS", 1_800),
    ("AMAZON MKTPLACE PMTS", -2_349),
    ("CASH PAID IN", 6_500),
    ("DD ASHBY TOWN COUNCIL", -4_500),
    ("SO HALL HIRE", 3_500),
    ("CARD PAYMENT POST OFFICE", -1_264),
)


def plan_subscriptions(ctx: DemoContext, first: date) -> list[Plan]:
    """Each subscription payment in the register, paid in by the member."""
    query = (
        select(
            Subscription.paid_on,
            Subscription.amount_pence,
            Subscription.method,
            Membership.person_id,
            Membership.number,
            Person.first_name,
            Person.last_name,
        )
        .join(Membership, Membership.id == Subscription.membership_id)
        .join(Person, Person.id == Membership.person_id)
        .where(Subscription.paid_on >= first, Subscription.paid_on <= ctx.today)
        .where(Subscription.amount_pence > 0)
        .order_by(Subscription.id)
    )
    category = ctx.session.scalar(
        select(Category.id).where(Category.name == "Subscriptions", Category.direction == "receipt")
    )
    general = general_fund_id(ctx.session)
    return [
        Plan(
            on=paid_on,
            account=SUBSCRIPTION_ACCOUNT.get(method, CURRENT),
            lines=[[category, general, pence, None]],
            payee=f"{first_name} {last_name}",
            person_id=person_id,
            method=method,
            reference=f"Membership {number}",
        )
        for paid_on, pence, method, person_id, number, first_name, last_name in ctx.session.execute(
            query
        )
    ]


def paid_in_together(subscriptions: list[Plan]) -> list[Plan]:
    """One paying-in a day for each account, as a treasurer banks a pile of subscriptions:
    keeps a huge register's books to a size a group's books can have."""
    days: dict[tuple[date, str], list[Plan]] = {}
    for plan in subscriptions:
        days.setdefault((plan.on, plan.account), []).append(plan)
    batched = []
    for (on, account), plans in days.items():
        category, fund = plans[0].lines[0][0], plans[0].lines[0][1]
        pence = sum(plan.pence for plan in plans)
        batched.append(
            Plan(
                on,
                account,
                [[category, fund, pence, None]],
                payee=f"Subscriptions ({len(plans)} members)",
                method="cash" if account == CASH else "bank transfer",
                reference="Paying-in",
            )
        )
    return batched


def plan_donations(books: Books) -> list[dict]:
    """Donations from people (about a third of donors made a Gift Aid declaration) and
    collection tins; returns the declarations to write."""
    rng, ctx = books.rng, books.ctx
    people = [p for p in ctx.people if p.known_since <= ctx.today]
    donors = rng.sample(people, min(len(people), max(10, round(60 * books.size))))
    declared: dict[int, date] = {}
    declarations = []
    for person in donors:
        if rng.random() < 0.35:
            made_on = max(person.known_since, books.starts_on)
            declared[person.id] = made_on
            declarations.append(
                {
                    "person_id": person.id,
                    "made_on": made_on,
                    "method": rng.choice(("written", "written", "online", "oral")),
                    "covers_past": True,
                    "covers_future": True,
                    "cancelled_on": None,
                    "note": "",
                }
            )
    category, general = books.receipt["Donations"], books.general
    for start, end in years(books):
        for _ in range(count(books, "donation")):
            on = books.day_in(start, end)
            if rng.random() < 0.25 or not donors:
                pence = rng.randint(800, 9000)
                tin = rng.choice(("Coffee morning", "Lunch club", "Bar", "Shop counter"))
                lines = [[category, general, pence, None]]
                books.plans.append(
                    Plan(on, CASH, lines, payee=f"Collection tin: {tin}", method="cash")
                )
                continue
            person: DemoPerson = rng.choice(donors)
            if person.known_since >= end:
                continue
            if person.known_since > on:
                on = books.day_in(person.known_since, end)
            pence = rng.choice((500, 1000, 1000, 2000, 2000, 2500, 5000, 10000, 25000))
            method = rng.choice(("cash", "cheque", "bank transfer", "online", "standing order"))
            eligible = person.id in declared and on >= declared[person.id] - timedelta(days=1461)
            books.plans.append(
                Plan(
                    on,
                    CASH if method == "cash" else CURRENT,
                    [[category, general, pence, None]],
                    payee=f"{person.first_name} {person.last_name}",
                    person_id=person.id,
                    method=method,
                    eligible=eligible,
                )
            )
    return declarations


def plan_hire(books: Books) -> None:
    """Regular hirers pay for their sessions by bank; parties pay cash."""
    rng, category, general = books.rng, books.receipt["Hire income"], books.general
    people = books.ctx.people
    for start, end in years(books):
        for _ in range(count(books, "hire")):
            on = books.day_in(start, end)
            if rng.random() < 0.2 and people:
                person = rng.choice(people)
                books.plans.append(
                    Plan(
                        on,
                        CASH,
                        [[category, general, pounds(rng, 40, 90), None]],
                        payee=f"{person.first_name} {person.last_name}",
                        person_id=person.id,
                        method="cash",
                        note=rng.choice(("Birthday party", "Christening", "Wake", "Party")),
                    )
                )
                continue
            hirer = rng.choice(REGULAR_HIRERS)
            sessions = rng.randint(2, 6)
            books.plans.append(
                Plan(
                    on,
                    CURRENT,
                    [[category, general, sessions * rng.choice((1800, 2200, 2500)), None]],
                    payee=hirer,
                    method=rng.choice(("bank transfer", "standing order", "cheque")),
                    reference=f"Hall hire x{sessions}",
                )
            )


def plan_events(books: Books) -> None:
    """Fundraising events: takings in cash split across fundraising, refreshments and
    donations, and what the event cost."""
    rng, general, size = books.rng, books.general, books.size
    takings, sales = books.receipt["Fundraising events"], books.receipt["Sales and trading"]
    gifts, costs = books.receipt["Donations"], books.payment["Fundraising costs"]
    for start, end in years(books):
        for index in range(rng.randint(4, len(EVENTS))):
            month, name = EVENTS[index % len(EVENTS)]
            on = date(start.year if month >= start.month else start.year + 1, month, 1)
            on += timedelta(days=rng.randint(0, 27))
            if not start <= on < end or on > books.ctx.today:
                continue
            lines = [
                [takings, general, round(rng.randint(15_000, 90_000) * size), None],
                [sales, general, round(rng.randint(4_000, 25_000) * size), None],
            ]
            if rng.random() < 0.6:
                lines.append([gifts, general, round(rng.randint(10, 80) * size) * 100, None])
            books.plans.append(
                Plan(on, CASH, lines, payee=name, method="cash", note=f"{name} takings")
            )
            spent = -round(rng.randint(40, 300) * size) * 100
            books.plans.append(
                Plan(
                    on - timedelta(days=rng.randint(1, 10)),
                    CURRENT,
                    [[costs, general, spent, None]],
                    payee=rng.choice(EVENT_SUPPLIERS),
                    method="card",
                    note=name,
                    flexible=True,
                )
            )


def plan_gift_aid(books: Books) -> list[dict]:
    """Gift Aid claimed twice a year on eligible donations, received a few weeks later; the
    last few months' donations wait for the treasurer's next claim."""
    rng, ctx = books.rng, books.ctx
    eligible = sorted((p for p in books.plans if p.eligible), key=lambda p: p.on)
    claims: list[dict] = []
    claimed = 0
    for start, _end in years(books):
        for months in (1, 7):
            made_on = add_months(start, months) + timedelta(days=rng.randint(5, 20))
            received = made_on + timedelta(days=rng.randint(21, 42))
            if received > ctx.today:
                continue
            up_to = made_on - timedelta(days=rng.randint(3, 10))
            batch = []
            while claimed < len(eligible) and eligible[claimed].on <= up_to:
                batch.append(eligible[claimed])
                claimed += 1
            donations = sum(plan.pence for plan in batch)
            if not donations:
                continue
            index = len(claims)
            for plan in batch:
                plan.lines[0][3] = index
            claimed_pence = donations // 4
            claims.append(
                {
                    "made_on": made_on,
                    "up_to": up_to,
                    "donations_pence": donations,
                    "claimed_pence": claimed_pence,
                    "gasds_pence": 0,
                }
            )
            books.plans.append(
                Plan(
                    received,
                    CURRENT,
                    [[books.receipt["Gift Aid reclaimed"], books.general, claimed_pence, None]],
                    payee="HMRC Charities",
                    method="bank transfer",
                    reference=f"Gift Aid claim {made_on:%d/%m/%Y}",
                    claim_received=index,
                )
            )
    return claims


def plan_to_categorise(books: Books) -> None:
    """Lines from the bank statement in the last month that nobody has categorised yet."""
    today, general = books.ctx.today, books.general
    for index, (payee, pence) in enumerate(TO_CATEGORISE):
        on = today - timedelta(days=2 + index * 4 + books.rng.randint(0, 3))
        if on >= books.starts_on:
            books.plans.append(Plan(on, CURRENT, [[None, general, pence, None]], payee=payee))
