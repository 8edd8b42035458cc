"""The calendar's Print menu: the week's booking sheet for the noticeboard, and a room's month
at a glance. Each asks where to save, writes in the background and offers to open the file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from grassroots.bookings.venues import list_rooms
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.outputs import PDF_FILTER, ask_save_path, write_then_offer


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class BookingsPrintMenu(QMenu):
    """`current_day` says which week or month the calendar is showing."""

    def __init__(self, ctx: AppContext, parent: QWidget, current_day: Callable[[], date]):
        super().__init__("Print", parent)
        self.ctx, self.current_day = ctx, current_day
        self.setObjectName("bookingsPrintMenu")
        self.week = self.addAction("This &week's booking sheet…")
        self.week.triggered.connect(lambda: self.save_week())
        self.month = self.addMenu("A room's &month at a glance")
        self.month.setObjectName("roomMonthMenu")
        self.aboutToShow.connect(self._load_rooms)

    def _load_rooms(self) -> None:
        sessions = self.ctx.sessions
        self.ctx.tasks.run(lambda: list_rooms(sessions), self._rooms_loaded, parent=self)

    def _rooms_loaded(self, rooms) -> None:
        self.month.clear()
        for room in rooms:
            action = self.month.addAction(f"{room.label}…")
            action.triggered.connect(lambda _c=False, r=room: self.save_month(r.id, r.label))
        if not rooms:
            self.month.addAction("No rooms yet: add them under Rooms and rates").setEnabled(False)

    def save_week(self, path: Path | None = None) -> None:
        from grassroots.bookings.documents import write_booking_sheet

        monday = monday_of(self.current_day())
        path = path or ask_save_path(
            self.parentWidget(), "Save the booking sheet",
            f"Booking sheet, week of {monday:%d-%m-%Y}.pdf", PDF_FILTER,
        )  # fmt: skip
        if path is None:
            return
        sessions = self.ctx.sessions
        write_then_offer(
            self.ctx,
            self.parentWidget(),
            path,
            lambda: write_booking_sheet(sessions, monday, path),
            "Printing the booking sheet…",
        )

    def save_month(self, room_id: int, label: str, path: Path | None = None) -> None:
        from grassroots.bookings.documents import write_room_month

        first = self.current_day().replace(day=1)
        name = f"{label}, {first:%B %Y}.pdf".replace("/", "-")
        path = path or ask_save_path(self.parentWidget(), "Save the room's month", name, PDF_FILTER)
        if path is None:
            return
        sessions = self.ctx.sessions
        write_then_offer(
            self.ctx,
            self.parentWidget(),
            path,
            lambda: write_room_month(sessions, room_id, first, path),
            "Printing the room's month…",
        )
