"""What one date of a booking costs: the room's rate for the hirer's band, by the hour or by the
session, unless the booking names its own charge.

An hourly charge is for the time that really passes (an hour less on the night the clocks go
forward), pro rata to the minute, rounded to the nearest penny (halves up).
"""

from __future__ import annotations

from datetime import date, time

from grassroots.bookings.records import BookingDetail, RateRow, RoomRow
from grassroots.core.clock import elapsed_minutes
from grassroots.core.money import Money


def rate_for(room: RoomRow, band: str) -> RateRow | None:
    """The room's rate for a band, falling back to its standard rate."""
    return room.rate(band) or room.rate("standard")


def charge_for(
    room: RoomRow,
    band: str,
    basis: str,
    on: date,
    starts_at: time,
    ends_at: time,
    override: Money | None = None,
) -> Money | None:
    """The charge for one date; None when the room has no rate to charge that way."""
    if override is not None:
        return override
    if basis == "free":
        return Money(0)
    rate = rate_for(room, band)
    if rate is None:
        return None
    if basis == "session":
        return rate.session
    if rate.hourly is None:
        return None
    minutes = elapsed_minutes(on, starts_at, ends_at)
    return Money((rate.hourly.pence * minutes * 2 + 60) // 120)


def date_charge(detail: BookingDetail, on: date) -> Money | None:
    """What one date of a booking costs, from its room, its hirer's band and its own terms."""
    return charge_for(
        detail.room,
        detail.hirer.band if detail.hirer else "standard",
        detail.charge_basis,
        on,
        detail.starts_at,
        detail.ends_at,
        detail.charge_override,
    )


def missing_rate(room: RoomRow, band: str, basis: str) -> str | None:
    """Why a booking cannot be priced from the room's rates, in words; None when it can."""
    if basis == "free":
        return None
    rate = rate_for(room, band)
    how = "hourly" if basis == "hourly" else "session"
    if rate is None or (rate.hourly if basis == "hourly" else rate.session) is None:
        return f"{room.label} has no {how} rate for the {band} band: give the charge yourself"
    return None
