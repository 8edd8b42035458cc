"""What the demo books are planned with: the accounts, the rates a year, one planned entry
(Plan) and what the planning shares (Books)."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, insert, select

from grassroots.accounts.models import (
    Category,
    Fund,
)
from grassroots.core.dates import add_months, financial_year_start
from grassroots.demo.context import DemoContext

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


@dataclass
class Plan:
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
class Books:
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
    plans: list[Plan] = field(default_factory=list)

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


def categories_by_name(session, direction: str) -> dict[str, int]:
    """Categories by name; a name the group removed falls back to its 'Other' category."""
    rows = dict(
        session.execute(
            select(Category.name, Category.id).where(Category.direction == direction)
        ).all()
    )
    other = rows.get("Other income" if direction == "receipt" else "Other payments")
    fallback = other or min(rows.values(), default=None)
    return defaultdict(lambda: fallback, rows)


def general_fund_id(session) -> int:
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


def fund_id(books: Books, name: str, kind: str, description: str) -> int:
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


def count(books: Books, stream: str) -> int:
    """How many entries of a stream in one year, at the demo's scale (at least a few)."""
    mean = RATES[stream] * books.scale
    return max(1, round(books.rng.gauss(mean, mean * 0.1)))


def years(books: Books):
    """Each financial year as (start, end-exclusive)."""
    for start in books.year_starts:
        yield start, add_months(start, 12)


def pounds(rng: random.Random, low: int, high: int) -> int:
    """A round-pound amount in pence."""
    return rng.randint(low, high) * 100


def year_of(books: Books, on: date) -> date:
    settings = books.ctx.settings
    return financial_year_start(on, settings.fy_start_month, settings.fy_start_day)
