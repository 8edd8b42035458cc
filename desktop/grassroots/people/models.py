"""Person, Household and Consent tables. Every role elsewhere points at a Person row."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from grassroots.core.validate import phone_digits
from grassroots.db.base import Base, UTCDateTime, utc_now

CONTACT_CHANNELS = ("email", "post", "phone")


class Household(Base):
    __tablename__ = "households"
    __table_args__ = {
        "info": {
            "title": "Household",
            "purpose": "To send one letter to people who live together.",
            "kept": "While anyone in it is on our records.",
        }
    }

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    people: Mapped[list[Person]] = relationship(back_populates="household")


class Person(Base):
    __tablename__ = "people"
    __table_args__ = (
        # Covers the list's name order and its search, so a keystroke reads only this index
        # and visits the table just for the rows it shows.
        Index("ix_people_name_search", "last_name", "first_name", "erased_at", "search_text"),
        {
            "info": {
                "title": "Contact details",
                "purpose": "To run the group and keep in touch with you in the ways you chose.",
                "kept": "While you are involved, then reviewed for deletion.",
            }
        },
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(20), default="")
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    preferred_name: Mapped[str] = mapped_column(String(100), default="")
    address_line1: Mapped[str] = mapped_column(String(200), default="")
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    town: Mapped[str] = mapped_column(String(100), default="")
    county: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="", index=True)
    email: Mapped[str] = mapped_column(String(254), default="", index=True)
    phone: Mapped[str] = mapped_column(String(30), default="")
    mobile: Mapped[str] = mapped_column(String(30), default="")
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    contact_by_email: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_by_post: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_by_phone: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(200), default="")
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # Lower-case names, email, postcode and phone digits in one column, so a keystroke's search
    # is one indexed-order scan of one column. Kept by the event below, never by hand.
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    retention_reviewed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    household: Mapped[Household | None] = relationship(back_populates="people")
    consents: Mapped[list[Consent]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Consent.given_on"
    )


def search_key(person: Person) -> str:
    parts = [
        person.first_name,
        person.last_name,
        person.preferred_name,
        person.email,
        person.postcode,
        person.postcode.replace(" ", ""),
        phone_digits(person.phone),
        phone_digits(person.mobile),
    ]
    return " ".join(p for p in parts if p).lower()


@event.listens_for(Person, "before_insert")
@event.listens_for(Person, "before_update")
def _refresh_search_key(_mapper, _connection, person: Person) -> None:
    person.search_text = search_key(person)


class Consent(Base):
    """One entry of a person's consent log: what they agreed to, when, how, and any withdrawal."""

    __tablename__ = "consents"
    __table_args__ = {
        "info": {
            "title": "Consent record",
            "purpose": "To show what you agreed to hear from us about, and when.",
            "kept": "While we hold your contact details.",
        }
    }

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(100))
    channel: Mapped[str] = mapped_column(String(20), default="email")
    basis: Mapped[str] = mapped_column(String(40), default="consent")
    given_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    opt_out_offered: Mapped[bool] = mapped_column(Boolean, default=False)
    withdrawn_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    person: Mapped[Person] = relationship(back_populates="consents")
