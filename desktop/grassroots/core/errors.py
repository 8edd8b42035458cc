"""Errors that carry a message fit to show a volunteer, raised by services and the store."""

from __future__ import annotations


class GrassrootsError(Exception):
    """Base of every error the app expects and explains to the user."""


class ValidationError(GrassrootsError):
    """One or more fields are wrong; `fields` maps field name to a plain-English reason."""

    def __init__(self, fields: dict[str, str]):
        self.fields = dict(fields)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.fields.items()))


class Cancelled(GrassrootsError):
    """The user stopped a long action; its transaction was rolled back, so nothing changed."""


class NotFound(GrassrootsError):
    """The record asked for no longer exists (perhaps erased or merged)."""


class DatabaseProblem(GrassrootsError):
    """The database file cannot be opened as it is; the message says why and what to do."""


class NotADatabase(DatabaseProblem):
    pass


class DatabaseCorrupt(DatabaseProblem):
    pass


class DatabaseTooNew(DatabaseProblem):
    pass


class DatabaseLocked(DatabaseProblem):
    pass


class MigrationFailed(DatabaseProblem):
    """An upgrade of the schema failed and was rolled back; the file is as it was."""


class AlreadyOpen(DatabaseProblem):
    """Another copy of Grassroots has this database open."""
