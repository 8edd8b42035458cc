"""`grassroots init`, `grassroots demo` and `grassroots backup`."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from grassroots.cli.opening import opened, paths_for
from grassroots.cli.output import problem
from grassroots.db.backup import backup_database
from grassroots.demo import make_demo
from grassroots.group.service import get_settings, set_up_group
from grassroots.members.records import MemberQuery
from grassroots.members.register import count_members


def init(args: argparse.Namespace) -> int:
    with opened(args.db, create=True) as database:
        current = get_settings(database.sessions)
        if current.set_up and not args.force:
            return problem(
                f"{database.file or 'This database'} is already set up for {current.name}. "
                "Use --force to rename the group."
            )
        settings = set_up_group(database.sessions, args.name)
        print(f"Set up {settings.name} in {database.file or args.db}.")
    return 0


def demo(args: argparse.Namespace) -> int:
    with opened(args.db, create=True) as database:
        already = count_members(database.sessions, MemberQuery())
        if already:
            return problem(
                f"{database.file or 'This database'} already holds {already:,} people. "
                "The demo group goes into a new, empty database: give --db a new file name."
            )
        made = make_demo(database.sessions, args.size, args.seed, args.people)
        print(
            f"Made the demo group {made.group_name}: {made.people:,} people in "
            f"{made.households:,} shared households, {made.members:,} members, "
            f"{made.subscriptions:,} subscription payments and {made.bookings:,} hall bookings."
        )
    return 0


def backup(args: argparse.Namespace) -> int:
    """Copy the database; safe while the window has it open, so no lock is taken."""
    paths = paths_for(args.db)
    source = paths.database_file
    if source is None:
        return problem("Backups of a database on a server are taken on the server itself.")
    if not source.is_file():
        return problem(f"There is no database at {source} to back up.")
    target_dir = Path(args.out) if args.out else paths.backups_dir
    try:
        target = backup_database(source, target_dir)
    except sqlite3.DatabaseError as exc:
        return problem(f"{source} cannot be backed up: it is not a Grassroots database ({exc}).")
    except OSError as exc:
        return problem(f"The backup could not be written to {target_dir}: {exc.strerror}.")
    print(f"Backed up {source} to {target}.")
    return 0
