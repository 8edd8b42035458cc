"""`grassroots giftaid schedule`: HMRC's claim schedule from the books, from the command line."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from grassroots.accounts.gift_aid import review_donations
from grassroots.accounts.gift_aid_schedule import make_claim
from grassroots.cli.output import problem
from grassroots.core.dates import format_date, parse_date
from grassroots.core.money import Money
from grassroots.db.database import Database


def schedule(args: argparse.Namespace, database: Database) -> int:
    """Check (with --check) or make the claim: the schedule file(s) and the donations marked."""
    if not args.check and not args.out:
        print("grassroots giftaid schedule: --out FILE.ods is needed (or --check)")
        return 2
    try:
        up_to = parse_date(args.up_to) if args.up_to else date.today()
    except ValueError as exc:
        return problem(f"Up to: {exc}")
    review = review_donations(database.sessions, up_to)
    for donation in review.to_fix:
        who = " ".join(p for p in (donation.first_name, donation.last_name) if p) or "no name"
        print(
            f"Left out: {format_date(donation.on)} {donation.amount.format()} from {who}: "
            f"{'; '.join(donation.problems)}"
        )
    if args.check:
        total = Money(sum(d.amount.pence for d in review.eligible))
        print(
            f"{len(review.eligible):,} donations ({total.format()}) can be claimed up to "
            f"{format_date(up_to)}; {len(review.to_fix):,} need putting right first."
        )
        return 0
    if not review.eligible:
        return problem(f"There are no donations to claim up to {format_date(up_to)}.")
    out = Path(args.out)
    folder = out.parent if out.suffix.lower() == ".ods" else out
    result = make_claim(database.sessions, up_to, folder)
    files = _named_as_asked(result.files, out)
    print(
        f"Claimed Gift Aid on {result.rows:,} rows of donations totalling "
        f"{result.donations.format()}: {result.tax.format()} to reclaim."
    )
    for path in files:
        print(f"Schedule: {path}")
    return 0


def _named_as_asked(files: tuple[Path, ...], out: Path) -> list[Path]:
    """Give the schedule the name the user asked for (several files: -1, -2...)."""
    if out.suffix.lower() != ".ods":
        return list(files)
    named = (
        [out]
        if len(files) == 1
        else [out.with_name(f"{out.stem}-{n}{out.suffix}") for n in range(1, len(files) + 1)]
    )
    for made, wanted in zip(files, named, strict=True):
        made.replace(wanted)
    return named


def declaration_form(args: argparse.Namespace, database: Database) -> int:
    """`grassroots giftaid form`: a declaration form for one person, or a stack of blank ones."""
    from grassroots.accounts.gift_aid_forms import print_declaration_form

    out = Path(args.out)
    print_declaration_form(database.sessions, out, args.person, max(1, args.copies))
    what = "filled in" if args.person is not None else f"{max(1, args.copies)} blank"
    print(f"Gift Aid declaration form ({what}): {out}")
    return 0
