"""Engines with the pragmas Grassroots relies on (WAL, foreign keys, a busy timeout), real
transactions around schema changes, and one plain message for a database that stays locked."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.errors import DatabaseLocked

BUSY_TIMEOUT_MS = 5000


def database_url(database: str) -> str:
    """A file path becomes an SQLite URL; a URL is kept as it is."""
    return database if "://" in database else f"sqlite:///{database}"


def sqlite_file(database: str) -> Path | None:
    """The SQLite file behind a path or URL; None for a server or an in-memory database."""
    if "://" not in database:
        return Path(database)
    if database.startswith("sqlite:///") and ":memory:" not in database:
        return Path(database.removeprefix("sqlite:///"))
    return None


def make_engine(database: str) -> Engine:
    engine = create_engine(database_url(database))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        event.listen(engine, "handle_error", _explain_locked)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so that schema
    # changes (Alembic migrations) are inside them too and roll back whole on failure.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin(connection) -> None:
    connection.exec_driver_sql("BEGIN")


def _explain_locked(context: ExceptionContext) -> None:
    """Another program held the database past the busy timeout, or changed it between this
    action's first read and its first write: say so plainly, not with a traceback."""
    original = context.original_exception
    if getattr(original, "sqlite_errorname", "") == "SQLITE_BUSY_SNAPSHOT":
        raise DatabaseLocked(
            "Another program changed the Grassroots database at the same moment, so nothing "
            "was saved. Please try again."
        ) from original
    if "database is locked" in str(original):
        raise DatabaseLocked(
            "Another program is using the Grassroots database and did not let go within "
            f"{BUSY_TIMEOUT_MS // 1000} seconds, so nothing was saved. Close other programs "
            "that have it open (a backup tool, a second copy of Grassroots) and try again."
        ) from original


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """The one session factory a service is given; each call opens and closes its own session."""
    return sessionmaker(engine, expire_on_commit=False)
