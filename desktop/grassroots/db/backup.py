"""Consistent copies of a live SQLite database, taken before upgrades and on request."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

KEEP_AUTOMATIC = 10


def backup_database(source: Path, backups_dir: Path, reason: str = "manual") -> Path:
    """Copy `source` with SQLite's online backup (safe while in use); return the new file."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"{source.stem}-{stamp}-{reason}.db"
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    _prune(backups_dir, source.stem, reason)
    return target


def _prune(backups_dir: Path, stem: str, reason: str) -> None:
    """Keep the newest automatic backups of one kind; manual ones are the user's to delete."""
    if reason == "manual":
        return
    old = sorted(backups_dir.glob(f"{stem}-*-{reason}.db"))[:-KEEP_AUTOMATIC]
    for path in old:
        path.unlink(missing_ok=True)
