"""Walking the plan in date order, keeping every balance above nothing: banking the cash box,
interest, sweeping surplus to savings and topping the current account up."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, select

from grassroots.accounts.models import (
    BookAccount,
)
from grassroots.core.dates import add_months
from grassroots.demo.books.plan import ACCOUNTS, CASH, CURRENT, INTEREST_BP, SAVINGS, Books, Plan


def make_accounts(books: Books) -> dict[str, dict]:
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


def walk(books: Books, accounts: dict[str, dict]) -> list[Plan]:
    """The entries in date order as they happen, keeping every balance at or above nothing."""
    today = books.ctx.today
    plans = [p for p in books.plans if books.starts_on <= p.on <= today]
    plans.sort(key=lambda p: (p.on, p.pence < 0))
    balance = {key: row["opening_pence"] for key, row in accounts.items()}
    funds: dict[int, int] = defaultdict(int)
    funds[books.general] = sum(balance.values())
    monthly = -sum(p.pence for p in plans if p.flexible) // max(1, 12 * len(books.year_starts))
    written: list[Plan] = []
    month = (books.starts_on.year, books.starts_on.month)

    def move(on: date, source: str, target: str, pence: int, note: str) -> None:
        key = books.key()
        for account, sign in ((source, -1), (target, 1)):
            line = [[None, books.general, sign * pence, None]]
            written.append(Plan(on, account, line, payee="Transfer", note=note, transfer_key=key))
            balance[account] += sign * pence

    def month_end(year: int, number: int) -> None:
        last = add_months(date(year, number, 1), 1) - timedelta(days=1)
        if last > today:
            return
        rate = INTEREST_BP.get(year, 10 if year < 2020 else 250)
        interest = balance[SAVINGS] * rate // 120_000
        if interest > 0:
            line = [[books.receipt["Bank interest"], books.general, interest, None]]
            written.append(Plan(last, SAVINGS, line, payee="Interest", method="other"))
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
