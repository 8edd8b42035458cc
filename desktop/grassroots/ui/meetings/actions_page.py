"""The action tracker: every open action across meetings (to be built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from grassroots.ui.context import AppContext


class ActionsPage(QWidget):
    """Page interface: built with the context; `title`; `refresh()`."""

    title = "Action tracker"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(QLabel("Action tracker"))

    def show_overdue(self, overdue_only: bool) -> None:
        pass

    def refresh(self) -> None:
        pass
