"""Plan a meeting, or change its details: the kind, date and times, the room or venue, chair,
minute-taker and the day notice went out. A new meeting starts from its kind's standard agenda,
invites the people on the last such meeting's list, and carries open actions into matters
arising. A meeting in one of the group's rooms books it: a clash is named, and the secretary
chooses to book anyway or to change the time."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from grassroots.bookings.clashes import ClashError
from grassroots.bookings.venues import list_rooms
from grassroots.meetings.records import KIND_LABELS, MeetingDetail, MeetingInput
from grassroots.meetings.service import plan_meeting, update_meeting
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.confirm import ask
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
            "room_id": add_field(form, "&Room", self.room),
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
        self.room = QComboBox()
        self.room.setObjectName("meetingRoom")
        self.room.addItem("Not in one of our rooms", None)
        self.room.setToolTip("A meeting in one of the rooms the group books shows in Bookings")
        self.venue = QLineEdit()
        self.venue.setObjectName("meetingVenue")
        self.venue.setMaxLength(200)
        self.venue.setPlaceholderText("e.g. Small hall, or the Red Lion's back room")
        self.room.currentIndexChanged.connect(self._room_changed)
        sessions = self.ctx.sessions
        self.ctx.tasks.run(lambda: list_rooms(sessions), self._rooms_loaded, parent=self)
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

    def _rooms_loaded(self, rooms) -> None:
        wanted = self.meeting.room_id if self.meeting else None
        for room in rooms:
            self.room.addItem(room.label, room.id)
        if wanted is not None:
            self.room.setCurrentIndex(max(self.room.findData(wanted), 0))

    def _room_changed(self, _index: int = 0) -> None:
        chosen = self.room.currentData() is not None
        self.venue.setPlaceholderText(
            f"{self.room.currentText()} (or say more)"
            if chosen
            else "e.g. Small hall, or the Red Lion's back room"
        )

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
            venue=self.venue.text().strip() or self._room_label(),
            chair_id=self.chair.person_id(),
            minute_taker_id=self.minute_taker.person_id(),
            notice_sent_on=self.notice_sent_on.date(),
            room_id=self.room.currentData(),
        )

    def _room_label(self) -> str:
        return self.room.currentText() if self.room.currentData() is not None else ""

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
        self.run_save(self._job(allow_clash=False))

    def _job(self, allow_clash: bool):
        sessions, data, meeting = self.ctx.sessions, self.data(), self.meeting
        if meeting is None:
            return lambda: plan_meeting(sessions, data, allow_clash=allow_clash)
        return lambda: update_meeting(sessions, meeting.id, data, allow_clash=allow_clash)

    def _failed(self, exc: Exception) -> None:
        """A room already taken is named, with the choice to book it anyway."""
        if not isinstance(exc, ClashError):
            super()._failed(exc)
            return
        self.ok.setEnabled(True)
        ask(
            self,
            "The room is booked",
            f"{self.room.currentText()} is booked then.",
            "Book it anyway",
            lambda: self.run_save(self._job(allow_clash=True)),
            detail=str(exc),
        )
