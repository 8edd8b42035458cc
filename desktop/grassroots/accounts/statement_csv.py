"""Reading a bank's CSV statement into plain lines, without changing the file.

UK banks export CSV in a handful of layouts: one signed Amount column (Barclays, Monzo,
Starling), or separate Paid in / Paid out (Money in / Money out, Credit / Debit) columns
(Lloyds, Nationwide, Co-op, Unity Trust); dates as 01/03/2026 or 01 Mar 2026; a running Balance
column or not; and often a few lines above the table (the account's name, sort code, balance),
which are skipped by finding the row that holds the headings. The file may be UTF-8 (with a
byte-order mark or not) or Windows-1252, as Excel writes a '£'.

A mapping (field -> heading in the file) can be given when the headings are unusual, e.g.
{"date": "Posting Date", "description": "Narrative", "amount": "Value"}; fields are date,
description, amount, paid_in, paid_out and balance.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from grassroots.accounts.statements import BankLine, ParsedStatement, StatementUnreadable
from grassroots.core.dates import parse_date
from grassroots.core.money import Money

FIELDS = ("date", "description", "amount", "paid_in", "paid_out", "balance")
_LABELS = {
    "date": "Date",
    "description": "Description",
    "amount": "Amount",
    "paid_in": "Paid in",
    "paid_out": "Paid out",
    "balance": "Balance",
}
# Headings banks use, best first (a file with both Description and Memo uses Description).
_HEADINGS = {
    "date": ("date", "transaction date", "posting date", "posted date", "date posted",
             "value date", "completed date", "trans date"),
    "description": ("description", "transaction description", "details", "transaction details",
                    "narrative", "memo", "name", "payee", "merchant", "counter party",
                    "reference"),
    "amount": ("amount", "value", "transaction amount", "net amount"),
    "paid_in": ("paid in", "money in", "credit", "credits", "credit amount", "in", "receipts",
                "deposits"),
    "paid_out": ("paid out", "money out", "debit", "debits", "debit amount", "out", "payments",
                 "withdrawals"),
    "balance": ("balance", "running balance", "account balance", "balance after"),
}  # fmt: skip
_HEADER_SEARCH = 20  # how many rows from the top may hold the headings
_PLAIN = re.compile(
    r"(?P<minus>-?)£?(?P<pounds>0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)\.(?P<pence>\d\d)", re.ASCII
)


def read_csv_statement(path: Path, mapping: dict[str, str] | None = None) -> ParsedStatement:
    """The statement's lines; StatementUnreadable names the file, row and reason for each fault.

    With `mapping`, its headings must all be in the file; without, the headings are recognised.
    """
    rows = _records(path)
    if mapping:
        found = _find_mapped(path, rows, _checked_mapping(path, mapping))
    else:
        found = _find_known(path, rows)
    at, columns, headers = found
    lines, problems = [], []
    for number, cells in rows[at + 1 :]:
        if not any(cells):
            continue
        try:
            _refuse_unheaded(cells, len(headers))
            lines.append(_line(number, cells, columns))
        except ValueError as exc:
            problems.append(f"{path.name} row {number}, {exc}")
    if problems:
        raise StatementUnreadable(_first(problems))
    if not lines:
        raise StatementUnreadable((f"{path.name}: there are no transactions under the headings",))
    used = {field: headers[index] for field, index in columns.items()}
    return ParsedStatement(tuple(lines), *_closing(lines), mapping=used)


def _first(problems: list[str], most: int = 20) -> tuple[str, ...]:
    extra = len(problems) - most
    tail = [f"... and {extra} more row{'s' if extra != 1 else ''} like these"] if extra > 0 else []
    return tuple(problems[:most] + tail)


# ---------------------------------------------------------------- the file


def _records(path: Path) -> list[tuple[int, list[str]]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StatementUnreadable((f"Cannot read {path.name}: {exc.strerror or exc}",)) from None
    text = _decode(path, raw)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows: list[tuple[int, list[str]]] = []
    starts_on = 1
    try:
        for number, record in enumerate(reader, start=1):
            rows.append((number, [cell.strip() for cell in record]))
            starts_on = reader.line_num + 1
    except csv.Error as exc:
        raise StatementUnreadable(
            (f"{path.name} row {starts_on}: not a valid CSV file from here ({exc})",)
        ) from None
    if not any(any(cells) for _, cells in rows):
        raise StatementUnreadable((f"{path.name}: the file is empty",))
    return rows


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 (BOM or not) first, since it fails loudly; otherwise what Windows Excel writes."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:4096]:
        raise StatementUnreadable((f"{path.name}: this is not a CSV statement",))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    """Comma, unless the top of the file is plainly split by semicolons or tabs."""
    sample = text[:5000]
    return max((",", ";", "\t"), key=sample.count)


# ---------------------------------------------------------------- the headings


def _normal(heading: str) -> str:
    """'Paid in (£)' -> 'paid in'; 'Amount(GBP)' -> 'amount'."""
    words = re.sub(r"[^a-z]+", " ", heading.lower().replace("gbp", " ")).split()
    return " ".join(words)


def _recognise(cells: list[str]) -> dict[str, int]:
    normal = [_normal(cell) for cell in cells]
    columns: dict[str, int] = {}
    for field, names in _HEADINGS.items():
        for name in names:
            if name in normal:
                columns[field] = normal.index(name)
                break
    return columns


def _usable(columns: dict[str, int]) -> bool:
    money = "amount" in columns or {"paid_in", "paid_out"} <= columns.keys()
    return "date" in columns and money


def _find_known(path: Path, rows: list[tuple[int, list[str]]]) -> tuple[int, dict, list[str]]:
    for at, (_, cells) in enumerate(rows[:_HEADER_SEARCH]):
        columns = _recognise(cells)
        if _usable(columns):
            if "amount" in columns:  # one signed column wins over a pair
                columns.pop("paid_in", None), columns.pop("paid_out", None)
            return at, columns, cells
    raise StatementUnreadable(
        (
            f"{path.name}: cannot find the headings of the statement's table in its first "
            f"{_HEADER_SEARCH} rows. It needs a Date column and either an Amount column or "
            "Paid in and Paid out columns; give the columns' headings to use instead",
        )
    )


def _checked_mapping(path: Path, mapping: dict[str, str]) -> dict[str, str]:
    wrong = sorted(set(mapping) - set(FIELDS))
    if wrong:
        raise StatementUnreadable(
            (f"{path.name}: the column mapping names {', '.join(wrong)}; "
             f"the fields are {', '.join(FIELDS)}",)
        )  # fmt: skip
    given = {field: heading for field, heading in mapping.items() if heading}
    if not _usable(dict.fromkeys(given, 0)):
        raise StatementUnreadable(
            (f"{path.name}: the column mapping needs a date column and an amount column "
             "(or paid_in and paid_out)",)
        )  # fmt: skip
    return given


def _find_mapped(
    path: Path, rows: list[tuple[int, list[str]]], mapping: dict[str, str]
) -> tuple[int, dict, list[str]]:
    wanted = {field: heading.strip().lower() for field, heading in mapping.items()}
    best: tuple[int, list[str]] = (-1, [])
    for at, (_, cells) in enumerate(rows[:_HEADER_SEARCH]):
        lowered = [cell.lower() for cell in cells]
        hits = sum(heading in lowered for heading in wanted.values())
        if hits == len(wanted):
            return at, {f: lowered.index(h) for f, h in wanted.items()}, cells
        if hits > best[0]:
            best = (hits, cells)
    cells = best[1] or next(cells for _, cells in rows if any(cells))
    lowered = [cell.lower() for cell in cells]
    missing = [mapping[f] for f, h in wanted.items() if h not in lowered]
    raise StatementUnreadable(
        (f"{path.name}: there is no column headed {', '.join(repr(m) for m in missing)} "
         f"(the headings are: {', '.join(c for c in cells if c)})",)
    )  # fmt: skip


# ---------------------------------------------------------------- the rows


def _refuse_unheaded(cells: list[str], width: int) -> None:
    """Text beyond the last heading is usually a comma that needed quotes: '1,50', 'Smith, J'."""
    extra = [width + 1 + i for i, cell in enumerate(cells[width:]) if cell]
    if extra:
        raise ValueError(
            f"column {extra[0]}: there is something in a column with no heading; a comma in an "
            "amount or a description needs quotes round it"
        )


def _cell(cells: list[str], columns: dict[str, int], field: str) -> str:
    index = columns.get(field)
    return cells[index] if index is not None and index < len(cells) else ""


def _line(number: int, cells: list[str], columns: dict[str, int]) -> BankLine:
    """One transaction; ValueError says which column was wrong and why."""
    text = _cell(cells, columns, "date")
    try:
        posted_on = _date(text)
    except ValueError as exc:
        raise ValueError(f"Date: {exc}") from None
    if "amount" in columns:
        pence = _amount(cells, columns, "amount", required=True)
    else:
        paid_in = _amount(cells, columns, "paid_in")
        paid_out = _amount(cells, columns, "paid_out")
        if paid_in is None and paid_out is None:
            raise ValueError("Paid in / Paid out: there is no amount in either column")
        pence = (paid_in or 0) - abs(paid_out or 0)
    balance = _amount(cells, columns, "balance")
    description = " ".join(_cell(cells, columns, "description").split())
    return BankLine(number, posted_on, pence, description, balance=balance)


@lru_cache(maxsize=1024)
def _date(text: str) -> date:
    """parse_date, remembered: a statement has many lines on each day."""
    return parse_date(text)


def _amount(cells: list[str], columns: dict[str, int], field: str, required=False) -> int | None:
    text = _cell(cells, columns, field)
    if not text:
        if required:
            raise ValueError(f"{_LABELS[field]}: there is no amount")
        return None
    sign, core = 1, text.upper()
    if core.endswith(("CR", "DR")):  # '45.00 DR' as some banks write a payment
        sign, core = (-1 if core.endswith("DR") else 1), core[:-2].strip()
    plain = _PLAIN.fullmatch(core)  # most cells: '45.00', '-1234.50'; no need for the full rules
    if plain:
        pence = int(plain["pounds"].replace(",", "")) * 100 + int(plain["pence"])
        return sign * (-pence if plain["minus"] else pence)
    try:
        return sign * Money.parse(core).pence
    except ValueError as exc:
        raise ValueError(f"{_LABELS[field]}: {exc}") from None


def _closing(lines: list[BankLine]) -> tuple[int | None, date | None]:
    """The balance at the end of the statement, from its running balance column if it has one.

    Banks list newest first or oldest first; the closing balance is on the newest line.
    """
    newest_first = lines[0].posted_on > lines[-1].posted_on
    last = lines[0] if newest_first else lines[-1]
    closing_on = max(line.posted_on for line in lines)
    return last.balance, (closing_on if last.balance is not None else None)


# ---------------------------------------------------------------- the preview


@dataclass(frozen=True)
class CsvPreview:
    """The top of a CSV statement as the bank wrote it, for choosing which column is which."""

    headings: tuple[str, ...]
    heading_row: int  # 1-based row number of the headings in the file
    rows: tuple[tuple[str, ...], ...]  # the first rows under the headings, cell by cell
    recognised: dict[str, str]  # field -> heading, from the mapping given or the headings known


def preview_csv(path: Path, mapping: dict[str, str] | None = None, lines: int = 8) -> CsvPreview:
    """The headings row and the first `lines` rows under it, and the columns recognised.

    With a `mapping` whose headings are all in the file, that mapping is what is recognised;
    otherwise the known headings; and when there are none, the likeliest headings row is still
    shown so the columns can be chosen by hand. StatementUnreadable only for an unreadable file.
    """
    rows = _records(path)
    found = None
    if mapping:
        try:
            found = _find_mapped(path, rows, _checked_mapping(path, mapping))
        except StatementUnreadable:
            found = None
    if found is None:
        try:
            found = _find_known(path, rows)
        except StatementUnreadable:
            found = (_likely_headings(rows), {}, None)
    at, columns, _ = found
    number, headers = rows[at]
    under = [tuple(cells) for _, cells in rows[at + 1 :] if any(cells)][:lines]
    recognised = {field: headers[index] for field, index in columns.items()}
    return CsvPreview(tuple(headers), number, tuple(under), recognised)


def _likely_headings(rows: list[tuple[int, list[str]]]) -> int:
    """The first row, near the top, as wide as most rows are: the table's headings, usually."""
    widths = Counter(len(cells) for _, cells in rows if sum(bool(cell) for cell in cells) > 1)
    usual = widths.most_common(1)[0][0] if widths else 0
    for at, (_, cells) in enumerate(rows[:_HEADER_SEARCH]):
        if len(cells) == usual and all(cells):
            return at
    return next(at for at, (_, cells) in enumerate(rows) if any(cells))
