"""Membership types, one Membership per member, and the Subscription payments that renew it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from grassroots.db.base import Base, UTCDateTime, utc_now
from grassroots.people.models import Person

PAYMENT_METHODS = ("cash", "cheque", "bank transfer", "standing order", "card", "other")


class MembershipType(Base):
    __tablename__ = "membership_types"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    fee_pence: Mapped[int] = mapped_column(Integer, default=0)
    # 12 for a year; 0 means it never runs out (life and honorary membership).
    period_months: Mapped[int] = mapped_column(Integer, default=12)
    covers_household: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # Subscriptions of this type may be Gift Aided: membership gives no significant benefit.
    gift_aid_eligible: Mapped[bool] = mapped_column(Boolean, default=False)


class Membership(Base):
    """A person's membership: paid up to `expires_on`, renewed by adding a Subscription."""

    __tablename__ = "memberships"
    __table_args__ = {
        "info": {
            "title": "Membership",
            "purpose": "To keep the register of members that our rules require.",
            "kept": "While you are a member, then reviewed for deletion.",
        }
    }

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), unique=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("membership_types.id"), index=True)
    joined_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Free text that may say things about the person: blanked when they are erased.
    ended_reason: Mapped[str] = mapped_column(String(200), default="", info={"personal": True})
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    person: Mapped[Person] = relationship()
    type: Mapped[MembershipType] = relationship()
    subscriptions: Mapped[list[Subscription]] = relationship(
        back_populates="membership", cascade="all, delete-orphan", order_by="Subscription.paid_on"
    )


class Subscription(Base):
    """One subscription payment and the period it paid for."""

    __tablename__ = "subscriptions"
    __table_args__ = {
        "info": {
            "title": "Subscription payment",
            "purpose": "To account for money received (accounting records are kept for six years).",
            "kept": "Six years after the end of the financial year, as the law requires.",
        }
    }

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    membership_id: Mapped[int] = mapped_column(
        ForeignKey("memberships.id", ondelete="CASCADE"), index=True
    )
    paid_on: Mapped[date] = mapped_column(Date)
    amount_pence: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(30), default="cash")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    gift_aid: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(String(200), default="", info={"personal": True})

    membership: Mapped[Membership] = relationship(back_populates="subscriptions")
