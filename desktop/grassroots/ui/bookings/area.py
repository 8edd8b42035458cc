"""The Bookings area: the calendar, the list of bookings, hirers, rooms and invoices.

Its pages talk to each other through the area: a booking saved in one reloads the others when
they are next shown (each tab refreshes on being shown), a hirer's "new booking" opens the
booking form for them, and a meeting found among the bookings opens in Meetings.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from grassroots.ui.context import AppContext
from grassroots.ui.widgets.tabbed_area import Tab, TabbedArea


def _calendar(ctx: AppContext) -> QWidget:
    from grassroots.ui.bookings.calendar_page import CalendarPage

    return CalendarPage(ctx)


def _list(ctx: AppContext) -> QWidget:
    from grassroots.ui.bookings.bookings_list import BookingsList

    return BookingsList(ctx)


def _hirers(ctx: AppContext) -> QWidget:
    from grassroots.ui.bookings.hirers_page import HirersPage

    return HirersPage(ctx)


def _invoices(ctx: AppContext) -> QWidget:
    from grassroots.ui.bookings.invoices_page import InvoicesPage

    return InvoicesPage(ctx)


def _rooms(ctx: AppContext) -> QWidget:
    from grassroots.ui.bookings.rooms_page import RoomsPage

    return RoomsPage(ctx)


TABS = (
    Tab("calendar", "Calendar", _calendar),
    Tab("list", "List", _list),
    Tab("hirers", "Hirers", _hirers),
    Tab("invoices", "Invoices and deposits", _invoices),
    Tab("rooms", "Rooms and rates", _rooms),
)


class BookingsArea(TabbedArea):
    """`meeting_requested(id)` asks the window to open a meeting held in a booked room."""

    title = "Bookings"
    meeting_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, TABS, "bookings", parent)

    def page(self, key: str) -> QWidget:
        fresh = key not in self.pages
        page = super().page(key)
        if fresh:
            self._connect(key, page)
        return page

    def _connect(self, key: str, page: QWidget) -> None:
        if hasattr(page, "meeting_requested"):
            page.meeting_requested.connect(self.meeting_requested)
        if key == "hirers":
            page.new_booking_requested.connect(self.new_booking_for)
            page.invoices_requested.connect(self.show_invoices)

    def new_booking_for(self, hirer_id: int) -> None:
        """The booking form for a hirer, over the calendar."""
        self.show_tab("calendar").new_booking(hirer_id=hirer_id)

    def show_invoices(self, hirer_id: int | None = None) -> QWidget:
        page = self.show_tab("invoices")
        if hirer_id:
            page.show_hirer(hirer_id)
        return page
