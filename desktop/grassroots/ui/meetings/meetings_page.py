"""The meetings list: what is coming up (soonest first), then past meetings by year with
whether their minutes have been signed. Enter or a double-click opens a meeting; the page then
shows that meeting until the secretary goes back (Alt+Left)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.meetings.records import MeetingDetail, MeetingSummary
from grassroots.meetings.service import delete_meeting, list_meetings
from grassroots.ui.context import AppContext
from grassroots.ui.meetings.meeting_page import MeetingPage
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.actions import page_action
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.empty_state import EmptyState
from grassroots.ui.widgets.list_tree import list_tree

MEETING = Qt.ItemDataRole.UserRole
COLUMNS = ("Date", "Time", "Meeting", "Venue", "Minutes")


def minutes_state(meeting: MeetingSummary, today: date) -> str:
    if meeting.minutes_approved_on is not None:
        return f"Signed {format_date(meeting.minutes_approved_on)}"
    return "To come" if meeting.on >= today else "Not yet signed"


class MeetingList(QWidget):
    """The list half of the page; `chosen()` is the selected meeting."""

    def __init__(self, page: MeetingsPage):
        super().__init__()
        self.page = page
        self.setObjectName("meetingList")
        heading = set_role(QLabel("Meetings"), "title")
        explain = set_role(
            QLabel(
                "Plan a meeting from the standard agenda, take the minutes on the night, and "
                "have them signed at the next meeting."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        self.new_button = QPushButton("&New meeting…")
        self.new_button.setObjectName("newMeeting")
        set_role(self.new_button, "primary")
        self.new_button.setToolTip("Plan a meeting (Ctrl+N)")
        self.new_button.clicked.connect(page.plan)
        self.open_button = QPushButton("&Open")
        self.open_button.setObjectName("openMeeting")
        self.open_button.clicked.connect(page.open_chosen)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setObjectName("deleteMeeting")
        self.delete_button.clicked.connect(page.delete_chosen)
        self.tree = list_tree("meetingsTree", "Meetings", COLUMNS, 2)
        self.tree.itemActivated.connect(lambda *_: page.open_chosen())
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.empty = EmptyState()
        self.empty.show_message(
            "No meetings yet",
            "Plan your next committee meeting or AGM: Grassroots starts the agenda for you "
            "from the standard items.",
            "Plan a meeting",
        )
        set_role(self.empty.first, "primary")
        self.empty.first.clicked.connect(lambda _=False: page.plan())
        self.empty.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addWidget(heading)
        column.addWidget(explain)
        column.addLayout(buttons)
        column.addWidget(self.tree, 1)
        column.addWidget(self.empty, 1)
        self._enable()

    def show_meetings(self, meetings: tuple[MeetingSummary, ...], today: date) -> None:
        chosen = self.chosen()
        self.tree.clear()
        self.tree.setVisible(bool(meetings))
        self.empty.setVisible(not meetings)
        coming = sorted((m for m in meetings if m.on >= today), key=lambda m: (m.on, m.id))
        groups: list[tuple[str, list[MeetingSummary]]] = []
        if coming:
            groups.append(("Coming up", coming))
        for meeting in (m for m in meetings if m.on < today):
            label = str(meeting.on.year)
            if not groups or groups[-1][0] != label:
                groups.append((label, []))
            groups[-1][1].append(meeting)
        bold = QFont(self.tree.font())
        bold.setBold(True)
        again = None
        for label, rows in groups:
            group = QTreeWidgetItem(self.tree, [label])
            group.setFirstColumnSpanned(True)
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for meeting in rows:
                item = QTreeWidgetItem(
                    self.tree,
                    [
                        format_date(meeting.on),
                        format_time(meeting.starts_at),
                        meeting.title,
                        meeting.venue,
                        minutes_state(meeting, today),
                    ],
                )
                item.setData(0, MEETING, meeting)
                if chosen is not None and meeting.id == chosen.id:
                    again = item
        first = again or next(
            (
                self.tree.topLevelItem(i)
                for i in range(self.tree.topLevelItemCount())
                if self.tree.topLevelItem(i).data(0, MEETING) is not None
            ),
            None,
        )
        if first is not None:
            self.tree.setCurrentItem(first)
        self._enable()

    def chosen(self) -> MeetingSummary | None:
        item = self.tree.currentItem()
        return item.data(0, MEETING) if item is not None else None

    def choose(self, meeting_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            meeting = item.data(0, MEETING)
            if meeting is not None and meeting.id == meeting_id:
                self.tree.setCurrentItem(item)

    def _enable(self) -> None:
        meeting = self.chosen()
        self.open_button.setEnabled(meeting is not None)
        self.delete_button.setEnabled(meeting is not None and not meeting.locked)


class MeetingsPage(QStackedWidget):
    """Page interface: built with the context; `title`; `refresh()`. `open_meeting(id)` shows
    one meeting, `plan()` starts a new one."""

    title = "Meetings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None  # the dialog or question last opened (for tests)
        self.list = MeetingList(self)
        self.meeting = MeetingPage(ctx)
        self.meeting.back_requested.connect(self.show_list)
        self.addWidget(self.list)
        self.addWidget(self.meeting)
        page_action(self, "New meeting", self.plan, "Ctrl+N")

    def refresh(self) -> None:
        if self.currentWidget() is self.meeting:
            self.meeting.refresh()
            return
        sessions, today = self.ctx.sessions, date.today()
        self.ctx.tasks.run(
            lambda: list_meetings(sessions),
            lambda rows: self.list.show_meetings(rows, today),
            parent=self,
        )

    def show_list(self) -> None:
        chosen = self.meeting.meeting_id
        self.setCurrentWidget(self.list)
        self.refresh()
        if chosen is not None:
            self.list.choose(chosen)
        self.list.tree.setFocus()

    def open_meeting(self, meeting_id: int) -> MeetingPage:
        self.setCurrentWidget(self.meeting)
        self.meeting.show_meeting(meeting_id)
        return self.meeting

    def open_chosen(self) -> None:
        meeting = self.list.chosen()
        if meeting is not None:
            self.open_meeting(meeting.id)

    def plan(self) -> None:
        from grassroots.ui.meetings.meeting_dialog import MeetingDialog

        self.dialog = MeetingDialog(self.ctx, None, self)
        self.dialog.saved.connect(self._planned)
        self.dialog.open()

    def _planned(self, meeting: MeetingDetail) -> None:
        self.open_meeting(meeting.id)

    def delete_chosen(self) -> None:
        meeting = self.list.chosen()
        if meeting is None or meeting.locked:
            return
        sessions = self.ctx.sessions

        def delete() -> None:
            self.ctx.tasks.run(
                lambda: delete_meeting(sessions, meeting.id),
                lambda _: self.ctx.events.changed.emit("meetings"),
                parent=self,
            )

        self.dialog = ask(
            self,
            "Delete this meeting?",
            f"Delete the {meeting.title} of {format_date(meeting.on)}, with its agenda, "
            "attendance and any minutes taken?",
            "Delete meeting",
            delete,
            detail="Use this for a meeting planned by mistake. Actions carried into it go back "
            "to the meeting they came from.",
        )
