"""An amount of money typed as people write it ('£12.50', '12.5', '1,200'), held as Money."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from grassroots.core.money import Money
from grassroots.ui.widgets.checked_edit import CheckedEdit


class MoneyEdit(CheckedEdit[Money]):
    """`value()` is Money or None when blank or wrong; `problem()` says what is wrong."""

    missing = "Enter an amount (0 if nothing was paid)"

    def __init__(
        self, required: bool = True, allow_negative: bool = False, parent: QWidget | None = None
    ):
        self.allow_negative = allow_negative
        super().__init__(required, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("£0.00")

    def read(self, text: str) -> Money:
        amount = Money.parse(text)
        if amount.pence < 0 and not self.allow_negative:
            raise ValueError("The amount cannot be negative")
        return amount

    def write(self, value: Money) -> str:
        return value.format()

    def value(self) -> Money | None:
        return self.parsed()

    def set_value(self, amount: Money | None) -> None:
        self.setText(amount.format() if amount is not None else "")
