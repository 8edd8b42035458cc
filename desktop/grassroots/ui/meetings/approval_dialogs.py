"""Signing the minutes as a true record, and recording a correction to signed minutes.

Approval usually happens at the next meeting, so the signer defaults to the chair and the
date to today. Once signed, the minutes are locked; an amendment is kept beside them, with the
item it corrects, and is printed with them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from grassroots.core.dates import format_date
from grassroots.meetings.minutes import approve_minutes, record_amendment
from grassroots.meetings.records import MeetingDetail
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_problems


class ApproveDialog(SavingDialog):
    area = "meetings"

    """Sign `meeting`'s minutes; `saved` gives the ApprovalResult (with any warning)."""

    def __init__(self, ctx: AppContext, meeting: MeetingDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.meeting = ctx, meeting
        self.setObjectName("approveDialog")
        self.setWindowTitle("Approve the minutes")
        self.approved_on = DateEdit(required=True)
        self.approved_on.setObjectName("approvedOn")
        self.approved_on.set_date(max(date.today(), meeting.on))
        self.approved_by = QLineEdit(meeting.chair_name)
        self.approved_by.setObjectName("approvedBy")
        self.approved_by.setMaxLength(200)
        self.approved_by.setPlaceholderText("The chair who signs them, e.g. Margaret Ellis")
        self.form = QFormLayout()
        self.errors = {
            "approved_on": add_field(self.form, "&Approved on", self.approved_on),
            "approved_by": add_field(self.form, "&Signed by", self.approved_by),
        }
        self.frame(
            f"Approve the minutes of the {meeting.title}, {format_date(meeting.on)}",
            "Approve them once the meeting has agreed them as a true record, usually at the "
            "next meeting. They are then locked: a later correction is recorded as an "
            "amendment beside them, never a silent edit.",
            self.form,
            "&Approve and lock",
            "approveOk",
        )
        self.approved_by.setFocus()

    def submit(self) -> None:
        problems = {}
        if self.approved_on.problem():
            problems["approved_on"] = self.approved_on.problem()
        if not self.approved_by.text().strip():
            problems["approved_by"] = "Give the name of the person signing the minutes"
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, meeting_id = self.ctx.sessions, self.meeting.id
        on, by = self.approved_on.date(), self.approved_by.text()
        self.run_save(lambda: approve_minutes(sessions, meeting_id, on, by))


class AmendmentDialog(SavingDialog):
    area = "meetings"

    """Record a correction to `meeting`'s signed minutes."""

    def __init__(self, ctx: AppContext, meeting: MeetingDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.meeting = ctx, meeting
        self.setObjectName("amendmentDialog")
        self.setWindowTitle("Record an amendment")
        self.item = QComboBox()
        self.item.setObjectName("amendmentItem")
        self.item.addItem("The minutes as a whole", None)
        for row in meeting.items:
            self.item.addItem(f"{row.position}. {row.title}", row.id)
        self.text = QPlainTextEdit()
        self.text.setObjectName("amendmentText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("e.g. Item 4: the grant was £1,500, not £1,050 as minuted.")
        self.text.setFixedHeight(int(self.fontMetrics().lineSpacing() * 4.6))
        self.made_on = DateEdit(required=True)
        self.made_on.setObjectName("amendmentOn")
        self.made_on.set_date(date.today())
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "item_id": add_field(self.form, "&Corrects", self.item),
            "text": add_field(self.form, "C&orrection", self.text),
            "made_on": add_field(self.form, "&Agreed on", self.made_on),
        }
        self.frame(
            f"Correct the signed minutes of {format_date(meeting.on)}",
            "The signed minutes stay as they were; the correction is kept beside them, dated, "
            "and printed with them.",
            self.form,
            "&Record amendment",
            "amendmentOk",
        )
        self.text.setFocus()

    def submit(self) -> None:
        problems = {}
        if not self.text.toPlainText().strip():
            problems["text"] = "Write the correction to the minutes"
        if self.made_on.problem():
            problems["made_on"] = self.made_on.problem()
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, meeting_id = self.ctx.sessions, self.meeting.id
        text, on, item_id = self.text.toPlainText(), self.made_on.date(), self.item.currentData()
        self.run_save(lambda: record_amendment(sessions, meeting_id, text, on, item_id))
