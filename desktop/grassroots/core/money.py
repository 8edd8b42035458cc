"""Money as whole pence. Parsing what people type, formatting for en_GB, never a float."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_currency

# One sign (before or after the £, spaces allowed beside them), whole pounds with optional
# thousands commas, then pence. ASCII digits only: "٣" is not an amount anyone typed.
_AMOUNT = re.compile(
    r"(?:(?P<sign>[-+]) ?£? ?|£ ?(?P<sign_after>[-+])? ?|)"
    r"(?P<whole>[1-9]\d{0,2}(?:,\d{3})+|\d*)(?:\.(?P<pence>\d*))?",
    re.ASCII,
)
_BRACKETED = re.compile(r"\((?P<inner>£? ?\d[\d,]*(?:\.\d*)?|£? ?\.\d+)\)", re.ASCII)


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount of sterling held as an integer number of pence."""

    pence: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.pence, int) or isinstance(self.pence, bool):
            raise TypeError("Money holds whole pence as an int")

    @classmethod
    def parse(cls, text: str) -> Money:
        """Read "£1,234.50", "12", "-12.3", "(5.00)" into Money; ValueError names the problem.

        Commas are only accepted between groups of three digits, so "12,50" (a European
        decimal comma) is refused rather than read as £1,250.
        """
        raw = " ".join(str(text).replace("GBP", "").split())
        bracketed = _BRACKETED.fullmatch(raw)  # (5.00), as accounts write a payment out
        negative = bracketed is not None
        raw = bracketed.group("inner") if bracketed else raw
        m = _AMOUNT.fullmatch(raw)
        if not raw or not m:
            raise ValueError(f"'{text}' is not an amount of money")
        if "-" in (m.group("sign"), m.group("sign_after")):
            negative = not negative
        whole, pence = m.group("whole").replace(",", ""), m.group("pence") or ""
        if len(pence) > 2:
            raise ValueError(f"'{text}' has more than two decimal places")
        if not whole and not pence:
            raise ValueError(f"'{text}' is not an amount of money")
        value = int(whole or "0") * 100 + int((pence + "00")[:2])
        return cls(-value if negative else value)

    def __add__(self, other: Money) -> Money:
        return Money(self.pence + other.pence)

    def __sub__(self, other: Money) -> Money:
        return Money(self.pence - other.pence)

    def __neg__(self) -> Money:
        return Money(-self.pence)

    def __mul__(self, times: int) -> Money:
        if not isinstance(times, int):
            raise TypeError("Money can only be multiplied by a whole number")
        return Money(self.pence * times)

    def __bool__(self) -> bool:
        return self.pence != 0

    def decimal(self) -> Decimal:
        return Decimal(self.pence) / 100

    def format(self, symbol: bool = True) -> str:
        """'£1,234.50' (or '1,234.50'); negatives as '-£5.00'."""
        if symbol:
            return format_currency(self.decimal(), "GBP", locale="en_GB")
        return f"{self.decimal():,.2f}"

    def plain(self) -> str:
        """'1234.50': for CSV files and spreadsheets."""
        return f"{self.decimal():.2f}"

    def __str__(self) -> str:
        return self.format()
