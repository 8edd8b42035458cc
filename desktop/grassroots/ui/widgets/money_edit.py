"""An amount of money typed as people write it ('£12.50', '12.5', '1,200'), held as Money."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from grassroots.core.money import Money


class MoneyEdit(QLineEdit):
    """`value()` is Money or None when blank or wrong; `problem()` says what is wrong."""

    problem_changed = Signal(str)

    def __init__(
        self, required: bool = True, allow_negative: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.required, self.allow_negative = required, allow_negative
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("£0.00")
        self.setMaxLength(20)
        self._problem = ""
        self.textChanged.connect(self._check)
        self.editingFinished.connect(self._tidy)
        self._check(self.text())

    def value(self) -> Money | None:
        try:
            return Money.parse(self.text())
        except ValueError:
            return None

    def set_value(self, amount: Money | None) -> None:
        self.setText(amount.format() if amount is not None else "")

    def problem(self) -> str:
        return self._problem

    def is_valid(self) -> bool:
        return not self._problem

    def _check(self, text: str) -> None:
        problem = ""
        if not text.strip():
            problem = "Enter an amount (0 if nothing was paid)" if self.required else ""
        else:
            try:
                amount = Money.parse(text)
            except ValueError as exc:
                problem = str(exc)
            else:
                if amount.pence < 0 and not self.allow_negative:
                    problem = "The amount cannot be negative"
        if problem != self._problem:
            self._problem = problem
            self.problem_changed.emit(problem)

    def _tidy(self) -> None:
        amount = self.value()
        if amount is not None and not self._problem:
            self.setText(amount.format())
