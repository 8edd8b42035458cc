"""Plan a meeting, or change its details: the kind, date and times, venue, chair, minute-taker
and the day notice went out. A new meeting starts from its kind's standard agenda, invites the
people on the last such meeting's list, and carries open actions into matters arising."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from grassroots.meetings.records import KIND_LABELS, MeetingDetail, MeetingInput
from grassroots.meetings.service import plan_meeting, update_meeting
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_problems
from grassroots.ui.widgets.person_field import PersonField
from grassroots.ui.widgets.time_edit import TimeEdit

NEW_EXPLAIN = (
    "The agenda starts from the standard items for this kind of meeting, and any actions "
    "still open are carried into matters arising. The people on the last such meeting's list "
    "are invited; change the list on the Attendance tab."
)


class MeetingDialog(SavingDialog):
    """A new meeting (`meeting` None) or one whose details to change."""

    area = "meetings"  # saved gives the MeetingDetail

    def __init__(
        self, ctx: AppContext, meeting: MeetingDetail | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx, self.meeting = ctx, meeting
        self.setObjectName("meetingDialog")
        self.setWindowTitle("Change the meeting's details" if meeting else "Plan a meeting")
        self._make_fields()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "kind": add_field(form, "&Kind", self.kind),
            "title": add_field(form, "&Title", self.title),
            "on": add_field(form, "&Date", self.on),
            "starts_at": add_field(form, "&Starts at", self.starts_at),
            "ends_at": add_field(form, "&Ends at", self.ends_at),
            "venue": add_field(form, "&Venue", self.venue),
            "chair_id": add_field(form, "C&hair", self.chair),
            "minute_taker_id": add_field(form, "&Minute-taker", self.minute_taker),
            "notice_sent_on": add_field(form, "&Notice sent on", self.notice_sent_on),
        }
        ok_text = "&Save" if meeting else "&Plan meeting"
        self.frame(
            f"Change {meeting.title}" if meeting else "Plan a meeting",
            "The agenda stays as it is when the kind changes, so nothing typed is lost."
            if meeting
            else NEW_EXPLAIN,
            form,
            ok_text,
            "meetingOk",
        )
        self._fill(meeting)
        self.kind.setFocus()

    def _make_fields(self) -> None:
        self.kind = QComboBox()
        self.kind.setObjectName("meetingKind")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.title = QLineEdit()
        self.title.setObjectName("meetingTitleEdit")
        self.title.setMaxLength(200)
        self.on = DateEdit(required=True)
        self.on.setObjectName("meetingOn")
        self.starts_at = TimeEdit()
        self.starts_at.setObjectName("meetingStarts")
        self.ends_at = TimeEdit()
        self.ends_at.setObjectName("meetingEnds")
        self.venue = QLineEdit()
        self.venue.setObjectName("meetingVenue")
        self.venue.setMaxLength(200)
        self.venue.setPlaceholderText("e.g. Small hall, or the Red Lion's back room")
        self.chair = PersonField(self.ctx.sessions)
        self.chair.setObjectName("meetingChair")
        self.minute_taker = PersonField(self.ctx.sessions)
        self.minute_taker.setObjectName("meetingMinuteTaker")
        self.notice_sent_on = DateEdit()
        self.notice_sent_on.setObjectName("meetingNoticeSent")
        self.notice_sent_on.setPlaceholderText("dd/mm/yyyy, once the notice has gone out")
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def _fill(self, meeting: MeetingDetail | None) -> None:
        if meeting is None:
            self.on.set_date(date.today() + timedelta(days=14))
            self._kind_changed()
            return
        self.kind.setCurrentIndex(max(self.kind.findData(meeting.kind), 0))
        self.title.setText(meeting.title)
        self.on.set_date(meeting.on)
        self.starts_at.set_time(meeting.starts_at)
        self.ends_at.set_time(meeting.ends_at)
        self.venue.setText(meeting.venue)
        self.chair.set_person(meeting.chair_id, meeting.chair_name)
        self.minute_taker.set_person(meeting.minute_taker_id, meeting.minute_taker_name)
        self.notice_sent_on.set_date(meeting.notice_sent_on)

    def _kind_changed(self, _index: int = 0) -> None:
        self.title.setPlaceholderText(KIND_LABELS.get(self.kind.currentData(), ""))

    # ------------------------------------------------------------ saving
    def data(self) -> MeetingInput:
        return MeetingInput(
            kind=self.kind.currentData(),
            on=self.on.date() or date.today(),
            title=self.title.text(),
            starts_at=self.starts_at.time(),
            ends_at=self.ends_at.time(),
            venue=self.venue.text(),
            chair_id=self.chair.person_id(),
            minute_taker_id=self.minute_taker.person_id(),
            notice_sent_on=self.notice_sent_on.date(),
        )

    def submit(self) -> None:
        fields = {
            "on": self.on,
            "starts_at": self.starts_at,
            "ends_at": self.ends_at,
            "chair_id": self.chair,
            "minute_taker_id": self.minute_taker,
            "notice_sent_on": self.notice_sent_on,
        }
        problems = {key: field.problem() for key, field in fields.items() if field.problem()}
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, data, meeting = self.ctx.sessions, self.data(), self.meeting
        if meeting is None:
            job = lambda: plan_meeting(sessions, data)  # noqa: E731
        else:
            job = lambda: update_meeting(sessions, meeting.id, data)  # noqa: E731
        self.run_save(job)
