"""Take a booking, or change one: room, hirer, date and times, how it repeats, numbers and the
charge. While the form is filled in, the charge and any clashes or warnings are worked out in
the background and shown below it, so the booking secretary sees a double booking before
saving rather than after; saving over a clash asks first ("Book anyway?")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.bookings.charges import charge_for
from grassroots.bookings.clashes import ClashError
from grassroots.bookings.hirers import add_hirer, list_hirers
from grassroots.bookings.records import (
    BAND_LABELS,
    BASIS_LABELS,
    STATUS_LABELS,
    BookingCheck,
    BookingDetail,
    BookingInput,
    Clash,
    HirerInput,
    HirerRow,
    RoomRow,
)
from grassroots.bookings.service import add_booking, check_booking, get_booking, update_booking
from grassroots.bookings.venues import list_rooms
from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.ui.bookings.repeat_editor import RepeatEditor
from grassroots.ui.context import AppContext
from grassroots.ui.theme import COLOURS, set_role
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_failure, show_problems
from grassroots.ui.widgets.list_tree import list_tree
from grassroots.ui.widgets.money_edit import MoneyEdit
from grassroots.ui.widgets.person_field import PersonField
from grassroots.ui.widgets.time_edit import TimeEdit

CHECK_AFTER_MS = 300
OWN_USE, NEW_HIRER = "own", "new"
SERIES_NOTE = (
    "This booking repeats: changes here apply to every date in the series. To change one date "
    "only, skip it here or move it in the calendar."
)


@dataclass(frozen=True)
class Preview:
    """What the form would book: its clashes and warnings, and the charge in words."""

    check: BookingCheck
    charge: str


def charge_words(each: Money | None, basis: str, agreed: bool, dates: int) -> str:
    """'£60.00 a session × 13 = £780.00'; 'No charge'; '' when there is no rate to go on."""
    if basis == "free" and not agreed:
        return "No charge"
    if each is None:
        return ""
    unit = "a date (agreed charge)" if agreed else "a session" if basis == "session" else "a date"
    if dates <= 1:
        return f"{each.format()} {unit}"
    return f"{each.format()} {unit} × {dates:,} = {Money(each.pence * dates).format()}"


def preview(sessions, data: BookingInput, booking_id: int | None, room: RoomRow, band: str):
    """Run in the background: the clash check and the charge for the form as it stands."""
    check = check_booking(sessions, data, booking_id)
    each = charge_for(
        room, band, data.charge_basis, data.first_on, data.starts_at, data.ends_at, data.charge
    )
    words = charge_words(each, data.charge_basis, data.charge is not None, check.dates)
    if data.charge_basis == "hourly" and data.charge is None and each is not None:
        rate = room.rate(band) or room.rate("standard")
        if rate is not None and rate.hourly is not None:
            words += f"  ({rate.hourly.format()} an hour, {BAND_LABELS.get(band, band).lower()})"
    return Preview(check, words)


def _load(sessions, booking_id: int | None):
    detail = get_booking(sessions, booking_id) if booking_id is not None else None
    return list_rooms(sessions), list_hirers(sessions), detail


class BookingDialog(SavingDialog):
    """A new booking (optionally on a date, at a time, in a room, for a hirer), or the booking
    `booking_id` to change (the whole series, for a repeating one)."""

    area = "bookings"  # saved gives the BookingDetail
    ready = Signal()  # the rooms, hirers and booking have been loaded into the form
    checked = Signal()  # the preview below the form has been brought up to date

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        booking_id: int | None = None,
        on: date | None = None,
        starts_at: time | None = None,
        room_id: int | None = None,
        hirer_id: int | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.booking_id = ctx, booking_id
        self.rooms: dict[int, RoomRow] = {}
        self.hirers: dict[int, HirerRow] = {}
        self.detail: BookingDetail | None = None
        self.preview_: Preview | None = None
        self.question = None  # the "Book anyway?" box, while it is open
        self._asked = (on, starts_at, room_id, hirer_id)
        self._generation = 0
        self._filling = True
        self._last_hirer = 0
        self.setObjectName("bookingDialog")
        self.setWindowTitle("Change booking" if booking_id else "New booking")
        self._make_fields()
        form = self._lay_out()
        self.frame(
            "Change booking" if booking_id else "New booking",
            "Clashes and the charge are worked out as you type, and shown below.",
            form,
            "&Save" if booking_id else "&Book",
            "bookingOk",
        )
        self.ok.setEnabled(False)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_AFTER_MS)
        self.timer.timeout.connect(self.check_now)
        self.resize(980, self.sizeHint().height())
        ctx.tasks.run(lambda: _load(ctx.sessions, booking_id), self._loaded, parent=self)

    # ------------------------------------------------------------ building
    def _make_fields(self) -> None:
        self.room = QComboBox()
        self.room.setObjectName("bookingRoom")
        self.hirer = QComboBox()
        self.hirer.setObjectName("bookingHirer")
        self.hirer.setEditable(True)
        self.hirer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.hirer.lineEdit().setPlaceholderText("Type part of a name")
        self.hirer.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.hirer.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.title = QLineEdit()
        self.title.setObjectName("bookingTitle")
        self.title.setMaxLength(200)
        self.title.setPlaceholderText("e.g. Pilates class; left blank, the hirer's name")
        self.on = DateEdit(required=True)
        self.on.setObjectName("bookingOn")
        self.starts_at = TimeEdit(required=True)
        self.starts_at.setObjectName("bookingStarts")
        self.ends_at = TimeEdit(required=True)
        self.ends_at.setObjectName("bookingEnds")
        self.status = QComboBox()
        self.status.setObjectName("bookingStatus")
        for key, label in STATUS_LABELS.items():
            self.status.addItem(label, key)
        self.status.setCurrentIndex(self.status.findData("confirmed"))
        self.repeat = RepeatEditor()
        self.repeat.setObjectName("bookingRepeat")
        self._make_skipped()
        self.expected = QSpinBox()
        self.expected.setObjectName("bookingExpected")
        self.expected.setRange(0, 100000)
        self.expected.setSpecialValueText("Not known")
        self.setup = self._minutes("bookingSetup")
        self.cleardown = self._minutes("bookingCleardown")
        self.basis = QComboBox()
        self.basis.setObjectName("bookingBasis")
        for key, label in BASIS_LABELS.items():
            self.basis.addItem(label, key)
        self.charge = MoneyEdit(required=False)
        self.charge.setObjectName("bookingCharge")
        self.charge.setPlaceholderText("From the room's rates")
        self.charge.setToolTip("A charge agreed for each date, instead of the room's rate")
        self.deposit = MoneyEdit(required=False)
        self.deposit.setObjectName("bookingDeposit")
        self.deposit.setPlaceholderText("None")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("bookingNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    @staticmethod
    def _minutes(name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(-1, 24 * 60)
        box.setSingleStep(5)
        box.setSuffix(" min")
        box.setSpecialValueText("As the room")
        box.setValue(-1)
        return box

    def _make_skipped(self) -> None:
        self.skipped = QListWidget()
        self.skipped.setObjectName("bookingSkipped")
        self.skipped.setAccessibleName("Skipped dates")
        self.skipped.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.skip_on = DateEdit()
        self.skip_on.setObjectName("bookingSkipOn")
        self.skip_on.setAccessibleName("Date to skip")
        self.skip_add = QPushButton("&Add")
        self.skip_add.setObjectName("bookingSkipAdd")
        self.skip_add.setAccessibleName("Add a skipped date")
        self.skip_remove = QPushButton("Re&move")
        self.skip_remove.setObjectName("bookingSkipRemove")
        self.skip_remove.setAccessibleName("Remove the skipped date")
        self.skip_add.clicked.connect(lambda _=False: self.add_skip())
        self.skip_remove.clicked.connect(lambda _=False: self.remove_skip())
        self.skip_on.returnPressed.connect(self.add_skip)
        self.skipped_box = QWidget()
        column = QVBoxLayout(self.skipped_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.skip_on, 1)
        row.addWidget(self.skip_add)
        row.addWidget(self.skip_remove)
        column.addWidget(self.skipped)
        column.addLayout(row)

    def _lay_out(self) -> QFormLayout:
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setVerticalSpacing(8)
        self.errors = {
            "room_id": add_field(left, "&Room", self.room),
            "hirer_id": add_field(left, "&Hirer", self.hirer),
            "title": add_field(left, "&What for", self.title),
            "first_on": add_field(left, "&Date", self.on),
            "starts_at": add_field(left, "&Starts at", self.starts_at),
            "ends_at": add_field(left, "&Ends at", self.ends_at),
            "status": add_field(left, "Stat&us", self.status),
            "repeat": add_field(left, "Re&peat", self.repeat),
            "nth": self.repeat.nth_error,
            "until": self.repeat.until_error,
            "times": self.repeat.times_error,
            "skipped": add_field(left, "Skipped dates", self.skipped_box),
            "expected": add_field(right, "E&xpected", self.expected),
            "setup_minutes": add_field(right, "Set-up &time", self.setup),
            "cleardown_minutes": add_field(right, "C&lear-down", self.cleardown),
            "charge_basis": add_field(right, "&Charge", self.basis),
            "charge": add_field(right, "Agreed char&ge", self.charge),
            "deposit": add_field(right, "Dep&osit", self.deposit),
            "notes": add_field(right, "&Notes", self.notes, with_error=False),
        }
        self.skipped_label = left.labelForField(self.skipped_box.parentWidget())
        columns = QHBoxLayout()
        columns.setSpacing(24)
        for form, share in ((left, 3), (right, 2)):
            holder = QVBoxLayout()  # rows keep their height; spare room goes below them
            holder.addLayout(form)
            holder.addStretch(1)
            columns.addLayout(holder, share)
        self.series_note = QFrame()
        self.series_note.setObjectName("notice")
        note = QLabel(SERIES_NOTE)
        note.setObjectName("bookingSeriesNote")
        note.setWordWrap(True)
        QVBoxLayout(self.series_note).addWidget(note)
        self.series_note.hide()
        outer = QFormLayout()
        outer.addRow(self.series_note)
        outer.addRow(columns)
        outer.addRow(self._make_preview())
        return outer

    def _make_preview(self) -> QFrame:
        box = QFrame()
        box.setObjectName("card")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        self.charge_line = set_role(QLabel(""), "lead")
        self.charge_line.setObjectName("bookingChargeLine")
        self.charge_line.setAccessibleName("Charge")
        self.check_line = set_role(QLabel("Checking for clashes…"), "muted")
        self.check_line.setObjectName("bookingCheckLine")
        self.check_line.setWordWrap(True)
        self.clash_list = list_tree("bookingClashes", "Clashes", ("Date", "Time", "Room", "Who"), 3)
        self.clash_list.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 24)
        self.clash_list.hide()
        self.warnings = QLabel("")
        self.warnings.setObjectName("bookingWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            f"background: {COLOURS.warning_soft}; color: {COLOURS.warning};"
            " border-radius: 4px; padding: 6px 8px;"
        )
        self.warnings.hide()
        column = QVBoxLayout(box)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(6)
        for widget in (self.charge_line, self.check_line, self.clash_list, self.warnings):
            column.addWidget(widget)
        return box

    # ------------------------------------------------------------ filling
    def _loaded(self, loaded) -> None:
        rooms, hirers, detail = loaded
        self.detail = detail
        self.rooms = {r.id: r for r in rooms}
        if detail is not None and detail.room.id not in self.rooms:
            self.rooms[detail.room.id] = detail.room  # a room no longer offered, still shown
        for room in self.rooms.values():
            self.room.addItem(room_label(room), room.id)
        self.hirers = {h.id: h for h in hirers}
        if detail is not None and detail.hirer is not None:
            self.hirers.setdefault(detail.hirer.id, detail.hirer)
        self._fill_hirers()
        if detail is None:
            self._fill_new()
        else:
            self._fill_detail(detail)
        self._connect()
        self._filling = False
        self._room_changed()
        self.ok.setEnabled(True)
        self.room.setFocus()
        self.ready.emit()
        self.check_now()

    def _fill_hirers(self, chosen: object = OWN_USE) -> None:
        self.hirer.blockSignals(True)
        self.hirer.clear()
        self.hirer.addItem("Our own use", OWN_USE)
        for hirer in sorted(self.hirers.values(), key=lambda h: h.name.lower()):
            self.hirer.addItem(hirer.name, hirer.id)
        self.hirer.addItem("New hirer…", NEW_HIRER)
        self.hirer.setCurrentIndex(max(self.hirer.findData(chosen), 0))
        self._last_hirer = self.hirer.currentIndex()
        self.hirer.blockSignals(False)

    def _fill_new(self) -> None:
        on, starts_at, room_id, hirer_id = self._asked
        self.on.set_date(on or date.today())
        start = starts_at or time(19, 0)
        self.starts_at.set_time(start)
        end = datetime.combine(date.min, start) + timedelta(hours=2)
        self.ends_at.set_time(end.time() if end.date() == date.min else time(23, 59))
        if room_id is not None:
            self.room.setCurrentIndex(max(self.room.findData(room_id), 0))
        if hirer_id is not None:
            self._fill_hirers(hirer_id)
        self.repeat.set_first(self.on.date())
        self._show_series(False)

    def _fill_detail(self, detail: BookingDetail) -> None:
        data = detail.as_input()
        self.room.setCurrentIndex(max(self.room.findData(data.room_id), 0))
        self._fill_hirers(data.hirer_id if data.hirer_id is not None else OWN_USE)
        self.title.setText(data.title)
        self.on.set_date(data.first_on)
        self.starts_at.set_time(data.starts_at)
        self.ends_at.set_time(data.ends_at)
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))
        self.repeat.set_first(data.first_on)
        self.repeat.set_repeat(data.repeat)
        for on in sorted(detail.skipped):
            self._add_skip_item(on)
        self.expected.setValue(data.expected or 0)
        self.setup.setValue(-1 if data.setup_minutes is None else data.setup_minutes)
        self.cleardown.setValue(-1 if data.cleardown_minutes is None else data.cleardown_minutes)
        self.basis.setCurrentIndex(max(self.basis.findData(data.charge_basis), 0))
        self.charge.set_value(data.charge)
        self.deposit.set_value(data.deposit if data.deposit.pence else None)
        self.notes.setPlainText(data.notes)
        self._show_series(data.repeat.repeats)

    def _connect(self) -> None:
        for signal in (
            self.title.textChanged,
            self.starts_at.textChanged,
            self.ends_at.textChanged,
            self.status.currentIndexChanged,
            self.repeat.changed,
            self.expected.valueChanged,
            self.setup.valueChanged,
            self.cleardown.valueChanged,
            self.basis.currentIndexChanged,
            self.charge.textChanged,
            self.hirer.currentIndexChanged,
            self.hirer.editTextChanged,
        ):
            signal.connect(self.schedule_check)
        self.on.textChanged.connect(self._date_changed)
        self.room.currentIndexChanged.connect(self._room_changed)
        self.hirer.activated.connect(self._hirer_chosen)
        self.repeat.every.currentIndexChanged.connect(
            lambda _i: self._show_series(self.repeat.repeats())
        )

    def _show_series(self, repeats: bool) -> None:
        self.skipped_box.setVisible(repeats)
        if self.skipped_label is not None:
            self.skipped_label.setVisible(repeats)
        self.series_note.setVisible(self.detail is not None and self.detail.repeat.repeats)

    # ------------------------------------------------------------ keeping in step
    def _date_changed(self, _text: str = "") -> None:
        self.repeat.set_first(self.on.date())
        self.schedule_check()

    def _room_changed(self, _index: int = 0) -> None:
        room = self.rooms.get(self.room.currentData())
        if room is not None:
            self.setup.setSpecialValueText(f"As the room ({room.setup_minutes} min)")
            self.cleardown.setSpecialValueText(f"As the room ({room.cleardown_minutes} min)")
            self.setup.setToolTip(f"{room.label} usually needs {room.setup_minutes} minutes")
        self.schedule_check()

    def _hirer_chosen(self, index: int) -> None:
        if self.hirer.itemData(index) != NEW_HIRER:
            self._last_hirer = index
            return
        self.hirer.setCurrentIndex(self._last_hirer)
        self.new_hirer()

    def new_hirer(self) -> NewHirerDialog:
        """Add a hirer without leaving the booking; they are chosen once saved."""
        dialog = NewHirerDialog(self.ctx, self)
        dialog.saved.connect(self._hirer_added)
        self.hirer_dialog = dialog
        dialog.open()
        return dialog

    def _hirer_added(self, hirer: HirerRow) -> None:
        self.hirers[hirer.id] = hirer
        self._fill_hirers(hirer.id)
        self.schedule_check()

    def add_skip(self) -> None:
        on = self.skip_on.date()
        if on is None:
            self.skip_on.setFocus()
            return
        if on not in self.skipped_dates():
            self._add_skip_item(on)
        self.skip_on.clear()
        self.schedule_check()

    def _add_skip_item(self, on: date) -> None:
        item = QListWidgetItem(f"{on:%a} {format_date(on)}")
        item.setData(Qt.ItemDataRole.UserRole, on)
        self.skipped.addItem(item)
        self.skipped.sortItems()

    def remove_skip(self) -> None:
        for item in self.skipped.selectedItems() or [self.skipped.currentItem()]:
            if item is not None:
                self.skipped.takeItem(self.skipped.row(item))
        self.schedule_check()

    def skipped_dates(self) -> tuple[date, ...]:
        return tuple(
            sorted(
                self.skipped.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.skipped.count())
            )
        )

    # ------------------------------------------------------------ the preview
    def schedule_check(self, *_args: object) -> None:
        if not self._filling:
            self.timer.start()

    def check_now(self) -> None:
        """Check the form as it stands in the background; an older answer arriving after a
        newer question is dropped."""
        self.timer.stop()
        self._generation += 1
        generation = self._generation
        problems = self.typing_problems()
        room = self.rooms.get(self.room.currentData())
        if problems or room is None:
            self._show_not_ready(next(iter(problems.values()), "Choose the room"))
            self.checked.emit()
            return
        data = self.data()
        hirer = self.hirers.get(data.hirer_id) if data.hirer_id is not None else None
        band = hirer.band if hirer else "standard"
        sessions, booking_id = self.ctx.sessions, self.booking_id
        self.ctx.tasks.run(
            lambda: preview(sessions, data, booking_id, room, band),
            lambda result: self._previewed(generation, result),
            lambda exc: self._preview_failed(generation, exc),
            parent=self,
        )

    def _show_not_ready(self, message: str) -> None:
        self.preview_ = None
        self.charge_line.setText("")
        self.charge_line.hide()
        self.check_line.setText(f"Not checked yet: {message[:1].lower()}{message[1:]}.")
        set_role(self.check_line, "muted")
        self.clash_list.hide()
        self.warnings.hide()

    def _preview_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, ValidationError):
            self._show_not_ready(next(iter(exc.fields.values()), str(exc)))
            self.checked.emit()
        else:
            self.ctx.tasks.report(exc, parent=self)

    def _previewed(self, generation: int, result: Preview) -> None:
        if generation != self._generation:
            return
        self.preview_ = result
        check = result.check
        self.charge_line.setText(f"Charge: {result.charge}" if result.charge else "")
        self.charge_line.setVisible(bool(result.charge))
        self.clash_list.clear()
        if check.clashes:
            self.check_line.setText(clash_heading(check.clashes, check.dates))
            self.check_line.setStyleSheet(f"color: {COLOURS.error}; font-weight: 600;")
            for clash in check.clashes[:200]:
                QTreeWidgetItem(self.clash_list, clash_cells(clash))
            self.clash_list.show()
        else:
            self.check_line.setStyleSheet("")
            set_role(self.check_line, "muted")
            self.check_line.setText(
                f"No clashes: the room is free on {dates_words(check.dates)}."
                if check.dates
                else "Every date is skipped: nothing would be booked."
            )
            self.clash_list.hide()
        self.warnings.setText("\n".join(f"⚠ {w}" for w in check.warnings))
        self.warnings.setVisible(bool(check.warnings))
        self.checked.emit()

    # ------------------------------------------------------------ saving
    def typing_problems(self) -> dict[str, str]:
        """What cannot even be read: a date, time or amount typed wrongly, an unknown hirer."""
        problems = {
            "first_on": self.on.problem(),
            "starts_at": self.starts_at.problem(),
            "ends_at": self.ends_at.problem(),
            "until": self.repeat.problem(),
            "charge": self.charge.problem(),
            "deposit": self.deposit.problem(),
        }
        if self.hirer_value() is NEW_HIRER:
            problems["hirer_id"] = "Choose the hirer from the list, or add a new hirer"
        return {key: text for key, text in problems.items() if text}

    def hirer_value(self) -> object:
        """The chosen hirer's id, None for our own use, NEW_HIRER when the text typed is not
        on the list."""
        index = self.hirer.findText(self.hirer.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        value = self.hirer.itemData(index) if index >= 0 else NEW_HIRER
        return None if value == OWN_USE else value

    def data(self) -> BookingInput:
        hirer = self.hirer_value()
        repeat = self.repeat.repeat()
        return BookingInput(
            room_id=self.room.currentData(),
            first_on=self.on.date() or date.today(),
            starts_at=self.starts_at.time() or time(0),
            ends_at=self.ends_at.time() or time(0),
            title=self.title.text(),
            hirer_id=hirer if isinstance(hirer, int) else None,
            status=self.status.currentData(),
            repeat=repeat,
            expected=self.expected.value() or None,
            setup_minutes=None if self.setup.value() < 0 else self.setup.value(),
            cleardown_minutes=None if self.cleardown.value() < 0 else self.cleardown.value(),
            charge_basis=self.basis.currentData(),
            charge=self.charge.value(),
            deposit=self.deposit.value() or Money(0),
            notes=self.notes.toPlainText(),
            skipped=self.skipped_dates() if repeat.repeats else (),
            uid=self.detail.uid if self.detail is not None else None,
        )

    def submit(self) -> None:
        problems = self.typing_problems()
        show_problems(self.errors, problems)
        if problems:
            return
        self.save(allow_clash=False)

    def save(self, allow_clash: bool) -> None:
        sessions, data, booking_id = self.ctx.sessions, self.data(), self.booking_id
        if booking_id is None:
            self.run_save(lambda: add_booking(sessions, data, allow_clash))
        else:
            self.run_save(lambda: update_booking(sessions, booking_id, data, allow_clash))

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, ClashError):
            show_problems(self.errors, {})
            super()._failed(exc)
            return
        self.ok.setEnabled(True)
        shown = "\n".join(f"• {c.describe()}" for c in exc.clashes[:8])
        more = f"\n…and {len(exc.clashes) - 8} more" if len(exc.clashes) > 8 else ""
        self.question = ask(
            self,
            "Book anyway?",
            clash_heading(exc.clashes, 0) + " Book anyway?",
            "&Book anyway",
            lambda: self.save(allow_clash=True),
            detail=shown + more,
        )


def room_label(room: RoomRow) -> str:
    """'Main hall (120 people)', so the size is in view when choosing."""
    return f"{room.label} ({room.capacity} people)" if room.capacity else room.label


def dates_words(n: int) -> str:
    return "the date" if n == 1 else f"all {n:,} dates"


def clash_heading(clashes: tuple[Clash, ...], dates: int) -> str:
    n = len(clashes)
    days = len({c.on for c in clashes})
    who = "another booking" if n == 1 else f"{n:,} other bookings"
    where = f" on {days:,} of the {dates:,} dates" if dates > 1 else ""
    return f"This clashes with {who}{where}."


def clash_cells(clash: Clash) -> list[str]:
    other = clash.other
    status = "" if other.status == "confirmed" else f" ({other.status})"
    return [
        f"{other.on:%a} {format_date(other.on)}",
        f"{format_time(other.starts_at)}–{format_time(other.ends_at)}",
        other.room,
        other.who + status,
    ]


class NewHirerDialog(SavingDialog):
    """A hirer added from the booking form: an organisation, or a person on our records."""

    area = "bookings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newHirerDialog")
        self.setWindowTitle("New hirer")
        self.organisation = QLineEdit()
        self.organisation.setObjectName("hirerOrganisation")
        self.organisation.setMaxLength(200)
        self.organisation.setPlaceholderText("e.g. Ashby Pilates")
        self.person = PersonField(ctx.sessions)
        self.person.setObjectName("hirerPerson")
        self.band = QComboBox()
        self.band.setObjectName("hirerBand")
        for key, label in BAND_LABELS.items():
            self.band.addItem(label, key)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "organisation": add_field(form, "&Organisation", self.organisation),
            "person_id": add_field(form, "Or a &person", self.person),
            "band": add_field(form, "Rate &band", self.band),
        }
        self.frame(
            "New hirer",
            "Name the organisation, or choose the person hiring (or both: the person is then "
            "the organisation's contact). More details can be added on the Hirers page.",
            form,
            "&Add hirer",
            "hirerOk",
        )
        self.organisation.setFocus()

    def submit(self) -> None:
        problem = self.person.problem()
        show_problems(self.errors, {"person_id": problem} if problem else {})
        if problem:
            return
        data = HirerInput(
            person_id=self.person.person_id(),
            organisation=self.organisation.text(),
            band=self.band.currentData(),
        )
        sessions = self.ctx.sessions
        self.run_save(lambda: add_hirer(sessions, data))

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        show_failure(self, self.ctx.tasks, exc, self.errors, self.problem)
