"""Dialogs of the Grassroots shell: group settings, first-run set-up, database problems."""
