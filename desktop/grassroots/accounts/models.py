"""The treasurer's books. Money is integer pence; a receipt is positive, a payment negative.

An Entry is one line of the cash book (one date, one account, one payer or payee); its
EntryLines split the amount across categories and funds, so one paying-in can hold both
subscriptions and donations. A transfer between the group's own accounts is a pair of entries
sharing a `transfer_key`, with no category: neither income nor spending. A transfer between
funds is an entry whose lines net to zero across funds.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from grassroots.db.base import Base, UTCDateTime, utc_now
from grassroots.people.models import Person

ACCOUNT_KINDS = ("bank", "savings", "cash")
FUND_KINDS = ("unrestricted", "designated", "restricted", "endowment")
DIRECTIONS = ("receipt", "payment")
ENTRY_METHODS = (
    "cash",
    "cheque",
    "bank transfer",
    "standing order",
    "direct debit",
    "card",
    "online",
    "other",
)


class BookAccount(Base):
    """A bank, savings or cash account the group holds, with its balance at a starting date."""

    __tablename__ = "book_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="bank")
    bank_details: Mapped[str] = mapped_column(String(100), default="")  # "sort code ...-1234"
    opening_pence: Mapped[int] = mapped_column(Integer, default=0)
    opening_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The column mapping of this bank's CSV statements, as JSON, remembered after first use.
    statement_mapping: Mapped[str] = mapped_column(Text, default="")


class StatementMapping(Base):
    """A bank's CSV column layout saved under a name (e.g. 'Unity Trust'), so the same headings
    can be used again from the window or as `grassroots accounts import --mapping NAME`."""

    __tablename__ = "statement_mappings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    mapping: Mapped[str] = mapped_column(Text, default="")  # JSON: field -> heading


class Category(Base):
    """A heading of receipts or payments; `heading` places it in the year-end accounts."""

    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("name", "direction"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    direction: Mapped[str] = mapped_column(String(10))  # receipt | payment
    heading: Mapped[str] = mapped_column(String(40), default="other")
    gift_aid_eligible: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Fund(Base):
    __tablename__ = "funds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="unrestricted")
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Entry(Base):
    """One line of the cash book: money into or out of one account on one day."""

    __tablename__ = "entries"
    __table_args__ = {
        "info": {
            "title": "Payment or receipt",
            "purpose": "To account for money the group received from you or paid to you.",
            "kept": "Six years after the end of the financial year, as the law requires.",
        }
    }

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("book_accounts.id"), index=True)
    on: Mapped[date] = mapped_column(Date, index=True)
    amount_pence: Mapped[int] = mapped_column(Integer)  # the sum of its lines
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id"), nullable=True, index=True
    )
    payee: Mapped[str] = mapped_column(String(200), default="", info={"personal": True})
    reference: Mapped[str] = mapped_column(String(50), default="")
    method: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="", info={"personal": True})
    attachment: Mapped[str] = mapped_column(String(500), default="")
    # Both halves of a transfer between the group's own accounts share a key.
    transfer_key: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    reconciliation_id: Mapped[int | None] = mapped_column(
        ForeignKey("reconciliations.id"), nullable=True, index=True
    )
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id"), nullable=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    person: Mapped[Person | None] = relationship()
    lines: Mapped[list[EntryLine]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="EntryLine.id"
    )


class EntryLine(Base):
    """Part of an entry: an amount in one category and one fund (no category: to categorise,
    or a transfer)."""

    __tablename__ = "entry_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id"), nullable=True, index=True
    )
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"), index=True)
    amount_pence: Mapped[int] = mapped_column(Integer)
    gift_aid_claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("gift_aid_claims.id"), nullable=True, index=True
    )
    note: Mapped[str] = mapped_column(String(200), default="", info={"personal": True})

    entry: Mapped[Entry] = relationship(back_populates="lines")


class StatementLine(Base):
    """A line of an imported bank statement, kept so it is never imported twice."""

    __tablename__ = "statement_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("book_accounts.id"), index=True)
    fitid: Mapped[str] = mapped_column(String(100), default="", index=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    posted_on: Mapped[date] = mapped_column(Date)
    amount_pence: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(300), default="")
    balance_pence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entries.id"), nullable=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    source: Mapped[str] = mapped_column(String(300), default="")


class Reconciliation(Base):
    """An account checked against a statement's closing date and balance."""

    __tablename__ = "reconciliations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("book_accounts.id"), index=True)
    statement_on: Mapped[date] = mapped_column(Date)
    statement_pence: Mapped[int] = mapped_column(Integer)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class FinancialYear(Base):
    """A financial year; once closed, its entries are locked."""

    __tablename__ = "financial_years"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    starts_on: Mapped[date] = mapped_column(Date, unique=True)
    ends_on: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    approved_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class Budget(Base):
    __tablename__ = "budgets"
    __table_args__ = (UniqueConstraint("category_id", "year_starts_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    year_starts_on: Mapped[date] = mapped_column(Date)
    amount_pence: Mapped[int] = mapped_column(Integer)


class YearEndItem(Base):
    """A line of the statement of assets and liabilities that is not cash in an account:
    other monetary assets, investments, assets for own use, liabilities."""

    __tablename__ = "year_end_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year_starts_on: Mapped[date] = mapped_column(Date, index=True)
    section: Mapped[str] = mapped_column(String(20))  # monetary | investment | own_use | liability
    details: Mapped[str] = mapped_column(String(300))
    fund_id: Mapped[int | None] = mapped_column(ForeignKey("funds.id"), nullable=True)
    amount_pence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cost_pence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    due: Mapped[str] = mapped_column(String(100), default="")


class GiftAidDeclaration(Base):
    __tablename__ = "gift_aid_declarations"
    __table_args__ = {
        "info": {
            "title": "Gift Aid declaration",
            "purpose": "To claim Gift Aid on your donations, as you asked.",
            "kept": "Six years after the last donation it covers, as HMRC requires.",
        }
    }

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    made_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(30), default="written")  # written|online|oral
    covers_past: Mapped[bool] = mapped_column(Boolean, default=True)  # the four years before
    covers_future: Mapped[bool] = mapped_column(Boolean, default=True)
    cancelled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(String(200), default="", info={"personal": True})


class GiftAidLimit(Base):
    """A figure HMRC changed, from the day it took effect, added by the treasurer: it extends
    the built-in history in `gift_aid_rules` without a new release of Grassroots."""

    __tablename__ = "gift_aid_limits"
    __table_args__ = (UniqueConstraint("name", "since"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))  # a field of gift_aid_rules.Limits
    since: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(Integer)  # pence, a count, per cent or years
    source: Mapped[str] = mapped_column(String(200), default="")


class GiftAidClaim(Base):
    __tablename__ = "gift_aid_claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    made_on: Mapped[date] = mapped_column(Date)
    up_to: Mapped[date] = mapped_column(Date)
    donations_pence: Mapped[int] = mapped_column(Integer)
    claimed_pence: Mapped[int] = mapped_column(Integer)
    gasds_pence: Mapped[int] = mapped_column(Integer, default=0)
    received_entry_id: Mapped[int | None] = mapped_column(ForeignKey("entries.id"), nullable=True)
    # The schedule as sent to HMRC: evidence for six years, whatever became of the saved file.
    schedule_ods: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, default=None)


class AuditRecord(Base):
    """Every change to the books: when, what, and the values before and after (JSON)."""

    __tablename__ = "audit_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    table_name: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[int] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(10))  # added | changed | removed
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(100), default="")
