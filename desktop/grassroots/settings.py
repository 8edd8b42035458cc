"""Where Grassroots keeps its files, and the lock that keeps one copy of the app per database.

Every path is resolved here (platformdirs), with environment overrides so tests and portable
installs can point everything elsewhere:

- GRASSROOTS_DATA_DIR: the folder for the database, backups and preferences;
- GRASSROOTS_DB: the database file itself (or a full SQLAlchemy URL).

The group's own settings (name, address, financial year...) live in the database, in
`grassroots.group`, so they travel with the data.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout
from platformdirs import user_data_dir

from grassroots import APP_NAME
from grassroots.core.errors import AlreadyOpen, NotADatabase
from grassroots.db.engine import sqlite_file

DB_FILENAME = "grassroots.db"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    database: str  # a file path, or an SQLAlchemy URL for a shared server
    backups_dir: Path
    preferences: Path

    @property
    def database_file(self) -> Path | None:
        """The SQLite file, or None when the database is a server URL."""
        return sqlite_file(self.database)


def resolve_paths(db: str | None = None, env: Mapping[str, str] | None = None) -> Paths:
    """The paths to use: `db` (from --db) wins over GRASSROOTS_DB, then the default file."""
    env = os.environ if env is None else env
    data_dir = Path(env.get("GRASSROOTS_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))
    database = db or env.get("GRASSROOTS_DB") or str(data_dir / DB_FILENAME)
    if "://" not in database:
        database = str(Path(database).expanduser().absolute())
    return Paths(
        data_dir=data_dir,
        database=database,
        backups_dir=data_dir / "backups",
        preferences=data_dir / "preferences.ini",
    )


# Folder names that sync services create, matched as whole path parts ("Dropbox",
# "OneDrive - Ashby", "Google Drive", iCloud's "Mobile Documents"), never inside a name.
_CLOUD_FOLDERS = re.compile(
    r"(?:^|[/\\])(dropbox|onedrive|google ?drive|my drive|icloud ?drive|mobile documents|"
    r"cloudstorage|box sync|box|pcloud ?drive|mega|megasync|nextcloud|owncloud|sync\.com)"
    r"(?=$|[/\\]| -| \(|-(?:personal|business|shared))",
    re.IGNORECASE,
)


def cloud_folder_warning(path: Path | None) -> str | None:
    """A warning when the database sits in a folder that a sync service copies while in use."""
    if path is None:
        return None
    match = _CLOUD_FOLDERS.search(str(path))
    if not match:
        return None
    return (
        f"The database {path} is inside a {match.group(1)} folder. Sync services copy files "
        "while they are being written and can corrupt a live database. Keep the database in "
        "an ordinary folder and put the backups in the synced folder instead."
    )


class InstanceLock:
    """Held while the app has a database open, so a second copy is told rather than let in."""

    def __init__(self, database_file: Path):
        if database_file.is_dir():
            raise NotADatabase(f"{database_file} is a folder, not a database file.")
        self.path = database_file.with_name(database_file.name + ".lock")
        self._lock = FileLock(str(self.path), timeout=0)

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire()
        except Timeout:
            raise AlreadyOpen(
                f"Grassroots already has {self.path.with_suffix('')} open, perhaps in another "
                "window or on another user's session. Close it there first; two copies writing "
                "at once would damage the records."
            ) from None

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def resources_dir() -> Path:
    """The project's resources/ folder (fonts, icons, samples); GRASSROOTS_RESOURCES overrides,
    e.g. for a PyInstaller bundle that unpacks them elsewhere."""
    override = os.environ.get("GRASSROOTS_RESOURCES")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "resources"
