"""A date typed the UK way (dd/mm/yyyy), read with core.dates.parse_date.

A line edit rather than QDateEdit: volunteers type "5/3/26" or "5 March 2026", paste dates
from spreadsheets, and leave optional dates blank; the spin-box sections of QDateEdit get in
the way of all three.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from grassroots.core.dates import format_date, parse_date


class DateEdit(QLineEdit):
    """`date()` is the typed date or None; `problem()` says what is wrong ('' when fine)."""

    problem_changed = Signal(str)

    def __init__(self, required: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.required = required
        self.setPlaceholderText("dd/mm/yyyy")
        self.setMaxLength(20)
        self._problem = ""
        self.textChanged.connect(self._check)
        self.editingFinished.connect(self._tidy)
        self._check(self.text())

    def date(self) -> date | None:
        try:
            return parse_date(self.text())
        except ValueError:
            return None

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value))

    def problem(self) -> str:
        return self._problem

    def is_valid(self) -> bool:
        return not self._problem

    def _check(self, text: str) -> None:
        problem = ""
        if not text.strip():
            problem = "Enter a date" if self.required else ""
        else:
            try:
                parse_date(text)
            except ValueError as exc:
                problem = _sentence(str(exc))
        if problem != self._problem:
            self._problem = problem
            self.problem_changed.emit(problem)

    def _tidy(self) -> None:
        value = self.date()
        if value is not None and self.text() != format_date(value):
            self.setText(format_date(value))


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]
