"""The bookings calendar: day, week and month views of every room or a chosen few, with
drag-and-drop and keyboard moves. The Bookings area embeds it; it opens nothing itself but
says what was activated (a booking, a meeting or a free slot) through its signals.

Bookings are fetched in a background task for the days shown (a `Window`), never on the UI
thread; a fetch that comes back after the user has moved on is dropped.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from grassroots.bookings.clashes import ClashError
from grassroots.bookings.occurrences import Window
from grassroots.bookings.records import Occurrence, RoomRow
from grassroots.bookings.service import list_occurrences, move_occurrence
from grassroots.bookings.venues import list_rooms
from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.ui.bookings.calendar_grid import Column, TimeGrid, TimeHeader
from grassroots.ui.bookings.calendar_layout import (
    MEETING_COLOUR,
    ROOM_COLOURS,
    VIEWS,
    clock,
    minutes,
    period,
    step,
    title,
)
from grassroots.ui.bookings.calendar_month import MonthGrid
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.confirm import ask, tell

VIEW_KEYS = {Qt.Key.Key_D: "day", Qt.Key.Key_W: "week", Qt.Key.Key_M: "month"}


class BookingCalendar(QWidget):
    booking_activated = Signal(int, object)  # booking id, the date clicked (datetime.date)
    meeting_activated = Signal(int)  # meeting id
    slot_activated = Signal(object, object, int)  # date, time or None, room id (0 = any)
    loaded = Signal()  # the shown period's bookings arrived (tests and the area wait on it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = "week"
        self.day = date.today()
        self.rooms: tuple[int, ...] | None = None
        self.all_rooms: list[RoomRow] = []
        self.occurrences: list[Occurrence] = []
        self.dialog = None  # the open question or message, for tests to answer
        self._fetch = 0
        self._pending: tuple[int | None, date] | None = None  # select after the next load
        self.setAccessibleName("Bookings calendar")
        self._build()
        self.ctx.events.changed.connect(self._changed)
        self._load_rooms()
        self._show_period()
        QTimer.singleShot(0, self._scroll_to_morning)

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        bar = QHBoxLayout()
        self.today_button = self._button("Today", "Go to today (T)")
        self.today_button.clicked.connect(lambda: self.go_to(date.today()))
        self.prev_button = self._button("‹", "Previous period (Page Up)", "Previous")
        self.prev_button.clicked.connect(lambda: self.go_to(step(self.view, self.day, -1)))
        self.next_button = self._button("›", "Next period (Page Down)", "Next")
        self.next_button.clicked.connect(lambda: self.go_to(step(self.view, self.day, 1)))
        self.period_label = set_role(QLabel(), "heading")
        self.period_label.setAccessibleName("Period shown")
        bar.addWidget(self.today_button)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.period_label, 1)
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        self.view_buttons: dict[str, QPushButton] = {}
        for view, letter in (("day", "D"), ("week", "W"), ("month", "M")):
            button = self._button(view.title(), f"{view.title()} view ({letter})")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=view: self.set_view(v))
            self.view_group.addButton(button)
            self.view_buttons[view] = button
            bar.addWidget(button)
        bar.addSpacing(8)
        self.room_box = QComboBox()
        self.room_box.setAccessibleName("Room shown")
        self.room_box.setToolTip("Show every room, or one room")
        self.room_box.addItem("All rooms", None)
        self.room_box.currentIndexChanged.connect(self._room_chosen)
        bar.addWidget(self.room_box)

        self.legend = set_role(QLabel(), "muted")
        self.legend.setAccessibleName("Key to the colours")
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        self.grid = TimeGrid()
        self.header = TimeHeader(self.grid)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.grid)
        self.scroll.setWidgetResizable(True)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header_row = QHBoxLayout()
        header_row.setContentsMargins(0, 0, self.scroll.verticalScrollBar().sizeHint().width(), 0)
        header_row.addWidget(self.header)
        time_page = QWidget()
        time_page.setObjectName("card")
        time_layout = QVBoxLayout(time_page)
        time_layout.setContentsMargins(0, 0, 0, 0)
        time_layout.setSpacing(0)
        time_layout.addLayout(header_row)
        time_layout.addWidget(self.scroll, 1)
        self.month = MonthGrid()
        self.pages = QStackedWidget()
        self.pages.addWidget(time_page)
        self.pages.addWidget(self.month)

        self.status = set_role(QLabel(), "muted")
        self.status.setAccessibleName("Selected")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)

        self.grid.activated.connect(self._activate)
        self.grid.slot_chosen.connect(self.slot_activated)
        self.grid.move_requested.connect(self.request_move)
        self.grid.selection_changed.connect(self.status.setText)
        self.grid.edge.connect(self._grid_edge)
        self.grid.command.connect(self.command)
        self.month.command.connect(self.command)
        self.month.open_day.connect(self._open_day)
        self.month.selection_changed.connect(self.status.setText)
        self.month.edge.connect(lambda _: self.go_to(self.month.selected))
        self.view_buttons[self.view].setChecked(True)

    def _button(self, text: str, tip: str, name: str | None = None) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(name or text)
        button.setAccessibleDescription(tip)
        return button

    # -- public ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the shown period again (after a save elsewhere)."""
        self._fetch += 1
        token = self._fetch
        lo, hi = period(self.view, self.day)
        window = Window(lo, hi, rooms=self.rooms)
        sessions = self.ctx.sessions
        self.ctx.tasks.run(
            lambda: list_occurrences(sessions, window),
            lambda found: self._arrived(token, found),
            parent=self,
        )

    def go_to(self, day: date) -> None:
        self.day = day
        self._show_period()

    def set_view(self, view: str) -> None:
        if view not in VIEWS:
            raise ValueError(f"No calendar view called {view!r}")
        self.view = view
        self.view_buttons[view].setChecked(True)
        self.pages.setCurrentIndex(1 if view == "month" else 0)
        if view == "day":
            self.grid.cursor = (0, self.grid.cursor[1])
        self._show_period()
        self._focus_view()

    def set_rooms(self, room_ids: tuple[int, ...] | None) -> None:
        self.rooms = tuple(room_ids) if room_ids is not None else None
        index = 0
        if self.rooms is not None and len(self.rooms) == 1:
            found = self.room_box.findData(self.rooms[0])
            index = max(found, 0)
        self.room_box.blockSignals(True)
        self.room_box.setCurrentIndex(index)
        self.room_box.blockSignals(False)
        self._show_period()

    def current_day(self) -> date:
        return self.day

    # -- loading --------------------------------------------------------------------------
    def _load_rooms(self) -> None:
        sessions = self.ctx.sessions
        self.ctx.tasks.run(lambda: list_rooms(sessions), self._rooms_arrived, parent=self)

    def _rooms_arrived(self, rooms: list[RoomRow]) -> None:
        self.all_rooms = rooms
        chosen = self.room_box.currentData()
        self.room_box.blockSignals(True)
        self.room_box.clear()
        self.room_box.addItem("All rooms", None)
        for room in rooms:
            self.room_box.addItem(room.label, room.id)
        self.room_box.setCurrentIndex(max(0, self.room_box.findData(chosen)) if chosen else 0)
        self.room_box.blockSignals(False)
        self._draw()

    def _changed(self, area: str) -> None:
        if area in ("bookings", "meetings", "rooms"):
            if area == "rooms":
                self._load_rooms()
            self.reload()

    def _show_period(self) -> None:
        self.period_label.setText(title(self.view, self.day))
        self.grid.setAccessibleName(f"Bookings calendar, {title(self.view, self.day)}")
        self.month.setAccessibleName(f"Month of bookings, {title(self.view, self.day)}")
        self.occurrences = []
        self._draw()
        self.reload()

    def _arrived(self, token: int, found: list[Occurrence]) -> None:
        if token != self._fetch:
            return  # the user moved on while it was fetched
        self.occurrences = found
        self._draw()
        if self._pending is not None:
            booking_id, on = self._pending
            self._pending = None
            for o in found:
                if o.booking_id == booking_id and o.on == on:
                    self.grid.choose_block(o)
        self.loaded.emit()

    # -- drawing --------------------------------------------------------------------------
    def colours(self) -> dict[int, QColor]:
        return {
            room.id: QColor(ROOM_COLOURS[i % len(ROOM_COLOURS)])
            for i, room in enumerate(self.all_rooms)
        }

    def shown_rooms(self) -> list[RoomRow]:
        return [r for r in self.all_rooms if self.rooms is None or r.id in self.rooms]

    def columns(self) -> list[Column]:
        today = date.today()
        lo, hi = period(self.view, self.day)
        if self.view == "day":
            rooms = self.shown_rooms()
            return [Column(self.day, r.id, r.label, self.day == today, r.label) for r in rooms]
        room = self.rooms[0] if self.rooms is not None and len(self.rooms) == 1 else None
        days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
        return [Column(d, room, f"{d:%a} {d.day:02d}/{d.month:02d}", d == today) for d in days]

    def _draw(self) -> None:
        colours = self.colours()
        if self.view == "month":
            lo, hi = period("month", self.day)
            self.month.show_month(lo, hi, self.day.month, self.occurrences, colours, self.day)
        else:
            single = self.view == "day" or (self.rooms is not None and len(self.rooms) == 1)
            self.grid.set_data(self.columns(), self.occurrences, colours, not single)
            if self.view == "week":
                self.grid.cursor = (self.day.weekday(), self.grid.cursor[1])
            self.header.update()
        self._draw_legend(colours)

    def _draw_legend(self, colours: dict[int, QColor]) -> None:
        parts = [
            f'<span style="color:{colours[r.id].name()}">■</span>&nbsp;{r.label}'
            for r in self.shown_rooms()
            if r.id in colours
        ]
        parts.append("▨&nbsp;provisional (dashed outline)")
        parts.append(f'<span style="color:{MEETING_COLOUR}">◆</span>&nbsp;meeting')
        parts.append("pale bands: set-up and clear-down")
        self.legend.setText("&nbsp;&nbsp;&nbsp; ".join(parts))

    def _scroll_to_morning(self) -> None:
        self.scroll.verticalScrollBar().setValue(int(self.grid.y_of(8 * 60 - 15)))

    def _focus_view(self) -> None:
        (self.month if self.view == "month" else self.grid).setFocus()

    # -- navigating -----------------------------------------------------------------------
    def _room_chosen(self, index: int) -> None:
        room_id = self.room_box.itemData(index)
        self.rooms = (room_id,) if room_id else None
        self._show_period()

    def _grid_edge(self, direction: int) -> None:
        """The keyboard went past the first or last column: a day over in the week view, the
        next room in the day view is the last room, so go to the day before or after."""
        self.go_to(self.day + timedelta(days=direction))
        if self.view == "day":
            self.grid.cursor = (0 if direction > 0 else len(self.grid.columns) - 1,
                                self.grid.cursor[1])  # fmt: skip

    def _open_day(self, day: date) -> None:
        self.day = day
        self.set_view("day")

    def _activate(self, o: Occurrence) -> None:
        if o.meeting_id is not None:
            self.meeting_activated.emit(o.meeting_id)
        elif o.booking_id is not None:
            self.booking_activated.emit(o.booking_id, o.on)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not (plain and self.command(event.key())):
            super().keyPressEvent(event)

    def command(self, key: int) -> bool:
        """A calendar key, wherever the focus is in the calendar; True if it was one."""
        if key == Qt.Key.Key_PageUp:
            self.go_to(step(self.view, self.day, -1))
        elif key == Qt.Key.Key_PageDown:
            self.go_to(step(self.view, self.day, 1))
        elif key in (Qt.Key.Key_T, Qt.Key.Key_Home):
            self.go_to(date.today())
        elif key in VIEW_KEYS:
            self.set_view(VIEW_KEYS[key])
        else:
            return False
        if self.view == "week":
            self.grid.cursor = (self.day.weekday(), self.grid.cursor[1])
        return True

    # -- moving ---------------------------------------------------------------------------
    def request_move(
        self, o: Occurrence, new_on: date | None, starts_at: time | None, room_id: int | None
    ) -> None:
        """Move one date of a booking (a drop, or Ctrl+arrow). Meetings move in Meetings; a
        date of a repeating booking is confirmed first, since only that date moves."""
        if o.meeting_id is not None or o.booking_id is None or new_on is None:
            self.dialog = tell(
                self, "Meetings move in Meetings",
                f"“{o.title}” is a meeting. Change its date, time or room in Meetings.",
            )  # fmt: skip
            return
        start = minutes(starts_at)
        end = start + minutes(o.ends_at) - minutes(o.starts_at)
        if start < 0 or end >= 24 * 60:
            self.dialog = tell(self, "Cannot move there", "A booking must end by midnight.")
            return
        ends_at = clock(end)
        room = room_id or o.room_id

        def move(allow_clash: bool = False) -> None:
            self._move(o, new_on, starts_at, ends_at, room, allow_clash)

        if o.repeats:
            self.dialog = ask(
                self,
                "Move one date?",
                f"Move only {o.on:%A} {format_date(o.on)}'s {o.title or o.who}? "
                "The rest of the series stays.",
                "Move this date",
                move,
                detail=f"It will be on {new_on:%A} {format_date(new_on)} at "
                f"{format_time(starts_at)}–{format_time(ends_at)}.",
                icon=QMessageBox.Icon.Question,
            )
            return
        move()

    def _move(
        self, o: Occurrence, new_on: date, starts_at: time, ends_at: time, room: int,
        allow_clash: bool,
    ) -> None:  # fmt: skip
        sessions = self.ctx.sessions
        booking_id = o.booking_id

        def job():
            return move_occurrence(
                sessions, booking_id, o.on, new_on, starts_at, ends_at, room, allow_clash
            )

        def done(detail) -> None:
            self._pending = (detail.id, new_on)
            first, last = period(self.view, self.day)
            if self.view != "month" and not first <= new_on <= last:
                self.day = new_on
                self.period_label.setText(title(self.view, self.day))
            self.ctx.events.changed.emit("bookings")

        def failed(exc: Exception) -> None:
            if isinstance(exc, ClashError) and not allow_clash:
                self.dialog = ask(
                    self,
                    "This would clash",
                    str(exc),
                    "Move anyway",
                    lambda: self._move(o, new_on, starts_at, ends_at, room, True),
                    detail="Move it anyway only if the room can really be shared.",
                )
            else:
                self.ctx.tasks.report(exc, "", self)

        self.ctx.tasks.run(job, done, failed, parent=self)
