"""Ten years of the demo group's books: a current account, a cash box and a savings account.

The books are made in three steps, so that the same seed always gives the same books:

1. Plan every entry the group's life brings: each real subscription payment from the members'
   register (the member as payer; only a register far bigger than the books has its payments
   paid in together, a day at a time), donations (some from people who made a Gift Aid
   declaration), hall hire, fundraising events with split takings, restricted grants and the
   spending from them, the regular bills, volunteer expenses, and a few entries in the last
   month still to categorise. The year's general spending is scaled to the year's general
   income, so the group neither sinks nor hoards whatever the size of the demo.
2. Walk the plan in date order, keeping each account's and each fund's balance: at the end of
   each month the cash box is banked, savings earn interest, surplus goes to savings and the
   current account is topped up from them; a payment the cash box cannot meet is paid from
   the bank instead, and a general payment the general fund cannot meet is left out. So no
   balance ever goes below nothing.
3. Write everything with Core bulk inserts (one executemany per table).

Entry ids are given here, counting on from the highest id already in the table, rather than
read back with RETURNING: lines and Gift Aid claims need their entry's id before anything is
written, the numbering is deterministic, and one plain executemany per table is the fastest
path SQLite has. It is safe because the whole demo is one write transaction on a database that
one Grassroots instance holds: nothing else can add entries between reading the highest id
and writing, and if something ever did, the primary key would refuse the insert rather than
mix rows up.

Demo books are written without audit records: the audit trail exists to show who changed
real books and when, and a made-up history has no such changes to show.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from grassroots.accounts.models import (
    BookAccount,
    Category,
    Entry,
    EntryLine,
    Fund,
    GiftAidClaim,
    GiftAidDeclaration,
)
from grassroots.core.dates import add_months, financial_year_start
from grassroots.demo.context import DemoContext, DemoPerson, instant
from grassroots.members.models import Membership, Subscription
from grassroots.people.models import Person

YEARS = 10
GENERAL_FUND = "General fund"
CURRENT, CASH, SAVINGS = "current", "cash", "savings"
ACCOUNTS = (
    (CURRENT, "Current account", "bank", "sort code 30-94-57, account ending 4567"),
    (CASH, "Cash box", "cash", ""),
    (SAVINGS, "Savings account", "savings", "sort code 30-94-57, account ending 8812"),
)
# Base number of entries a year for each stream at scale 1; the scale is set to reach the size.
RATES = {
    "donation": 14,
    "hire": 20,
    "activity": 12,
    "volunteer": 6,
    "printing": 1,
    "equipment": 2,
}
# Entries a year whatever the scale: bills, interest, banking, transfers, grants, Gift Aid.
FIXED_A_YEAR = 100
# A register so big that its subscriptions alone would fill more than this share of the books
# (a benchmark group of 100,000 people) has them paid in together, one entry a day and account.
BATCHED_BEYOND = 0.75
# The general spending a year comes to this share of the year's general income.
SPENDING_SHARE = 0.93
# The interest rate on savings by calendar year, in basis points.
INTEREST_BP = {2020: 10, 2021: 5, 2022: 100, 2023: 300, 2024: 350, 2025: 300}
SUBSCRIPTION_ACCOUNT = {"cash": CASH}
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
ACTIVITY_PAYEES = (
    ("Tesco Ashby", "card"),
    ("Sainsbury's Coalville", "card"),
    ("Booker Wholesale", "card"),
    ("Lunch club: fresh food", "cash"),
    ("Coach hire: Midland Coaches", "bank transfer"),
    ("Craft supplies: Hobbycraft", "card"),
)
EQUIPMENT = (
    ("Argos", "Equipment and materials", "card"),
    ("Screwfix", "Repairs and maintenance", "card"),
    ("M. Hollis, electrician", "Repairs and maintenance", "bank transfer"),
    ("Amazon Marketplace", "Equipment and materials", "card"),
)
# (funder, fund name, recurring, base pence, what it buys: (payee, category) ...)
GRANTS = (
    (
        "County Council",
        "County Council — youth club",
        True,
        250_000,
        (
            ("Youth club session leaders", "Activities and events"),
            ("Youth club trips", "Activities and events"),
            ("Sports equipment: Decathlon", "Equipment and materials"),
        ),
    ),
    (
        "The National Lottery Community Fund",
        "Lottery Awards for All — new kitchen",
        False,
        950_000,
        (
            ("Magnet Trade kitchens", "Purchase of equipment for own use"),
            ("R. Newbold, plumber", "Repairs and maintenance"),
            ("Currys Business", "Purchase of equipment for own use"),
        ),
    ),
    (
        "Ashby Town Council",
        "Town Council — lunch club",
        True,
        120_000,
        (
            ("Booker Wholesale", "Activities and events"),
            ("Lunch club: fresh food", "Activities and events"),
        ),
    ),
    (
        "Leicestershire Community Foundation",
        "Community Foundation — defibrillator",
        False,
        180_000,
        (("Heartsafe defibrillators", "Purchase of equipment for own use"),),
    ),
    (
        "The National Lottery Community Fund",
        "Lottery Awards for All — accessible toilet",
        False,
        800_000,
        (
            ("Cartwright Builders", "Repairs and maintenance"),
            ("Screwfix", "Equipment and materials"),
        ),
    ),
    (
        "Tesco Community Grants",
        "Tesco Community Grants — garden",
        False,
        150_000,
        (("Ashby Garden Centre", "Equipment and materials"),),
    ),
)
# (every n months, day of the month, payee, category, base pence, method, reference)
MONTHLY_BILLS = (
    (1, 4, "Ashby Town Council", "Hire and rent", 8000, "standing order", "Room rent"),
    (1, 14, "British Gas", "Utilities", 5500, "direct debit", "Electricity and gas"),
    (3, 20, "Severn Trent Water", "Utilities", 4200, "direct debit", "Water"),
    (3, 10, "Ashby Print Shop", "Printing and postage", 9000, "bank transfer", "Newsletter"),
)
# (days into the year, payee, category, lowest and highest pounds, method, reference)
YEARLY_BILLS = (
    (10, "Ansvar Insurance", "Insurance", 420, 520, "direct debit", "Annual premium"),
    (90, "J. Patel FCCA", "Independent examination", 150, 250, "bank transfer", "Examination"),
)
RESERVE = "Building repairs reserve"
TO_CATEGORISE = (
    ("FASTER PAYMENT REF SUBS", 1_800),
    ("AMAZON MKTPLACE PMTS", -2_349),
    ("CASH PAID IN", 6_500),
    ("DD ASHBY TOWN COUNCIL", -4_500),
    ("SO HALL HIRE", 3_500),
    ("CARD PAYMENT POST OFFICE", -1_264),
)


@dataclass
class _Plan:
    """One entry as planned: the walk may move it to another account or leave it out."""

    on: date
    account: str
    lines: list[list]  # [category_id | None, fund_id, pence, gift_aid_claim_index | None]
    payee: str = ""
    person_id: int | None = None
    method: str = ""
    reference: str = ""
    note: str = ""
    transfer_key: str | None = None
    flexible: bool = False  # general spending scaled to the year's income
    eligible: bool = False  # a donation under a Gift Aid declaration
    claim_received: int | None = None  # HMRC's payment of the claim with this index

    @property
    def pence(self) -> int:
        lines = self.lines
        return lines[0][2] if len(lines) == 1 else sum([line[2] for line in lines])


@dataclass
class _Books:
    """What the planning shares: ids of categories and funds, the dates, the random source."""

    ctx: DemoContext
    rng: random.Random
    starts_on: date
    year_starts: list[date]
    scale: float
    receipt: dict[str, int]
    payment: dict[str, int]
    general: int
    funds: dict[str, int] = field(default_factory=dict)
    new_funds: list[dict] = field(default_factory=list)
    plans: list[_Plan] = field(default_factory=list)

    @property
    def size(self) -> float:
        """How much bigger than a small group's the sums are: the bills and takings of a group
        with fifty times the events are bigger, but not fifty times bigger."""
        return max(1.0, self.scale**0.5)

    def key(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def day_in(self, start: date, end: date) -> date:
        """A day in [start, end), never after today."""
        end = min(end, self.ctx.today + timedelta(days=1))
        return start + timedelta(days=self.rng.randrange(max(1, (end - start).days)))


def add_books(ctx: DemoContext, entries: int) -> None:
    """About `entries` entries of ten years' books; a group that already keeps books keeps
    them untouched."""
    session = ctx.session
    if session.scalar(select(func.count(Entry.id))) or session.scalar(
        select(func.count(BookAccount.id))
    ):
        return
    settings = ctx.settings
    first = financial_year_start(
        add_months(ctx.today, -12 * YEARS), settings.fy_start_month, settings.fy_start_day
    )
    year_starts = [add_months(first, 12 * n) for n in range(YEARS + 1)]
    year_starts = [start for start in year_starts if start <= ctx.today]
    subscriptions = _subscriptions(ctx, first)
    if len(subscriptions) > entries * BATCHED_BEYOND:
        subscriptions = _paid_in_together(subscriptions)
    per_year = sum(RATES.values()) + FIXED_A_YEAR
    wanted = max(0, entries - len(subscriptions)) / max(1, len(year_starts))
    books = _Books(
        ctx=ctx,
        rng=ctx.rng,
        starts_on=first,
        year_starts=year_starts,
        scale=max(0.5, (wanted - FIXED_A_YEAR) / (per_year - FIXED_A_YEAR)),
        receipt=_categories(session, "receipt"),
        payment=_categories(session, "payment"),
        general=_general_fund(session),
    )
    books.plans.extend(subscriptions)
    donors = _plan_donations(books)
    _plan_hire(books)
    _plan_events(books)
    _plan_grants(books)
    _plan_spending(books)
    _scale_spending(books)
    _plan_reserve(books)
    claims = _plan_gift_aid(books)
    _plan_to_categorise(books)
    accounts = _accounts(books)
    written = _walk(books, accounts)
    _write(ctx, books, accounts, written, donors, claims)


# ---------------------------------------------------------------- lookups


def _categories(session, direction: str) -> dict[str, int]:
    """Categories by name; a name the group removed falls back to its 'Other' category."""
    rows = dict(
        session.execute(
            select(Category.name, Category.id).where(Category.direction == direction)
        ).all()
    )
    other = rows.get("Other income" if direction == "receipt" else "Other payments")
    fallback = other or min(rows.values(), default=None)
    return defaultdict(lambda: fallback, rows)


def _general_fund(session) -> int:
    fund_id = session.scalar(select(Fund.id).where(Fund.name == GENERAL_FUND))
    if fund_id is None:
        fund_id = session.scalar(select(func.min(Fund.id)))
    if fund_id is None:
        fund_id = 1
        session.execute(
            insert(Fund.__table__),
            [
                {
                    "id": 1,
                    "name": GENERAL_FUND,
                    "kind": "unrestricted",
                    "description": "",
                    "active": True,
                }
            ],
        )
    return fund_id


def _fund(books: _Books, name: str, kind: str, description: str) -> int:
    """The id of a fund, made (in the bulk write) the first time it is needed."""
    if name not in books.funds:
        session = books.ctx.session
        existing = session.scalar(select(Fund.id).where(Fund.name == name))
        if existing is None:
            existing = (session.scalar(select(func.max(Fund.id))) or 0) + 1
            existing += len(books.new_funds)
            books.new_funds.append(
                {
                    "id": existing,
                    "name": name,
                    "kind": kind,
                    "description": description,
                    "active": True,
                }
            )
        books.funds[name] = existing
    return books.funds[name]


def _count(books: _Books, stream: str) -> int:
    """How many entries of a stream in one year, at the demo's scale (at least a few)."""
    mean = RATES[stream] * books.scale
    return max(1, round(books.rng.gauss(mean, mean * 0.1)))


def _years(books: _Books):
    """Each financial year as (start, end-exclusive)."""
    for start in books.year_starts:
        yield start, add_months(start, 12)


def _pounds(rng: random.Random, low: int, high: int) -> int:
    """A round-pound amount in pence."""
    return rng.randint(low, high) * 100


# ---------------------------------------------------------------- planning


def _subscriptions(ctx: DemoContext, first: date) -> list[_Plan]:
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
    general = _general_fund(ctx.session)
    return [
        _Plan(
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


def _paid_in_together(subscriptions: list[_Plan]) -> list[_Plan]:
    """One paying-in a day for each account, as a treasurer banks a pile of subscriptions:
    keeps a huge register's books to a size a group's books can have."""
    days: dict[tuple[date, str], list[_Plan]] = {}
    for plan in subscriptions:
        days.setdefault((plan.on, plan.account), []).append(plan)
    batched = []
    for (on, account), plans in days.items():
        category, fund = plans[0].lines[0][0], plans[0].lines[0][1]
        pence = sum(plan.pence for plan in plans)
        batched.append(
            _Plan(
                on,
                account,
                [[category, fund, pence, None]],
                payee=f"Subscriptions ({len(plans)} members)",
                method="cash" if account == CASH else "bank transfer",
                reference="Paying-in",
            )
        )
    return batched


def _plan_donations(books: _Books) -> list[dict]:
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
    for start, end in _years(books):
        for _ in range(_count(books, "donation")):
            on = books.day_in(start, end)
            if rng.random() < 0.25 or not donors:
                pence = rng.randint(800, 9000)
                tin = rng.choice(("Coffee morning", "Lunch club", "Bar", "Shop counter"))
                lines = [[category, general, pence, None]]
                books.plans.append(
                    _Plan(on, CASH, lines, payee=f"Collection tin: {tin}", method="cash")
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
                _Plan(
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


def _plan_hire(books: _Books) -> None:
    """Regular hirers pay for their sessions by bank; parties pay cash."""
    rng, category, general = books.rng, books.receipt["Hire income"], books.general
    people = books.ctx.people
    for start, end in _years(books):
        for _ in range(_count(books, "hire")):
            on = books.day_in(start, end)
            if rng.random() < 0.2 and people:
                person = rng.choice(people)
                books.plans.append(
                    _Plan(
                        on,
                        CASH,
                        [[category, general, _pounds(rng, 40, 90), None]],
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
                _Plan(
                    on,
                    CURRENT,
                    [[category, general, sessions * rng.choice((1800, 2200, 2500)), None]],
                    payee=hirer,
                    method=rng.choice(("bank transfer", "standing order", "cheque")),
                    reference=f"Hall hire x{sessions}",
                )
            )


def _plan_events(books: _Books) -> None:
    """Fundraising events: takings in cash split across fundraising, refreshments and
    donations, and what the event cost."""
    rng, general, size = books.rng, books.general, books.size
    takings, sales = books.receipt["Fundraising events"], books.receipt["Sales and trading"]
    gifts, costs = books.receipt["Donations"], books.payment["Fundraising costs"]
    for start, end in _years(books):
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
                _Plan(on, CASH, lines, payee=name, method="cash", note=f"{name} takings")
            )
            spent = -round(rng.randint(40, 300) * size) * 100
            books.plans.append(
                _Plan(
                    on - timedelta(days=rng.randint(1, 10)),
                    CURRENT,
                    [[costs, general, spent, None]],
                    payee=rng.choice(EVENT_SUPPLIERS),
                    method="card",
                    note=name,
                    flexible=True,
                )
            )


def _plan_grants(books: _Books) -> None:
    """Two or three restricted grants a year, each spent over the following months; now and
    then a project overspends and the committee covers it from the general fund."""
    rng = books.rng
    grant_scale = min(3.0, books.size)
    one_offs = [g for g in GRANTS if not g[2]]
    for year, (start, _end) in enumerate(_years(books)):
        chosen = [g for g in GRANTS if g[2]]
        if year % 2 == 0 or rng.random() < 0.3:
            chosen.append(one_offs[(year // 2) % len(one_offs)])
        for funder, fund_name, _recurring, base, buys in chosen:
            received = books.day_in(start, add_months(start, 4))
            if received > books.ctx.today:
                continue
            fund = _fund(books, fund_name, "restricted", f"Grant from {funder}, for {fund_name}")
            pence = round(base * grant_scale * rng.uniform(0.8, 1.2) / 100) * 100
            books.plans.append(
                _Plan(
                    received,
                    CURRENT,
                    [[books.receipt["Grants received"], fund, pence, None]],
                    payee=funder,
                    method="bank transfer",
                    reference="Grant",
                )
            )
            _plan_grant_spending(books, received, fund, fund_name, pence, buys)


def _plan_grant_spending(
    books: _Books, received: date, fund: int, fund_name: str, pence: int, buys: tuple
) -> None:
    """A grant spent in a few payments over the following months, now and then overspent."""
    rng = books.rng
    recurring = any(g[1] == fund_name and g[2] for g in GRANTS)
    share = rng.choice((0.9, 1.0) if recurring else (1.0, 1.0, 1.06))
    parts = rng.randint(2, 6)
    total = round(pence * share)
    amounts = [total // parts] * parts
    amounts[-1] += total - sum(amounts)
    day = received
    for amount in amounts:
        day += timedelta(days=rng.randint(7, 50))
        if day > books.ctx.today:
            return
        payee, category = rng.choice(buys)
        books.plans.append(
            _Plan(
                day,
                CURRENT,
                [[books.payment[category], fund, -amount, None]],
                payee=payee,
                method=rng.choice(("bank transfer", "card", "cheque")),
                note=fund_name,
            )
        )
    if total > pence:
        books.plans.append(
            _Plan(
                day,
                CURRENT,
                [
                    [None, books.general, -(total - pence), None],
                    [None, fund, total - pence, None],
                ],
                payee="Transfer between funds",
                note=f"The committee agreed to meet the overspend on {fund_name}",
                transfer_key=books.key(),
            )
        )


def _plan_spending(books: _Books) -> None:
    """The regular bills and the day-to-day spending, at base amounts scaled later."""
    rng, ctx, pay, general, size = books.rng, books.ctx, books.payment, books.general, books.size

    def bill(on: date, payee: str, category: str, pence: int, method: str, **extra) -> None:
        if books.starts_on <= on <= ctx.today:
            account = CASH if method == "cash" else CURRENT
            line = [[pay[category], general, -pence, None]]
            books.plans.append(
                _Plan(on, account, line, payee=payee, method=method, flexible=True, **extra)
            )

    for start, end in _years(books):
        for month in range(12):
            first = add_months(start, month)
            for every, day, payee, category, pence, method, reference in MONTHLY_BILLS:
                if month % every == every - 1:
                    winter = 1.3 if category == "Utilities" and month in (7, 8, 9, 10) else 1.0
                    on = first + timedelta(days=day)
                    pence = round(pence * winter * size)
                    bill(on, payee, category, pence, method, reference=reference)
        for day, payee, category, low, high, method, reference in YEARLY_BILLS:
            on = start + timedelta(days=day + rng.randint(0, 30))
            pence = round(rng.randint(low, high) * size) * 100
            bill(on, payee, category, pence, method, reference=reference)
        for _ in range(_count(books, "printing")):
            on, pence = books.day_in(start, end), rng.randint(1500, 6000)
            bill(on, "Post Office", "Printing and postage", pence, "card", reference="Stamps")
        for _ in range(_count(books, "activity")):
            payee, method = rng.choice(ACTIVITY_PAYEES)
            on, pence = books.day_in(start, end), rng.randint(1500, 9000)
            bill(on, payee, "Activities and events", pence, method)
        for _ in range(_count(books, "volunteer") if ctx.people else 0):
            person = rng.choice(ctx.people)
            on, pence = books.day_in(start, end), rng.randint(500, 4500)
            method = rng.choice(("cash", "bank transfer"))
            name = f"{person.first_name} {person.last_name}"
            bill(on, name, "Volunteer expenses", pence, method, person_id=person.id,
                 reference="Expenses claim")  # fmt: skip
        for _ in range(_count(books, "equipment")):
            payee, category, method = rng.choice(EQUIPMENT)
            bill(books.day_in(start, end), payee, category, rng.randint(2000, 25000), method)


def _scale_spending(books: _Books) -> None:
    """Scale each year's general spending to SPENDING_SHARE of that year's general income, so
    the balances stay sensible however many members and events the demo has."""
    income: dict[date, int] = defaultdict(int)
    spending: dict[date, list[_Plan]] = defaultdict(list)
    for plan in books.plans:
        year = _year_of(books, plan.on)
        if plan.flexible:
            spending[year].append(plan)
        elif plan.pence > 0 and all(line[1] == books.general for line in plan.lines):
            income[year] += plan.pence
    for year, plans in spending.items():
        planned = -sum(plan.pence for plan in plans)
        if not planned:
            continue
        factor = SPENDING_SHARE * income[year] / planned
        for plan in plans:
            for line in plan.lines:
                line[2] = round(line[2] * factor)
            if plan.method in ("standing order", "direct debit"):
                for line in plan.lines:
                    line[2] = round(line[2], -2)  # regular bills are round pounds
    books.plans = [plan for plan in books.plans if plan.pence or plan.transfer_key]


def _year_of(books: _Books, on: date) -> date:
    settings = books.ctx.settings
    return financial_year_start(on, settings.fy_start_month, settings.fy_start_day)


def _plan_reserve(books: _Books) -> None:
    """Each year after the accounts are approved the committee sets money aside for repairs,
    and every few years the reserve pays for a repair."""
    rng, fund = books.rng, None
    reserve = 0
    for year, (start, _end) in enumerate(_years(books)):
        on = start + timedelta(days=rng.randint(100, 140))
        if year == 0 or on > books.ctx.today:
            continue
        fund = fund or _fund(
            books, RESERVE, "designated", "Set aside by the committee for repairs to the hall"
        )
        pence = _pounds(rng, 20, 60) * round(books.size * 10)
        reserve += pence
        books.plans.append(
            _Plan(
                on,
                CURRENT,
                [[None, books.general, -pence, None], [None, fund, pence, None]],
                payee="Transfer between funds",
                note="Set aside for repairs, as the committee agreed",
                transfer_key=books.key(),
            )
        )
        if year % 3 == 0:
            spent = round(reserve * rng.uniform(0.5, 0.9) / 100) * 100
            reserve -= spent
            books.plans.append(
                _Plan(
                    on + timedelta(days=rng.randint(20, 90)),
                    CURRENT,
                    [[books.payment["Repairs and maintenance"], fund, -spent, None]],
                    payee="Cartwright Builders",
                    method="bank transfer",
                    note="Roof and gutter repairs",
                )
            )


def _plan_gift_aid(books: _Books) -> list[dict]:
    """Gift Aid claimed twice a year on eligible donations, received a few weeks later; the
    last few months' donations wait for the treasurer's next claim."""
    rng, ctx = books.rng, books.ctx
    eligible = sorted((p for p in books.plans if p.eligible), key=lambda p: p.on)
    claims: list[dict] = []
    claimed = 0
    for start, _end in _years(books):
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
                _Plan(
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


def _plan_to_categorise(books: _Books) -> None:
    """Lines from the bank statement in the last month that nobody has categorised yet."""
    today, general = books.ctx.today, books.general
    for index, (payee, pence) in enumerate(TO_CATEGORISE):
        on = today - timedelta(days=2 + index * 4 + books.rng.randint(0, 3))
        if on >= books.starts_on:
            books.plans.append(_Plan(on, CURRENT, [[None, general, pence, None]], payee=payee))


def _accounts(books: _Books) -> dict[str, dict]:
    """The three accounts, opening on the first day of the first financial year."""
    session = books.ctx.session
    next_id = (session.scalar(select(func.max(BookAccount.id))) or 0) + 1
    size = books.size
    opening = {CURRENT: round(2400 * size) * 100, CASH: 6000, SAVINGS: round(5000 * size) * 100}
    return {
        key: {
            "id": next_id + index,
            "name": name,
            "kind": kind,
            "bank_details": details,
            "opening_pence": opening[key],
            "opening_on": books.starts_on,
            "active": True,
            "statement_mapping": "",
        }
        for index, (key, name, kind, details) in enumerate(ACCOUNTS)
    }


# ---------------------------------------------------------------- the walk


def _walk(books: _Books, accounts: dict[str, dict]) -> list[_Plan]:
    """The entries in date order as they happen, keeping every balance at or above nothing."""
    today = books.ctx.today
    plans = [p for p in books.plans if books.starts_on <= p.on <= today]
    plans.sort(key=lambda p: (p.on, p.pence < 0))
    balance = {key: row["opening_pence"] for key, row in accounts.items()}
    funds: dict[int, int] = defaultdict(int)
    funds[books.general] = sum(balance.values())
    monthly = -sum(p.pence for p in plans if p.flexible) // max(1, 12 * len(books.year_starts))
    written: list[_Plan] = []
    month = (books.starts_on.year, books.starts_on.month)

    def move(on: date, source: str, target: str, pence: int, note: str) -> None:
        key = books.key()
        for account, sign in ((source, -1), (target, 1)):
            line = [[None, books.general, sign * pence, None]]
            written.append(_Plan(on, account, line, payee="Transfer", note=note, transfer_key=key))
            balance[account] += sign * pence

    def month_end(year: int, number: int) -> None:
        last = add_months(date(year, number, 1), 1) - timedelta(days=1)
        if last > today:
            return
        rate = INTEREST_BP.get(year, 10 if year < 2020 else 250)
        interest = balance[SAVINGS] * rate // 120_000
        if interest > 0:
            line = [[books.receipt["Bank interest"], books.general, interest, None]]
            written.append(_Plan(last, SAVINGS, line, payee="Interest", method="other"))
            balance[SAVINGS] += interest
            funds[books.general] += interest
        if balance[CASH] > 10_000:
            move(last, CASH, CURRENT, (balance[CASH] - 5_000) // 100 * 100, "Cash banked")
        if number % 3 == 0 and balance[CURRENT] > 3 * monthly + 100_000:
            spare = (balance[CURRENT] - 2 * monthly) // 10_000 * 10_000
            if spare > 0:
                move(last, CURRENT, SAVINGS, spare, "To savings")
        elif balance[CURRENT] < monthly and balance[SAVINGS] > 0:
            wanted = min(balance[SAVINGS], (2 * monthly - balance[CURRENT]) // 10_000 * 10_000)
            if wanted > 0:
                move(last, SAVINGS, CURRENT, wanted, "From savings")

    for plan in plans:
        while (plan.on.year, plan.on.month) > month:
            month_end(*month)
            month = (month[0] + month[1] // 12, month[1] % 12 + 1)
        pence = plan.pence
        if pence < 0 and not plan.transfer_key:
            if plan.account == CASH and balance[CASH] + pence < 0:
                plan.account = CURRENT
                plan.method = "bank transfer" if plan.method == "cash" else plan.method
            if balance[CURRENT] + pence < 0 and plan.account == CURRENT:
                short = (-(balance[CURRENT] + pence) // 10_000 + 1) * 10_000
                if balance[SAVINGS] >= short:
                    move(plan.on, SAVINGS, CURRENT, short, "From savings")
            general = sum(line[2] for line in plan.lines if line[1] == books.general)
            if balance[plan.account] + pence < 0 or funds[books.general] + general < 0:
                continue
        balance[plan.account] += pence
        for line in plan.lines:
            funds[line[1]] += line[2]
        written.append(plan)
    while month <= (today.year, today.month):
        month_end(*month)
        month = (month[0] + month[1] // 12, month[1] % 12 + 1)
    return written


# ---------------------------------------------------------------- writing


def _write(
    ctx: DemoContext,
    books: _Books,
    accounts: dict[str, dict],
    plans: list[_Plan],
    declarations: list[dict],
    claims: list[dict],
) -> None:
    session = ctx.session
    next_entry = (session.scalar(select(func.max(Entry.id))) or 0) + 1
    next_claim = (session.scalar(select(func.max(GiftAidClaim.id))) or 0) + 1
    account_ids = {key: row["id"] for key, row in accounts.items()}
    plans.sort(key=lambda p: p.on)  # stable: the walk's order within a day stays
    entries, lines = [], []
    received: dict[int, int] = {}
    for offset, plan in enumerate(plans):
        entry_id = next_entry + offset
        entries.append(
            {
                "id": entry_id,
                "account_id": account_ids[plan.account],
                "on": plan.on,
                "amount_pence": plan.pence,
                "person_id": plan.person_id,
                "payee": plan.payee,
                "reference": plan.reference,
                "method": plan.method,
                "note": plan.note,
                "attachment": "",
                "transfer_key": plan.transfer_key,
                "reconciliation_id": None,
                "reverses_id": None,
                "created_at": instant(plan.on, 18),
            }
        )
        if plan.claim_received is not None:
            received[plan.claim_received] = entry_id
        for category, fund, pence, claim in plan.lines:
            lines.append(
                {
                    "entry_id": entry_id,
                    "category_id": category,
                    "fund_id": fund,
                    "amount_pence": pence,
                    "gift_aid_claim_id": None if claim is None else next_claim + claim,
                    "note": "",
                }
            )
    session.execute(insert(BookAccount.__table__), list(accounts.values()))
    if books.new_funds:
        session.execute(insert(Fund.__table__), books.new_funds)
    if declarations:
        session.execute(insert(GiftAidDeclaration.__table__), declarations)
    if claims:
        rows = [
            dict(claim, id=next_claim + index, received_entry_id=None)
            for index, claim in enumerate(claims)
        ]
        session.execute(insert(GiftAidClaim.__table__), rows)
    if entries:
        _bulk_insert(session, Entry.__table__, entries)
        _bulk_insert(session, EntryLine.__table__, lines)
    for index, entry_id in received.items():
        session.execute(
            GiftAidClaim.__table__.update()
            .where(GiftAidClaim.id == next_claim + index)
            .values(received_entry_id=entry_id)
        )
    ctx.add_count("entries", len(entries))


def _bulk_insert(session: Session, table: Table, rows: list[dict]) -> None:
    """One executemany straight to SQLite for the two big tables.

    Each value goes through its column type's own bind processor (so dates and instants are
    stored exactly as the ORM stores them), but once per distinct value rather than once per
    row: Core's executemany spends most of its time doing that conversion for 100,000 rows.
    """
    connection = session.connection()
    names = list(rows[0])
    values = [list(row.values()) for row in rows]
    for index, name in enumerate(names):
        process = table.c[name].type.bind_processor(connection.dialect)
        if process is None:
            continue
        seen: dict = {None: None}
        for row in values:
            value = row[index]
            if value not in seen:
                seen[value] = process(value)
            row[index] = seen[value]
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    statement = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
    connection.exec_driver_sql(statement, [tuple(row) for row in values])
