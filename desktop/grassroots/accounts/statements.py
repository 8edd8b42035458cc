"""Importing a bank statement (OFX or CSV) into the cash book, once and only once.

Each statement line is kept as a StatementLine, so importing the same file again, or a later
statement that overlaps it, adds nothing twice: a line is known by the bank's FITID (OFX) or
else by a fingerprint of account, date, amount, description and how many times that same line
occurs in the file, so two identical coffee-morning takings on one day both land, once.

A new line that the treasurer already entered by hand (same account, same amount, within three
days, not yet tied to a statement line) is matched to that entry; any other becomes a new entry
in the general fund with no category ("to categorise"). The category is filled in only when an
earlier entry with exactly the same payee (ignoring case and spacing) was categorised in the
same direction: banks repeat a payee's text word for word, so this is a safe guess the
treasurer can see and change, marked in the line's note; anything looser is left to them.

The whole import is one transaction: a bad row, an unreadable file or a statement for another
account writes nothing, and a dry run does all the work and then rolls it back.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.audit import changed_by
from grassroots.accounts.books import general_fund_id
from grassroots.accounts.models import (
    AuditRecord,
    BookAccount,
    Category,
    Entry,
    EntryLine,
    FinancialYear,
    StatementLine,
)
from grassroots.core.dates import format_date
from grassroots.core.errors import GrassrootsError, NotFound
from grassroots.core.money import Money
from grassroots.db.base import utc_now

if TYPE_CHECKING:
    from grassroots.accounts.statement_csv import CsvPreview

MATCH_DAYS = 3
SUGGESTED = "Category suggested from an earlier entry for the same payee"


class StatementUnreadable(GrassrootsError):
    """The statement cannot be imported as it is; `problems` name the file, row and reason."""

    def __init__(self, problems: tuple[str, ...]):
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True, slots=True)
class BankLine:
    """One transaction as the statement shows it: pence are signed (money in is positive)."""

    row: int
    posted_on: date
    pence: int
    description: str
    balance: int | None = None
    fitid: str = ""
    reference: str = ""


@dataclass(frozen=True)
class ParsedStatement:
    lines: tuple[BankLine, ...]
    closing: int | None = None  # pence
    closing_on: date | None = None
    bank_account: str = ""  # the account number in the file, when it names one
    mapping: dict[str, str] | None = None  # the CSV headings used, to remember


@dataclass(frozen=True)
class StatementImportReport:
    """What an import did (or, in a dry run, would do). With errors, nothing was written."""

    new_lines: int = 0
    duplicates: int = 0
    matched: int = 0
    created: int = 0
    closing_balance_agrees: bool | None = None  # None: the statement gives no closing balance
    statement_closing: Money | None = None
    our_balance: Money | None = None
    errors: tuple[str, ...] = ()
    closing_on: date | None = None
    suggested: int = 0  # new entries given a category from an earlier entry
    dry_run: bool = False
    mapping: dict[str, str] = field(default_factory=dict)


def import_statement(
    sessions: sessionmaker[Session],
    path: Path,
    account_id: int,
    mapping: dict | None = None,
    dry_run: bool = False,
) -> StatementImportReport:
    """Import a statement into one account in one transaction; errors in the report, if any.

    A CSV `mapping` (field -> heading: date, description, amount or paid_in and paid_out,
    balance) overrides the recognised headings. The headings a successful import used are
    remembered for the account and tried first next time, then recognition again.
    """
    path = Path(path)
    with sessions() as session:
        account = session.get(BookAccount, account_id)
        if account is None:
            raise NotFound("That account no longer exists")
        remembered = _remembered(account)
    try:
        parsed = read_statement(path, mapping, remembered)
        _check_account(path, parsed, account)
    except StatementUnreadable as exc:
        return StatementImportReport(errors=exc.problems, dry_run=dry_run)
    with sessions() as session:
        try:
            report = _import(session, path, session.get(BookAccount, account_id), parsed)
        except StatementUnreadable as exc:
            session.rollback()
            return StatementImportReport(errors=exc.problems, dry_run=dry_run)
        if dry_run:
            session.rollback()
            return replace(report, dry_run=True)
        session.commit()
        return report


def read_statement(
    path: Path, mapping: dict | None = None, remembered: dict | None = None
) -> ParsedStatement:
    """Read an OFX/QFX or CSV statement by its content; StatementUnreadable if it cannot be."""
    from grassroots.accounts.statement_csv import read_csv_statement

    if not path.is_file():
        raise StatementUnreadable((f"Cannot read {path.name}: there is no such file",))
    with path.open("rb") as handle:
        start = handle.read(1024).lstrip(b"\xef\xbb\xbf \r\n\t").upper()
    if start.startswith((b"OFXHEADER", b"<?XML", b"<OFX")) or path.suffix.lower() in (
        ".ofx",
        ".qfx",
    ):
        from grassroots.accounts.statement_ofx import read_ofx_statement  # ofxtools is big

        return read_ofx_statement(path)
    if mapping:
        return read_csv_statement(path, mapping)
    if remembered:
        try:
            return read_csv_statement(path, remembered)
        except StatementUnreadable:
            pass  # another layout from the same bank: recognise its headings instead
    return read_csv_statement(path)


def _remembered(account: BookAccount) -> dict | None:
    try:
        value = json.loads(account.statement_mapping or "null")
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _check_account(path: Path, parsed: ParsedStatement, account: BookAccount) -> None:
    """Refuse a statement whose account number does not end as this account's details do."""
    theirs = re.sub(r"\D", "", parsed.bank_account)[-4:]
    ours = re.sub(r"\D", "", account.bank_details)[-4:]
    if len(theirs) == 4 and len(ours) == 4 and theirs != ours:
        raise StatementUnreadable(
            (
                f"{path.name}: this statement is for account number ending {theirs}, but "
                f"{account.name} is the account ending {ours}; choose the right account",
            )
        )


# ---------------------------------------------------------------- the import


def _import(
    session: Session, path: Path, account: BookAccount, parsed: ParsedStatement
) -> StatementImportReport:
    lines = parsed.lines
    prints = fingerprints(account.id, lines)
    new, duplicates = _new_lines(session, account.id, lines, prints)
    matches = _matches(session, account.id, [line for line, _ in new])
    unmatched = [(line, fp) for line, fp in new if line.row not in matches]
    _check_dates(session, path, account, [line for line, _ in unmatched])
    suggestions = _suggestions(session, unmatched)
    entry_ids = _write_entries(session, account, path, unmatched, suggestions)
    _write_statement_lines(session, account.id, path, new, {**matches, **entry_ids})
    if parsed.mapping:
        account.statement_mapping = json.dumps(parsed.mapping, sort_keys=True)
    suggested = sum(_suggest(suggestions, line) is not None for line, _ in unmatched)
    ours = _balance(session, account, parsed.closing_on) if parsed.closing_on else None
    closing = Money(parsed.closing) if parsed.closing is not None else None
    return StatementImportReport(
        new_lines=len(new),
        duplicates=duplicates,
        matched=len(matches),
        created=len(unmatched),
        closing_balance_agrees=None if closing is None or ours is None else closing == ours,
        statement_closing=closing,
        our_balance=ours,
        closing_on=parsed.closing_on,
        suggested=suggested,
        mapping=dict(parsed.mapping or {}),
    )


def _key_text(text: str) -> str:
    return " ".join(text.lower().split())


def fingerprints(account_id: int, lines: tuple[BankLine, ...]) -> list[str]:
    """A fingerprint per line; the same line twice in one file gets occurrence 1, then 2."""
    seen: Counter[tuple] = Counter()
    result = []
    for line in lines:
        key = (line.posted_on.isoformat(), line.pence, _key_text(line.description))
        seen[key] += 1
        text = f"{account_id}|{key[0]}|{key[1]}|{key[2]}|{seen[key]}"
        result.append(hashlib.sha256(text.encode("utf-8")).hexdigest())
    return result


def _new_lines(
    session: Session, account_id: int, lines: tuple[BankLine, ...], prints: list[str]
) -> tuple[list[tuple[BankLine, str]], int]:
    """The lines not imported before (one query for all of them), and how many were."""
    first = min(line.posted_on for line in lines)
    last = max(line.posted_on for line in lines)
    known = (
        session.connection()
        .execute(
            select(StatementLine.fitid, StatementLine.fingerprint).where(
                StatementLine.account_id == account_id,
                StatementLine.posted_on.between(first, last),
            )
        )
        .all()
    )
    fitids = {fitid for fitid, _ in known if fitid}
    seen = {fp for _, fp in known}
    new, duplicates = [], 0
    for line, fp in zip(lines, prints, strict=True):
        if fp in seen or (line.fitid and line.fitid in fitids):
            duplicates += 1
            continue
        seen.add(fp)
        if line.fitid:
            fitids.add(line.fitid)
        new.append((line, fp))
    return new, duplicates


def _matches(session: Session, account_id: int, lines: list[BankLine]) -> dict[int, int]:
    """Row -> the id of an entry already in the book for it: same amount, within three days.

    The candidates (entries of the account around the statement's dates that no statement line
    claims yet) are loaded once; each is used at most once, nearest date first.
    """
    if not lines:
        return {}
    window = timedelta(days=MATCH_DAYS)
    first = min(line.posted_on for line in lines) - window
    last = max(line.posted_on for line in lines) + window
    claimed = select(StatementLine.entry_id).where(StatementLine.entry_id.is_not(None))
    rows = (
        session.connection()
        .execute(
            select(Entry.id, Entry.on, Entry.amount_pence)
            .where(Entry.account_id == account_id, Entry.on.between(first, last))
            .where(Entry.id.not_in(claimed))
            .order_by(Entry.on, Entry.id)
        )
        .all()
    )
    candidates: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for entry_id, on, pence in rows:
        candidates[pence].append((on, entry_id))
    found: dict[int, int] = {}
    for line in sorted(lines, key=lambda line: (line.posted_on, line.row)):
        pool = candidates.get(line.pence)
        if not pool:
            continue
        gap, index = min((abs((on - line.posted_on).days), i) for i, (on, _) in enumerate(pool))
        if gap <= MATCH_DAYS:
            found[line.row] = pool.pop(index)[1]
    return found


def _check_dates(session: Session, path: Path, account: BookAccount, lines: list[BankLine]) -> None:
    """Refuse new entries before the account's books start or in a closed year, by row."""
    closed = session.execute(
        select(FinancialYear.starts_on, FinancialYear.ends_on).where(
            FinancialYear.closed_at.is_not(None)
        )
    ).all()
    problems = []
    for line in lines:
        day = format_date(line.posted_on)
        if line.posted_on < account.opening_on:
            problems.append(
                f"{path.name} row {line.row}: {day} is before {account.name}'s books start "
                f"({format_date(account.opening_on)}); start the account earlier or leave "
                "this line out of the file"
            )
        elif any(start <= line.posted_on <= end for start, end in closed):
            problems.append(
                f"{path.name} row {line.row}: {day} is in a closed financial year; "
                "record it in an open year instead"
            )
    if problems:
        extra = len(problems) - 20
        more = [f"... and {extra} more rows like these"] if extra > 0 else []
        raise StatementUnreadable(tuple(problems[:20] + more))


def _suggestions(session: Session, lines: list[tuple[BankLine, str]]) -> dict[str, tuple[int, str]]:
    """Payee (lower case) -> (category id, direction) of its latest categorised entry, for the
    payees of these lines only: the database picks the latest, so a ten-year book of the same
    few payees sends back one row for each."""
    payees = sorted({line.description.lower() for line, _ in lines if line.description})
    found: dict[str, tuple[int, str]] = {}
    connection = session.connection()
    for start in range(0, len(payees), 5000):  # under every database's limit on parameters
        latest = (
            select(func.max(Entry.id))
            .join(EntryLine, EntryLine.entry_id == Entry.id)
            .where(func.lower(Entry.payee).in_(payees[start : start + 5000]))
            .where(EntryLine.category_id.is_not(None), Entry.transfer_key.is_(None))
            .group_by(func.lower(Entry.payee))
        )
        rows = connection.execute(
            select(Entry.payee, EntryLine.category_id, Category.direction)
            .join(EntryLine, EntryLine.entry_id == Entry.id)
            .join(Category, Category.id == EntryLine.category_id)
            .where(Entry.id.in_(latest))
            .order_by(Entry.id, EntryLine.id)
        ).all()
        found.update((_key_text(payee), (category, way)) for payee, category, way in rows)
    return found


def _suggest(suggestions: dict[str, tuple[int, str]], line: BankLine) -> int | None:
    found = suggestions.get(_key_text(line.description))
    if found is None:
        return None
    category_id, direction = found
    return category_id if direction == ("receipt" if line.pence >= 0 else "payment") else None


def _write_entries(
    session: Session,
    account: BookAccount,
    path: Path,
    lines: list[tuple[BankLine, str]],
    suggestions: dict[str, tuple[int, str]],
) -> dict[int, int]:
    """New entries for unmatched lines, inserted in bulk with their lines and audit records."""
    if not lines:
        return {}
    fund_id = general_fund_id(session)
    now = utc_now()
    note = f"From the bank statement {path.name}"
    entries = [
        {
            "account_id": account.id, "on": line.posted_on, "amount_pence": line.pence,
            "payee": line.description[:200], "reference": line.reference[:50],
            "method": "", "note": note, "attachment": "", "created_at": now,
        }
        for line, _ in lines
    ]  # fmt: skip
    # Core inserts on the session's connection: the ORM's bulk path costs three times as much.
    # The new ids come back in batches in no promised order, so each is given to its line by
    # content; lines alike in every column are interchangeable.
    connection = session.connection()
    table = Entry.__table__
    content = (table.c.on, table.c.amount_pence, table.c.payee, table.c.reference)
    returned = connection.execute(insert(table).returning(table.c.id, *content), entries).all()
    by_content: dict[tuple, list[int]] = defaultdict(list)
    for entry_id, *key in sorted(returned, reverse=True):
        by_content[tuple(key)].append(entry_id)
    ids = [by_content[_content(row)].pop() for row in entries]
    parts, audits, who = [], [], changed_by()
    for entry_id, row, (line, _) in zip(ids, entries, lines, strict=True):
        category_id = _suggest(suggestions, line)
        part = {
            "entry_id": entry_id,
            "category_id": category_id,
            "fund_id": fund_id,
            "amount_pence": line.pence,
            "note": SUGGESTED if category_id is not None else "",
        }
        parts.append(part)
        audits.append(_audit(entry_id, row, part, now, who))
    connection.execute(insert(EntryLine.__table__), parts)
    connection.execute(insert(AuditRecord.__table__), audits)
    return {line.row: entry_id for entry_id, (line, _) in zip(ids, lines, strict=True)}


def _content(row: dict) -> tuple:
    return (row["on"], row["amount_pence"], row["payee"], row["reference"])


def _audit(entry_id: int, row: dict, part: dict, now, who: str) -> dict:
    """The same record books.new_entry leaves, written in bulk."""
    after = {
        "account_id": row["account_id"], "on": row["on"].isoformat(),
        "amount_pence": row["amount_pence"], "payee": row["payee"], "person_id": None,
        "reference": row["reference"], "method": row["method"], "note": row["note"],
        "lines": [{key: part[key] for key in ("category_id", "fund_id", "amount_pence", "note")}],
    }  # fmt: skip
    return {
        "at": now, "table_name": "entries", "row_id": entry_id, "action": "added",
        "before": "", "after": json.dumps(after, sort_keys=True), "by": who,
    }  # fmt: skip


def _write_statement_lines(
    session: Session,
    account_id: int,
    path: Path,
    new: list[tuple[BankLine, str]],
    entry_ids: dict[int, int],
) -> None:
    if not new:
        return
    now = utc_now()
    session.connection().execute(
        insert(StatementLine.__table__),
        [
            {
                "account_id": account_id, "fitid": line.fitid[:100], "fingerprint": fp,
                "posted_on": line.posted_on, "amount_pence": line.pence,
                "description": line.description[:300], "balance_pence": line.balance,
                "entry_id": entry_ids.get(line.row), "imported_at": now,
                "source": path.name[:300],
            }
            for line, fp in new
        ],
    )  # fmt: skip


def _balance(session: Session, account: BookAccount, on: date) -> Money:
    """The account's balance at the end of `on`, as books.account_balances works it out, but
    inside this transaction so it counts the entries just imported."""
    moved = session.scalar(
        select(func.coalesce(func.sum(Entry.amount_pence), 0)).where(
            Entry.account_id == account.id, Entry.on <= on
        )
    )
    return Money(account.opening_pence + int(moved or 0))


# ---------------------------------------------------------------- the preview


@dataclass(frozen=True)
class StatementPreview:
    """What the import window shows before anything is written: the file as the bank wrote it
    (CSV only), the first lines as Grassroots reads them, and what an import would do."""

    kind: str  # "csv" or "ofx"
    report: StatementImportReport  # a dry run; its errors say why the file cannot be imported
    lines: tuple[BankLine, ...] = ()  # the first lines as read
    total: int = 0  # how many lines the statement holds
    csv: CsvPreview | None = None  # the top of a CSV file as the bank wrote it


def remembered_mapping(sessions: sessionmaker[Session], account_id: int) -> dict[str, str]:
    """The CSV headings the account's last import used (empty before its first)."""
    with sessions() as session:
        account = session.get(BookAccount, account_id)
        if account is None:
            raise NotFound("That account no longer exists")
        return dict(_remembered(account) or {})


def is_ofx(path: Path) -> bool:
    """An OFX/QFX statement, known by its content or else its name."""
    try:
        with Path(path).open("rb") as handle:
            start = handle.read(1024).lstrip(b"\xef\xbb\xbf \r\n\t").upper()
    except OSError:
        start = b""
    return start.startswith((b"OFXHEADER", b"<?XML", b"<OFX")) or Path(path).suffix.lower() in (
        ".ofx",
        ".qfx",
    )


def preview_statement(
    sessions: sessionmaker[Session],
    path: Path,
    account_id: int,
    mapping: dict | None = None,
    lines: int = 8,
) -> StatementPreview:
    """Read the statement and dry-run its import into `account_id`; nothing is written.

    Without a `mapping`, a CSV's columns are those remembered for the account, else those
    recognised, and `csv.recognised` says which were used so the window can show them.
    """
    from grassroots.accounts.statement_csv import preview_csv

    path = Path(path)
    kind = "ofx" if is_ofx(path) else "csv"
    csv_preview = None
    if kind == "csv":
        try:
            csv_preview = preview_csv(path, mapping or remembered_mapping(sessions, account_id))
        except StatementUnreadable as exc:
            failed = StatementImportReport(errors=exc.problems, dry_run=True)
            return StatementPreview(kind, failed)
        mapping = mapping or csv_preview.recognised or None
    report = import_statement(sessions, path, account_id, mapping, dry_run=True)
    try:
        parsed = read_statement(path, mapping)
    except StatementUnreadable:
        return StatementPreview(kind, report, csv=csv_preview)
    return StatementPreview(kind, report, parsed.lines[:lines], len(parsed.lines), csv_preview)


@dataclass(frozen=True)
class StatementImportSummary:
    """One statement file imported into an account: when, how many lines, which dates."""

    source: str
    imported_at: datetime
    lines: int
    first_on: date
    last_on: date


def statement_imports(
    sessions: sessionmaker[Session], account_id: int
) -> list[StatementImportSummary]:
    """The statements imported into the account, newest import first (one row per import)."""
    query = (
        select(
            StatementLine.source,
            StatementLine.imported_at,
            func.count(StatementLine.id),
            func.min(StatementLine.posted_on),
            func.max(StatementLine.posted_on),
        )
        .where(StatementLine.account_id == account_id)
        .group_by(StatementLine.source, StatementLine.imported_at)
        .order_by(StatementLine.imported_at.desc(), StatementLine.source)
    )
    with sessions() as session:
        return [StatementImportSummary(*row) for row in session.execute(query)]
