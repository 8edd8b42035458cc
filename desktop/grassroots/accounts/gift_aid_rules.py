"""HMRC's Gift Aid and GASDS figures, each with the date it took effect.

HMRC has changed these before (the GASDS limits rose in April 2016; its guidance has spoken of
"£20 or less" and of "under £30" for aggregated donations), so they are kept as dated data, not
as constants buried in the code: a donation is judged by the figure in force on its date, and a
change is one new line here. Check every figure marked "check" against gov.uk before a release.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from grassroots.core.money import Money


@dataclass(frozen=True)
class Dated:
    """A figure in force from `since` (inclusive) until the next line of its history."""

    since: date
    value: int  # pence, a count, or a percentage, as the history's name says
    source: str = ""


# Each history is oldest first; `in_force` picks the last line whose `since` is on or before
# the date asked about.

# Gift Aid schedule: small donations that may be added together on one line (check: gov.uk's
# schedule guidance of 28/11/2025 says "under £30"; add a dated line once HMRC confirms it).
AGGREGATE_EACH_PENCE = (
    Dated(date(2013, 4, 22), 2000, "Charities Online schedule guidance: £20 or less"),
)
# The most one aggregated line may hold.
AGGREGATE_LINE_PENCE = (Dated(date(2013, 4, 22), 100_000, "Charities Online: at most £1,000"),)
# Donation rows in one schedule (check); more rows make a further claim.
SCHEDULE_ROWS = (Dated(date(2013, 4, 22), 1000, "Charities Online schedule limit"),)
# Basic rate of income tax in per cent: Gift Aid is the tax on the gross gift, rate/(100-rate)
# of the donation (20/80 = 25%).
BASIC_RATE_PERCENT = (
    Dated(date(2000, 4, 6), 22, "basic rate 22%"),
    Dated(date(2008, 4, 6), 20, "basic rate 20%"),
)
# Years after the end of the accounting period in which a donation may still be claimed.
# (Before April 2010 it was six years; every such gift is long out of time either way.)
CLAIM_WINDOW_YEARS = (
    Dated(date(1990, 10, 1), 6, "Gift Aid began: six years"),
    Dated(date(2010, 4, 1), 4, "Finance Act 2009: four years"),
)

# Gift Aid Small Donations Scheme, counted by tax year (6 April to 5 April).
GASDS_EACH_PENCE = (
    Dated(date(2013, 4, 6), 2000, "GASDS began: £20 or less"),
    Dated(date(2016, 4, 6), 3000, "£30 or less from 6 April 2016"),
)
GASDS_YEAR_PENCE = (
    Dated(date(2013, 4, 6), 500_000, "£5,000 of donations a tax year"),
    Dated(date(2016, 4, 6), 800_000, "£8,000 of donations a tax year from 6 April 2016"),
)
# The matching rule: small donations claimed on may be at most this many times the Gift Aid
# donations claimed on for the same tax year (check).
GASDS_MATCHING_TIMES = (Dated(date(2013, 4, 6), 10, "ten times the year's Gift Aid donations"),)
# Contactless card gifts count for GASDS only from this day; before it, cash only.
GASDS_CONTACTLESS_FROM = date(2019, 4, 6)
GASDS_CLAIM_WINDOW_YEARS = (Dated(date(2013, 4, 6), 2, "within two years of the tax year's end"),)


@dataclass(frozen=True)
class Limits:
    """Every dated history a claim or a GASDS figure is worked out with. The defaults are the
    built-in histories above; the treasurer's own dated lines (`gift_aid_limits`) extend them,
    so a figure HMRC changes is a new line in the Gift Aid tab, not a new release."""

    aggregate_each: tuple[Dated, ...] = AGGREGATE_EACH_PENCE
    aggregate_line: tuple[Dated, ...] = AGGREGATE_LINE_PENCE
    schedule_rows: tuple[Dated, ...] = SCHEDULE_ROWS
    basic_rate: tuple[Dated, ...] = BASIC_RATE_PERCENT
    claim_window: tuple[Dated, ...] = CLAIM_WINDOW_YEARS
    gasds_each: tuple[Dated, ...] = GASDS_EACH_PENCE
    gasds_year: tuple[Dated, ...] = GASDS_YEAR_PENCE
    gasds_matching: tuple[Dated, ...] = GASDS_MATCHING_TIMES
    gasds_claim_window: tuple[Dated, ...] = GASDS_CLAIM_WINDOW_YEARS

    def extended(self, name: str, lines: list[Dated]) -> Limits:
        """This history with `lines` added; a line on the same day as a built-in one wins."""
        days = {line.since for line in lines}
        kept = [line for line in getattr(self, name) if line.since not in days]
        return replace(self, **{name: tuple(sorted([*kept, *lines], key=lambda d: d.since))})


BUILT_IN = Limits()

# Schedule cell limits (characters). The house name or number limit is a check.
TITLE_CHARS = 4
NAME_CHARS = 35
HOUSE_CHARS = 40
DESCRIPTION_CHARS = 35


def in_force(history: tuple[Dated, ...], on: date) -> int:
    """The figure of `history` in force on `on`; ValueError before the first line."""
    current = [line.value for line in history if line.since <= on]
    if not current:
        raise ValueError(f"No figure is known for {on:%d/%m/%Y}; the history starts later")
    return current[-1]


def money_in_force(history: tuple[Dated, ...], on: date) -> Money:
    return Money(in_force(history, on))


def tax_on(donations: Money, on: date, limits: Limits = BUILT_IN) -> Money:
    """The basic-rate tax a charity reclaims on net donations: 20/80 of them at 20%, to the
    penny below (HMRC never pays a fraction of a penny)."""
    rate = in_force(limits.basic_rate, on)
    return Money(donations.pence * rate // (100 - rate))


def tax_year_start(on: date) -> date:
    """6 April of the UK tax year containing `on`."""
    start = date(on.year, 4, 6)
    return start if on >= start else date(on.year - 1, 4, 6)
