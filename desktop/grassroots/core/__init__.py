"""Pure helpers with no I/O: money, dates, validation and the errors every layer shares."""
