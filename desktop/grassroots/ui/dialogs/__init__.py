"""Dialogs: each one focused task (group settings, first-run set-up, a database problem,
a person, a membership...), given the AppContext and changing data only through services."""
