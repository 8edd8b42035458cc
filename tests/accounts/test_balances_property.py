"""Whatever the books hold, every year's figures add up and agree with the accounts' cash.

Each example builds a fresh database (a copy of one migrated once) through accounts.books:
accounts opened on different days, funds of every kind, split entries in any category (or none),
transfers between accounts and between funds, over several financial years starting on any day.
The expected balances are kept alongside in plain Python, so the checks do not lean on the code
they check.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import hypothesis
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grassroots.accounts import books
from grassroots.accounts.models import FUND_KINDS
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.accounts.year_end import (
    COLUMN_OF_KIND,
    Columns,
    ReceiptsAndPayments,
    cash_difference,
    fund_movements,
    receipts_and_payments,
    statement_of_assets,
    year_end_of,
)
from grassroots.core.dates import add_months, financial_year_start
from grassroots.core.money import Money
from grassroots.db.database import open_database

FIRST_DAY = date(2023, 1, 1)
LAST_DAY_OFFSET = 1100  # into early 2026: three or four financial years

amounts = st.integers(-60_000, 60_000).filter(bool)
positive = st.integers(1, 60_000)
index = st.integers(0, 9)  # taken modulo how many accounts, funds or categories there are
day = st.integers(0, LAST_DAY_OFFSET)

entry_ops = st.tuples(
    st.just("entry"),
    index,
    day,
    st.lists(st.tuples(amounts, st.none() | index | st.integers(10, 40), index), min_size=1),
)
account_transfers = st.tuples(st.just("accounts"), index, index, positive, day)
fund_transfers = st.tuples(st.just("funds"), index, index, positive, day, index)
# Reverse an earlier entry some days after it (a transfer between accounts, both halves).
reversals = st.tuples(st.just("reverse"), st.integers(0, 30), st.integers(0, 400))


@dataclass(frozen=True)
class Plan:
    fy_month: int
    fy_day: int
    funds: tuple[str, ...]
    accounts: tuple[tuple[int, int], ...]  # (opening pence, day the books start)
    ops: tuple[tuple, ...]


plans = st.builds(
    Plan,
    st.integers(1, 12),
    st.sampled_from([1, 6, 28]),
    st.lists(st.sampled_from(FUND_KINDS), max_size=3).map(tuple),
    st.lists(st.tuples(st.integers(-5_000, 200_000), day), min_size=1, max_size=3).map(tuple),
    st.lists(entry_ops | account_transfers | fund_transfers | reversals, max_size=14).map(tuple),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database, copied for each example: migrating every time would be slow."""
    folder = tmp_path_factory.mktemp("template")
    db = open_database(str(folder / "template.db"), folder / "backups")
    db.close()
    return folder / "template.db"


class Oracle:
    """What the books should hold, kept as plain (day, amount) lists."""

    def __init__(self) -> None:
        self.openings: list[tuple[date, int]] = []
        self.by_account: dict[int, list[tuple[date, int]]] = defaultdict(list)
        self.by_fund: dict[int, list[tuple[date, int]]] = defaultdict(list)
        self.all_lines: list[tuple[date, int]] = []  # every line, transfers included
        self.fund_moves: dict[int, list[tuple[date, int]]] = defaultdict(list)

    def account_cash(self, account_id: int, opening: tuple[date, int], end: date) -> int:
        held = opening[1] if opening[0] < end else 0
        return held + sum(p for on, p in self.by_account[account_id] if on < end)

    def fund_cash(self, fund_id: int, general: int, before: date, end: date) -> int:
        opened = sum(p for on, p in self.openings if on < end) if fund_id == general else 0
        return opened + sum(p for on, p in self.by_fund[fund_id] if on < before)


def build(sessions, plan: Plan, oracle: Oracle) -> tuple[list, dict[int, str], int]:
    accounts = []
    for n, (opening, offset) in enumerate(plan.accounts):
        on = FIRST_DAY + timedelta(days=offset)
        accounts.append(books.add_account(sessions, f"Account {n}", "bank", Money(opening), on))
        oracle.openings.append((on, opening))
    for n, kind in enumerate(plan.funds):
        books.add_fund(sessions, f"Fund {n}", kind)
    funds = {f.id: f.kind for f in books.list_funds(sessions)}
    general = min(funds)
    fund_ids = sorted(funds)
    categories = [c.id for c in books.list_categories(sessions)]
    made: list[tuple[str, tuple]] = []  # what each op made, for reversals to pick from

    def record(views, is_transfer: bool, on: date | None = None, sign: int = 1) -> None:
        for view in views:
            for line in view.lines:
                moved = (on or view.on, sign * line.amount.pence)
                oracle.by_account[view.account_id].append(moved)
                oracle.by_fund[line.fund_id].append(moved)
                oracle.all_lines.append(moved)
                if is_transfer:
                    oracle.fund_moves[line.fund_id].append(moved)

    for op in plan.ops:
        if op[0] == "reverse":
            _, pick, later = op
            if not made:
                continue
            kind, views = made[pick % len(made)]
            on = views[0].on + timedelta(days=later)
            reversal = books.reverse_entry(sessions, views[0].id, on)
            assert reversal.reverses_id == views[0].id
            record(views, kind != "entry", on, -1)
            hypothesis.event(f"reversed: {kind}")
        elif op[0] == "entry":
            _, a, offset, parts = op
            account = accounts[a % len(accounts)]
            on = max(FIRST_DAY + timedelta(days=offset), account.opening_on)
            lines = tuple(
                LineInput(
                    Money(amount),
                    None if cat is None else categories[cat % len(categories)],
                    fund_ids[f % len(fund_ids)],
                )
                for amount, cat, f in parts
            )
            view = books.add_entry(sessions, EntryInput(account.id, on, lines))
            record([view], False)
            made.append(("entry", (view,)))
        elif op[0] == "accounts":
            _, a, b, amount, offset = op
            one, other = accounts[a % len(accounts)], accounts[b % len(accounts)]
            if one.id == other.id:
                continue
            on = max(FIRST_DAY + timedelta(days=offset), one.opening_on, other.opening_on)
            pair = books.transfer_between_accounts(sessions, one.id, other.id, Money(amount), on)
            record(pair, True)
            made.append(("accounts", pair))
        else:
            _, f, g, amount, offset, a = op
            one, other = fund_ids[f % len(fund_ids)], fund_ids[g % len(fund_ids)]
            account = accounts[a % len(accounts)]
            if one == other:
                continue
            on = max(FIRST_DAY + timedelta(days=offset), account.opening_on)
            view = books.transfer_between_funds(sessions, one, other, Money(amount), on, account.id)
            record([view], True)
            made.append(("funds", (view,)))
    return accounts, funds, general


def check_year(sessions, start: date, plan_state, oracle: Oracle) -> ReceiptsAndPayments:
    accounts, funds, general = plan_state
    end = add_months(start, 12)
    last_day = year_end_of(start)
    figures = receipts_and_payments(sessions, start)
    assert figures.unexplained == Columns()
    assert figures.transfers.total == Money(0)
    assert figures.net.total.pence == sum(p for on, p in oracle.all_lines if start <= on < end)

    moves = fund_movements(sessions, start)
    by_column: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for move in moves:
        assert move.at_start + move.receipts - move.payments + move.transfers == move.at_end
        assert move.at_start.pence == oracle.fund_cash(move.fund_id, general, start, end)
        assert move.at_end.pence == oracle.fund_cash(move.fund_id, general, end, end)
        moved = sum(p for on, p in oracle.fund_moves[move.fund_id] if start <= on < end)
        assert move.transfers.pence == moved
        column = by_column[COLUMN_OF_KIND[funds[move.fund_id]]]
        column["start"] += move.at_start.pence
        column["end"] += move.at_end.pence
        column["transfers"] += move.transfers.pence
    for part, column in (("start", "cash_at_start"), ("end", "cash_at_end"), ("transfers", None)):
        expected = Columns(*(Money(by_column[c][part]) for c in Columns.__dataclass_fields__))
        assert expected == (getattr(figures, column) if column else figures.transfers)

    assets = statement_of_assets(sessions, start)
    assert cash_difference(figures, assets) == Money(0)
    expected_cash = [
        oracle.account_cash(a.id, (a.opening_on, a.opening.pence), end)
        for a in accounts
        if a.opening_on < end
    ]
    assert [c.amount.pence for c in assets.cash_by_account] == expected_cash
    assert [b.amount.pence for b in books.account_balances(sessions, last_day)] == expected_cash
    return figures


def check_comparatives(figures: ReceiptsAndPayments, last: ReceiptsAndPayments) -> None:
    assert figures.last_year_total_receipts == last.total_receipts.total
    assert figures.last_year_total_payments == last.total_payments.total
    assert figures.last_year_net == last.net.total
    assert figures.last_year_cash_at_start == last.cash_at_start.total
    assert figures.last_year_cash_at_end == last.cash_at_end.total
    for name in ("receipts", "asset_sales", "payments", "asset_purchases"):
        before = {row.label: row.this_year.total for row in getattr(last, name).rows}
        now = {row.label: row.last_year for row in getattr(figures, name).rows}
        assert {label: amount for label, amount in now.items() if amount} == {
            label: amount for label, amount in before.items() if amount
        }


@settings(
    max_examples=50,
    deadline=None,
    database=None,  # nothing written into the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=plans)
def test_every_year_and_fund_adds_up_and_agrees_with_the_accounts(
    template: Path, plan: Plan
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "books.db"
        shutil.copyfile(template, copy)
        db = open_database(str(copy), Path(folder) / "backups")
        try:
            oracle = Oracle()
            state = build(db.sessions, plan, oracle)
            start = financial_year_start(FIRST_DAY, plan.fy_month, plan.fy_day)
            last = None
            while start <= FIRST_DAY + timedelta(days=LAST_DAY_OFFSET + 366):
                figures = check_year(db.sessions, start, state, oracle)
                if last is not None:
                    check_comparatives(figures, last)
                last, start = figures, add_months(start, 12)
        finally:
            db.close()
