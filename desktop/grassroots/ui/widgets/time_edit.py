"""A time of day typed as people write it (19:30, 7.30pm), read with core.clock.parse_time."""

from __future__ import annotations

from datetime import time

from PySide6.QtWidgets import QWidget

from grassroots.core.clock import format_time, parse_time
from grassroots.ui.widgets.checked_edit import CheckedEdit


class TimeEdit(CheckedEdit[time]):
    """`time()` is the typed time or None; `problem()` says what is wrong ('' when fine)."""

    missing = "Enter a time"

    def __init__(self, required: bool = False, parent: QWidget | None = None):
        super().__init__(required, parent)
        self.setPlaceholderText("hh:mm")

    def read(self, text: str) -> time:
        return parse_time(text)

    def write(self, value: time) -> str:
        return format_time(value)

    def time(self) -> time | None:
        return self.parsed()

    def set_time(self, value: time | None) -> None:
        self.setText(format_time(value) if value else "")
