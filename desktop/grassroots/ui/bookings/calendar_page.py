"""The calendar tab: the booking calendar under a row of what a booking secretary does from it —
take a booking, print the week's sheet or a room's month, and share or load a calendar file."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from grassroots.ui.bookings.booking_actions import BookingActions
from grassroots.ui.bookings.calendar_files import CalendarFileMenu
from grassroots.ui.bookings.calendar_view import BookingCalendar
from grassroots.ui.bookings.print_menu import BookingsPrintMenu
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role


class CalendarPage(QWidget):
    meeting_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bookingsCalendarPage")
        self.calendar = BookingCalendar(ctx)
        self.actions = BookingActions(ctx, self)
        self.actions.changed.connect(self.calendar.reload)
        self.calendar.booking_activated.connect(self.open_booking)
        self.calendar.slot_activated.connect(self._slot)
        self.calendar.meeting_activated.connect(self.meeting_requested)

        self.new_button = set_role(QPushButton("&New booking…"), "primary")
        self.new_button.setObjectName("newBooking")
        self.new_button.setToolTip("Take a booking (Ctrl+N)")
        self.new_button.clicked.connect(lambda: self.new_booking())
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.new_booking())
        self.print_menu = BookingsPrintMenu(ctx, self, self.calendar.current_day)
        self.files_menu = CalendarFileMenu(ctx, self)
        self.files_menu.imported.connect(self.calendar.reload)

        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        for text, menu, name in (
            ("&Print", self.print_menu, "bookingsPrint"),
            ("Calendar &file", self.files_menu, "bookingsCalendarFile"),
        ):
            button = QToolButton()
            button.setText(text)
            button.setObjectName(name)
            button.setAccessibleName(text.replace("&", ""))
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            row.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.addLayout(row)
        column.addWidget(self.calendar, 1)

    def refresh(self) -> None:
        self.calendar.reload()

    def _slot(self, on: date, starts_at: time | None, room_id: int) -> None:
        self.new_booking(on=on, starts_at=starts_at, room_id=room_id or None)

    def new_booking(
        self,
        on: date | None = None,
        starts_at: time | None = None,
        room_id: int | None = None,
        hirer_id: int | None = None,
    ) -> QWidget:
        """The booking form, on the day the calendar shows unless told otherwise."""
        on = on or self.calendar.current_day()
        return self.actions.new(on, starts_at, room_id, hirer_id)

    def open_booking(self, booking_id: int, _on: date | None = None) -> QWidget:
        return self.actions.edit(booking_id)
