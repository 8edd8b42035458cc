"""The examiner pack: everything a treasurer hands the independent examiner for one financial
year, in one ZIP file under one folder, e.g. "Ashby Village Hall accounts 2025-26/".

In it: the receipts and payments accounts (PDF, and the figures as CSV and XLSX), the cash
book for the year (PDF and XLSX), a statement of each bank reconciliation finished for the
year, a statement of each restricted, designated and endowment fund (and each grant held in
one), the Gift Aid claims made in the year with their HMRC schedules where the files can still
be found, and README.txt saying what is in the pack and, as plainly, what is not.

The pack is made in a temporary folder and zipped to a temporary file beside `out`, then
renamed into place: a failure or a Cancel leaves no half-written ZIP, and an older pack at
`out` stays as it was until the new one is whole.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.annual_cash_book import annual_cash_book, write_cash_book_xlsx
from grassroots.accounts.books import get_entry
from grassroots.accounts.documents import LAYOUTS, annual_accounts, export_figures
from grassroots.accounts.fund_statements import fund_statements
from grassroots.accounts.gift_aid_schedule import ClaimInfo, claim_schedule, list_claims
from grassroots.accounts.reconciliation_statements import year_reconciliations
from grassroots.accounts.year_end import year_end_of
from grassroots.core.dates import format_date
from grassroots.core.errors import Cancelled, NotFound, ValidationError
from grassroots.group.service import get_settings
from grassroots.members.documents import letterhead_of
from grassroots.printing.annual_accounts import build_annual_accounts
from grassroots.printing.cash_book_listing import build_cash_book_listing
from grassroots.printing.fund_statements import build_fund_statement
from grassroots.printing.gift_aid_claims import ClaimLine, GiftAidClaims, build_gift_aid_claims
from grassroots.printing.reconciliation_statement import build_reconciliation_statements

Sessions = sessionmaker[Session]
ACCOUNTS_DIR = "1 Accounts"
CASH_BOOK_DIR = "2 Cash book"
RECONCILIATIONS_DIR = "3 Bank reconciliations"
FUNDS_DIR = "4 Funds and grants"
GIFT_AID_DIR = "5 Gift Aid"
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class PackReport:
    """What was made: the ZIP, the files inside it (paths within the ZIP), and what the
    treasurer should know before handing it over (also in the pack's README.txt)."""

    path: Path
    files: tuple[str, ...]
    warnings: tuple[str, ...]


def year_label(year_starts_on: date) -> str:
    """'2025-26' for a year from April, '2025' for a calendar year."""
    ends = year_end_of(year_starts_on)
    return (
        str(ends.year) if ends.year == year_starts_on.year else f"{year_starts_on.year}-{ends:%y}"
    )


def safe_name(text: str) -> str:
    """A file or folder name every system accepts: no slashes, colons and the like."""
    cleaned = " ".join(_NOT_IN_NAMES.sub(" ", text).split()).strip(" .")
    return cleaned[:120] or "Untitled"


def pack_folder_name(group: str, year_starts_on: date) -> str:
    return safe_name(f"{group} accounts {year_label(year_starts_on)}")


class _Pack:
    """The files of a pack as they are made, with a line of the README for each."""

    def __init__(self, root: Path, should_stop: Callable[[], bool] | None):
        self.root = root
        self.should_stop = should_stop
        self.contents: list[tuple[str, str]] = []  # (path in the pack, what it is)
        self.missing: list[str] = []
        self.warnings: list[str] = []
        self.searched: list[str] = []  # schedule files looked for and not found
        self.looked_in: tuple[Path, ...] = ()

    def path(self, folder: str, name: str) -> Path:
        self.check()
        where = self.root / folder
        where.mkdir(parents=True, exist_ok=True)
        return where / safe_name(name)

    def add(self, path: Path, what: str) -> None:
        self.contents.append((path.relative_to(self.root).as_posix(), what))

    def check(self) -> None:
        if self.should_stop is not None and self.should_stop():
            raise Cancelled("The examiner pack was not made: it was cancelled")


# ---------------------------------------------------------------- the parts


def _accounts(pack: _Pack, sessions: Sessions, start: date, layout: str, label: str) -> None:
    form = annual_accounts(sessions, start, layout)
    name = f"Receipts and payments accounts {label}"
    pdf = pack.path(ACCOUNTS_DIR, f"{name}.pdf")
    build_annual_accounts(form, pdf)
    pack.add(pdf, f"the accounts for the trustees to sign ({form.form})")
    for suffix, what in ((".csv", "CSV"), (".xlsx", "Excel")):
        sheet = pack.path(ACCOUNTS_DIR, f"{name}{suffix}")
        export_figures(form, sheet)
        pack.add(sheet, f"the same figures as a spreadsheet ({what})")
    pack.warnings += [f"Accounts: {w}" for w in form.warnings]


def _cash_book(pack: _Pack, sessions: Sessions, start: date, label: str) -> None:
    listing = annual_cash_book(sessions, start)
    pdf = pack.path(CASH_BOOK_DIR, f"Cash book {label}.pdf")
    build_cash_book_listing(listing, pdf)
    entries = sum(len(a.entries) for a in listing.accounts)
    pack.add(pdf, f"every entry of the year ({entries:,}) with running balances, by account")
    sheet = pack.path(CASH_BOOK_DIR, f"Cash book {label}.xlsx")
    write_cash_book_xlsx(listing, sheet)
    pack.add(sheet, "the same, one row per line of a split entry, to filter and total")
    if not entries:
        pack.missing.append("No entries in the cash book for this year.")


def _reconciliations(pack: _Pack, sessions: Sessions, start: date, label: str) -> None:
    found = year_reconciliations(sessions, start)
    by_account: dict[str, list] = {}
    for statement in found.statements:
        by_account.setdefault(statement.account, []).append(statement)
        if statement.unexplained:
            pack.warnings.append(
                f"The reconciliation of {statement.account} to "
                f"{format_date(statement.statement_on)} no longer agrees with the cash book "
                f"(by {statement.unexplained.format()})."
            )
    for account, statements in by_account.items():
        pdf = pack.path(RECONCILIATIONS_DIR, f"{account} reconciliations {label}.pdf")
        build_reconciliation_statements(statements, pdf)
        dates = ", ".join(format_date(s.statement_on) for s in statements)
        count = f"{len(statements)} reconciliation{'s' if len(statements) > 1 else ''}"
        pack.add(pdf, f"{count}, to the statements of {dates}")
    year_end = format_date(year_end_of(start))
    for account in found.not_reconciled:
        pack.missing.append(f"No reconciliation finished for {account} in this year.")
    for account, last in found.short_of_year_end:
        pack.missing.append(
            f"{account} was last reconciled to {format_date(last)}, not to the year end "
            f"({year_end})."
        )


def _funds(pack: _Pack, sessions: Sessions, start: date) -> None:
    statements = fund_statements(sessions, start)
    for statement in statements:
        kind = "Grant" if statement.is_grant else "Fund"
        pdf = pack.path(FUNDS_DIR, f"{kind} - {statement.name}.pdf")
        build_fund_statement(statement, pdf)
        pack.add(
            pdf,
            f"{statement.kind} fund: {statement.at_start.format()} at the start, "
            f"{statement.at_end.format()} at the end",
        )
        if statement.at_end.pence < 0:
            pack.warnings.append(
                f"The fund {statement.name} ends the year overspent by "
                f"{(-statement.at_end).format()}."
            )
        if not statement.lines_agree:
            pack.warnings.append(
                f"The entries of the fund {statement.name} do not add up to its figures."
            )
    if not statements:
        pack.missing.append("No restricted, designated or endowment funds had money this year.")


def schedule_name(claim: ClaimInfo) -> str:
    """The name `make_claim` gives a claim's schedule file."""
    return f"Gift Aid claim {claim.id} to {claim.up_to:%Y-%m-%d}.ods"


def _schedule_file(claim: ClaimInfo, folders: Sequence[Path]) -> Path | None:
    name = schedule_name(claim)
    return next((f / name for f in folders if (f / name).is_file()), None)


def _repayment(sessions: Sessions, claim: ClaimInfo) -> tuple[date | None, object]:
    if claim.received_entry_id is None:
        return None, None
    try:
        entry = get_entry(sessions, claim.received_entry_id)
    except NotFound:
        return None, None
    return entry.on, entry.amount


def _gift_aid(
    pack: _Pack, sessions: Sessions, start: date, label: str, folders: Sequence[Path]
) -> None:
    end = year_end_of(start)
    claims = [c for c in list_claims(sessions) if start <= c.made_on <= end]
    lines = []
    for claim in claims:
        kept = claim_schedule(sessions, claim.id)
        found = _schedule_file(claim, folders) if kept is None else None
        schedule = ""
        if kept is not None or found is not None:
            copy = pack.path(GIFT_AID_DIR, schedule_name(claim))
            copy.write_bytes(kept if kept is not None else found.read_bytes())
            pack.add(copy, f"HMRC schedule of claim {claim.id}")
            schedule = copy.name
        else:
            pack.missing.append(
                f"The HMRC schedule of Gift Aid claim {claim.id} (made "
                f"{format_date(claim.made_on)}) was not found."
            )
            pack.searched.append(schedule_name(claim))
        repaid_on, repaid = _repayment(sessions, claim)
        lines.append(
            ClaimLine(
                claim.id,
                claim.made_on,
                claim.up_to,
                claim.donations,
                claim.claimed,
                repaid_on,
                repaid,
                schedule,
            )
        )
    if not claims:  # an empty listing tells the examiner nothing the README does not
        pack.missing.append("No Gift Aid claims were made in this year.")
        return
    summary = GiftAidClaims(
        letterhead_of(get_settings(sessions)), start, end, date.today(), tuple(lines)
    )
    pdf = pack.path(GIFT_AID_DIR, f"Gift Aid claims {label}.pdf")
    build_gift_aid_claims(summary, pdf)
    pack.add(pdf, f"the Gift Aid claims made in the year ({len(lines)})")


# ---------------------------------------------------------------- the README and the ZIP


def _readme(pack: _Pack, group: str, start: date, layout: str) -> str:
    end = year_end_of(start)
    lines = [
        f"{group}: accounts for the year {format_date(start)} to {format_date(end)}",
        f"Examiner's pack made by Grassroots on {format_date(date.today())}.",
        "Figures in the accounts are to the nearest pound; everything else is in pounds and "
        "pence. Dates are day/month/year.",
        "",
        "WHAT IS IN THIS PACK",
        "",
    ]
    width = max((len(path) for path, _ in pack.contents), default=0) + 2
    lines += [f"  {path.ljust(width)}{what}" for path, what in pack.contents]
    lines += ["", "WHAT IS NOT IN THIS PACK", ""]
    lines += [f"  - {text}" for text in pack.missing] or ["  Nothing is missing."]
    if pack.searched:
        lines += ["", "  Gift Aid schedules are saved as “Gift Aid claim N to YYYY-MM-DD.ods”."]
        lines += ["  Looked for " + ", ".join(f"“{n}”" for n in pack.searched) + " in:"]
        lines += [f"    {folder}" for folder in pack.looked_in]
        lines += ["  Add a copy to the pack if you have it elsewhere."]
    if pack.warnings:
        lines += ["", "TO LOOK AT", ""]
        lines += [f"  - {text}" for text in pack.warnings]
    return "\r\n".join(lines) + "\r\n"  # readable in Notepad as well as anywhere else


def _zip_into_place(root: Path, folder: str, out: Path, pack: _Pack) -> tuple[str, ...]:
    """Zip to a temporary file beside `out`, then rename it over `out` in one step."""
    names: list[str] = []
    handle, temporary = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".part", dir=out.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                pack.check()
                name = f"{folder}/{path.relative_to(root).as_posix()}"
                archive.write(path, name)
                names.append(name)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return tuple(names)


def make_examiner_pack(
    sessions: Sessions,
    out: Path,
    year_starts_on: date,
    layout: str = "cc16",
    should_stop: Callable[[], bool] | None = None,
    schedule_folders: Sequence[Path] = (),
) -> PackReport:
    """Make the pack for the financial year starting `year_starts_on` as a ZIP at `out`.

    `schedule_folders` are where to look for the Gift Aid schedules (the claim records which
    claim a file is, not where it was saved); the folder of `out` is always looked in too.
    `should_stop` is asked between documents: if it says stop, nothing is left behind.
    """
    if layout not in LAYOUTS:
        raise ValidationError({"layout": f"Choose a layout from {', '.join(LAYOUTS)}"})
    out = Path(out)
    if out.suffix.lower() != ".zip":
        raise ValidationError({"out": f"{out.name}: save the examiner pack as a .zip file"})
    if not out.parent.is_dir():
        raise ValidationError({"out": f"The folder {out.parent} does not exist"})
    group = get_settings(sessions).name or "Our group"
    label = year_label(year_starts_on)
    folder = pack_folder_name(group, year_starts_on)
    folders = tuple(dict.fromkeys(Path(f) for f in (*schedule_folders, out.parent)))
    with tempfile.TemporaryDirectory(prefix="grassroots-pack-") as work:
        root = Path(work) / folder
        root.mkdir()
        pack = _Pack(root, should_stop)
        pack.looked_in = folders
        pack.check()
        _accounts(pack, sessions, year_starts_on, layout, label)
        _cash_book(pack, sessions, year_starts_on, label)
        _reconciliations(pack, sessions, year_starts_on, label)
        _funds(pack, sessions, year_starts_on)
        _gift_aid(pack, sessions, year_starts_on, label, folders)
        readme = root / "README.txt"
        readme.write_text(_readme(pack, group, year_starts_on, layout), encoding="utf-8")
        names = _zip_into_place(root, folder, out, pack)
    return PackReport(out, names, tuple(pack.warnings + pack.missing))
