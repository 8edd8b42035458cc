"""One meeting: a header saying when, where and who, whether it is quorate and whether notice
was long enough, and three tabs that follow the secretary's work: the agenda before the
meeting, the attendance and the minutes during it.

The page loads the meeting once (ctx.tasks) and shows the same MeetingDetail to every tab;
a tab that writes says `changed` and the page loads it again.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.meetings.notice import check_notice
from grassroots.meetings.quorum import check_quorum
from grassroots.meetings.records import ApprovalResult, MeetingDetail, NoticeCheck, QuorumCheck
from grassroots.meetings.service import get_meeting
from grassroots.ui.context import AppContext
from grassroots.ui.meetings.agenda_panel import AgendaPanel
from grassroots.ui.meetings.attendance_panel import AttendancePanel
from grassroots.ui.meetings.minutes_panel import MinutesPanel
from grassroots.ui.meetings.panel import MeetingPanel
from grassroots.ui.meetings.print_menu import PrintMenu
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.actions import page_action, page_button


@dataclass(frozen=True)
class MeetingView:
    """All the header and the tabs show, loaded in one background job."""

    meeting: MeetingDetail
    quorum: QuorumCheck
    notice: NoticeCheck


def load_view(sessions, meeting_id: int) -> MeetingView:
    return MeetingView(
        get_meeting(sessions, meeting_id),
        check_quorum(sessions, meeting_id),
        check_notice(sessions, meeting_id),
    )


def when_line(meeting: MeetingDetail) -> str:
    """'Tuesday 10/03/2026, 19:30 to 21:00 · Small hall'."""
    when = f"{meeting.on:%A} {format_date(meeting.on)}"
    if meeting.starts_at:
        when += f", {format_time(meeting.starts_at)}"
        if meeting.ends_at:
            when += f" to {format_time(meeting.ends_at)}"
    return " · ".join(p for p in (when, meeting.venue) if p)


def people_line(meeting: MeetingDetail) -> str:
    parts = []
    if meeting.chair_name:
        parts.append(f"Chair: {meeting.chair_name}")
    if meeting.minute_taker_name:
        parts.append(f"Minutes: {meeting.minute_taker_name}")
    return " · ".join(parts) or "No chair or minute-taker named yet"


def quorum_text(view: MeetingView) -> str:
    """Before anyone is marked present, say what the quorum will be rather than that the
    meeting is not quorate, which would alarm a secretary still preparing it."""
    quorum = view.quorum
    if quorum.present == 0 and quorum.needed and view.meeting.on >= date.today():
        return f"The quorum is {quorum.needed}: mark who came on the Attendance tab."
    return quorum.reason


def amendments_text(meeting: MeetingDetail) -> str:
    items = {i.id: f"item {i.position}" for i in meeting.items}
    lines = [
        f"Amended {format_date(a.made_on)}"
        + (f" ({items[a.item_id]})" if a.item_id in items else "")
        + f": {html.escape(a.text)}"
        for a in meeting.amendments
    ]
    return "<br>".join(lines)


class MeetingPage(QWidget):
    """`show(meeting_id)` loads and shows a meeting; `back_requested` returns to the list."""

    back_requested = Signal()
    loaded = Signal(object)  # MeetingView, once shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("meetingPage")
        self.view: MeetingView | None = None
        self.meeting_id: int | None = None
        self._build()

    def _build(self) -> None:
        self.back = QPushButton("‹ All meetings")
        self.back.setObjectName("meetingBack")
        self.back.setToolTip("Back to the list of meetings (Alt+Left)")
        set_role(self.back, "link")
        self.back.clicked.connect(self.leave)
        page_action(self, "All meetings", self.leave, "Alt+Left")
        self.heading = set_role(QLabel(), "title")
        self.heading.setObjectName("meetingTitle")
        self.when = set_role(QLabel(), "lead")
        self.when.setObjectName("meetingWhen")
        self.people = set_role(QLabel(), "muted")
        self.people.setObjectName("meetingPeople")
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(6)
        self.details_button = self._button("&Details…", "meetingDetails", self.change_details)
        self.details_button.setToolTip("Change the date, times, venue, chair or minute-taker")
        self.print_button = self._button("&Print", "meetingPrint", None)
        self.print_menu = PrintMenu(self.ctx, self)
        self.print_button.setMenu(self.print_menu)
        self.approve_button = self._button("Appro&ve minutes…", "approveMinutes", self.approve)
        self.approve_button.setToolTip("Sign the minutes as a true record, which locks them")
        set_role(self.approve_button, "primary")
        self.amend_button = self._button("Record an a&mendment…", "amendMinutes", self.amend)
        self.amend_button.setToolTip("Correct signed minutes: kept beside them, never an edit")
        self.dialog: QWidget | None = None  # the dialog last opened (for tests)
        self.quorum = QLabel()
        self.quorum.setObjectName("meetingQuorum")
        self.quorum.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("meetingNotice")
        self.notice.setWordWrap(True)
        self.locked = QLabel()
        self.locked.setObjectName("meetingLocked")
        self.locked.setWordWrap(True)
        checks = QFrame()
        checks.setObjectName("notice")
        checks_column = QVBoxLayout(checks)
        checks_column.setContentsMargins(10, 6, 10, 6)
        self.amendments = QLabel()
        self.amendments.setObjectName("meetingAmendments")
        self.amendments.setWordWrap(True)
        for label in (self.locked, self.amendments, self.notice, self.quorum):
            checks_column.addWidget(label)
        self.checks = checks
        self.tabs = QTabWidget()
        self.tabs.setObjectName("meetingTabs")
        self.tabs.setAccessibleName("Parts of the meeting")
        self.agenda = AgendaPanel(self.ctx)
        self.attendance = AttendancePanel(self.ctx)
        self.minutes = MinutesPanel(self.ctx)
        self.panels: dict[str, MeetingPanel] = {
            "agenda": self.agenda,
            "attendance": self.attendance,
            "minutes": self.minutes,
        }
        for key, title in (
            ("agenda", "&Agenda"),
            ("attendance", "A&ttendance"),
            ("minutes", "&Minutes"),
        ):
            panel = self.panels[key]
            panel.setObjectName(f"{key}Panel")
            panel.changed.connect(self.reload)
            self.tabs.addTab(panel, title)
        self.tabs.currentChanged.connect(self._tab_changed)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.back)
        titles.addWidget(self.heading)
        titles.addWidget(self.when)
        titles.addWidget(self.people)
        top.addLayout(titles, 1)
        top.addLayout(self.buttons)
        self.buttons.setAlignment(Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 8, 16, 12)
        column.setSpacing(8)
        column.addLayout(top)
        column.addWidget(checks)
        column.addWidget(self.tabs, 1)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = page_button(text, name, slot)
        self.buttons.addWidget(button)
        return button

    # ------------------------------------------------------------ loading
    def show_meeting(self, meeting_id: int) -> None:
        """Load the meeting and show it (the tabs keep their place if it is the same one)."""
        if meeting_id != self.meeting_id:
            self.flush()
            self.view = None
        self.meeting_id = meeting_id
        self.reload()

    def reload(self) -> None:
        if self.meeting_id is None:
            return
        sessions, meeting_id = self.ctx.sessions, self.meeting_id
        self.ctx.tasks.run(lambda: load_view(sessions, meeting_id), self._show, parent=self)

    def refresh(self) -> None:
        self.reload()

    def _show(self, view: MeetingView) -> None:
        if view.meeting.id != self.meeting_id:
            return  # a slower load of a meeting since left
        self.view = view
        meeting = view.meeting
        self.heading.setText(meeting.title)
        self.when.setText(when_line(meeting))
        self.people.setText(people_line(meeting))
        self.locked.setVisible(meeting.locked)
        if meeting.locked:
            self.locked.setText(
                f"<b>Signed as a true record</b> on {format_date(meeting.minutes_approved_on)}"
                f" by {meeting.approved_by}. The minutes are locked; a correction is recorded "
                "as an amendment."
            )
        self.amendments.setVisible(bool(meeting.amendments))
        self.amendments.setText(amendments_text(meeting))
        self.notice.setVisible(not meeting.locked)
        self.notice.setText(view.notice.message)
        self.quorum.setText(quorum_text(view))
        self.details_button.setEnabled(not meeting.locked)
        self.approve_button.setVisible(not meeting.locked)
        self.approve_button.setEnabled(meeting.on <= date.today())
        self.approve_button.setToolTip(
            "Sign the minutes as a true record, which locks them"
            if meeting.on <= date.today()
            else "Minutes are approved after the meeting has been held"
        )
        self.amend_button.setVisible(meeting.locked)
        self.print_menu.show_meeting(meeting)
        for panel in self.panels.values():
            panel.show_meeting(meeting)
        self.loaded.emit(view)

    # ------------------------------------------------------------ leaving
    def flush(self) -> None:
        for panel in self.panels.values():
            panel.flush()

    def leave(self) -> None:
        self.flush()
        self.back_requested.emit()

    def _tab_changed(self, _index: int) -> None:
        self.flush()

    # ------------------------------------------------------------ the meeting itself
    def change_details(self) -> None:
        if self.view is None or self.view.meeting.locked:
            return
        from grassroots.ui.meetings.meeting_dialog import MeetingDialog

        self.flush()
        self.dialog = MeetingDialog(self.ctx, self.view.meeting, self)
        self.dialog.saved.connect(lambda _: self.reload())
        self.dialog.open()

    def approve(self) -> None:
        if self.view is None or self.view.meeting.locked:
            return
        from grassroots.ui.meetings.approval_dialogs import ApproveDialog

        self.flush()
        self.dialog = ApproveDialog(self.ctx, self.view.meeting, self)
        self.dialog.saved.connect(self._approved)
        self.dialog.open()

    def _approved(self, result: ApprovalResult) -> None:
        self.reload()
        if result.warnings:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                "Minutes approved",
                "The minutes are approved and locked.",
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("approvedBox")
            box.setInformativeText(" ".join(result.warnings))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog = box
            box.open()

    def amend(self) -> None:
        if self.view is None or not self.view.meeting.locked:
            return
        from grassroots.ui.meetings.approval_dialogs import AmendmentDialog

        self.dialog = AmendmentDialog(self.ctx, self.view.meeting, self)
        self.dialog.saved.connect(lambda _: self.reload())
        self.dialog.open()

    def show_tab(self, key: str) -> MeetingPanel:
        panel = self.panels[key]
        self.tabs.setCurrentWidget(panel)
        return panel
