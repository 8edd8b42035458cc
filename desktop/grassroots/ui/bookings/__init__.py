"""The Bookings area: the calendar, the list of bookings, hirers, rooms and invoices."""
