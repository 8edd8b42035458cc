"""Who was invited and who came, taken on the night at the keyboard: the secretary goes down
the list pressing P (present), A (apologies), X (absent) or G (guest), and the next name is
selected after each mark, so a committee of twelve is recorded in twelve key presses. A line
above the list counts who is here and whether that makes the meeting quorate.

Every change is one background call to the attendance services, then `changed`, so the page
reloads the meeting and every tab shows the same list. Once the minutes are signed the list is
shown read-only, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.dates import format_date
from grassroots.core.errors import GrassrootsError, ValidationError
from grassroots.group.service import GroupSettings
from grassroots.meetings.attendance import invite, mark_attendance, remove_attendee
from grassroots.meetings.quorum import judge_quorum
from grassroots.meetings.records import STATUS_LABELS, AttendeeRow, MeetingDetail
from grassroots.ui.context import AppContext
from grassroots.ui.meetings.panel import MeetingPanel
from grassroots.ui.theme import COLOURS, set_role
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.empty_state import EmptyState
from grassroots.ui.widgets.field_error import FieldError
from grassroots.ui.widgets.person_field import PersonField
from grassroots.ui.widgets.record_table import RecordTable

PERSON = Qt.ItemDataRole.UserRole
COLUMNS = ("Name", "Status", "Note")
KEYS = {
    Qt.Key.Key_P: "present",
    Qt.Key.Key_A: "apologies",
    Qt.Key.Key_X: "absent",
    Qt.Key.Key_G: "guest",
}
STATUS_COLOURS = {
    "present": COLOURS.accent_dark,
    "apologies": COLOURS.warning,
    "absent": COLOURS.error,
    "invited": COLOURS.muted,
    "guest": COLOURS.text,
}
KEY_HELP = (
    "Select a name and press P for present, A for apologies, X for absent or G for a guest; "
    "the next name is selected for you. Enter adds a note, Delete takes someone off the list."
)
NOTE_LIMIT = 200


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def count_line(meeting: MeetingDetail, settings: GroupSettings | None) -> str:
    """'4 present · 1 apologies · 0 absent · 1 guest — quorate (quorum 3)', as rich text; the
    quorum is counted as check_quorum counts it (guests do not count towards it)."""
    statuses = [a.status for a in meeting.attendance]
    present = statuses.count("present")
    parts = [
        f"{present} present",
        f"{statuses.count('apologies')} apologies",
        f"{statuses.count('absent')} absent",
        plural(statuses.count("guest"), "guest", "guests"),
    ]
    if statuses.count("invited"):
        waiting = "not marked" if meeting.locked else "not yet marked"
        parts.append(f"{statuses.count('invited')} {waiting}")
    line = escape(" · ".join(parts))
    if settings is None:
        return line
    trustees = len([s for s in statuses if s != "guest"])
    check = judge_quorum(settings, meeting.kind, present, trustees)
    if meeting.kind == "open":
        verdict, colour = "no quorum needed at an open meeting", COLOURS.muted
    elif check.met:
        verdict, colour = f"quorate (quorum {check.needed})", COLOURS.accent_dark
    else:
        verdict, colour = f"not quorate (quorum {check.needed})", COLOURS.error
    return f'{line} — <b style="color:{colour}">{escape(verdict)}</b>'


class AttendanceTable(RecordTable):
    """The list; a status key (P, A, X, G) says `mark_pressed(status)`."""

    mark_pressed = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = KEYS.get(Qt.Key(event.key()))
        plain_key = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if status is not None and plain_key:
            self.mark_pressed.emit(status)
        else:
            super().keyPressEvent(event)


class AttendancePanel(MeetingPanel):
    """The attendance tab. `dialog` is the note box or question last opened (for tests)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.settings: GroupSettings | None = None
        self.dialog: QWidget | None = None
        self._added: int | None = None  # selected once the list comes back with them on it
        self._build()
        self._enable()

    # ------------------------------------------------------------ layout
    def _build(self) -> None:
        self.person = PersonField(self.ctx.sessions)
        self.person.setObjectName("attendancePerson")
        self.person.setAccessibleName("Person to add to the list")
        self.person.setToolTip("Type part of a name, then choose the person from the list")
        self.person.returnPressed.connect(lambda: self.add("invited"))
        self.person.person_changed.connect(lambda _id: self._person_changed())
        caption = QLabel("Add &someone:")
        caption.setBuddy(self.person)
        self.invite_button = self._button(
            "&Invite", "attendanceInvite", "Put the chosen person on the list as invited (Enter)"
        )
        self.invite_button.clicked.connect(lambda: self.add("invited"))
        self.guest_button = self._button(
            "Add as &guest", "attendanceGuest", "Put the chosen person on the list as a guest"
        )
        self.guest_button.clicked.connect(lambda: self.add("guest"))
        self.problem = FieldError()
        self.problem.setObjectName("attendanceProblem")
        self.adding = QWidget()
        add_row = QHBoxLayout(self.adding)
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(caption)
        add_row.addWidget(self.person, 1)
        add_row.addWidget(self.invite_button)
        add_row.addWidget(self.guest_button)
        add_row.addStretch(1)
        em = self.person.fontMetrics().horizontalAdvance("M")
        self.person.setMaximumWidth(28 * em)

        self.count = QLabel()
        self.count.setObjectName("attendanceCount")
        self.count.setAccessibleName("Attendance count")
        self.count.setTextFormat(Qt.TextFormat.RichText)
        font = self.count.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.count.setFont(font)
        self.locked_line = set_role(QLabel(), "muted")
        self.locked_line.setObjectName("attendanceLocked")
        self.locked_line.setWordWrap(True)
        self.help = set_role(QLabel(KEY_HELP), "muted")
        self.help.setObjectName("attendanceHelp")
        self.help.setWordWrap(True)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.table = AttendanceTable("attendanceTable", "People on the meeting's list")
        self.table.setModel(self.model)
        self.table.setToolTip(
            "P present · A apologies · X absent · G guest · Enter note · Delete remove"
        )
        self.table.setStyleSheet("QTableView::item { padding: 4px 8px; }")
        self.table.verticalHeader().setDefaultSectionSize(
            int(self.table.fontMetrics().height() * 1.8)
        )
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.table.fontMetrics().horizontalAdvance("M")
        header.resizeSection(0, 16 * em)
        header.resizeSection(1, 9 * em)
        self.table.mark_pressed.connect(self.mark)
        self.table.open_pressed.connect(self.edit_note)
        self.table.doubleClicked.connect(lambda _index: self.edit_note())
        self.table.delete_pressed.connect(self.remove)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())

        self.empty = EmptyState()
        self.empty.show_message(
            "Nobody on the list yet",
            "Nobody is on this meeting's list yet. Invite the committee: type a name above. "
            "The minutes cannot be signed until someone is recorded as present.",
        )
        self.empty.hide()

        self.present_button = self._mark_button("Present", "present", "P")
        self.apologies_button = self._mark_button("Apologies", "apologies", "A")
        self.absent_button = self._mark_button("Absent", "absent", "X")
        self.note_button = self._button(
            "&Note…", "attendanceNote", "Add or change the note for the selected person (Enter)"
        )
        self.note_button.clicked.connect(self.edit_note)
        self.remove_button = self._button(
            "&Remove…", "attendanceRemove", "Take the selected person off the list (Delete)"
        )
        self.remove_button.clicked.connect(self.remove)
        self.all_present_button = self._button(
            "Mark everyone invited as present",
            "attendanceAllPresent",
            "Everyone still marked invited becomes present; change the few who are not after",
        )
        self.all_present_button.clicked.connect(self.mark_all_present)
        self.marking = QWidget()
        buttons = QHBoxLayout(self.marking)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.present_button, self.apologies_button, self.absent_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.all_present_button)

        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)
        column.addWidget(self.adding)
        column.addWidget(self.problem)
        column.addWidget(self.count)
        column.addWidget(self.locked_line)
        column.addWidget(self.help)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty, 1)
        column.addWidget(self.marking)
        self.locked_line.hide()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        return button

    def _mark_button(self, text: str, status: str, key: str) -> QPushButton:
        button = self._button(
            text, f"attendance{text}", f"Mark the selected person {text.lower()} ({key})"
        )
        button.clicked.connect(lambda: self.mark(status))
        return button

    # ------------------------------------------------------------ showing
    def show_meeting(self, meeting: MeetingDetail) -> None:
        chosen = self.chosen()
        same = self.meeting is not None and self.meeting.id == meeting.id
        keep = self._added or (chosen.person_id if chosen is not None and same else None)
        self._added = None
        super().show_meeting(meeting)
        self._fill(meeting.attendance, keep)
        locked = meeting.locked
        self.adding.setVisible(not locked)
        self.marking.setVisible(not locked and bool(meeting.attendance))
        self.help.setVisible(not locked and bool(meeting.attendance))
        self.locked_line.setVisible(locked)
        if locked:
            self.problem.show_error("")
            self.locked_line.setText(
                f"The minutes were signed as a true record on "
                f"{format_date(meeting.minutes_approved_on)}, so who attended can no longer "
                "be changed here."
            )
        self.table.setVisible(bool(meeting.attendance))
        self.empty.setVisible(not meeting.attendance)
        if locked and not meeting.attendance:
            self.empty.show_message("Nobody on the list", "Nobody was recorded at this meeting.")
        self.count.setVisible(bool(meeting.attendance))
        self.count.setText(count_line(meeting, self.settings))
        self._enable()
        ctx, meeting_id = self.ctx, meeting.id
        self.ctx.tasks.run(
            ctx.settings, lambda s: self._settings_loaded(meeting_id, s), parent=self
        )

    def _settings_loaded(self, meeting_id: int, settings: GroupSettings) -> None:
        self.settings = settings
        if self.meeting is not None and self.meeting.id == meeting_id:
            self.count.setText(count_line(self.meeting, settings))

    def _fill(self, rows: tuple[AttendeeRow, ...], keep: int | None) -> None:
        """Show `rows` (in the services' order, by surname), keeping `keep` selected."""
        self.model.removeRows(0, self.model.rowCount())
        bold = QFont(self.table.font())
        bold.setWeight(QFont.Weight.DemiBold)
        current = 0
        for n, row in enumerate(rows):
            name = QStandardItem(row.name)
            name.setData(row, PERSON)
            name.setAccessibleText(f"{row.name}, {row.status_label}")
            status = QStandardItem(row.status_label)
            status.setForeground(QColor(STATUS_COLOURS.get(row.status, COLOURS.text)))
            if row.status != "invited":
                status.setFont(bold)
            note = QStandardItem(row.note)
            note.setToolTip(row.note)
            self.model.appendRow([name, status, note])
            if row.person_id == keep:
                current = n
        if rows:
            self.table.setCurrentIndex(self.model.index(current, 0))

    # ------------------------------------------------------------ reading the list
    def chosen(self) -> AttendeeRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.index(index.row(), 0).data(PERSON)

    def choose(self, person_id: int) -> None:
        for n in range(self.model.rowCount()):
            if self.model.index(n, 0).data(PERSON).person_id == person_id:
                self.table.setCurrentIndex(self.model.index(n, 0))

    def _writable(self) -> bool:
        return self.meeting is not None and not self.meeting.locked

    def _enable(self) -> None:
        writable = self._writable()
        chosen = writable and self.chosen() is not None
        for button in (
            self.present_button,
            self.apologies_button,
            self.absent_button,
            self.note_button,
            self.remove_button,
        ):
            button.setEnabled(chosen)
        invited = self.meeting is not None and bool(self.meeting.with_status("invited"))
        self.all_present_button.setEnabled(writable and invited)
        person = writable and self.person.person_id() is not None
        self.invite_button.setEnabled(person)
        self.guest_button.setEnabled(person)

    def _person_changed(self) -> None:
        self.problem.show_error("")
        self._enable()

    # ------------------------------------------------------------ writing
    def _write(self, job: Callable[[], object], on_error=None) -> None:
        """Run one write in the background, then have the page reload the meeting."""
        self.ctx.tasks.run(job, lambda _result: self.changed.emit(), on_error, parent=self)

    def mark(self, status: str) -> None:
        """Mark the selected person and move to the next, ready for the next key press."""
        row = self.chosen()
        if row is None or not self._writable() or self.meeting is None:
            return
        sessions, meeting_id = self.ctx.sessions, self.meeting.id
        self._write(lambda: mark_attendance(sessions, meeting_id, row.person_id, status, row.note))
        current = self.table.currentIndex().row()
        status_item = self.model.item(current, 1)
        status_item.setText(STATUS_LABELS[status])  # shown at once; the reload confirms it
        status_item.setForeground(QColor(STATUS_COLOURS.get(status, COLOURS.text)))
        if current + 1 < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(current + 1, 0))

    def mark_all_present(self) -> None:
        if not self._writable() or self.meeting is None:
            return
        waiting = self.meeting.with_status("invited")
        sessions, meeting_id = self.ctx.sessions, self.meeting.id

        def job() -> None:
            for row in waiting:
                mark_attendance(sessions, meeting_id, row.person_id, "present", row.note)

        self._write(job)

    def edit_note(self) -> None:
        row = self.chosen()
        if row is None or not self._writable() or self.meeting is None:
            return
        box = QInputDialog(self)
        box.setObjectName("attendanceNoteBox")
        box.setWindowTitle("Note")
        box.setLabelText(f"A note about {row.name} at this meeting (e.g. “arrived late”):")
        box.setTextValue(row.note)
        box.setOkButtonText("Save note")
        box.setMinimumWidth(32 * box.fontMetrics().horizontalAdvance("M"))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        edit = box.findChild(QLineEdit)
        if edit is not None:
            edit.setMaxLength(NOTE_LIMIT)
            edit.setAccessibleName(f"Note about {row.name}")
        sessions, meeting_id = self.ctx.sessions, self.meeting.id
        box.textValueSelected.connect(
            lambda text: self._write(
                lambda: mark_attendance(sessions, meeting_id, row.person_id, row.status, text)
            )
        )
        self.dialog = box
        box.open()

    def remove(self) -> None:
        row = self.chosen()
        if row is None or not self._writable() or self.meeting is None:
            return
        sessions, meeting_id = self.ctx.sessions, self.meeting.id
        after = self._neighbour()

        def taken_off() -> None:
            if after is not None:
                self.choose(after.person_id)
            self._write(lambda: remove_attendee(sessions, meeting_id, row.person_id))

        self.dialog = ask(
            self,
            "Take off the list",
            f"Take {row.name} off this meeting's list?",
            "Take off the list",
            taken_off,
            detail="Do this for someone invited by mistake. To record that they did not "
            "come, mark them absent or send apologies instead.",
        )

    def _neighbour(self) -> AttendeeRow | None:
        """Who to select once the chosen person is gone: the next name, else the one before."""
        current = self.table.currentIndex().row()
        for n in (current + 1, current - 1):
            if 0 <= n < self.model.rowCount():
                return self.model.index(n, 0).data(PERSON)
        return None

    def add(self, status: str) -> None:
        """Put the person in the field on the list, invited or as a guest."""
        if not self._writable() or self.meeting is None:
            return
        person = self.person.person()
        if person is None:
            self.problem.show_error(self.person.problem() or "Type part of a name first")
            return
        listed = next((a for a in self.meeting.attendance if a.person_id == person.id), None)
        if listed is not None:
            self.choose(person.id)
            self.problem.show_error(
                f"{listed.name} is already on the list ({listed.status_label.lower()})."
            )
            return
        self.problem.show_error("")
        sessions, meeting_id, person_id = self.ctx.sessions, self.meeting.id, person.id
        if status == "guest":
            job = lambda: mark_attendance(sessions, meeting_id, person_id, "guest")  # noqa: E731
        else:
            job = lambda: invite(sessions, meeting_id, (person_id,))  # noqa: E731

        def done(_result: object) -> None:
            self.person.set_person(None)
            self._added = person_id
            self._enable()
            self.changed.emit()

        self.ctx.tasks.run(job, done, self._add_failed, parent=self)

    def _add_failed(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            self.problem.show_error(" ".join(exc.fields.values()))
        elif isinstance(exc, GrassrootsError):
            self.problem.show_error(str(exc))
        else:
            self.ctx.tasks.report(exc, parent=self)
