"""The group itself: its name, address, numbers, logo, financial year and membership rules."""
