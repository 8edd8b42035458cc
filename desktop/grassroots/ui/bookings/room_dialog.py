"""Add or change a room: where it is, how many it holds, what it has, the time kept free
either side of a booking for setting out and clearing away, and what it costs each band of
hirer, by the hour and by the session."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from grassroots.bookings.models import BANDS
from grassroots.bookings.records import BAND_LABELS, RateRow, RoomInput, RoomRow, VenueRow
from grassroots.bookings.venues import save_room
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.field_error import FieldError, add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_problems
from grassroots.ui.widgets.money_edit import MoneyEdit

PER = (("hourly", "Per hour"), ("session", "Per session"))


def minutes_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(0, 24 * 60)
    box.setSingleStep(5)
    box.setSuffix(" min")
    box.setMinimumWidth(box.fontMetrics().horizontalAdvance("M") * 7)
    return box


class RatesGrid(QWidget):
    """Three bands down, per hour and per session across; a blank box means the room is not
    let that way to that band."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ratesGrid")
        self.setAccessibleName("Rates")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        self.edits: dict[tuple[str, str], MoneyEdit] = {}
        for column, (_key, label) in enumerate(PER, start=1):
            grid.addWidget(set_role(QLabel(label), "muted"), 0, column)
        for row, band in enumerate(BANDS, start=1):
            caption = QLabel(BAND_LABELS[band])
            grid.addWidget(caption, row, 0)
            for column, (key, label) in enumerate(PER, start=1):
                edit = MoneyEdit(required=False)
                edit.setObjectName(f"rate_{band}_{key}")
                edit.setPlaceholderText("–")
                edit.setAccessibleName(f"{BAND_LABELS[band]} rate, {label.lower()}")
                edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("M") * 8)
                if column == 1:
                    caption.setBuddy(edit)
                grid.addWidget(edit, row, column)
                self.edits[band, key] = edit
        grid.setColumnStretch(3, 1)

    def set_rates(self, rates: Sequence[RateRow]) -> None:
        for rate in rates:
            self.edits[rate.band, "hourly"].set_value(rate.hourly)
            self.edits[rate.band, "session"].set_value(rate.session)

    def rates(self) -> list[RateRow]:
        return [
            RateRow(band, self.edits[band, "hourly"].value(), self.edits[band, "session"].value())
            for band in BANDS
        ]

    def problem(self) -> str:
        for (band, key), edit in self.edits.items():
            if edit.problem():
                per = dict(PER)[key].lower()
                return f"{BAND_LABELS[band]} {per}: {edit.problem()}"
        return ""


class RoomDialog(SavingDialog):
    """A new room (`room` None, in `venue_id` when given) or a change to `room`; `saved`
    gives the RoomRow with its rates."""

    area = "bookings"

    def __init__(
        self,
        ctx: AppContext,
        venues: Sequence[VenueRow],
        room: RoomRow | None = None,
        venue_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.room = ctx, room
        self.setObjectName("roomDialog")
        self.setWindowTitle("Change a room" if room else "Add a room")
        self.venue = QComboBox()
        self.venue.setObjectName("roomVenue")
        for venue in venues:
            self.venue.addItem(venue.name, venue.id)
        self.name = QLineEdit()
        self.name.setObjectName("roomName")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText("e.g. Main hall")
        self.capacity = QSpinBox()
        self.capacity.setObjectName("roomCapacity")
        self.capacity.setRange(0, 10000)
        self.capacity.setSpecialValueText("Not set")
        self.capacity.setSuffix(" people")
        self.capacity.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 9)
        self.facilities = QLineEdit()
        self.facilities.setObjectName("roomFacilities")
        self.facilities.setPlaceholderText("e.g. Stage, piano, kitchen hatch, 60 chairs")
        self.accessibility = QLineEdit()
        self.accessibility.setObjectName("roomAccessibility")
        self.accessibility.setPlaceholderText("e.g. Step-free, hearing loop")
        self.setup = minutes_box("roomSetup")
        self.cleardown = minutes_box("roomCleardown")
        self.rates = RatesGrid()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, FieldError | None] = {
            "venue_id": add_field(form, "&Venue", self.venue),
            "name": add_field(form, "&Name", self.name),
            "capacity": add_field(form, "&Holds", self.capacity),
            "facilities": add_field(form, "&Facilities", self.facilities, with_error=False),
            "accessibility": add_field(
                form, "Acc&essibility", self.accessibility, with_error=False
            ),
            "setup_minutes": add_field(form, "&Setting out", self.setup),
            "cleardown_minutes": add_field(form, "&Clearing away", self.cleardown),
        }
        self.setup.setToolTip("Minutes kept free before each booking, for setting out")
        self.cleardown.setToolTip("Minutes kept free after each booking, for clearing away")
        rates_label = QLabel("&Rates")
        rates_label.setBuddy(self.rates.edits["standard", "hourly"])
        rates_holder = QWidget()
        column = QVBoxLayout(rates_holder)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.rates)
        hint = set_role(
            QLabel("Leave a box empty where the room is not let that way to that band."),
            "muted",
        )
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.rates_error = FieldError(rates_holder)
        column.addWidget(self.rates_error)
        form.addRow(rates_label, rates_holder)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.errors["rates"] = self.rates_error
        for edit in self.rates.edits.values():
            edit.textEdited.connect(lambda _text: self.rates_error.show_error(""))
        self.frame(
            "Change the room" if room else "Add a room",
            "Set-up and clear-down time is kept free either side of every booking, so two "
            "hirers never meet in the doorway.",
            form,
            "&Save" if room else "&Add room",
            "roomOk",
        )
        chosen = room.venue_id if room is not None else venue_id
        if chosen is not None and self.venue.findData(chosen) >= 0:
            self.venue.setCurrentIndex(self.venue.findData(chosen))
        if room is not None:
            self.name.setText(room.name)
            self.capacity.setValue(room.capacity or 0)
            self.facilities.setText(room.facilities)
            self.accessibility.setText(room.accessibility)
            self.setup.setValue(room.setup_minutes)
            self.cleardown.setValue(room.cleardown_minutes)
            self.rates.set_rates(room.rates)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 38)
        self.name.textEdited.connect(lambda _text: self.errors["name"].show_error(""))
        self.name.setFocus()

    def data(self) -> RoomInput:
        return RoomInput(
            name=self.name.text(),
            venue_id=self.venue.currentData() or 0,
            capacity=self.capacity.value() or None,
            facilities=self.facilities.text(),
            accessibility=self.accessibility.text(),
            setup_minutes=self.setup.value(),
            cleardown_minutes=self.cleardown.value(),
        )

    def submit(self) -> None:
        problems = {"rates": self.rates.problem()}
        if not self.name.text().strip():
            problems["name"] = "Give the room a name"
        if self.venue.currentData() is None:
            problems["venue_id"] = "Add the venue first, then its rooms"
        problems = {k: v for k, v in problems.items() if v}
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, data, rates, room = self.ctx.sessions, self.data(), self.rates.rates(), self.room

        self.run_save(lambda: save_room(sessions, room.id if room else None, data, rates))
