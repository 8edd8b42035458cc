"""How a booking repeats: once, every week, every fortnight, or monthly on the nth weekday,
ended by a last date or a number of times, with the repeat said back in words as it is typed
so the booking secretary can check it against what the hirer asked for."""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.recurrence import MOST_TIMES, ORDINALS, Repeat, describe, nth_of
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import FieldError

EVERY = {
    "none": "Once",
    "weekly": "Every week",
    "fortnightly": "Every fortnight",
    "monthly": "Monthly, on the",
}


class RepeatEditor(QWidget):
    """`repeat()` is what is chosen; `first` (the booking's date) names the weekday and the
    default nth. `until_error`, `times_error` and `nth_error` show the service's problems."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.first: date | None = None
        self.every = QComboBox()
        self.every.setObjectName("repeatEvery")
        self.every.setAccessibleName("Repeat")
        for key, label in EVERY.items():
            self.every.addItem(label, key)
        self.nth = QComboBox()
        self.nth.setObjectName("repeatNth")
        self.nth.setAccessibleName("Which weekday of the month")
        for n, label in ORDINALS.items():
            self.nth.addItem(label, n)
        self.weekday = QLabel("")
        self.weekday.setObjectName("repeatWeekday")
        self.by_date = QRadioButton("Until")
        self.by_date.setObjectName("repeatByDate")
        self.by_times = QRadioButton("After")
        self.by_times.setObjectName("repeatByTimes")
        self.ends = QButtonGroup(self)
        self.ends.addButton(self.by_date)
        self.ends.addButton(self.by_times)
        self.by_times.setChecked(True)
        self.until = DateEdit()
        self.until.setObjectName("repeatUntil")
        self.until.setAccessibleName("Last date")
        self.times = QSpinBox()
        self.times.setObjectName("repeatTimes")
        self.times.setAccessibleName("Number of times")
        self.times.setRange(1, MOST_TIMES)
        self.times.setValue(10)
        self.times.setSuffix(" times")
        self.words = set_role(QLabel(""), "muted")
        self.words.setObjectName("repeatWords")
        self.words.setWordWrap(True)
        self.words.setAccessibleName("The repeat in words")
        self.nth_error, self.until_error, self.times_error = (
            FieldError(),
            FieldError(),
            FieldError(),
        )
        self._lay_out()
        self.every.currentIndexChanged.connect(self._every_changed)
        for signal in (
            self.nth.currentIndexChanged,
            self.until.textChanged,
            self.times.valueChanged,
            self.by_date.toggled,
        ):
            signal.connect(self._changed)
        self._every_changed()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.every)
        top.addWidget(self.nth)
        top.addWidget(self.weekday)
        top.addStretch(1)
        self.end_row = QWidget()
        grid = QGridLayout(self.end_row)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.addWidget(self.by_date, 0, 0)
        grid.addWidget(self.until, 0, 1)
        grid.addWidget(self.by_times, 0, 2)
        grid.addWidget(self.times, 0, 3)
        grid.setColumnStretch(4, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(top)
        column.addWidget(self.nth_error)
        column.addWidget(self.end_row)
        column.addWidget(self.until_error)
        column.addWidget(self.times_error)
        column.addWidget(self.words)

    # ------------------------------------------------------------ reading and writing
    def set_first(self, first: date | None) -> None:
        """The booking's (first) date: names the weekday; a monthly repeat not yet set by
        hand falls on the nth weekday that date is."""
        self.first = first
        if first is not None and self.every.currentData() != "monthly":
            self.nth.setCurrentIndex(max(self.nth.findData(nth_of(first)), 0))
        self._changed()

    def set_repeat(self, repeat: Repeat) -> None:
        self.every.setCurrentIndex(max(self.every.findData(repeat.every), 0))
        if repeat.nth is not None:
            self.nth.setCurrentIndex(max(self.nth.findData(repeat.nth), 0))
        self.until.set_date(repeat.until)
        if repeat.times is not None:
            self.times.setValue(repeat.times)
        (self.by_date if repeat.until is not None else self.by_times).setChecked(True)
        self._every_changed()

    def repeat(self) -> Repeat:
        every = self.every.currentData()
        if every == "none":
            return Repeat()
        by_date = self.by_date.isChecked()
        return Repeat(
            every=every,
            until=self.until.date() if by_date else None,
            times=None if by_date else self.times.value(),
            nth=self.nth.currentData() if every == "monthly" else None,
        )

    def repeats(self) -> bool:
        return self.every.currentData() != "none"

    def problem(self) -> str:
        """A last date that cannot be read ('' when fine)."""
        return self.until.problem() if self.repeats() and self.by_date.isChecked() else ""

    # ------------------------------------------------------------ keeping in step
    def _every_changed(self, _index: int = 0) -> None:
        monthly = self.every.currentData() == "monthly"
        self.nth.setVisible(monthly)
        self.weekday.setVisible(monthly)
        self.end_row.setVisible(self.repeats())
        self._changed()

    def _changed(self, *_args: object) -> None:
        self.until.setEnabled(self.by_date.isChecked())
        self.times.setEnabled(self.by_times.isChecked())
        if self.first is not None:
            self.weekday.setText(calendar.day_name[self.first.weekday()])
        self.words.setText(self.in_words())
        self.words.setVisible(self.repeats() and bool(self.words.text()))
        self.changed.emit()

    def in_words(self) -> str:
        if self.first is None or not self.repeats():
            return ""
        repeat = self.repeat()
        if repeat.until is None and repeat.times is None:
            return "Give the last date, or how many times it runs."
        return describe(self.first, repeat) + "."
