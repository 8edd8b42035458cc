"""Opening the database for one command: the same checks, lock and messages as the window."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from grassroots.core.errors import NotADatabase
from grassroots.db.database import Database, open_database
from grassroots.settings import InstanceLock, Paths, cloud_folder_warning, resolve_paths


def paths_for(db: str | None) -> Paths:
    """Resolve --db (or GRASSROOTS_DB, or the usual file), warning about synced folders."""
    paths = resolve_paths(db)
    warning = cloud_folder_warning(paths.database_file)
    if warning:
        print(f"Warning: {warning}", file=sys.stderr)
    return paths


@contextmanager
def opened(db: str | None, create: bool = False) -> Iterator[Database]:
    """The database, migrated and locked against the app writing to it at the same time.

    Only `create` commands (init, demo) may start a new file, so a mistyped --db is reported
    rather than answered from a new, empty database. Raises DatabaseProblem (AlreadyOpen,
    NotADatabase, DatabaseTooNew...) with a message fit to print as it is.
    """
    paths = paths_for(db)
    file = paths.database_file
    if file is not None and not create and not file.exists():
        raise NotADatabase(
            f"There is no database at {file}. Start one with: grassroots init --db {file} "
            '--name "Your group"'
        )
    with ExitStack() as stack:
        if paths.database_file is not None:
            stack.enter_context(InstanceLock(paths.database_file))
        database = open_database(paths.database, paths.backups_dir)
        stack.callback(database.close)
        for note in database.notes:
            print(note, file=sys.stderr)
        yield database
