"""The one row of the group's settings, kept in the database so it travels with the data."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from grassroots.db.base import Base


class GroupSettingsRow(Base):
    __tablename__ = "group_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    charity_number: Mapped[str] = mapped_column(String(20), default="")
    company_number: Mapped[str] = mapped_column(String(20), default="")
    is_charity: Mapped[bool] = mapped_column(Boolean, default=True)
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    fy_start_month: Mapped[int] = mapped_column(Integer, default=4)
    fy_start_day: Mapped[int] = mapped_column(Integer, default=1)
    membership_rule: Mapped[str] = mapped_column(String(20), default="anniversary")
    membership_year_month: Mapped[int] = mapped_column(Integer, default=1)
    membership_year_day: Mapped[int] = mapped_column(Integer, default=1)
    renewal_window_days: Mapped[int] = mapped_column(Integer, default=30)
    retention_months: Mapped[int] = mapped_column(Integer, default=24)
    payment_instructions: Mapped[str] = mapped_column(Text, default="")
    set_up: Mapped[bool] = mapped_column(Boolean, default=False)
    # The constitution's quorum for committee meetings: a number present, a fraction of the
    # trustees (quorum_numerator / quorum_denominator), or whichever of the two is greater.
    quorum_rule: Mapped[str] = mapped_column(String(20), default="number")
    quorum_number: Mapped[int] = mapped_column(Integer, default=3)
    quorum_numerator: Mapped[int] = mapped_column(Integer, default=1)
    quorum_denominator: Mapped[int] = mapped_column(Integer, default=3)
    # Members present for a general meeting (AGM or EGM) to be quorate.
    general_quorum_number: Mapped[int] = mapped_column(Integer, default=10)
    # Notice periods in clear days (neither the day notice is given nor the meeting day count).
    committee_notice_days: Mapped[int] = mapped_column(Integer, default=7)
    agm_notice_days: Mapped[int] = mapped_column(Integer, default=14)
