"""The Year end tab of the Accounts area."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from grassroots.ui.context import AppContext


class YearEndPage(QWidget):
    """Page interface: built with the context; `title`; `refresh()`."""

    title = "Year end"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(QLabel("Year end"))
        self.refresh()

    def refresh(self) -> None:
        """Reload from the books."""
