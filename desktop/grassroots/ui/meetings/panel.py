"""What a tab of the meeting page is: built with the context, shown a MeetingDetail, and
saying `changed` after it writes, so the page reloads the meeting once and shows every tab
the same state. A panel writes through ctx.tasks and never keeps rows of its own."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from grassroots.meetings.records import MeetingDetail
from grassroots.ui.context import AppContext


class MeetingPanel(QWidget):
    """Subclasses fill `show_meeting`; `self.meeting` is the meeting last shown (None before)."""

    changed = Signal()  # something was written: the page reloads the meeting

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.meeting: MeetingDetail | None = None

    def show_meeting(self, meeting: MeetingDetail) -> None:
        self.meeting = meeting

    def flush(self) -> None:
        """Save anything typed but not yet saved (before the meeting is left or reloaded)."""
