"""Plain read models and inputs for the membership register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from grassroots.core.money import Money


class MemberStatus(StrEnum):
    CURRENT = "current"
    DUE = "due"
    LAPSED = "lapsed"
    ENDED = "ended"
    NONE = "not a member"

    @property
    def label(self) -> str:
        return {
            "current": "Current",
            "due": "Due for renewal",
            "lapsed": "Lapsed",
            "ended": "Ended",
            "not a member": "Not a member",
        }[self.value]


@dataclass(frozen=True)
class MembershipTypeInfo:
    id: int
    name: str
    fee: Money
    period_months: int
    covers_household: bool
    active: bool
    description: str = ""
    # HMRC allows Gift Aid on a subscription only when membership brings no significant
    # benefit (a vote and a newsletter, not free entry or discounts). The committee decides.
    gift_aid_eligible: bool = False

    @property
    def never_expires(self) -> bool:
        return self.period_months == 0


@dataclass(frozen=True)
class MembershipTypeInput:
    name: str
    fee: Money
    period_months: int = 12
    covers_household: bool = False
    active: bool = True
    description: str = ""
    gift_aid_eligible: bool = False


@dataclass(frozen=True)
class PaymentInput:
    paid_on: date
    amount: Money
    method: str = "cash"
    gift_aid: bool = False
    note: str = ""


@dataclass(frozen=True)
class SubscriptionEntry:
    id: int
    paid_on: date
    amount: Money
    method: str
    period_start: date
    period_end: date | None
    gift_aid: bool
    note: str


@dataclass(frozen=True)
class MembershipDetail:
    id: int
    number: int
    person_id: int
    person_name: str
    type: MembershipTypeInfo
    joined_on: date
    expires_on: date | None
    ended_on: date | None
    ended_reason: str
    status: MemberStatus
    subscriptions: tuple[SubscriptionEntry, ...]


@dataclass(frozen=True)
class MemberRow:
    """One line of the people and members list."""

    person_id: int
    title: str
    first_name: str
    last_name: str
    email: str
    postcode: str
    phone: str
    membership_id: int | None
    number: int | None
    type_name: str
    fee: Money
    joined_on: date | None
    expires_on: date | None
    status: MemberStatus

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def sort_name(self) -> str:
        return ", ".join(p for p in (self.last_name, self.first_name) if p)


@dataclass(frozen=True)
class MemberQuery:
    """What the list is showing: search text, a status (None = everyone) and a type."""

    text: str = ""
    status: MemberStatus | None = None
    type_id: int | None = None
    members_only: bool = False
    sort: str = "name"  # name | number | type | status | expires | postcode | joined
    descending: bool = False
    person_ids: tuple[int, ...] = ()  # when given, only these people (a selection in the list)
    expired_since: date | None = None  # only memberships that ran out on or after this day


@dataclass(frozen=True)
class HomeSummary:
    """What needs attention, for the Home page."""

    current: int
    due: int
    lapsed_recently: int
    ended: int
    people: int
    due_soon: tuple[MemberRow, ...]
    to_chase: tuple[MemberRow, ...]
    retention_reviews: int
