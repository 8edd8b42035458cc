"""The demo group's restricted grants: each award as a receipt into its own fund, and the
spending from it over the grant's life."""

from __future__ import annotations

from datetime import date, timedelta

from grassroots.core.dates import add_months
from grassroots.demo.books.plan import (
    CURRENT,
    Books,
    Plan,
    fund_id,
    years,
)

ACTIVITY_PAYEES = (
    ("Tesco Ashby", "card"),
    ("Sainsbury's Coalville", "card"),
    ("Booker Wholesale", "card"),
    ("Lunch club: fresh food", "cash"),
    ("Coach hire: Midland Coaches", "bank transfer"),
    ("Craft supplies: Hobbycraft", "card"),
)


# (funder, fund name, recurring, base pence, what it buys: (payee, category) ...)
GRANTS = (
    (
        "County Council",
        "County Council — youth club",
        True,
        250_000,
        (
            ("Youth club session leaders", "Activities and events"),
            ("Youth club trips", "Activities and events"),
            ("Sports equipment: Decathlon", "Equipment and materials"),
        ),
    ),
    (
        "The National Lottery Community Fund",
        "Lottery Awards for All — new kitchen",
        False,
        950_000,
        (
            ("Magnet Trade kitchens", "Purchase of equipment for own use"),
            ("R. Newbold, plumber", "Repairs and maintenance"),
            ("Currys Business", "Purchase of equipment for own use"),
        ),
    ),
    (
        "Ashby Town Council",
        "Town Council — lunch club",
        True,
        120_000,
        (
            ("Booker Wholesale", "Activities and events"),
            ("Lunch club: fresh food", "Activities and events"),
        ),
    ),
    (
        "Leicestershire Community Foundation",
        "Community Foundation — defibrillator",
        False,
        180_000,
        (("Heartsafe defibrillators", "Purchase of equipment for own use"),),
    ),
    (
        "The National Lottery Community Fund",
        "Lottery Awards for All — accessible toilet",
        False,
        800_000,
        (
            ("Cartwright Builders", "Repairs and maintenance"),
            ("Screwfix", "Equipment and materials"),
        ),
    ),
    (
        "Tesco Community Grants",
        "Tesco Community Grants — garden",
        False,
        150_000,
        (("Ashby Garden Centre", "Equipment and materials"),),
    ),
)


def plan_grants(books: Books) -> None:
    """Two or three restricted grants a year, each spent over the following months; now and
    then a project overspends and the committee covers it from the general fund."""
    rng = books.rng
    grant_scale = min(3.0, books.size)
    one_offs = [g for g in GRANTS if not g[2]]
    for year, (start, _end) in enumerate(years(books)):
        chosen = [g for g in GRANTS if g[2]]
        if year % 2 == 0 or rng.random() < 0.3:
            chosen.append(one_offs[(year // 2) % len(one_offs)])
        for funder, fund_name, _recurring, base, buys in chosen:
            received = books.day_in(start, add_months(start, 4))
            if received > books.ctx.today:
                continue
            fund = fund_id(books, fund_name, "restricted", f"Grant from {funder}, for {fund_name}")
            pence = round(base * grant_scale * rng.uniform(0.8, 1.2) / 100) * 100
            books.plans.append(
                Plan(
                    received,
                    CURRENT,
                    [[books.receipt["Grants received"], fund, pence, None]],
                    payee=funder,
                    method="bank transfer",
                    reference="Grant",
                )
            )
            plan_grant_spending(books, received, fund, fund_name, pence, buys)


def plan_grant_spending(
    books: Books, received: date, fund: int, fund_name: str, pence: int, buys: tuple
) -> None:
    """A grant spent in a few payments over the following months, now and then overspent."""
    rng = books.rng
    recurring = any(g[1] == fund_name and g[2] for g in GRANTS)
    share = rng.choice((0.9, 1.0) if recurring else (1.0, 1.0, 1.06))
    parts = rng.randint(2, 6)
    total = round(pence * share)
    amounts = [total // parts] * parts
    amounts[-1] += total - sum(amounts)
    day = received
    for amount in amounts:
        day += timedelta(days=rng.randint(7, 50))
        if day > books.ctx.today:
            return
        payee, category = rng.choice(buys)
        books.plans.append(
            Plan(
                day,
                CURRENT,
                [[books.payment[category], fund, -amount, None]],
                payee=payee,
                method=rng.choice(("bank transfer", "card", "cheque")),
                note=fund_name,
            )
        )
    if total > pence:
        books.plans.append(
            Plan(
                day,
                CURRENT,
                [
                    [None, books.general, -(total - pence), None],
                    [None, fund, total - pence, None],
                ],
                payee="Transfer between funds",
                note=f"The committee agreed to meet the overspend on {fund_name}",
                transfer_key=books.key(),
            )
        )
