"""Opening a Grassroots database safely: check it, back it up, migrate it, or refuse it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseTooNew,
    MigrationFailed,
    NotADatabase,
)
from grassroots.db import migrate
from grassroots.db.backup import backup_database
from grassroots.db.engine import make_engine, make_sessions, sqlite_file

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Database:
    """An open, up-to-date database: the engine and the session factory services are given."""

    engine: Engine
    sessions: sessionmaker[Session]
    file: Path | None
    backup: Path | None = None
    notes: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.engine.dispose()


def open_database(database: str, backups_dir: Path) -> Database:
    """Open (creating if need be) and upgrade `database`; raise a DatabaseProblem if we must not.

    An older schema is backed up to `backups_dir` before it is upgraded; a newer one is refused,
    so an old copy of the app never writes over data it does not understand.
    """
    file = sqlite_file(database)
    if file is not None:
        _check_header(file)
        file.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(database)
    try:
        current = _check_and_read_revision(engine, file)
        head = migrate.head_revision()
        backup = None
        if current not in (None, head) and current not in migrate.known_revisions():
            raise DatabaseTooNew(
                f"{file or database} was written by a newer version of Grassroots "
                f"(schema {current}). Install the newer version to open it; this version "
                "will not change it."
            )
        if current != head:
            if current is not None and file is not None:
                backup = backup_database(file, backups_dir, reason="before-upgrade")
            _upgrade(engine, file or database, backup)
    except OperationalError as exc:
        engine.dispose()
        if "locked" in str(exc).lower():
            raise DatabaseLocked(
                f"{file or database} is locked by another program. Close it and try again."
            ) from exc
        raise NotADatabase(f"{file or database} cannot be opened: {exc.orig}") from exc
    except DatabaseError as exc:
        engine.dispose()
        raise DatabaseCorrupt(
            f"{file or database} is damaged and cannot be read ({exc.orig}). Restore the "
            "newest backup from the backups folder."
        ) from exc
    except UnicodeDecodeError as exc:  # damage in the schema's own text, read on connecting
        engine.dispose()
        raise DatabaseCorrupt(
            f"{file or database} is damaged and cannot be read (its table list is garbled). "
            "Restore the newest backup from the backups folder."
        ) from exc
    except Exception:
        engine.dispose()
        raise
    notes = [f"A backup was taken before upgrading: {backup}"] if backup else []
    return Database(engine, make_sessions(engine), file, backup, notes)


def _upgrade(engine: Engine, name: object, backup: Path | None) -> None:
    """Run the migrations in one transaction; on failure nothing of them stays."""
    try:
        migrate.upgrade(engine)
    except Exception as exc:  # whatever a migration raised, it was rolled back whole
        kept = f" A copy taken before the upgrade is at {backup}." if backup else ""
        reason = getattr(exc, "orig", None) or exc
        raise MigrationFailed(
            f"Grassroots could not upgrade {name} to this version ({reason}). Nothing was "
            f"changed.{kept} Please report this, with the file, to whoever supports your copy."
        ) from exc


def _check_header(file: Path) -> None:
    if not file.exists() or file.stat().st_size == 0:
        return
    if file.is_dir():
        raise NotADatabase(f"{file} is a folder, not a database file.")
    with file.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotADatabase(
            f"{file} is not a Grassroots database (it is not an SQLite file at all). "
            "Choose the .db file Grassroots made, or a new file name to start afresh."
        )


def _check_and_read_revision(engine: Engine, file: Path | None) -> str | None:
    with engine.connect() as connection:
        if file is not None:
            result = connection.exec_driver_sql("PRAGMA quick_check").scalar()
            if result != "ok":
                raise DatabaseCorrupt(
                    f"{file} is damaged ({result}). Restore the newest backup from the "
                    "backups folder."
                )
        tables = set(inspect(connection).get_table_names())
    current = migrate.current_revision(engine)
    if current is None and tables - {"alembic_version"}:
        raise NotADatabase(
            f"{file or 'That database'} holds tables that Grassroots did not make. "
            "Choose a Grassroots database, or a new file name to start afresh."
        )
    return current
