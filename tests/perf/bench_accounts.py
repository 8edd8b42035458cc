"""The books at the large demo's size: ten years, about 50,000 entries.

- making the large demo group, and the books' share of that time;
- every account's and every fund's balance at each year end;
- a page of 200 rows of the cash book with its row count (all accounts, one account, and a
  page deep in the past), and the year's accounts (receipts and payments, fund movements and
  the statement of assets), when those modules are there.

The demo database is made once a day and kept in GRASSROOTS_BENCH_DIR, as for the other
benchmarks.

    python -m pytest tests/perf/bench_accounts.py -s
    python tests/perf/bench_accounts.py
"""

from __future__ import annotations

import importlib.util
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select

from grassroots.accounts.books import account_balances, fund_balances, list_accounts
from grassroots.accounts.models import Entry
from grassroots.core.dates import add_months, financial_year_start
from grassroots.db.database import Database, open_database
from grassroots.demo import BOOK_ENTRIES, MEMBER_SHARE, SIZES, make_demo
from grassroots.demo.books import add_books
from grassroots.demo.context import DemoContext
from grassroots.demo.group import fill_group
from grassroots.demo.members import add_members
from grassroots.demo.people import add_people
from tests.perf.support import SEED, bench_dir, best_of, median_ms, report, time_once

DEMO_TARGET_S = 10.0
BALANCES_TARGET_MS = 100.0
PAGE_TARGET_MS = 100.0
YEAR_TARGET_S = 1.0
PAGE = 200


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def books_file() -> Path:
    """The large demo group with its books, made once a day and kept."""
    path = bench_dir() / f"books-large-{date.today():%Y%m%d}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".partial.db")
    for leftover in bench_dir().glob(partial.name + "*"):
        leftover.unlink()
    database = open_database(str(partial), bench_dir() / "backups")
    try:
        make_demo(database.sessions, "large", seed=SEED)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.close()
    partial.rename(path)
    return path


def open_books() -> Database:
    return open_database(str(books_file()), bench_dir() / "backups")


def year_starts(today: date | None = None) -> list[date]:
    """The demo's financial years (April to March), oldest first."""
    today = today or date.today()
    first = financial_year_start(add_months(today, -120), 4)
    starts = [add_months(first, 12 * n) for n in range(11)]
    return [start for start in starts if start <= today]


# ---------------------------------------------------------------- making the demo


def measure_demo() -> tuple[float, float, int]:
    """(seconds for the whole large demo, seconds of that spent on the books, entries)."""
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(str(Path(folder) / "demo.db"), Path(folder) / "backups")
        try:
            started = time.perf_counter()
            settings = fill_group(database.sessions)
            with database.sessions.begin() as session:
                ctx = DemoContext(session, random.Random(SEED), date.today(), settings)
                add_people(ctx, SIZES["large"])
                add_members(ctx, round(SIZES["large"] * MEMBER_SHARE))
                books_started = time.perf_counter()
                add_books(ctx, BOOK_ENTRIES["large"])
                session.flush()
                books = time.perf_counter() - books_started
            total = time.perf_counter() - started
        finally:
            database.close()
    return total, books, ctx.counts.get("entries", 0)


def _check_demo() -> bool:
    total, books, entries = measure_demo()
    met = report("make the large demo group (all areas)", total, DEMO_TARGET_S, "s")
    print(f"  {'':<60} of which the books: {books:.1f} s for {entries:,} entries")
    return met


# ---------------------------------------------------------------- balances


def measure_balances() -> tuple[float, float, int]:
    """(median ms, worst ms, entries) for account_balances plus fund_balances at each year end."""
    database = open_books()
    try:
        with database.sessions() as session:
            entries = session.scalar(select(func.count(Entry.id))) or 0
        ends = [add_months(start, 12) - timedelta(days=1) for start in year_starts()]
        account_balances(database.sessions, ends[0])
        samples = []
        for end in ends:
            seconds, _ = time_once(
                lambda e=end: (
                    account_balances(database.sessions, e),
                    fund_balances(database.sessions, e),
                )
            )
            samples.append(seconds)
    finally:
        database.close()
    return median_ms(samples), max(samples) * 1000, entries


def _check_balances() -> bool:
    median, worst, entries = measure_balances()
    label = f"account and fund balances at a year end, {entries:,} entries"
    met = report(f"{label} (median)", median, BALANCES_TARGET_MS, "ms")
    print(f"  {'':<60} worst {worst:,.1f} ms over {len(year_starts())} year ends")
    return met


# ---------------------------------------------------------------- the cash book


def measure_cash_book() -> dict[str, float] | None:
    """ms for a page of 200 rows and its count: newest, one account, and deep in the past."""
    if not _has("grassroots.accounts.cash_book"):
        return None
    from grassroots.accounts.cash_book import CashBookQuery, cash_book, count_cash_book

    database = open_books()
    try:
        sessions = database.sessions
        current = list_accounts(sessions)[0].id
        cases = {
            "newest page, all accounts": (CashBookQuery(), 0),
            "newest page, current account": (CashBookQuery(account_id=current), 0),
            "page 100 deep, all accounts": (CashBookQuery(), 100 * PAGE),
            "search 'booker', all accounts": (CashBookQuery(text="booker"), 0),
        }
        figures = {}
        for label, (query, offset) in cases.items():

            def page(q=query, o=offset):
                rows = cash_book(sessions, q, o, PAGE)
                count_cash_book(sessions, q)
                return rows

            page()
            figures[label] = best_of(3, page) * 1000
    finally:
        database.close()
    return figures


def _check_cash_book() -> bool:
    figures = measure_cash_book()
    if figures is None:
        print("  cash book page: skipped, grassroots.accounts.cash_book is not there yet")
        return True
    met = [report(f"cash book {label}", ms, PAGE_TARGET_MS, "ms") for label, ms in figures.items()]
    return all(met)


# ---------------------------------------------------------------- the year's accounts


def measure_year() -> tuple[float, float, float] | None:
    """(seconds for receipts and payments alone, for the year's whole accounts, and for the
    accounts PDF) for the last finished year, or None when the year-end module is not there."""
    if not _has("grassroots.accounts.year_end"):
        return None
    from grassroots.accounts.year_end import (
        fund_movements,
        receipts_and_payments,
        statement_of_assets,
    )

    database = open_books()
    try:
        sessions = database.sessions
        year = year_starts()[-2]
        receipts_and_payments(sessions, year)
        alone = best_of(3, lambda: receipts_and_payments(sessions, year))

        def whole():
            figures = receipts_and_payments(sessions, year)
            fund_movements(sessions, year)
            statement_of_assets(sessions, year)
            return figures

        accounts = whole()
        assert accounts.unexplained.total.pence == 0, accounts.unexplained
        return alone, best_of(3, whole), _time_pdf(sessions, year)
    finally:
        database.close()


def _time_pdf(sessions, year: date) -> float:
    """The year's accounts as the treasurer hands them over: the PDF, start to finish."""
    from grassroots.accounts.documents import print_annual_accounts

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "accounts.pdf"
        return best_of(3, lambda: print_annual_accounts(sessions, out, year))


def _check_year() -> bool:
    figures = measure_year()
    if figures is None:
        print("  year's accounts: skipped, grassroots.accounts.year_end is not there yet")
        return True
    alone, whole, pdf = figures
    met = report("the year's receipts and payments", alone, YEAR_TARGET_S, "s")
    both = report("the year's figures (R&P, funds, assets)", whole, YEAR_TARGET_S, "s")
    printed = report("the year's accounts as PDF", pdf, YEAR_TARGET_S, "s")
    return met and both and printed


def test_make_the_large_demo():
    assert _check_demo()


def test_balances_at_year_ends():
    assert _check_balances()


def test_cash_book_page():
    assert _check_cash_book()


def test_the_years_accounts():
    assert _check_year()


IMPORT_TARGET_S = 1.0


def measure_statement_import(lines: int = 10_000) -> float:
    """Seconds to import a `lines`-line CSV statement (paid in / paid out columns, as UK
    banks export) into a new account of an empty book."""
    from grassroots.accounts.books import add_account
    from grassroots.accounts.statements import import_statement
    from grassroots.db.database import open_database
    from grassroots.group.service import set_up_group

    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "statement.csv"
        rows = ["Date,Description,Paid in,Paid out,Balance"]
        day, balance = date(2016, 4, 1), 100_000
        for n in range(lines):
            day += timedelta(days=n % 2)
            pence = rng.randint(100, 90_000)
            paid_in = n % 3 == 0
            balance += pence if paid_in else -pence
            money = f"{pence // 100}.{pence % 100:02d}"
            rows.append(
                f"{day:%d/%m/%Y},PAYEE {rng.randint(1, 400)},"
                f"{money if paid_in else ''},{'' if paid_in else money},"
                f"{balance // 100}.{abs(balance) % 100:02d}"
            )
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        database = open_database(str(Path(folder) / "books.db"), Path(folder) / "backups")
        try:
            set_up_group(database.sessions, "Benchmark Group")
            account = add_account(
                database.sessions, "Current account", "bank", opening_on=date(2016, 4, 1)
            )
            seconds, result = time_once(
                lambda: import_statement(database.sessions, path, account.id)
            )
        finally:
            database.close()
    assert not result.errors and result.created == lines, result.errors[:3]
    return seconds


def _check_statement_import() -> bool:
    seconds = measure_statement_import()
    return report("import a 10,000-line bank statement (CSV)", seconds, IMPORT_TARGET_S, "s")


def test_statement_import():
    assert _check_statement_import()


if __name__ == "__main__":
    checks = [
        _check_demo(),
        _check_balances(),
        _check_cash_book(),
        _check_year(),
        _check_statement_import(),
    ]
    sys.exit(0 if all(checks) else 1)
