"""How long a membership runs: the group's rule (anniversary or fixed year) turned into dates."""

from __future__ import annotations

from datetime import date, timedelta

from grassroots.core.dates import add_months
from grassroots.group.service import GroupSettings
from grassroots.members.records import MemberStatus


def membership_year_start(on: date, settings: GroupSettings) -> date:
    """The start of the fixed membership year that contains `on`."""
    start = date(on.year, settings.membership_year_month, settings.membership_year_day)
    return start if start <= on else add_months(start, -12)


def period_from(start: date, period_months: int, settings: GroupSettings) -> date | None:
    """The last day covered by a payment for a period beginning `start` (None: never ends)."""
    if period_months == 0:
        return None
    if settings.membership_rule == "fixed":
        year_start = membership_year_start(start, settings)
        return add_months(year_start, period_months) - timedelta(days=1)
    return add_months(start, period_months) - timedelta(days=1)


def renewal_start(expires_on: date | None, paid_on: date) -> date:
    """A renewal carries on from the old expiry; a long-lapsed member starts again from payment.

    Paying up to a year late still continues the old period, so members who pay late do not
    gain free months; after that, the new period starts on the day they paid.
    """
    if expires_on is None:
        return paid_on
    continued = expires_on + timedelta(days=1)
    return continued if continued >= add_months(paid_on, -12) else paid_on


def renewal_period(
    expires_on: date | None,
    ended_on: date | None,
    paid_on: date,
    period_months: int,
    settings: GroupSettings,
) -> tuple[date, date | None]:
    """The period a renewal paid on `paid_on` covers; an ended membership restarts that day."""
    start = paid_on if ended_on is not None else renewal_start(expires_on, paid_on)
    return start, period_from(start, period_months, settings)


def status_of(
    expires_on: date | None, ended_on: date | None, today: date, window_days: int
) -> MemberStatus:
    if ended_on is not None:
        return MemberStatus.ENDED
    if expires_on is None:
        return MemberStatus.CURRENT
    if expires_on < today:
        return MemberStatus.LAPSED
    if expires_on <= today + timedelta(days=window_days):
        return MemberStatus.DUE
    return MemberStatus.CURRENT
