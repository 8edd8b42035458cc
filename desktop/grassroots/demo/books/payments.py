"""The money the demo group spends: grant spending, bills, activities, volunteer expenses, and
the general spending scaled to the year's income; and the building reserve."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from grassroots.core.dates import add_months
from grassroots.demo.books.plan import (
    CASH,
    CURRENT,
    SPENDING_SHARE,
    Books,
    Plan,
    count,
    fund_id,
    pounds,
    year_of,
    years,
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


def plan_spending(books: Books) -> None:
    """The regular bills and the day-to-day spending, at base amounts scaled later."""
    rng, ctx, pay, general, size = books.rng, books.ctx, books.payment, books.general, books.size

    def bill(on: date, payee: str, category: str, pence: int, method: str, **extra) -> None:
        if books.starts_on <= on <= ctx.today:
            account = CASH if method == "cash" else CURRENT
            line = [[pay[category], general, -pence, None]]
            books.plans.append(
                Plan(on, account, line, payee=payee, method=method, flexible=True, **extra)
            )

    for start, end in years(books):
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
        for _ in range(count(books, "printing")):
            on, pence = books.day_in(start, end), rng.randint(1500, 6000)
            bill(on, "Post Office", "Printing and postage", pence, "card", reference="Stamps")
        for _ in range(count(books, "activity")):
            payee, method = rng.choice(ACTIVITY_PAYEES)
            on, pence = books.day_in(start, end), rng.randint(1500, 9000)
            bill(on, payee, "Activities and events", pence, method)
        for _ in range(count(books, "volunteer") if ctx.people else 0):
            person = rng.choice(ctx.people)
            on, pence = books.day_in(start, end), rng.randint(500, 4500)
            method = rng.choice(("cash", "bank transfer"))
            name = f"{person.first_name} {person.last_name}"
            bill(on, name, "Volunteer expenses", pence, method, person_id=person.id,
                 reference="Expenses claim")  # fmt: skip
        for _ in range(count(books, "equipment")):
            payee, category, method = rng.choice(EQUIPMENT)
            bill(books.day_in(start, end), payee, category, rng.randint(2000, 25000), method)


def scale_spending(books: Books) -> None:
    """Scale each year's general spending to SPENDING_SHARE of that year's general income, so
    the balances stay sensible however many members and events the demo has."""
    income: dict[date, int] = defaultdict(int)
    spending: dict[date, list[Plan]] = defaultdict(list)
    for plan in books.plans:
        year = year_of(books, plan.on)
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


def plan_reserve(books: Books) -> None:
    """Each year after the accounts are approved the committee sets money aside for repairs,
    and every few years the reserve pays for a repair."""
    rng, fund = books.rng, None
    reserve = 0
    for year, (start, _end) in enumerate(years(books)):
        on = start + timedelta(days=rng.randint(100, 140))
        if year == 0 or on > books.ctx.today:
            continue
        fund = fund or fund_id(
            books, RESERVE, "designated", "Set aside by the committee for repairs to the hall"
        )
        pence = pounds(rng, 20, 60) * round(books.size * 10)
        reserve += pence
        books.plans.append(
            Plan(
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
                Plan(
                    on + timedelta(days=rng.randint(20, 90)),
                    CURRENT,
                    [[books.payment["Repairs and maintenance"], fund, -spent, None]],
                    payee="Cartwright Builders",
                    method="bank transfer",
                    note="Roof and gutter repairs",
                )
            )
