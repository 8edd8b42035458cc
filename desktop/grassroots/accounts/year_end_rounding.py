"""The year-end figures in whole pounds, as the forms print them, and where rounding makes a
column no longer add up (said in a note rather than hidden)."""

from __future__ import annotations

from collections.abc import Iterable

from grassroots.accounts.year_end import (
    Columns,
    ReceiptsAndPayments,
)
from grassroots.core.money import Money

COLUMN_LABELS = (
    ("unrestricted", "unrestricted funds"),
    ("restricted", "restricted funds"),
    ("endowment", "endowment funds"),
    ("total", "total funds"),
)


def to_pounds(amount: Money) -> int:
    """Whole pounds for the printed form, halves rounded away from zero (£2.50 -> 3)."""
    pounds, pence = divmod(abs(amount.pence), 100)
    pounds += pence >= 50
    return -pounds if amount.pence < 0 else pounds


def _figure(columns: Columns, column: str) -> Money:
    return getattr(columns, column)


def _note(where: str, parts: Iterable[Money], total: Money, what: str) -> str | None:
    added = sum(to_pounds(part) for part in parts)
    shown = to_pounds(total)
    if added == shown:
        return None
    return (
        f"{where}: the figures add to £{added:,} but the {what} is £{shown:,}; "
        f"the difference of £{abs(added - shown):,} comes from rounding to whole pounds"
    )


def rounding_notes(accounts: ReceiptsAndPayments) -> tuple[str, ...]:
    """Where the figures, each rounded to whole pounds, no longer add to their rounded totals:
    one note per sum, for the printed form to carry. Empty when every sum still adds."""
    notes: list[str | None] = []
    sections = (
        accounts.receipts,
        accounts.asset_sales,
        accounts.payments,
        accounts.asset_purchases,
    )
    for section in sections:
        for column, label in COLUMN_LABELS:
            notes.append(
                _note(
                    f"{section.title}, {label}",
                    (_figure(row.this_year, column) for row in section.rows),
                    _figure(section.sub_total, column),
                    "sub total",
                )
            )
        notes.append(
            _note(
                f"{section.title}, last year",
                (row.last_year for row in section.rows),
                section.last_year_sub_total,
                "sub total",
            )
        )
        for row in section.rows:
            notes.append(
                _note(
                    f"{section.title}, {row.label}",
                    (row.this_year.unrestricted, row.this_year.restricted, row.this_year.endowment),
                    row.this_year.total,
                    "total",
                )
            )
    for column, label in COLUMN_LABELS:
        notes.append(
            _note(
                f"A6 Cash funds this year end, {label}",
                (
                    _figure(accounts.cash_at_start, column),
                    _figure(accounts.total_receipts, column),
                    -_figure(accounts.total_payments, column),
                    _figure(accounts.transfers, column),
                ),
                _figure(accounts.cash_at_end, column),
                "cash at the year end",
            )
        )
    return tuple(note for note in notes if note is not None)
