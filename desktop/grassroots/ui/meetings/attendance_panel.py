"""Who was invited and who came (to be built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from grassroots.ui.context import AppContext
from grassroots.ui.meetings.panel import MeetingPanel


class AttendancePanel(MeetingPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        QVBoxLayout(self).addWidget(QLabel("Who was invited and who came"))
