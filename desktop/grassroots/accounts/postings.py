"""Money other areas take that belongs in the books: a subscription paid in Members is a
receipt in the cash book, posted in the same transaction so the two never disagree.

Posting starts once the treasurer has started the books (added an account open on the day of
the payment); before that, and for payments of nothing, there is nothing to post.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from grassroots.accounts.books import new_entry
from grassroots.accounts.models import BookAccount, Category, Entry
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.money import Money
from grassroots.people.models import Person
from grassroots.people.records import full_name

SUBSCRIPTIONS = "Subscriptions"


def post_subscription(
    session: Session,
    person: Person,
    amount: Money,
    paid_on: date,
    method: str,
    membership_number: int,
    note: str = "",
) -> Entry | None:
    """The receipt for a subscription, in the cash box for cash and the bank otherwise."""
    if amount.pence <= 0:
        return None
    account = _account_for(session, method, paid_on)
    if account is None:
        return None
    category_id = session.scalar(
        select(Category.id).where(Category.name == SUBSCRIPTIONS, Category.direction == "receipt")
    )
    return new_entry(
        session,
        EntryInput(
            account_id=account.id,
            on=paid_on,
            lines=(LineInput(amount, category_id),),
            payee=full_name("", person.first_name, person.last_name),
            person_id=person.id,
            reference=f"Member {membership_number}",
            method=method,
            note=note,
        ),
    )


def _account_for(session: Session, method: str, on: date) -> BookAccount | None:
    """Cash goes to the first cash account, anything else to the first bank account; either
    falls back to any open account the books had started by that day."""
    wanted = "cash" if method == "cash" else "bank"
    accounts = session.scalars(
        select(BookAccount)
        .where(BookAccount.active, BookAccount.opening_on <= on)
        .order_by(BookAccount.id)
    ).all()
    return next((a for a in accounts if a.kind == wanted), accounts[0] if accounts else None)
