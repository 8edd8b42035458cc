"""The Gift Aid claims made in a year, on one page for the examiner: each claim's donations,
the tax reclaimed, when HMRC paid it, and whether its schedule spreadsheet is in the pack."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.printing.annual_accounts import account_styles, build_accounts_pdf
from grassroots.printing.cash_book_listing import figure
from grassroots.printing.letterhead import Letterhead
from grassroots.printing.tables import Column, ZebraTable

COLUMNS = (
    Column("Claim", 0),
    Column("Made on", 0),
    Column("Donations up to", 0),
    Column("Donations £", 1, "right"),
    Column("Tax reclaimed £", 1, "right"),
    Column("Repaid by HMRC", 1.6),
    Column("Schedule", 1.6),
)


@dataclass(frozen=True)
class ClaimLine:
    number: int
    made_on: date
    up_to: date
    donations: Money
    claimed: Money
    repaid_on: date | None
    repaid: Money | None
    schedule: str  # the file's name in the pack, or "" when it could not be found


@dataclass(frozen=True)
class GiftAidClaims:
    letterhead: Letterhead
    year_starts_on: date
    year_ends_on: date
    printed_on: date
    claims: tuple[ClaimLine, ...]


def _repaid(claim: ClaimLine) -> str:
    if claim.repaid_on is None or claim.repaid is None:
        return "Not yet"
    return f"{format_date(claim.repaid_on)}: {claim.repaid.format()}"


def claim_rows(claims: tuple[ClaimLine, ...]) -> list[list[str]]:
    rows = [
        [
            str(c.number),
            format_date(c.made_on),
            format_date(c.up_to),
            figure(c.donations),
            figure(c.claimed),
            _repaid(c),
            "Included" if c.schedule else "Not found",
        ]
        for c in claims
    ]
    donations = Money(sum(c.donations.pence for c in claims))
    claimed = Money(sum(c.claimed.pence for c in claims))
    rows.append(["Total", "", "", figure(donations), figure(claimed), "", ""])
    return rows


def build_gift_aid_claims(summary: GiftAidClaims, out: Path) -> Path:
    styles = account_styles()
    head = summary.letterhead
    period = f"{format_date(summary.year_starts_on)} to {format_date(summary.year_ends_on)}"
    title = "Gift Aid claims"
    story: list[Flowable] = [
        Paragraph(title, styles["title"]),
        Paragraph(escape(f"Claims made in the year {period}"), styles["subtitle"]),
        Spacer(1, 6),
    ]
    if summary.claims:
        story.append(ZebraTable(COLUMNS, claim_rows(summary.claims), 8.5, 11, total_row=True))
        story.append(Spacer(1, 4))
        missing = [str(c.number) for c in summary.claims if not c.schedule]
        note = (
            "Each claim's schedule is the spreadsheet sent to HMRC through Charities Online; "
            "those marked Included are in this folder."
        )
        if missing:
            note += (
                f" The schedule of claim{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                "could not be found; keep a copy "
                "with the Gift Aid records, as HMRC may ask for it."
            )
        story.append(Paragraph(escape(note), styles["note"]))
    else:
        story.append(Paragraph("No Gift Aid claims were made in this year.", styles["cell"]))
    return build_accounts_pdf(out, head, story, title, period, f"{title}, {period}")
