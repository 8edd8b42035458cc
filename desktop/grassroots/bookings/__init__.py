"""Bookings: venues and their rooms, hirers, one-off and repeating bookings, clashes, charges,
invoices and deposits, and the calendar in iCalendar form."""
