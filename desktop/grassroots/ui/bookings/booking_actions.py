"""What can be done to one date of a booking, from the list or the calendar alike: open it,
confirm it, cancel it, skip that one date of a series, or delete it. Each that cannot be undone
asks first, naming the booking and the date, and runs through ctx.tasks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from grassroots.bookings.records import Occurrence
from grassroots.bookings.service import delete_booking, set_status, skip_date
from grassroots.core.dates import format_date
from grassroots.ui.bookings.booking_dialog import BookingDialog
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.confirm import ask, tell
from grassroots.ui.widgets.outputs import PDF_FILTER, ask_save_path, write_then_offer


class BookingActions(QObject):
    """The operations on bookings for one page. `changed` after anything is saved;
    `meeting_requested(id)` when a meeting (which is kept in Meetings) is opened. `last` is
    the dialog or question most recently shown (tests press its buttons)."""

    changed = Signal()
    meeting_requested = Signal(int)

    def __init__(self, ctx: AppContext, page: QWidget):
        super().__init__(page)
        self.ctx, self.page = ctx, page
        self.last: QWidget | None = None

    # ------------------------------------------------------------ opening
    def new(
        self,
        on: date | None = None,
        starts_at: time | None = None,
        room_id: int | None = None,
        hirer_id: int | None = None,
    ) -> BookingDialog:
        dialog = BookingDialog(
            self.ctx, self.page, on=on, starts_at=starts_at, room_id=room_id, hirer_id=hirer_id
        )
        return self._show(dialog)

    def open(self, occurrence: Occurrence) -> QWidget:
        """The booking's dialog; a meeting is opened in Meetings instead."""
        if occurrence.booking_id is None:
            meeting_id = occurrence.meeting_id
            self.last = ask(
                self.page,
                "A meeting",
                f"{occurrence.title} is a meeting: open it in Meetings.",
                "Open in &Meetings",
                lambda: self.meeting_requested.emit(meeting_id),
            )
            return self.last
        return self.edit(occurrence.booking_id)

    def edit(self, booking_id: int) -> BookingDialog:
        """The dialog of a booking known by its number (the calendar gives only that)."""
        return self._show(BookingDialog(self.ctx, self.page, booking_id=booking_id))

    def _show(self, dialog: BookingDialog) -> BookingDialog:
        dialog.saved.connect(lambda _detail: self.changed.emit())
        self.last = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------ changing
    def confirm(self, occurrence: Occurrence) -> None:
        """Confirm a provisional booking (all its dates): nothing is lost, so no question."""
        if not self._is_booking(occurrence):
            return
        if occurrence.status == "confirmed":
            self.last = tell(self.page, "Already confirmed", f"{_what(occurrence)} is confirmed.")
            return
        booking_id = occurrence.booking_id
        self._run(lambda sessions: set_status(sessions, booking_id, "confirmed"))

    def cancel(self, occurrence: Occurrence) -> None:
        if not self._is_booking(occurrence):
            return
        series = " and every other date in the series" if occurrence.repeats else ""
        booking_id = occurrence.booking_id
        self.last = ask(
            self.page,
            "Cancel booking",
            f"Cancel {_what(occurrence)}{series}?",
            "Cancel &booking",
            lambda: self._run(lambda sessions: set_status(sessions, booking_id, "cancelled")),
            detail="The booking is kept, marked cancelled, and the room is free again. "
            + ("To leave out just this date, use Skip this date instead." if series else ""),
        )

    def skip(self, occurrence: Occurrence) -> None:
        """Leave one date out of a series (a one-off is cancelled instead)."""
        if not self._is_booking(occurrence):
            return
        if not occurrence.repeats:
            self.cancel(occurrence)
            return
        booking_id, on = occurrence.booking_id, occurrence.on
        self.last = ask(
            self.page,
            "Skip this date",
            f"Skip {occurrence.on:%A} {format_date(on)} of {_what(occurrence)}?",
            "&Skip this date",
            lambda: self._run(lambda sessions: skip_date(sessions, booking_id, on)),
            detail="The rest of the series stays booked. The date can be put back by opening "
            "the booking and removing it from the skipped dates.",
        )

    def delete(self, occurrence: Occurrence) -> None:
        if not self._is_booking(occurrence):
            return
        series = " (every date of the series)" if occurrence.repeats else ""
        booking_id = occurrence.booking_id
        self.last = ask(
            self.page,
            "Delete booking",
            f"Delete {_what(occurrence)}{series}?",
            "&Delete",
            lambda: self._run(lambda sessions: delete_booking(sessions, booking_id)),
            detail="Only for a booking made in error: it is removed for good. To keep a record "
            "of it, cancel it instead.",
        )

    def print_confirmation(self, occurrence: Occurrence, path: Path | None = None) -> None:
        """The letter confirming a booking to its hirer (every date of a series, the charge
        and the deposit): asks where to save, writes it in the background, offers to open it."""
        if not self._is_booking(occurrence):
            return
        from grassroots.bookings.documents import write_confirmation

        name = f"Booking confirmation, {occurrence.who} {occurrence.on:%d-%m-%Y}.pdf"
        path = path or ask_save_path(
            self.page, "Save the booking confirmation", name.replace("/", "-"), PDF_FILTER
        )
        if path is None:
            return
        sessions, booking_id = self.ctx.sessions, occurrence.booking_id
        write_then_offer(
            self.ctx,
            self.page,
            path,
            lambda: write_confirmation(sessions, booking_id, path),
            "Printing the confirmation…",
        )

    # ------------------------------------------------------------ helpers
    def _is_booking(self, occurrence: Occurrence) -> bool:
        if occurrence.booking_id is not None:
            return True
        self.open(occurrence)
        return False

    def _run(self, job: Callable) -> None:
        sessions = self.ctx.sessions

        def done(_result: object) -> None:
            self.ctx.events.changed.emit("bookings")
            self.changed.emit()

        self.ctx.tasks.run(lambda: job(sessions), done, parent=self.page)


def _what(occurrence: Occurrence) -> str:
    """'Ashby Pilates (Main hall, Tue 03/03/2026 19:00)'."""
    return (
        f"{occurrence.who} ({occurrence.room}, {occurrence.on:%a} {format_date(occurrence.on)} "
        f"{occurrence.starts_at:%H:%M})"
    )
