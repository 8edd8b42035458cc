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


HIRE_INCOME = "Hire income"
HIRE_DEPOSITS = "Hire deposits"
HIRE_DEPOSITS_RETURNED = "Hire deposits returned"


def post_hire_payment(
    session: Session,
    payee: str,
    amount: Money,
    paid_on: date,
    method: str,
    reference: str,
    person_id: int | None = None,
) -> Entry | None:
    """The receipt for money a hirer paid against an invoice, in Hire income; None before
    the books have started (the payment then waits to be posted)."""
    return _post_hire(
        session, HIRE_INCOME, "receipt", payee, amount, paid_on, method, reference, person_id
    )


def post_hire_deposit(
    session: Session,
    payee: str,
    amount: Money,
    on: date,
    method: str,
    reference: str,
    person_id: int | None = None,
    returned: bool = False,
    note: str = "",
) -> Entry | None:
    """A deposit taken (a receipt in Hire deposits) or handed back (a payment in Hire deposits
    returned); None before the books have started."""
    category, direction = (
        (HIRE_DEPOSITS_RETURNED, "payment") if returned else (HIRE_DEPOSITS, "receipt")
    )
    return _post_hire(
        session, category, direction, payee, amount, on, method, reference, person_id, note
    )


def can_post(session: Session, method: str, on: date) -> bool:
    """Whether money taken on `on` would go into the books now (an account is open then)."""
    return _account_for(session, method, on) is not None


def _post_hire(
    session: Session,
    category: str,
    direction: str,
    payee: str,
    amount: Money,
    on: date,
    method: str,
    reference: str,
    person_id: int | None,
    note: str = "",
) -> Entry | None:
    if amount.pence <= 0:
        return None
    account = _account_for(session, method, on)
    if account is None:
        return None
    category_id = session.scalar(
        select(Category.id).where(Category.name == category, Category.direction == direction)
    )
    sign = 1 if direction == "receipt" else -1
    return new_entry(
        session,
        EntryInput(
            account_id=account.id,
            on=on,
            lines=(LineInput(Money(sign * amount.pence), category_id),),
            payee=payee[:200],
            person_id=person_id,
            reference=reference[:50],
            method=method,
            note=note,
        ),
    )
