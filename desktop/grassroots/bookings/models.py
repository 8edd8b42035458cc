"""Venues, rooms and their rates, hirers, bookings (one-off or repeating), invoices and payments.

Times of a booking are the hall's wall-clock times (Europe/London) on its dates: a weekly 19:00
class stays at 19:00 across the clocks changing. A repeating booking is one row with its rule;
its dates are worked out when asked for (`core.recurrence`), never stored one by one, and
`last_on` (the last date it can fall on) lets a calendar or clash check find the series that
touch a week with one indexed query.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from grassroots.accounts.models import Entry
from grassroots.db.base import Base, UTCDateTime, utc_now
from grassroots.people.models import Person

BANDS = ("standard", "community", "commercial")
STATUSES = ("provisional", "confirmed", "cancelled")
CHARGE_BASES = ("hourly", "session", "free")

_HIRE_KEPT = "Six years after the hire, as the accounts it is part of are kept."


class Venue(Base):
    """The group's own hall, or a place it meets elsewhere; each has rooms."""

    __tablename__ = "venues"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    own: Mapped[bool] = mapped_column(Boolean, default=True)
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    accessibility: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    rooms: Mapped[list[Room]] = relationship(back_populates="venue", order_by="Room.position")


class Room(Base):
    """A bookable room. Set-up and clear-down minutes are kept free around every booking."""

    __tablename__ = "rooms"
    __table_args__ = (UniqueConstraint("venue_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    facilities: Mapped[str] = mapped_column(Text, default="")
    accessibility: Mapped[str] = mapped_column(Text, default="")
    setup_minutes: Mapped[int] = mapped_column(Integer, default=0)
    cleardown_minutes: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    venue: Mapped[Venue] = relationship(back_populates="rooms")
    rates: Mapped[list[RoomRate]] = relationship(
        back_populates="room", cascade="all, delete-orphan", order_by="RoomRate.id"
    )


class RoomRate(Base):
    """What a room costs a hirer of one band: by the hour, by the session, or both."""

    __tablename__ = "room_rates"
    __table_args__ = (UniqueConstraint("room_id", "band"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"))
    band: Mapped[str] = mapped_column(String(12), default="standard")
    hourly_pence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    session_pence: Mapped[int | None] = mapped_column(Integer, nullable=True)

    room: Mapped[Room] = relationship(back_populates="rates")


class Hirer(Base):
    """Who hires a room: a person on our records, or an outside organisation (whose contact may
    also be a person on our records). An organisation's own contact details live here; a
    person's stay on their Person row, never copied."""

    __tablename__ = "hirers"
    __table_args__ = {
        "info": {
            "title": "Room hire",
            "purpose": "To take and confirm your bookings and to invoice for them.",
            "kept": _HIRE_KEPT,
        }
    }

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id"), nullable=True, index=True
    )
    organisation: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="", info={"personal": True})
    phone: Mapped[str] = mapped_column(String(40), default="", info={"personal": True})
    address: Mapped[str] = mapped_column(Text, default="", info={"personal": True})
    band: Mapped[str] = mapped_column(String(12), default="standard")
    notes: Mapped[str] = mapped_column(Text, default="", info={"personal": True})
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    person: Mapped[Person | None] = relationship()


class Booking(Base):
    """One booking of a room: once, or a repeating series (`repeat`, ended by `until` or
    `times`). `uid` is its iCalendar UID, kept for ever so a re-export updates a subscriber's
    calendar and a re-import updates the booking instead of adding another. A single date moved
    out of a series is skipped there and becomes a one-off with `detached_from_id` set."""

    __tablename__ = "bookings"
    __table_args__ = (
        Index("ix_bookings_room_span", "room_id", "first_on", "last_on"),
        Index("ix_bookings_span", "first_on", "last_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(255), unique=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    hirer_id: Mapped[int | None] = mapped_column(ForeignKey("hirers.id"), nullable=True, index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(12), default="confirmed")
    first_on: Mapped[date] = mapped_column(Date)
    last_on: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    repeat: Mapped[str] = mapped_column(String(12), default="none")
    nth: Mapped[int | None] = mapped_column(Integer, nullable=True)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
    times: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expected: Mapped[int | None] = mapped_column(Integer, nullable=True)
    setup_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cleardown_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    charge_basis: Mapped[str] = mapped_column(String(10), default="hourly")
    charge_pence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    deposit_pence: Mapped[int] = mapped_column(Integer, default=0)
    deposit_received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    deposit_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey(Entry.id, ondelete="SET NULL"), nullable=True
    )
    deposit_returned_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    deposit_kept_pence: Mapped[int] = mapped_column(Integer, default=0)
    deposit_return_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey(Entry.id, ondelete="SET NULL"), nullable=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    detached_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("bookings.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)

    room: Mapped[Room] = relationship()
    hirer: Mapped[Hirer | None] = relationship()
    skipped: Mapped[list[SkippedDate]] = relationship(
        back_populates="booking", cascade="all, delete-orphan", order_by="SkippedDate.on"
    )


class SkippedDate(Base):
    """A date a repeating booking does not happen (the hall is closed, the class is off)."""

    __tablename__ = "booking_skipped_dates"
    __table_args__ = (UniqueConstraint("booking_id", "on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"))
    on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")

    booking: Mapped[Booking] = relationship(back_populates="skipped")


class Invoice(Base):
    """A hirer's invoice: the charges of their bookings over a period, frozen as lines when it
    is issued so a reprint always matches what was sent."""

    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    hirer_id: Mapped[int] = mapped_column(ForeignKey("hirers.id"), index=True)
    issued_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    period_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    period_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    total_pence: Mapped[int] = mapped_column(Integer, default=0)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    hirer: Mapped[Hirer] = relationship()
    lines: Mapped[list[InvoiceLine]] = relationship(
        back_populates="invoice", cascade="all, delete-orphan", order_by="InvoiceLine.position"
    )
    payments: Mapped[list[InvoicePayment]] = relationship(
        back_populates="invoice", cascade="all, delete-orphan", order_by="InvoicePayment.id"
    )


class InvoiceLine(Base):
    __tablename__ = "invoice_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"))
    booking_id: Mapped[int | None] = mapped_column(
        ForeignKey("bookings.id", ondelete="SET NULL"), nullable=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(300), default="")
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit_pence: Mapped[int] = mapped_column(Integer, default=0)
    pence: Mapped[int] = mapped_column(Integer, default=0)

    invoice: Mapped[Invoice] = relationship(back_populates="lines")


class InvoicePayment(Base):
    """Money received against an invoice. `entry_id` is its receipt in the cash book, set when
    the books have an account to post it to; until then it waits, and is posted later."""

    __tablename__ = "invoice_payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"))
    paid_on: Mapped[date] = mapped_column(Date)
    pence: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20), default="bank transfer")
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey(Entry.id, ondelete="SET NULL"), nullable=True
    )

    invoice: Mapped[Invoice] = relationship(back_populates="payments")
