"""A line edit that reads what is typed into a value and says, as you type, what is wrong.

Dates and money are typed as text because volunteers paste from spreadsheets and write values
many ways ("5/3/26", "£12.50"); a subclass says how to read the text, what to call it when it
is missing, and how to write a value back tidily.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

T = TypeVar("T")


class CheckedEdit(QLineEdit, Generic[T]):
    """`parsed()` is the value or None; `problem()` says what is wrong ('' when fine)."""

    problem_changed = Signal(str)
    missing = "Fill this in"

    def __init__(self, required: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.required = required
        self.setMaxLength(20)
        self._problem = ""
        self.textChanged.connect(self._check)
        self.editingFinished.connect(self._tidy)
        self._check(self.text())

    def read(self, text: str) -> T:
        """The value in `text`; ValueError with a message fit to show when it is wrong."""
        raise NotImplementedError

    def write(self, value: T) -> str:
        raise NotImplementedError

    def parsed(self) -> T | None:
        try:
            return self.read(self.text())
        except ValueError:
            return None

    def problem(self) -> str:
        return self._problem

    def is_valid(self) -> bool:
        return not self._problem

    def _check(self, text: str) -> None:
        problem = ""
        if not text.strip():
            problem = self.missing if self.required else ""
        else:
            try:
                self.read(text)
            except ValueError as exc:
                message = str(exc)
                problem = message[:1].upper() + message[1:]
        if problem != self._problem:
            self._problem = problem
            self.problem_changed.emit(problem)

    def _tidy(self) -> None:
        value = self.parsed()
        if value is not None and not self._problem and self.text() != self.write(value):
            self.setText(self.write(value))
