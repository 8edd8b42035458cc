"""Meetings and their minutes: who came, the agenda, what was decided, and who will do what.

Minutes are the group's legal record, so rows here are kept when a person is erased: the link
to the person is kept (it then names "Erased person") and only free text that may say things
about them (`info={"personal": True}`) is blanked. The discussion notes and the motions are the
record itself and are not blanked.
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

from grassroots.db.base import Base, UTCDateTime, utc_now
from grassroots.people.models import Person

MEETING_KINDS = ("committee", "agm", "egm", "subgroup", "open")
ATTENDANCE = ("invited", "present", "apologies", "absent", "guest")
ITEM_KINDS = (
    "standard",
    "welcome",
    "declarations",
    "last_minutes",
    "matters_arising",
    "treasurers_report",
    "reports",
    "trustees_report",
    "accounts",
    "elections",
    "examiner",
    "aob",
    "next_meeting",
)
ACTION_STATUSES = ("open", "done", "dropped")

_KEPT = "Permanently: approved minutes are the group's legal record."


class Meeting(Base):
    """One meeting. Once `minutes_approved_on` is set the minutes are locked: a correction is
    a MinutesAmendment, never an edit."""

    __tablename__ = "meetings"
    __table_args__ = {
        "info": {
            "title": "Meeting you chaired or minuted",
            "purpose": "To keep the minutes our rules and charity law require.",
            "kept": _KEPT,
        }
    }

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="committee")
    title: Mapped[str] = mapped_column(String(200), default="")
    on: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[time | None] = mapped_column(Time, nullable=True)
    ends_at: Mapped[time | None] = mapped_column(Time, nullable=True)
    venue: Mapped[str] = mapped_column(String(200), default="")
    # The room booked for it, when it meets in one the group books (its calendar shows it).
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True, index=True)
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    minute_taker_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id"), nullable=True, index=True
    )
    notice_sent_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    minutes_approved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The name written under "signed as a true record": a copy of a name, blanked on erasure.
    approved_by: Mapped[str] = mapped_column(String(200), default="", info={"personal": True})
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    chair: Mapped[Person | None] = relationship(foreign_keys=[chair_id])
    minute_taker: Mapped[Person | None] = relationship(foreign_keys=[minute_taker_id])
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Attendance.id"
    )
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    amendments: Mapped[list[MinutesAmendment]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="MinutesAmendment.id",
        foreign_keys="MinutesAmendment.meeting_id",
    )

    @property
    def locked(self) -> bool:
        return self.minutes_approved_on is not None


class Attendance(Base):
    """A person's place at a meeting: invited, then present, apologies, absent, or a guest."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        {
            "info": {
                "title": "Meeting attendance",
                "purpose": "To record who was at a meeting, as the minutes must.",
                "kept": _KEPT,
            }
        },
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="invited")
    # A reason given with apologies may be about health or family: blanked on erasure.
    note: Mapped[str] = mapped_column(String(200), default="", info={"personal": True})

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    person: Mapped[Person] = relationship()


class AgendaItem(Base):
    """An item of the agenda; `notes` is what the minutes say was discussed under it."""

    __tablename__ = "agenda_items"
    __table_args__ = (
        Index("ix_agenda_items_meeting_position", "meeting_id", "position"),
        {
            "info": {
                "title": "Agenda item you presented",
                "purpose": "To keep the agenda and minutes of our meetings.",
                "kept": _KEPT,
            }
        },
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30), default="standard")
    title: Mapped[str] = mapped_column(String(200))
    presenter_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id"), nullable=True, index=True
    )
    minutes_allowed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    papers: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    presenter: Mapped[Person | None] = relationship()
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="Decision.id"
    )
    actions: Mapped[list[Action]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="Action.id"
    )


class Decision(Base):
    """A motion put to the meeting, who proposed and seconded it, the vote and the outcome."""

    __tablename__ = "decisions"
    __table_args__ = {
        "info": {
            "title": "Motion you proposed or seconded",
            "purpose": "To record the decisions of our meetings.",
            "kept": _KEPT,
        }
    }

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    motion: Mapped[str] = mapped_column(Text)
    proposer_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id"), nullable=True, index=True
    )
    seconder_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id"), nullable=True, index=True
    )
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_against: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_abstain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    carried: Mapped[bool] = mapped_column(Boolean, default=True)

    item: Mapped[AgendaItem] = relationship(back_populates="decisions")
    proposer: Mapped[Person | None] = relationship(foreign_keys=[proposer_id])
    seconder: Mapped[Person | None] = relationship(foreign_keys=[seconder_id])


class Action(Base):
    """Something a meeting asked someone to do. An open action is carried into the next
    meeting's matters arising as a new row pointing back at it, so each meeting's minutes keep
    the action as it stood then; the newest row of a chain is the live one."""

    __tablename__ = "actions"
    __table_args__ = {
        "info": {
            "title": "Action from a meeting",
            "purpose": "To follow up what our meetings asked people to do.",
            "kept": _KEPT,
        }
    }

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    carried_from_action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL"), nullable=True, index=True
    )

    item: Mapped[AgendaItem] = relationship(back_populates="actions")
    owner: Mapped[Person | None] = relationship()


class MinutesAmendment(Base):
    """A correction to approved minutes, recorded beside them (the minutes themselves stay as
    signed), and the meeting that agreed it, once one has."""

    __tablename__ = "minutes_amendments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), nullable=True
    )
    made_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    agreed_at_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), nullable=True
    )
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    meeting: Mapped[Meeting] = relationship(back_populates="amendments", foreign_keys=[meeting_id])
