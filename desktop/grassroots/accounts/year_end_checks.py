"""Is a financial year ready to close? The years the books cover, what is still to do in one
(lines to categorise, reconciliations, a cash difference), and closing it with the trustees'
approval.

Closing locks a year's entries for good, so the checks run again inside `close_year` rather
than trusting the window that showed them: a check that blocks is something that could not be
put right once the year is locked (a line without a category stays "Not yet categorised" on
the signed accounts), a warning is something the trustees should know but may accept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts import books
from grassroots.accounts.models import BookAccount, Entry, FinancialYear, Reconciliation
from grassroots.accounts.year_end import (
    Columns,
    ReceiptsAndPayments,
    StatementOfAssets,
    cash_difference,
    receipts_and_payments,
    statement_of_assets,
    year_end_of,
)
from grassroots.core.dates import add_months, financial_year_start, format_date
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.group.service import get_settings

Sessions = sessionmaker[Session]
RECONCILED_KINDS = ("bank", "savings")  # accounts with a statement to reconcile against
FUND_COLUMNS = ("unrestricted", "restricted", "endowment")


@dataclass(frozen=True)
class FinancialYearInfo:
    """One financial year of the books, open or closed (with who approved it and when)."""

    starts_on: date
    ends_on: date
    closed_at: datetime | None = None
    approved_by: str = ""  # "Name (Role)" as the close dialog writes it
    approved_on: date | None = None

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def name(self) -> str:
        """'2024/25', or '2025' for a year that runs January to December."""
        if self.starts_on.year == self.ends_on.year:
            return str(self.starts_on.year)
        return f"{self.starts_on.year}/{self.ends_on.year % 100:02d}"


@dataclass(frozen=True)
class Check:
    """One thing found before closing: `blocking` ones stop the year being closed."""

    key: str
    blocking: bool
    title: str
    explanation: str


@dataclass(frozen=True)
class YearEndStatus:
    """Everything the Year end tab shows for one year, read in one go off the UI thread."""

    year: FinancialYearInfo
    accounts: ReceiptsAndPayments
    assets: StatementOfAssets
    cash_agrees: bool
    cash_check: str  # says that the statement of assets agrees, or by how much it does not
    checks: tuple[Check, ...]

    @property
    def blocking(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if check.blocking)

    @property
    def warnings(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.blocking)

    @property
    def can_close(self) -> bool:
        return not self.year.closed and not self.blocking


# ---------------------------------------------------------------- the years


def financial_years(sessions: Sessions) -> tuple[FinancialYearInfo, ...]:
    """Every financial year from the first with entries (or an account's opening balance) to
    the last, and any year already closed, newest first."""
    settings = get_settings(sessions)

    def start_of(on: date) -> date:
        return financial_year_start(on, settings.fy_start_month, settings.fy_start_day)

    with sessions() as session:
        found = [
            *session.execute(select(func.min(Entry.on), func.max(Entry.on))).one(),
            *session.execute(
                select(func.min(BookAccount.opening_on), func.max(BookAccount.opening_on))
            ).one(),
        ]
        recorded = {y.starts_on: y for y in session.scalars(select(FinancialYear))}
        starts = set(recorded)
        known = [on for on in found if on is not None]
        if known:
            start, end = start_of(min(known)), start_of(max(known))
            while start <= end:
                starts.add(start)
                start = add_months(start, 12)
        years = []
        for starts_on in sorted(starts, reverse=True):
            row = recorded.get(starts_on)
            years.append(
                FinancialYearInfo(
                    starts_on,
                    row.ends_on if row else year_end_of(starts_on),
                    row.closed_at if row else None,
                    row.approved_by if row else "",
                    row.approved_on if row else None,
                )
            )
        return tuple(years)


def year_info(sessions: Sessions, year_starts_on: date) -> FinancialYearInfo:
    with sessions() as session:
        row = session.scalar(select(FinancialYear).where(FinancialYear.starts_on == year_starts_on))
        if row is None:
            return FinancialYearInfo(year_starts_on, year_end_of(year_starts_on))
        return FinancialYearInfo(
            row.starts_on, row.ends_on, row.closed_at, row.approved_by, row.approved_on
        )


def approver(name: str, role: str) -> str:
    """'Margaret Ellis (Chair)': how a year's approval is kept, name and role in one line."""
    name, role = name.strip(), role.strip()
    return f"{name} ({role})" if role else name


def split_approver(approved_by: str) -> tuple[str, str]:
    """('Margaret Ellis', 'Chair') from 'Margaret Ellis (Chair)'; a plain name has no role."""
    found = re.fullmatch(r"\s*(.*?)\s*\(([^()]*)\)\s*", approved_by)
    if not found or not found.group(1):
        return approved_by.strip(), ""
    return found.group(1), found.group(2).strip()


# ---------------------------------------------------------------- the checks


def cash_agreement(accounts: ReceiptsAndPayments, assets: StatementOfAssets) -> tuple[bool, str]:
    """Does the cash in the statement of assets (each fund's, and each account's balance) agree
    with the cash at the year end in the receipts and payments account? In pence, as the
    treasurer will look for the difference in the books."""
    at_end = accounts.cash_at_end
    by_fund = Columns.sum(Columns.of(f.column, f.at_end) for f in assets.cash_by_fund)
    banks = cash_difference(accounts, assets)
    if by_fund == at_end and banks == Money(0) and accounts.unexplained == Columns():
        return True, (
            f"The cash in the statement of assets, {assets.cash_total.format()}, agrees with "
            "the cash at the year end in the receipts and payments account, fund by fund."
        )
    problems = []
    for column in (*FUND_COLUMNS, "total"):
        held, shown = getattr(by_fund, column), getattr(at_end, column)
        if held != shown:
            problems.append(
                f"{column} funds hold {held.format()} but the account shows {shown.format()} "
                f"(difference {(held - shown).format()})"
            )
    if banks != Money(0):
        problems.append(
            f"the bank and cash balances come to {assets.cash_total.format()} but the cash at "
            f"the year end is {at_end.total.format()} (difference {banks.format()})"
        )
    if accounts.unexplained != Columns():
        problems.append(
            "the cash at the year end is not last year's cash plus this year's receipts less "
            f"payments, by {accounts.unexplained.total.format()}"
        )
    return False, "They differ: " + "; ".join(problems) + "."


def _unfinished_reconciliations(session: Session, ends_on: date) -> list[tuple[str, date]]:
    return [
        (name, on)
        for name, on in session.execute(
            select(BookAccount.name, Reconciliation.statement_on)
            .join(BookAccount, BookAccount.id == Reconciliation.account_id)
            .where(Reconciliation.finished_at.is_(None), Reconciliation.statement_on <= ends_on)
            .order_by(BookAccount.name)
        ).all()
    ]


def _not_reconciled(session: Session, ends_on: date) -> list[tuple[str, date | None]]:
    """Bank and savings accounts with no finished reconciliation to a statement dated on or
    after the year end, with the date of the last one they have."""
    last = dict(
        session.execute(
            select(Reconciliation.account_id, func.max(Reconciliation.statement_on))
            .where(Reconciliation.finished_at.is_not(None))
            .group_by(Reconciliation.account_id)
        ).all()
    )
    return [
        (account.name, last.get(account.id))
        for account in session.scalars(
            select(BookAccount)
            .where(BookAccount.opening_on <= ends_on, BookAccount.kind.in_(RECONCILED_KINDS))
            .order_by(BookAccount.name)
        )
        if last.get(account.id) is None or last[account.id] < ends_on
    ]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _book_checks(sessions: Sessions, year: FinancialYearInfo, today: date) -> list[Check]:
    with sessions() as session:
        unfinished = _unfinished_reconciliations(session, year.ends_on)
        # Before the year has ended there is no year-end statement to reconcile against.
        behind = _not_reconciled(session, year.ends_on) if today > year.ends_on else []
    checks = []
    if unfinished:
        names = ", ".join(f"{name} (statement of {format_date(on)})" for name, on in unfinished)
        checks.append(
            Check(
                "unfinished_reconciliation",
                False,
                f"{_count(len(unfinished), 'reconciliation is', 'reconciliations are')} "
                "not finished",
                f"{names}. Finish it on the Bank statements tab, or abandon it if it was the "
                "wrong statement, so the books are known to agree with the bank.",
            )
        )
    if behind:
        names = ", ".join(
            f"{name} (last reconciled {format_date(on)})" if on else f"{name} (never reconciled)"
            for name, on in behind
        )
        checks.append(
            Check(
                "not_reconciled",
                False,
                "Not checked against a year-end bank statement",
                f"{names}. An independent examiner will ask for the bank statement at "
                f"{format_date(year.ends_on)} and expect the books to agree with it.",
            )
        )
    return checks


def _year_checks(
    year: FinancialYearInfo, accounts: ReceiptsAndPayments, agrees: bool, text: str, today: date
) -> list[Check]:
    checks = []
    if year.closed:
        checks.append(
            Check(
                "closed",
                True,
                "This year is already closed",
                "Its entries are locked. A correction is entered as a new entry in an open year.",
            )
        )
    elif today <= year.ends_on:
        checks.append(
            Check(
                "running",
                True,
                "The year has not ended yet",
                f"It ends on {format_date(year.ends_on)}. Close it after that, once the last "
                "bank statement of the year is in the books.",
            )
        )
    if accounts.uncategorised_lines:
        n = accounts.uncategorised_lines
        checks.append(
            Check(
                "uncategorised",
                True,
                f"{_count(n, 'line', 'lines')} still to categorise",
                "Give each a category in the cash book (tick “To categorise only”). Once the "
                "year is closed they could not be changed, and the accounts would show them as "
                "“Not yet categorised”.",
            )
        )
    if not agrees:
        checks.append(
            Check(
                "cash",
                True,
                "The cash in the statement of assets does not agree with the accounts",
                f"{text} Find the difference before the trustees approve the accounts.",
            )
        )
    return checks


def _earlier_open(sessions: Sessions, year: FinancialYearInfo) -> list[Check]:
    if year.closed:
        return []
    earlier = [
        y for y in financial_years(sessions) if y.starts_on < year.starts_on and not y.closed
    ]
    if not earlier:
        return []
    names = [y.name for y in sorted(earlier, key=lambda y: y.starts_on)]
    if len(names) == 1:
        title = f"An earlier year, {names[0]}, is still open"
    elif len(names) <= 3:
        title = f"Earlier years still open: {', '.join(names)}"
    else:
        title = f"{len(names)} earlier years are still open, from {names[0]} to {names[-1]}"
    return [
        Check(
            "earlier_open",
            False,
            title,
            "Years are usually closed in order. An earlier open year can still be changed, "
            "which would change the cash this year starts with.",
        )
    ]


def year_end_status(
    sessions: Sessions, year_starts_on: date, today: date | None = None
) -> YearEndStatus:
    """The year's accounts, whether the statement of assets agrees, and what is still to do."""
    today = today or date.today()
    year = year_info(sessions, year_starts_on)
    accounts = receipts_and_payments(sessions, year_starts_on)
    assets = statement_of_assets(sessions, year_starts_on)
    agrees, text = cash_agreement(accounts, assets)
    checks = _year_checks(year, accounts, agrees, text, today)
    if not year.closed:
        checks += _book_checks(sessions, year, today)
        checks += _earlier_open(sessions, year)
    return YearEndStatus(year, accounts, assets, agrees, text, tuple(checks))


# ---------------------------------------------------------------- closing


def close_year(
    sessions: Sessions,
    year_starts_on: date,
    approved_by: str,
    role: str,
    approved_on: date | None,
    today: date | None = None,
) -> FinancialYearInfo:
    """Close the year with the trustees' approval: from now on its entries are locked.

    Refused while anything blocks (see `year_end_status`), or without the name of the trustee
    who approved the accounts and the date they did so (on or after the year end)."""
    today = today or date.today()
    status = year_end_status(sessions, year_starts_on, today)
    problems: dict[str, str] = {}
    if not approved_by.strip():
        problems["approved_by"] = "Give the name of the trustee who approved the accounts"
    if approved_on is None:
        problems["approved_on"] = "Give the date the trustees approved the accounts"
    elif approved_on <= status.year.ends_on:
        problems["approved_on"] = (
            f"The accounts are approved after the year ends on {format_date(status.year.ends_on)}"
        )
    elif approved_on > today:
        problems["approved_on"] = "The date of approval cannot be in the future"
    if status.blocking:
        problems["year"] = " ".join(check.title + "." for check in status.blocking)
    if problems:
        raise ValidationError(problems)
    books.mark_year_closed(
        sessions, year_starts_on, status.year.ends_on, approver(approved_by, role), approved_on
    )
    return year_info(sessions, year_starts_on)
