"""Make the kept database of a released schema: `python tests/data/released/make_fixture.py 0.1`.

Run once when a version is released, then commit the .db and .json it writes. Every later
migration is tested against these files (tests/db/test_released_databases.py), so a user's
real database from that version is known to upgrade with its data.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import date
from pathlib import Path

from grassroots.db.database import open_database
from grassroots.db.migrate import HEAD
from grassroots.demo import make_demo

HERE = Path(__file__).resolve().parent


def main(version: str) -> None:
    target = HERE / f"grassroots-{version}.db"
    target.unlink(missing_ok=True)
    database = open_database(str(target), HERE / "backups-unused")
    summary = make_demo(database.sessions, "small", seed=7, today=date(2026, 11, 22))
    database.close()
    with sqlite3.connect(target) as conn:  # one self-contained file, no -wal beside it
        conn.execute("PRAGMA journal_mode=DELETE")
        counts = {
            table: conn.execute(f"select count(*) from {table}").fetchone()[0]
            for table in ("people", "households", "consents", "memberships", "subscriptions")
        }
        pence = conn.execute("select sum(amount_pence) from subscriptions").fetchone()[0]
    conn.close()
    facts = {
        "version": version,
        "schema": HEAD,
        "group": summary.group_name,
        "counts": counts,
        "subscription_pence": pence,
    }
    (HERE / f"grassroots-{version}.json").write_text(json.dumps(facts, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
