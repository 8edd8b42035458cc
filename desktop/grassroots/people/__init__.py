"""People: the hub every role hangs from, households, and the consent log."""
