"""The year-end figures for a realistic year of a village hall's books, every figure checked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from grassroots.accounts import books
from grassroots.accounts.models import Category, Entry
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.accounts.year_end import (
    NOT_YET_CATEGORISED,
    Columns,
    ReceiptsAndPayments,
    Row,
    Section,
    cash_difference,
    fund_movements,
    receipts_and_payments,
    statement_of_assets,
    year_end_of,
    year_starting,
)
from grassroots.accounts.year_end_items import add_year_end_item
from grassroots.accounts.year_end_layouts import NOT_IN_LAYOUT, OSCR, Layout, regroup
from grassroots.accounts.year_end_rounding import rounding_notes, to_pounds
from grassroots.core.money import Money
from grassroots.group.service import get_settings, save_settings

THIS_YEAR = date(2025, 4, 1)
LAST_YEAR = date(2024, 4, 1)


def gbp(text: str) -> Money:
    return Money.parse(text)


def cols(unrestricted: str = "0", restricted: str = "0", endowment: str = "0") -> Columns:
    return Columns(gbp(unrestricted), gbp(restricted), gbp(endowment))


class Hall:
    """Ashby Village Hall's books: last year for the comparatives, and this year in full."""

    def __init__(self, sessions) -> None:
        self.sessions = sessions
        cats = books.list_categories(sessions)
        self.cat = {(c.direction, c.name): c.id for c in cats}
        self.current = books.add_account(
            sessions, "Current account", opening=gbp("1000"), opening_on=LAST_YEAR
        ).id
        self.savings = books.add_account(
            sessions, "Savings account", "savings", opening=gbp("500"), opening_on=LAST_YEAR
        ).id
        funds = {f.name: f.id for f in books.list_funds(sessions)}
        self.general = funds["General fund"]
        self.roof = books.add_fund(sessions, "Roof appeal", "restricted").id
        self.events = books.add_fund(sessions, "Events reserve", "designated").id
        self.endowment = books.add_fund(sessions, "Hall endowment", "endowment").id

    def receipt(self, on: date, *parts: tuple[str, str | None, int | None]) -> None:
        self._entry(on, "receipt", 1, parts)

    def payment(self, on: date, *parts: tuple[str, str | None, int | None]) -> None:
        self._entry(on, "payment", -1, parts)

    def _entry(self, on, direction, sign, parts) -> None:
        lines = tuple(
            LineInput(
                gbp(amount) * sign,
                self.cat[(direction, name)] if name else None,
                fund,
            )
            for amount, name, fund in parts
        )
        books.add_entry(self.sessions, EntryInput(self.current, on, lines, payee="Someone"))


@pytest.fixture
def hall(sessions) -> Hall:
    hall = Hall(sessions)
    # Last year, for the comparatives.
    hall.receipt(date(2024, 6, 1), ("300", "Subscriptions", None))
    hall.receipt(date(2024, 7, 1), ("200", "Donations", None))
    hall.payment(date(2024, 9, 1), ("150", "Insurance", None))
    # This year.
    hall.receipt(date(2025, 4, 1), ("450", "Subscriptions", None), ("20", "Donations", None))
    hall.receipt(date(2025, 5, 1), ("1200.50", "Donations", hall.roof))
    hall.receipt(date(2025, 6, 1), ("2000", "Grants received", hall.roof))
    hall.payment(date(2025, 9, 1), ("2500.25", "Repairs and maintenance", hall.roof))
    hall.payment(date(2025, 10, 1), ("160", "Insurance", None))
    hall.payment(date(2025, 10, 2), ("12.34", "Bank charges", None))
    hall.receipt(date(2025, 11, 1), ("1000", "Donations", hall.endowment))
    hall.receipt(date(2025, 11, 5), ("75", "Sale of equipment", None))
    hall.payment(date(2025, 11, 6), ("300", "Purchase of equipment for own use", None))
    books.transfer_between_accounts(
        hall.sessions, hall.current, hall.savings, gbp("400"), date(2026, 1, 10)
    )
    books.transfer_between_funds(
        hall.sessions, hall.general, hall.events, gbp("250"), date(2026, 1, 15), hall.current
    )
    books.transfer_between_funds(
        hall.sessions, hall.general, hall.roof, gbp("100"), date(2026, 1, 20), hall.current
    )
    hall.receipt(date(2026, 2, 1), ("33", None, None))
    hall.payment(date(2026, 3, 31), ("10", None, None))
    # Next year: in neither this year's nor last year's figures.
    hall.receipt(date(2026, 4, 1), ("999", "Subscriptions", None))
    return hall


def labels(section: Section) -> list[str]:
    return [row.label for row in section.rows]


def figures(section: Section) -> dict[str, tuple[Columns, Money]]:
    return {row.label: (row.this_year, row.last_year) for row in section.rows}


def test_the_year_runs_from_its_first_day_for_twelve_months(hall: Hall) -> None:
    accounts = receipts_and_payments(hall.sessions, THIS_YEAR)
    assert (accounts.starts_on, accounts.ends_on) == (THIS_YEAR, date(2026, 3, 31))
    assert year_end_of(date(2024, 3, 1)) == date(2025, 2, 28)
    assert year_starting(hall.sessions, date(2025, 12, 1)) == THIS_YEAR
    assert year_starting(hall.sessions, date(2025, 3, 31)) == LAST_YEAR
    save_settings(hall.sessions, replace(get_settings(hall.sessions), fy_start_month=1))
    assert year_starting(hall.sessions, date(2025, 12, 1)) == date(2025, 1, 1)


def test_receipts_by_category_and_fund_column_with_last_year(hall: Hall) -> None:
    receipts = receipts_and_payments(hall.sessions, THIS_YEAR).receipts
    assert receipts.title == "A1 Receipts"
    assert labels(receipts) == [
        "Subscriptions",
        "Donations",
        "Grants received",
        NOT_YET_CATEGORISED,
    ]
    assert figures(receipts) == {
        "Subscriptions": (cols("450"), gbp("300")),
        "Donations": (cols("20", "1200.50", "1000"), gbp("200")),
        "Grants received": (cols(restricted="2000"), gbp("0")),
        NOT_YET_CATEGORISED: (cols("33"), gbp("0")),
    }
    assert receipts.sub_total == cols("503", "3200.50", "1000")
    assert receipts.sub_total.total == gbp("4703.50")
    assert receipts.last_year_sub_total == gbp("500")
    assert receipts.rows[1].heading == "donations"
    assert receipts.rows[-1].category_id is None


def test_asset_sales_and_purchases_are_sections_of_their_own(hall: Hall) -> None:
    accounts = receipts_and_payments(hall.sessions, THIS_YEAR)
    assert figures(accounts.asset_sales) == {"Sale of equipment": (cols("75"), gbp("0"))}
    assert figures(accounts.asset_purchases) == {
        "Purchase of equipment for own use": (cols("300"), gbp("0"))
    }
    assert accounts.total_receipts == cols("578", "3200.50", "1000")
    assert accounts.last_year_total_receipts == gbp("500")


def test_payments_are_shown_as_positive_figures(hall: Hall) -> None:
    accounts = receipts_and_payments(hall.sessions, THIS_YEAR)
    assert figures(accounts.payments) == {
        "Insurance": (cols("160"), gbp("150")),
        "Repairs and maintenance": (cols(restricted="2500.25"), gbp("0")),
        "Bank charges": (cols("12.34"), gbp("0")),
        NOT_YET_CATEGORISED: (cols("10"), gbp("0")),
    }
    assert accounts.payments.sub_total == cols("182.34", "2500.25")
    assert accounts.total_payments == cols("482.34", "2500.25")
    assert accounts.total_payments.total == gbp("2982.59")
    assert accounts.last_year_total_payments == gbp("150")


def test_net_transfers_and_cash_funds(hall: Hall) -> None:
    accounts = receipts_and_payments(hall.sessions, THIS_YEAR)
    assert accounts.net == cols("95.66", "700.25", "1000")
    assert accounts.last_year_net == gbp("350")
    # General -> Events reserve stays inside the unrestricted column; General -> Roof crosses.
    assert accounts.transfers == cols("-100", "100")
    assert accounts.transfers.total == gbp("0")
    assert accounts.cash_at_start == cols("1850")
    assert accounts.cash_at_end == cols("1845.66", "800.25", "1000")
    assert accounts.cash_at_end.total == gbp("3645.91")
    assert accounts.last_year_cash_at_start == gbp("1500")
    assert accounts.last_year_cash_at_end == gbp("1850")
    assert accounts.unexplained == Columns()


def test_transfers_between_own_accounts_appear_nowhere(hall: Hall) -> None:
    accounts = receipts_and_payments(hall.sessions, THIS_YEAR)
    everything = [
        row
        for section in (
            accounts.receipts,
            accounts.asset_sales,
            accounts.payments,
            accounts.asset_purchases,
        )
        for row in section.rows
    ]
    assert all(gbp("400") not in (row.this_year.unrestricted, row.last_year) for row in everything)
    # Only the two real lines are still to categorise; the transfers' lines are not counted.
    assert accounts.uncategorised_lines == 2


def test_last_year_stands_alone_with_its_own_comparatives(hall: Hall) -> None:
    accounts = receipts_and_payments(hall.sessions, LAST_YEAR)
    assert figures(accounts.receipts) == {
        "Subscriptions": (cols("300"), gbp("0")),
        "Donations": (cols("200"), gbp("0")),
    }
    assert figures(accounts.payments) == {"Insurance": (cols("150"), gbp("0"))}
    assert accounts.cash_at_start == cols("1500")
    assert accounts.cash_at_end == cols("1850")
    # The books start on this year's first day: the year before has nothing to compare.
    assert accounts.last_year_cash_at_start == gbp("0")
    assert accounts.last_year_cash_at_end == gbp("0")
    assert accounts.uncategorised_lines == 0


def test_each_funds_year_adds_up(hall: Hall) -> None:
    moves = {m.name: m for m in fund_movements(hall.sessions, THIS_YEAR)}
    general, events = moves["General fund"], moves["Events reserve"]
    roof, endowment = moves["Roof appeal"], moves["Hall endowment"]
    assert (general.at_start, general.receipts, general.payments) == (
        gbp("1850"),
        gbp("578"),
        gbp("482.34"),
    )
    assert (general.transfers, general.at_end) == (gbp("-350"), gbp("1595.66"))
    assert (events.kind, events.column, events.transfers, events.at_end) == (
        "designated",
        "unrestricted",
        gbp("250"),
        gbp("250"),
    )
    assert (roof.receipts, roof.payments, roof.transfers, roof.at_end) == (
        gbp("3200.50"),
        gbp("2500.25"),
        gbp("100"),
        gbp("800.25"),
    )
    assert (endowment.column, endowment.at_end) == ("endowment", gbp("1000"))
    # The books' own fund balances agree.
    balances = {b.name: b.amount for b in books.fund_balances(hall.sessions, date(2026, 3, 31))}
    assert balances == {name: m.at_end for name, m in moves.items()}


def test_statement_of_assets_cash_by_account_and_items(hall: Hall) -> None:
    add_year_end_item(
        hall.sessions,
        THIS_YEAR,
        "liability",
        "Hall hire invoice unpaid",
        fund_id=hall.general,
        amount=Money(12000),
        due="April 2026",
    )
    add_year_end_item(
        hall.sessions, THIS_YEAR, "monetary", "Gift Aid due from HMRC", amount=Money(30000)
    )
    add_year_end_item(hall.sessions, THIS_YEAR, "own_use", "Stacking chairs", cost=Money(30000))
    add_year_end_item(hall.sessions, LAST_YEAR, "liability", "Last year's bill")
    assets = statement_of_assets(hall.sessions, THIS_YEAR)
    assert assets.ends_on == date(2026, 3, 31)
    assert [(a.name, a.kind, a.amount) for a in assets.cash_by_account] == [
        ("Current account", "bank", gbp("2745.91")),
        ("Savings account", "savings", gbp("900")),
    ]
    assert assets.cash_total == gbp("3645.91")
    assert [(i.details, i.fund, i.amount, i.due) for i in assets.liabilities] == [
        ("Hall hire invoice unpaid", "General fund", gbp("120"), "April 2026")
    ]
    assert [(i.details, i.fund, i.amount) for i in assets.monetary] == [
        ("Gift Aid due from HMRC", "", gbp("300"))
    ]
    assert [(i.details, i.amount, i.cost) for i in assets.own_use] == [
        ("Stacking chairs", None, gbp("300"))
    ]
    assert assets.investments == ()
    assert {f.name: f.at_end for f in assets.cash_by_fund}["Roof appeal"] == gbp("800.25")
    books_say = [b.amount for b in books.account_balances(hall.sessions, date(2026, 3, 31))]
    assert books_say == [a.amount for a in assets.cash_by_account]


def test_cash_in_the_accounts_agrees_with_section_a(hall: Hall) -> None:
    accounts = receipts_and_payments(hall.sessions, THIS_YEAR)
    assets = statement_of_assets(hall.sessions, THIS_YEAR)
    assert cash_difference(accounts, assets) == gbp("0")
    # An entry whose total no longer matches its lines is what the check is there to catch.
    with hall.sessions.begin() as session:
        entry = session.query(Entry).filter(Entry.on == date(2025, 10, 1)).one()
        entry.amount_pence -= 1
    assets = statement_of_assets(hall.sessions, THIS_YEAR)
    assert cash_difference(accounts, assets) == Money(-1)


def test_an_account_opened_during_the_year_brings_its_balance_in_at_the_start(sessions) -> None:
    books.add_account(sessions, "Petty cash", "cash", gbp("40"), date(2025, 9, 1))
    accounts = receipts_and_payments(sessions, THIS_YEAR)
    assert accounts.cash_at_start == cols("40")
    assert accounts.last_year_cash_at_end == gbp("0")
    assert accounts.cash_at_end == cols("40")
    assert accounts.unexplained == Columns()
    assert receipts_and_payments(sessions, LAST_YEAR).cash_at_end == Columns()


def test_to_pounds_rounds_halves_away_from_zero() -> None:
    cases = {250: 3, 249: 2, -250: -3, -249: -2, 50: 1, -50: -1, 49: 0, 0: 0, 123456: 1235}
    assert {pence: to_pounds(Money(pence)) for pence in cases} == cases


def test_rounded_figures_that_no_longer_add_get_a_note(hall: Hall) -> None:
    # A3 total: 160 + 2,500 + 12 + 10 = 2,682, but £2,682.59 rounds to 2,683.
    # Restricted: 0 + 3,201 - 2,500 + 100 = 801, but £800.25 rounds to 800.
    assert rounding_notes(receipts_and_payments(hall.sessions, THIS_YEAR)) == (
        "A3 Payments, total funds: the figures add to £2,682 but the sub total is £2,683; "
        "the difference of £1 comes from rounding to whole pounds",
        "A6 Cash funds this year end, restricted funds: the figures add to £801 but the cash "
        "at the year end is £800; the difference of £1 comes from rounding to whole pounds",
    )
    assert rounding_notes(receipts_and_payments(hall.sessions, LAST_YEAR)) == ()


def test_rows_of_halves_note_their_sub_total() -> None:
    half = Columns(Money(50))
    rows = tuple(Row(f"Stall {n}", "fundraising", n, half, Money(0)) for n in range(3))
    empty = Section("A2", ())
    accounts = ReceiptsAndPayments(
        THIS_YEAR,
        date(2026, 3, 31),
        Section("A1 Receipts", rows),
        empty,
        empty,
        empty,
        Columns(),
        Columns(),
        Columns(Money(150)),
        Money(0),
        Money(0),
    )
    notes = rounding_notes(accounts)
    assert notes[:2] == (
        "A1 Receipts, unrestricted funds: the figures add to £3 but the sub total is £2; "
        "the difference of £1 comes from rounding to whole pounds",
        "A1 Receipts, total funds: the figures add to £3 but the sub total is £2; "
        "the difference of £1 comes from rounding to whole pounds",
    )
    assert len(notes) == 2


def test_oscr_layout_regroups_the_same_figures_by_heading(hall: Hall) -> None:
    accounts = receipts_and_payments(hall.sessions, THIS_YEAR)
    laid = regroup(accounts, OSCR)
    receipts = {line.label: (line.this_year.total, line.last_year) for line in laid.receipts}
    assert list(receipts) == [label for label, _ in OSCR.receipts] + [NOT_YET_CATEGORISED]
    assert receipts["Donations"] == (gbp("2220.50"), gbp("200"))
    assert receipts["Grants"] == (gbp("2000"), gbp("0"))
    assert receipts["Other charitable activities"] == (gbp("450"), gbp("300"))
    assert receipts["Sale of fixed assets"] == (gbp("75"), gbp("0"))
    assert receipts["Legacies"] == receipts["Rents"] == (gbp("0"), gbp("0"))
    assert receipts[NOT_YET_CATEGORISED] == (gbp("33"), gbp("0"))
    payments = {line.label: line.this_year for line in laid.payments}
    assert payments["Charitable activities"] == cols("160", "2500.25")
    assert payments["Governance (examination, accounts preparation, legal)"] == cols("12.34")
    assert payments["Purchases of fixed assets and investments"] == cols("300")
    assert payments[NOT_YET_CATEGORISED] == cols("10")
    assert laid.total_receipts == accounts.total_receipts
    assert laid.total_payments == accounts.total_payments
    assert (laid.transfers, laid.cash_at_end) == (accounts.transfers, accounts.cash_at_end)


def test_a_layout_is_data_and_unplaced_headings_stay_visible(hall: Hall) -> None:
    accounts = receipts_and_payments(hall.sessions, THIS_YEAR)
    plain = Layout(
        "Two lines",
        receipts=(("Gifts", ("donations",)), ("Everything else", ("other_charitable",))),
        payments=(("Spending", ("charitable_activities", "governance")),),
    )
    laid = regroup(accounts, plain)
    assert [(line.label, line.this_year.total) for line in laid.receipts] == [
        ("Gifts", gbp("2220.50")),
        ("Everything else", gbp("450")),
        (NOT_IN_LAYOUT, gbp("2075")),  # the grant and the sale of equipment
        (NOT_YET_CATEGORISED, gbp("33")),
    ]
    assert laid.total_receipts == accounts.total_receipts
    assert laid.total_payments == accounts.total_payments


def test_investment_sales_and_purchases_follow_their_heading(sessions) -> None:
    with sessions.begin() as session:
        session.add_all(
            [
                Category(name="Sale of shares", direction="receipt", heading="sale_investments"),
                Category(name="Buying shares", direction="payment", heading="purchase_investments"),
            ]
        )
    hall = Hall(sessions)
    hall.receipt(date(2025, 5, 1), ("900", "Sale of shares", hall.endowment))
    hall.payment(date(2025, 6, 1), ("600", "Buying shares", hall.endowment))
    accounts = receipts_and_payments(sessions, THIS_YEAR)
    assert figures(accounts.asset_sales) == {"Sale of shares": (cols(endowment="900"), gbp("0"))}
    assert figures(accounts.asset_purchases) == {"Buying shares": (cols(endowment="600"), gbp("0"))}
    assert (accounts.receipts.rows, accounts.payments.rows) == ((), ())
    assert accounts.cash_at_end == cols("1500", endowment="300")
    laid = {line.label: line.this_year.total for line in regroup(accounts).receipts}
    assert laid["Sale of investments"] == gbp("900")


def test_a_reversed_transfer_leaves_nothing_behind(hall: Hall) -> None:
    out, _into = books.transfer_between_accounts(
        hall.sessions, hall.current, hall.savings, gbp("70"), date(2025, 12, 1)
    )
    books.reverse_entry(hall.sessions, out.id, date(2025, 12, 2))
    books.reverse_entry(hall.sessions, out.id, date(2025, 12, 3))  # and reversed once more
    accounts = receipts_and_payments(hall.sessions, THIS_YEAR)
    assert figures(accounts.receipts)[NOT_YET_CATEGORISED] == (cols("33"), gbp("0"))
    assert figures(accounts.payments)[NOT_YET_CATEGORISED] == (cols("10"), gbp("0"))
    assert (accounts.uncategorised_lines, accounts.transfers) == (2, cols("-100", "100"))
    assert accounts.cash_at_end == cols("1845.66", "800.25", "1000")
