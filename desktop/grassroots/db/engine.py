"""Engines with the pragmas Grassroots relies on (WAL, foreign keys, a busy timeout)."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000


def database_url(database: str) -> str:
    """A file path becomes an SQLite URL; a URL is kept as it is."""
    return database if "://" in database else f"sqlite:///{database}"


def make_engine(database: str) -> Engine:
    url = database_url(database)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """The one session factory a service is given; each call opens and closes its own session."""
    return sessionmaker(engine, expire_on_commit=False)
