"""A date typed the UK way (dd/mm/yyyy), read with core.dates.parse_date.

A line edit rather than QDateEdit: volunteers type "5/3/26" or "5 March 2026", paste dates
from spreadsheets, and leave optional dates blank; the spin-box sections of QDateEdit get in
the way of all three.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from grassroots.core.dates import format_date, parse_date
from grassroots.ui.widgets.checked_edit import CheckedEdit


class DateEdit(CheckedEdit[date]):
    """`date()` is the typed date or None; `problem()` says what is wrong ('' when fine)."""

    missing = "Enter a date"

    def __init__(self, required: bool = False, parent: QWidget | None = None):
        super().__init__(required, parent)
        self.setPlaceholderText("dd/mm/yyyy")

    def read(self, text: str) -> date:
        return parse_date(text)

    def write(self, value: date) -> str:
        return format_date(value)

    def date(self) -> date | None:
        return self.parsed()

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value))
