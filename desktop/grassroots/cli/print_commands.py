"""`grassroots print register | labels | cards | reminders`."""

from __future__ import annotations

import argparse
from pathlib import Path

from grassroots.cli.member_commands import query_for
from grassroots.cli.output import problem
from grassroots.db.database import Database

WHAT = {
    "register": "the register of members",
    "labels": "address labels",
    "cards": "membership cards",
    "reminders": "renewal reminders",
}


def print_document(args: argparse.Namespace, database: Database) -> int:
    from grassroots.members import documents

    printer = getattr(documents, f"print_{args.document}")
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        return problem(f"{args.out}: the file to write must end in .pdf")
    spec = query_for(args.status) if args.status else None
    count = printer(database.sessions, out, spec=spec, large_print=args.large_print)
    noun = "member" if count == 1 else "members"
    print(f"Wrote {WHAT[args.document]} ({count:,} {noun}) to {out}.")
    return 0
