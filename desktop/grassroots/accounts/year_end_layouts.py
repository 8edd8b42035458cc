"""Other forms' fixed lines for the same year-end figures: a layout is data (line labels and
the category headings each gathers), so a new form is a new table, not new code. OSCR's
statement for Scottish charities is the one shipped."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from grassroots.accounts.year_end import (
    NOT_YET_CATEGORISED,
    Columns,
    ReceiptsAndPayments,
    Row,
)
from grassroots.core.money import Money

NOT_IN_LAYOUT = "Not placed in this layout"


@dataclass(frozen=True)
class Layout:
    """A form's fixed lines, each gathering the category headings that belong on it.

    Data, not code: another regulator's form is another Layout. Headings a layout does not
    name land on a line of their own, so nothing drops out of the totals unseen.
    """

    name: str
    receipts: tuple[tuple[str, tuple[str, ...]], ...]
    payments: tuple[tuple[str, tuple[str, ...]], ...]


OSCR = Layout(
    name="OSCR receipts and payments account",
    receipts=(
        ("Donations", ("donations",)),
        ("Legacies", ("legacies",)),
        ("Grants", ("grants",)),
        ("Fundraising", ("fundraising",)),
        ("Gross trading", ("trading",)),
        ("Investment income (not land and buildings)", ("investment",)),
        ("Rents", ("rents",)),
        ("Other charitable activities", ("other_charitable", "other")),
        ("Sale of fixed assets", ("sale_fixed_assets",)),
        ("Sale of investments", ("sale_investments",)),
    ),
    payments=(
        ("Fundraising costs", ("fundraising_costs",)),
        ("Trading", ("trading_costs",)),
        ("Investment management", ("investment_management",)),
        ("Charitable activities", ("charitable_activities", "other")),
        ("Grants and donations", ("grants_made",)),
        ("Governance (examination, accounts preparation, legal)", ("governance",)),
        (
            "Purchases of fixed assets and investments",
            ("purchase_fixed_assets", "purchase_investments"),
        ),
    ),
)


@dataclass(frozen=True)
class LayoutLine:
    label: str
    this_year: Columns
    last_year: Money


@dataclass(frozen=True)
class LaidOut:
    """The receipts and payments regrouped into a layout's lines; the other figures as they
    were, since only the grouping of receipts and payments differs between the forms."""

    layout: str
    starts_on: date
    ends_on: date
    receipts: tuple[LayoutLine, ...]
    payments: tuple[LayoutLine, ...]
    transfers: Columns
    cash_at_start: Columns
    cash_at_end: Columns

    @property
    def total_receipts(self) -> Columns:
        return Columns.sum(line.this_year for line in self.receipts)

    @property
    def total_payments(self) -> Columns:
        return Columns.sum(line.this_year for line in self.payments)


def _lay_out(
    rows: Iterable[Row], lines: tuple[tuple[str, tuple[str, ...]], ...]
) -> tuple[LayoutLine, ...]:
    place = {heading: label for label, headings in lines for heading in headings}
    this_year: dict[str, Columns] = defaultdict(Columns)
    last_year: dict[str, Money] = defaultdict(Money)
    for row in rows:
        label = (
            NOT_YET_CATEGORISED
            if row.category_id is None
            else place.get(row.heading, NOT_IN_LAYOUT)
        )
        this_year[label] += row.this_year
        last_year[label] += row.last_year
    labels = [label for label, _ in lines]
    labels += [extra for extra in (NOT_IN_LAYOUT, NOT_YET_CATEGORISED) if extra in this_year]
    return tuple(LayoutLine(label, this_year[label], last_year[label]) for label in labels)


def regroup(accounts: ReceiptsAndPayments, layout: Layout = OSCR) -> LaidOut:
    """The same year's figures on `layout`'s fixed lines (every line shown, even at nothing)."""
    return LaidOut(
        layout=layout.name,
        starts_on=accounts.starts_on,
        ends_on=accounts.ends_on,
        receipts=_lay_out((*accounts.receipts.rows, *accounts.asset_sales.rows), layout.receipts),
        payments=_lay_out(
            (*accounts.payments.rows, *accounts.asset_purchases.rows), layout.payments
        ),
        transfers=accounts.transfers,
        cash_at_start=accounts.cash_at_start,
        cash_at_end=accounts.cash_at_end,
    )
