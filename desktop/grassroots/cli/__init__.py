"""The command line: the same services as the window, for scripts, demos and benchmarks.

Exit codes: 0 done; 1 the data or the database said no (each reason on its own line on
stderr); 2 the command itself was wrong (argparse's usage message). Never imports Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from grassroots.cli import (
    accounts_commands,
    booking_commands,
    giftaid_commands,
    group_commands,
    meeting_commands,
    member_commands,
    print_commands,
)
from grassroots.cli.opening import opened
from grassroots.cli.output import field_problems, problem
from grassroots.cli.parser import build_parser
from grassroots.core.errors import DatabaseProblem, GrassrootsError, ValidationError
from grassroots.db.database import Database

__all__ = ["build_parser", "run"]

# Commands that open the database themselves (or, for backup, never open it).
_STANDALONE: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": group_commands.init,
    "demo": group_commands.demo,
    "backup": group_commands.backup,
}
_WITH_DATABASE: dict[str, Callable[[argparse.Namespace, Database], int]] = {
    "list": member_commands.list_members,
    "import": member_commands.import_file,
    "export": member_commands.export_file,
    "renew": member_commands.renew_member,
    "print": print_commands.print_document,
    "accounts add": accounts_commands.add,
    "accounts import": accounts_commands.import_file,
    "accounts balance": accounts_commands.balance,
    "accounts report": accounts_commands.report,
    "accounts pack": accounts_commands.pack,
    "giftaid schedule": giftaid_commands.schedule,
    "giftaid form": giftaid_commands.declaration_form,
    "meetings list": meeting_commands.list_meetings_command,
    "actions list": meeting_commands.list_actions_command,
    **booking_commands.COMMANDS,
}


def run(args: argparse.Namespace) -> int:
    """Carry out a parsed command; the exit code."""
    try:
        return _dispatch(args)
    except ValidationError as exc:
        return problem(*field_problems(exc))
    except (DatabaseProblem, GrassrootsError) as exc:
        return problem(str(exc))
    except BrokenPipeError:
        raise  # the reader stopped reading: handled quietly in __main__
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return problem(f"{where}{exc.strerror or exc}")


def _dispatch(args: argparse.Namespace) -> int:
    if args.command in _STANDALONE:
        return _STANDALONE[args.command](args)
    action = args.members_command if args.command == "members" else args.command
    if args.command in ("accounts", "giftaid", "meetings", "actions", "bookings"):
        action = f"{args.command} {getattr(args, args.command + '_command')}"
    with opened(args.db) as database:
        return _WITH_DATABASE[action](args, database)
