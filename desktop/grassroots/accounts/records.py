"""Plain read models and inputs for the books."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from grassroots.core.money import Money


@dataclass(frozen=True)
class BookAccountInfo:
    id: int
    name: str
    kind: str
    bank_details: str
    opening: Money
    opening_on: date
    active: bool


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    name: str
    direction: str  # receipt | payment
    heading: str
    gift_aid_eligible: bool
    active: bool


@dataclass(frozen=True)
class FundInfo:
    id: int
    name: str
    kind: str  # unrestricted | designated | restricted | endowment
    description: str
    active: bool


@dataclass(frozen=True)
class LineInput:
    """Part of an entry; no category means "to categorise" (or, in a transfer, none needed)."""

    amount: Money
    category_id: int | None = None
    fund_id: int | None = None  # None: the general fund
    note: str = ""


@dataclass(frozen=True)
class EntryInput:
    """A receipt (positive lines) or payment (negative lines) as the treasurer types it."""

    account_id: int
    on: date
    lines: tuple[LineInput, ...]
    payee: str = ""
    person_id: int | None = None
    reference: str = ""
    method: str = ""
    note: str = ""
    attachment: str = ""

    @property
    def amount(self) -> Money:
        return Money(sum(line.amount.pence for line in self.lines))


@dataclass(frozen=True)
class LineView:
    id: int
    amount: Money
    category_id: int | None
    category: str  # "" when still to categorise
    fund_id: int
    fund: str
    note: str


@dataclass(frozen=True)
class EntryView:
    id: int
    account_id: int
    account: str
    on: date
    amount: Money
    payee: str
    person_id: int | None
    reference: str
    method: str
    note: str
    attachment: str
    lines: tuple[LineView, ...] = field(default_factory=tuple)
    transfer_key: str | None = None
    reconciled: bool = False
    locked: bool = False  # reconciled, or in a closed year
    reverses_id: int | None = None

    @property
    def to_categorise(self) -> bool:
        return (
            self.transfer_key is None
            and any(line.category_id is None for line in self.lines)
            and self.amount.pence != 0
        )


@dataclass(frozen=True)
class Balance:
    name: str
    amount: Money
