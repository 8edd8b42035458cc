"""Reading an OFX statement (Money, Quicken and most UK online banking) with ofxtools.

Both OFX 1.x (SGML) and 2.x (XML) are read. Dates are taken as the bank wrote them (the first
eight digits, YYYYMMDD), not after ofxtools turns them into UTC instants, because a payment
posted at midnight British Summer Time would otherwise land on the day before. Amounts come
as Decimal and are turned into whole pence exactly.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from grassroots.accounts.statements import BankLine, ParsedStatement, StatementUnreadable


def read_ofx_statement(path: Path) -> ParsedStatement:
    """The statement's lines, closing balance and account number; StatementUnreadable if not."""
    from ofxtools.Parser import OFXTree  # imported here: only an OFX import pays for it

    tree = OFXTree()
    try:
        tree.parse(str(path))
        ofx = tree.convert()
        statements = list(ofx.statements)
    except OSError as exc:
        raise StatementUnreadable((f"Cannot read {path.name}: {exc.strerror or exc}",)) from None
    except Exception as exc:  # the parser raises many kinds of error for a broken file
        raise StatementUnreadable(
            (f"{path.name}: this is not a valid OFX statement ({_reason(exc)})",)
        ) from None
    if len(statements) != 1:
        raise StatementUnreadable(
            (f"{path.name}: it holds {len(statements)} statements; export one account at a time",)
        )
    return _statement(path, tree, statements[0])


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return (text[:200] + "...") if len(text) > 200 else text or type(exc).__name__


def _statement(path: Path, tree, statement) -> ParsedStatement:
    posted = [node.findtext("DTPOSTED", "") for node in tree.getroot().iter("STMTTRN")]
    items = list(statement.banktranlist or [])
    lines, problems = [], []
    for number, (raw_date, item) in enumerate(zip(posted, items, strict=True), start=1):
        try:
            lines.append(
                BankLine(
                    number,
                    _day(raw_date),
                    _pence(item.trnamt),
                    " ".join((item.name or item.memo or "").split()),
                    fitid=item.fitid or "",
                    reference=" ".join((item.memo or "").split()) if item.name else "",
                )
            )
        except ValueError as exc:
            problems.append(f"{path.name} transaction {number}: {exc}")
    if problems:
        raise StatementUnreadable(tuple(problems))
    if not lines:
        raise StatementUnreadable((f"{path.name}: the statement has no transactions",))
    closing, closing_on = None, None
    ledger = tree.getroot().find(".//LEDGERBAL")
    if statement.ledgerbal is not None and ledger is not None:
        closing = _pence(statement.ledgerbal.balamt)
        closing_on = _day(ledger.findtext("DTASOF", ""))
    return ParsedStatement(
        tuple(lines), closing, closing_on, bank_account=str(statement.account.acctid or "")
    )


def _day(text: str) -> date:
    digits = text.strip()[:8]
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise ValueError(f"'{text}' is not a date (OFX dates are YYYYMMDD)") from None


def _pence(amount: Decimal) -> int:
    pence = Decimal(amount) * 100
    if pence != pence.to_integral_value():
        raise ValueError(f"the amount {amount} has more than two decimal places")
    return int(pence)
