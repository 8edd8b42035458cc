"""Alembic, driven from inside the app: which revision a database is at, and upgrading it.

Alembic takes about 0.3 s to import, so an up-to-date database is recognised without it:
HEAD names the newest revision (a test keeps it equal to Alembic's head), and alembic is only
imported when a database has to be created or upgraded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0010"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return HEAD


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for a database Alembic never touched."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("select version_num from alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` in one transaction.

    SQLite alters a table by rebuilding it, and dropping the old copy would trip the foreign
    keys of rows that point at it. So, as SQLite's own instructions for altering tables say,
    foreign keys are switched off outside the transaction, every link is checked before it
    commits, and they are switched back on afterwards.
    """
    from alembic import command

    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                already = _broken_links(connection) if sqlite else set()
                command.upgrade(alembic_config(connection), revision)
                if sqlite:
                    _refuse_new_broken_links(connection, already)
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def _broken_links(connection: Connection) -> set[tuple]:
    return {tuple(row) for row in connection.exec_driver_sql("PRAGMA foreign_key_check")}


def _refuse_new_broken_links(connection: Connection, already: set[tuple]) -> None:
    """Links broken by the upgrade stop it. Links broken before it (a hand edit in another
    tool, which keeps foreign keys off) are left for the user and do not block the upgrade."""
    new = _broken_links(connection) - already
    if new:
        tables = sorted({row[0] for row in new})
        raise ValueError(f"the upgrade would leave broken links in {', '.join(tables)}")
