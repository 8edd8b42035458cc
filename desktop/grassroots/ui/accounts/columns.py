"""The columns of the cash book, laid out as a UK cash book: paid in, paid out, balance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from grassroots.accounts.cash_book import CashBookRow
from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.ui.icons import icon
from grassroots.ui.theme import COLOURS
from grassroots.ui.widgets.lazy_table import CENTRE, LEFT, RIGHT, Column, LazyTableModel

TO_CATEGORISE = "To categorise"


def _money(amount: Money | None) -> str:
    return amount.format() if amount is not None else ""


def _payee(row: CashBookRow) -> str:
    if row.transfer and row.note:
        return f"{row.payee} — {row.note}"
    return row.payee


def _category(row: CashBookRow) -> str:
    return TO_CATEGORISE if row.to_categorise and row.lines <= 1 else row.category


CASH_BOOK_COLUMNS = (
    Column("", lambda r: "", None, CENTRE, lambda r: r.locked),
    Column("Date", lambda r: format_date(r.on), None, LEFT, lambda r: r.on),
    Column("Account", lambda r: r.account),
    Column("Payer or payee", _payee),
    Column("Category", _category),
    Column("Fund", lambda r: r.fund),
    Column("Ref.", lambda r: r.reference),
    Column("Paid in", lambda r: _money(r.paid_in), None, RIGHT, lambda r: r.amount.pence),
    Column("Paid out", lambda r: _money(r.paid_out), None, RIGHT, lambda r: -r.amount.pence),
    Column("Balance", lambda r: r.balance.format(), None, RIGHT, lambda r: r.balance.pence),
)
LOCK_COLUMN, ACCOUNT_COLUMN, CATEGORY_COLUMN, FUND_COLUMN, BALANCE_COLUMN = 0, 2, 4, 5, 9
# Relative widths in em: roomy where names go, tight where figures go.
COLUMN_WIDTHS = (2.2, 6.5, 9, 15, 12, 9, 6, 7.5, 7.5, 8)


def _tooltip(row: CashBookRow, column: int) -> str | None:
    if column == LOCK_COLUMN and row.locked:
        if row.reconciled:
            return "Locked: ticked off against a bank statement. Reverse it to correct it."
        return "Locked: its financial year is closed. Reverse it to correct it."
    parts = [p for p in (row.method.capitalize(), row.note) if p]
    return " · ".join(parts) or None


def _decoration(row: CashBookRow, column: int):
    return icon("lock") if column == LOCK_COLUMN and row.locked else None


def _foreground(row: CashBookRow, column: int):
    if column == CATEGORY_COLUMN and row.to_categorise:
        return QBrush(QColor(COLOURS.warning))
    if column == BALANCE_COLUMN and row.balance.pence < 0:
        return QBrush(QColor(COLOURS.error))
    if column not in (7, 8, BALANCE_COLUMN) and row.transfer:
        return QBrush(QColor(COLOURS.muted))
    return None


def cash_book_model(parent=None) -> LazyTableModel:
    """The lazy model of the cash book, with lock marks, tooltips and quiet colours."""
    model = LazyTableModel(CASH_BOOK_COLUMNS, parent=parent)
    model.extra_roles[Qt.ItemDataRole.DecorationRole] = _decoration
    model.extra_roles[Qt.ItemDataRole.ToolTipRole] = _tooltip
    model.extra_roles[Qt.ItemDataRole.ForegroundRole] = _foreground
    return model
