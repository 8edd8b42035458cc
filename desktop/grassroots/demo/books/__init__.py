"""Ten years of the demo group's books: a current account, a cash box and a savings account.

The books are made in three steps, so that the same seed always gives the same books:

1. Plan every entry the group's life brings: each real subscription payment from the members'
   register (the member as payer; only a register far bigger than the books has its payments
   paid in together, a day at a time), donations (some from people who made a Gift Aid
   declaration), hall hire, fundraising events with split takings, restricted grants and the
   spending from them, the regular bills, volunteer expenses, and a few entries in the last
   month still to categorise. The year's general spending is scaled to the year's general
   income, so the group neither sinks nor hoards whatever the size of the demo.
2. Walk the plan in date order, keeping each account's and each fund's balance: at the end of
   each month the cash box is banked, savings earn interest, surplus goes to savings and the
   current account is topped up from them; a payment the cash box cannot meet is paid from
   the bank instead, and a general payment the general fund cannot meet is left out. So no
   balance ever goes below nothing.
3. Write everything with Core bulk inserts (one executemany per table).

Entry ids are given here, counting on from the highest id already in the table, rather than
read back with RETURNING: lines and Gift Aid claims need their entry's id before anything is
written, the numbering is deterministic, and one plain executemany per table is the fastest
path SQLite has. It is safe because the whole demo is one write transaction on a database that
one Grassroots instance holds: nothing else can add entries between reading the highest id
and writing, and if something ever did, the primary key would refuse the insert rather than
mix rows up.

Demo books are written without audit records: the audit trail exists to show who changed
real books and when, and a made-up history has no such changes to show.
"""

from __future__ import annotations

from sqlalchemy import func, select

from grassroots.accounts.models import BookAccount, Entry
from grassroots.core.dates import add_months, financial_year_start
from grassroots.demo.books.grants import plan_grants
from grassroots.demo.books.history import (
    close_past_years,
    close_spent_funds,
    reconcile_monthly,
    set_budgets,
)
from grassroots.demo.books.payments import plan_reserve, plan_spending, scale_spending
from grassroots.demo.books.plan import (
    BATCHED_BEYOND,
    FIXED_A_YEAR,
    RATES,
    YEARS,
    Books,
    categories_by_name,
    general_fund_id,
)
from grassroots.demo.books.receipts import (
    paid_in_together,
    plan_donations,
    plan_events,
    plan_gift_aid,
    plan_hire,
    plan_subscriptions,
    plan_to_categorise,
)
from grassroots.demo.books.walk import make_accounts, walk
from grassroots.demo.books.write import write_books
from grassroots.demo.context import DemoContext


def add_books(ctx: DemoContext, entries: int) -> None:
    """About `entries` entries of ten years' books; a group that already keeps books keeps
    them untouched."""
    session = ctx.session
    if session.scalar(select(func.count(Entry.id))) or session.scalar(
        select(func.count(BookAccount.id))
    ):
        return
    settings = ctx.settings
    first = financial_year_start(
        add_months(ctx.today, -12 * YEARS), settings.fy_start_month, settings.fy_start_day
    )
    year_starts = [add_months(first, 12 * n) for n in range(YEARS + 1)]
    year_starts = [start for start in year_starts if start <= ctx.today]
    subscriptions = plan_subscriptions(ctx, first)
    if len(subscriptions) > entries * BATCHED_BEYOND:
        subscriptions = paid_in_together(subscriptions)
    per_year = sum(RATES.values()) + FIXED_A_YEAR
    wanted = max(0, entries - len(subscriptions)) / max(1, len(year_starts))
    books = Books(
        ctx=ctx,
        rng=ctx.rng,
        starts_on=first,
        year_starts=year_starts,
        scale=max(0.5, (wanted - FIXED_A_YEAR) / (per_year - FIXED_A_YEAR)),
        receipt=categories_by_name(session, "receipt"),
        payment=categories_by_name(session, "payment"),
        general=general_fund_id(session),
    )
    books.plans.extend(subscriptions)
    donors = plan_donations(books)
    plan_hire(books)
    plan_events(books)
    plan_grants(books)
    plan_spending(books)
    scale_spending(books)
    plan_reserve(books)
    claims = plan_gift_aid(books)
    plan_to_categorise(books)
    accounts = make_accounts(books)
    written = walk(books, accounts)
    write_books(ctx, books, accounts, written, donors, claims)
    reconcile_monthly(ctx)
    close_past_years(ctx, year_starts)
    set_budgets(ctx, year_starts)
    close_spent_funds(ctx)
