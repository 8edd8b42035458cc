"""The widgets of the Accounts page: the cash book table, its filters and the entry form."""
