"""The People & Members page (placeholder until the list and forms land)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from grassroots.members.records import MemberStatus
from grassroots.ui.context import AppContext


class MembersPage(QWidget):
    """Page interface every area page follows: built with the context; `title`; `refresh()`."""

    title = "People & Members"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("People and members"))

    def refresh(self) -> None:
        """Reload from the services (called when shown and when data changed)."""

    def show_status(self, status: MemberStatus | None) -> None:
        """Show the list filtered to one status (the Home page's links use this)."""

    def open_person(self, person_id: int) -> None:
        """Open one person's record."""
