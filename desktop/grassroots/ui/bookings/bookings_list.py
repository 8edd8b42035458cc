"""Bookings as a list: every date booked over a period, with filters by room, hirer, status and
words, for answering the phone ("is the hall free on the 14th?"), chasing provisional bookings
and exporting to a spreadsheet. The service expands repeating bookings only across the period
asked for, and at most MAX_ROWS dates are shown, so a year's list stays quick."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.bookings.charges import date_charge
from grassroots.bookings.hirers import list_hirers
from grassroots.bookings.occurrences import Window
from grassroots.bookings.records import STATUS_LABELS, BookingDetail, Occurrence
from grassroots.bookings.service import booking_details, list_occurrences
from grassroots.bookings.venues import list_rooms
from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.members.columns import guard_formula
from grassroots.ui.bookings.booking_actions import BookingActions
from grassroots.ui.context import AppContext
from grassroots.ui.theme import COLOURS, set_role
from grassroots.ui.widgets.actions import page_action, page_button
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.list_tree import list_tree
from grassroots.ui.widgets.outputs import ask_save_path, dated_name, write_then_offer
from grassroots.ui.widgets.search_box import SearchBox

MAX_ROWS = 2000
OCCURRENCE = Qt.ItemDataRole.UserRole
COLUMNS = ("Date", "Time", "Room", "What", "Hirer", "Status", "Charge")
STATUS_CHOICES = {
    "Not cancelled": ("provisional", "confirmed"),
    "Provisional": ("provisional",),
    "Confirmed": ("confirmed",),
    "Cancelled": ("cancelled",),
    "All, cancelled too": ("provisional", "confirmed", "cancelled"),
}


@dataclass(frozen=True)
class Row:
    """One date shown: the occurrence and what it costs ('' for a meeting or no rate)."""

    occurrence: Occurrence
    charge: str

    def cells(self) -> list[str]:
        o = self.occurrence
        return [
            f"{o.on:%a} {format_date(o.on)}",
            f"{format_time(o.starts_at)}–{format_time(o.ends_at)}",
            o.room,
            o.title + (" (repeats)" if o.repeats else ""),
            "Meeting" if o.meeting_id is not None else (o.hirer or "Our own use"),
            STATUS_LABELS.get(o.status, o.status),
            self.charge,
        ]


@dataclass(frozen=True)
class Loaded:
    rows: tuple[Row, ...]
    total: int  # dates found, of which at most MAX_ROWS are in rows


def _charge(detail: BookingDetail | None, o: Occurrence) -> str:
    each = None if detail is None else date_charge(detail, o.on)
    return "" if each is None else each.format()


def load_rows(sessions, window: Window) -> Loaded:
    """Run in the background: the dates in the window and each one's charge."""
    found = list_occurrences(sessions, window)
    shown = found[:MAX_ROWS]
    details = booking_details(sessions, {o.booking_id for o in shown if o.booking_id})
    rows = tuple(
        Row(o, _charge(details.get(o.booking_id), o) if o.booking_id else "") for o in shown
    )
    return Loaded(rows, len(found))


def export_rows(path: Path, rows: tuple[Row, ...]) -> int:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([guard_formula(cell) for cell in row.cells()])
    return len(rows)


class BookingsList(QWidget):
    """`reload()` loads the list again; `changed` after any save (so the calendar can reload
    too); `meeting_requested(id)` asks for a meeting to be opened in Meetings; `loaded` each
    time the list has been filled."""

    changed = Signal()
    meeting_requested = Signal(int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: tuple[Row, ...] = ()
        self.shown_for: Window | None = None  # the filters the rows shown were loaded for
        self.total = 0
        self._loading = self._again = False
        self.setObjectName("bookingsList")
        self.actions_ = BookingActions(ctx, self)
        self.actions_.changed.connect(self._after_change)
        self.actions_.meeting_requested.connect(self.meeting_requested)
        self._build()
        page_action(self, "New booking…", self.new_booking, "Ctrl+N")
        self._enable()
        ctx.tasks.run(
            lambda: (list_rooms(ctx.sessions), list_hirers(ctx.sessions)),
            self._choices_loaded,
            parent=self,
        )

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        today = date.today()
        monday = today - timedelta(days=today.weekday())
        self.lo = DateEdit(required=True)
        self.lo.setObjectName("bookingsFrom")
        self.lo.setAccessibleName("From")
        self.lo.set_date(monday)
        self.hi = DateEdit(required=True)
        self.hi.setObjectName("bookingsTo")
        self.hi.setAccessibleName("To")
        self.hi.set_date(monday + timedelta(weeks=9, days=-1))
        for edit in (self.lo, self.hi):
            edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 24)
            edit.editingFinished.connect(self._dates_edited)
        self.room = self._combo("bookingsRoom", "Room", "All rooms")
        self.hirer = self._combo("bookingsHirer", "Hirer", "All hirers")
        self.status = self._combo("bookingsStatus", "Status", "")
        self.status.clear()
        for label, statuses in STATUS_CHOICES.items():
            self.status.addItem(label, statuses)
        self.search = SearchBox("Search")
        self.search.setObjectName("bookingsSearch")
        self.search.setToolTip("Find words in the title, the hirer's name or the room")
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 12)
        self.search.searched.connect(lambda _text: self.reload())

        filters = QHBoxLayout()
        filters.setSpacing(8)
        for caption, widget in (
            ("&From", self.lo),
            ("&to", self.hi),
            ("&Room", self.room),
            ("&Hirer", self.hirer),
            ("St&atus", self.status),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)

        self.new_button = self._button("&New booking…", "bookingsNew", self.new_booking, "Ctrl+N")
        set_role(self.new_button, "primary")
        self.open_button = self._button("&Open", "bookingsOpen", self.open_chosen, "Enter")
        self.confirm_button = self._button("Confir&m", "bookingsConfirm", self.confirm_chosen)
        self.cancel_button = self._button("&Cancel booking…", "bookingsCancel", self.cancel_chosen)
        self.skip_button = self._button("&Skip this date…", "bookingsSkip", self.skip_chosen)
        self.delete_button = self._button("&Delete…", "bookingsDelete", self.delete_chosen)
        self.letter_button = self._button(
            "Confirmation &letter…", "bookingsLetter", self.print_confirmation
        )
        self.letter_button.setToolTip("Print the letter confirming the booking to its hirer")
        self.export_button = self._button("E&xport to CSV…", "bookingsExport", self.export)
        self.export_button.setToolTip("Save the dates shown as a CSV file for a spreadsheet")
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.open_button,
            self.confirm_button,
            self.cancel_button,
            self.skip_button,
            self.delete_button,
            self.letter_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

        self.tree = list_tree("bookingsTree", "Bookings", COLUMNS, 3)
        self.tree.itemActivated.connect(lambda *_: self.open_chosen())
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.count = set_role(QLabel("Loading…"), "muted")
        self.count.setObjectName("bookingsCount")
        self.count.setAccessibleName("How many dates are shown")

        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addLayout(filters)
        column.addLayout(buttons)
        column.addWidget(self.tree, 1)
        column.addWidget(self.count)
        for combo in (self.room, self.hirer, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.reload())

    def _combo(self, name: str, spoken: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(spoken)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.addItem(everything, None)
        return combo

    def _button(self, text: str, name: str, slot, shortcut: str = "") -> QPushButton:
        return page_button(text, name, slot, shortcut)

    def _choices_loaded(self, choices) -> None:
        rooms, hirers = choices
        for combo, items in (
            (self.room, [(r.label, r.id) for r in rooms]),
            (self.hirer, [(h.name, h.id) for h in hirers]),
        ):
            combo.blockSignals(True)
            for label, value in items:
                combo.addItem(label, value)
            combo.blockSignals(False)
        self.reload()

    # ------------------------------------------------------------ loading
    def filters(self) -> Window | None:
        """The period and filters chosen, as the service takes them (None until both dates
        can be read)."""
        lo, hi = self.lo.date(), self.hi.date()
        if lo is None or hi is None:
            return None
        room = self.room.currentData()
        return Window(
            lo=min(lo, hi),
            hi=max(lo, hi),
            rooms=None if room is None else (room,),
            hirer_id=self.hirer.currentData(),
            statuses=self.status.currentData() or STATUS_CHOICES["Not cancelled"],
            text=self.search.text().strip(),
        )

    def refresh(self) -> None:
        """The area's word for reload: a tab refreshes whenever it is shown."""
        self.reload()

    def reload(self) -> None:
        """Load in the background; a reload asked for while one runs is done right after."""
        if self._loading:
            self._again = True
            return
        window = self.filters()
        if window is None:
            self.count.setText("Give the dates to list, as dd/mm/yyyy.")
            return
        self._loading = True
        self.shown_for = window
        sessions = self.ctx.sessions
        self.ctx.tasks.run(
            lambda: load_rows(sessions, window), self._loaded, self._failed, parent=self
        )

    def _dates_edited(self) -> None:
        """Leaving a date field reloads only when the period really changed."""
        if self.filters() != self.shown_for:
            self.reload()

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        self.count.setText("The bookings could not be loaded.")
        self.ctx.tasks.report(exc, parent=self)

    def _loaded(self, loaded: Loaded) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
            return
        self.rows, self.total = loaded.rows, loaded.total
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        chosen = self.chosen()
        self.tree.clear()
        muted = COLOURS.muted
        again = None
        items = []
        for row in self.rows:
            item = QTreeWidgetItem(row.cells())
            item.setData(0, OCCURRENCE, row.occurrence)
            item.setTextAlignment(6, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if row.occurrence.status == "cancelled":
                for c in range(len(COLUMNS)):
                    item.setForeground(c, _brush(muted))
            elif row.occurrence.status == "provisional":
                item.setForeground(5, _brush(COLOURS.warning))
            if chosen is not None and _same(row.occurrence, chosen):
                again = item
            items.append(item)
        self.tree.addTopLevelItems(items)
        if again is None and items:
            again = items[0]
        if again is not None:
            self.tree.setCurrentItem(again)
        self.count.setText(self.count_line())
        self._enable()

    def count_line(self) -> str:
        window = self.shown_for
        span = f" from {format_date(window.lo)} to {format_date(window.hi)}" if window else ""
        if self.total == 0:
            return f"Nothing booked{span} that matches."
        dates = "1 date" if self.total == 1 else f"{self.total:,} dates"
        line = f"{dates}{span}."
        if self.total > len(self.rows):
            line += (
                f" Showing the first {len(self.rows):,}: choose a shorter period or a room to "
                "see the rest."
            )
        return line

    # ------------------------------------------------------------ acting
    def chosen(self) -> Occurrence | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, OCCURRENCE)

    def _enable(self) -> None:
        o = self.chosen()
        booking = o is not None and o.booking_id is not None
        self.open_button.setEnabled(o is not None)
        self.confirm_button.setEnabled(booking and o.status == "provisional")
        self.cancel_button.setEnabled(booking and o.status != "cancelled")
        self.skip_button.setEnabled(booking and o.repeats and o.status != "cancelled")
        self.delete_button.setEnabled(booking)
        self.letter_button.setEnabled(booking and o.status != "cancelled")
        self.export_button.setEnabled(bool(self.rows))

    def new_booking(self) -> QWidget:
        room = self.room.currentData()
        return self.actions_.new(room_id=room, hirer_id=self.hirer.currentData())

    def open_chosen(self) -> QWidget | None:
        o = self.chosen()
        return None if o is None else self.actions_.open(o)

    def confirm_chosen(self) -> None:
        if (o := self.chosen()) is not None:
            self.actions_.confirm(o)

    def cancel_chosen(self) -> None:
        if (o := self.chosen()) is not None:
            self.actions_.cancel(o)

    def skip_chosen(self) -> None:
        if (o := self.chosen()) is not None:
            self.actions_.skip(o)

    def delete_chosen(self) -> None:
        if (o := self.chosen()) is not None:
            self.actions_.delete(o)

    def print_confirmation(self, path: Path | None = None) -> None:
        if (o := self.chosen()) is not None:
            self.actions_.print_confirmation(o, path)

    def _after_change(self) -> None:
        self.changed.emit()
        self.reload()

    def export(self, path: Path | None = None) -> None:
        """Save the dates shown as CSV (`path` given by tests; otherwise asked for)."""
        if path is None:
            path = ask_save_path(
                self, "Export bookings", dated_name("Bookings", ".csv"), "CSV file (*.csv)"
            )
        if path is None:
            return
        rows = self.rows
        write_then_offer(
            self.ctx,
            self,
            path,
            lambda: export_rows(path, rows),
            "Exporting…",
            lambda n: f"Saved {n:,} dates to {path.name}.",
        )


def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


def _same(a: Occurrence, b: Occurrence) -> bool:
    return (a.booking_id, a.meeting_id, a.on) == (b.booking_id, b.meeting_id, b.on)
