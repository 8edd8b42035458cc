"""Gift Aid claims: HMRC's Charities Online schedule spreadsheet, and the money coming back.

HMRC's upload checks the schedule strictly: columns in its order, dates DD/MM/YY, amounts with
two decimals and no £, empty cells left empty, no blank rows, no spaces at either end, names
capped at 35 characters, at most 1,000 donation rows. Everything here exists to meet those
rules so a claim is not bounced, and to make sure a donation is claimed once only: the lines
on a claim are marked in the same transaction that records the claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from odfdo import Document, Element, Table
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts import gift_aid_rules as rules
from grassroots.accounts.books import entry_view, new_entry
from grassroots.accounts.gift_aid import EligibleDonation, financial_year_of, review_in
from grassroots.accounts.gift_aid_limits import limits_in
from grassroots.accounts.models import Category, Entry, EntryLine, GiftAidClaim
from grassroots.accounts.records import EntryInput, EntryView, LineInput
from grassroots.core.dates import add_months, financial_year_start
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.group.service import get_settings

RECEIVED_CATEGORY = "Gift Aid reclaimed"
COLUMNS = (
    "Title",
    "First name or initial",
    "Last name",
    "House name or number",
    "Postcode",
    "Aggregated donations",
    "Sponsored event",
    "Donation date",
    "Amount",
)
EARLIEST_LABEL = "Earliest donation date in the period of claim. (DD/MM/YY)"
# Where HMRC's template (R68GAD_V1_00_0_EN.ods) keeps things: the sheet's name, which its upload
# checks; Box 1 (the earliest date) in D13; the column headings in B23:K23 ("Item", then the
# nine columns); donation rows from row 25, the item number in column B. Rows and columns here
# count from 1, as a spreadsheet shows them.
SHEET_NAME = "R68GAD_V1_00_0_EN"
BOX1_ROW = 13
HEADINGS_ROW = 23
FIRST_DONATION_ROW = 25
_TITLES = {"professor": "Prof", "reverend": "Rev", "revd": "Rev", "doctor": "Dr"}

# ---------------------------------------------------------------- rows


def clip(text: str, limit: int) -> str:
    """One line, single spaces, nothing at either end, at most `limit` characters, and no
    control characters (they are not allowed in the spreadsheet's XML)."""
    printable = "".join(ch for ch in " ".join(text.split()) if ch.isprintable())
    return printable[:limit].strip()


def schedule_title(title: str) -> str:
    """'Mr.' -> 'Mr', 'Professor' -> 'Prof'; a title that will not fit is left out (it is
    optional) rather than cut into something wrong."""
    plain = clip(title.replace(".", ""), 100)
    plain = _TITLES.get(plain.lower(), plain)
    return plain if len(plain) <= rules.TITLE_CHARS else ""


def schedule_last_name(name: str) -> str:
    """HMRC wants a double-barrelled name with a space: 'House-Martin' -> 'House Martin'."""
    return clip(name.replace("-", " "), rules.NAME_CHARS)


@dataclass(frozen=True)
class ScheduleRow:
    """One donation row of the schedule: a donor's gift, or an aggregated line."""

    on: date  # the donation date; the latest one for an aggregated line
    amount: Money
    title: str = ""
    first_name: str = ""
    last_name: str = ""
    house: str = ""
    postcode: str = ""
    aggregated: str = ""
    sponsored: bool = False
    earliest: date | None = None  # the first donation behind an aggregated line
    line_ids: tuple[int, ...] = field(default_factory=tuple)

    def cells(self) -> tuple[str, ...]:
        """The nine cells as HMRC reads them; '' is an empty cell."""
        return (
            self.title,
            self.first_name,
            self.last_name,
            self.house,
            self.postcode,
            self.aggregated,
            "Yes" if self.sponsored else "",
            self.on.strftime("%d/%m/%y"),
            self.amount.plain(),
        )


def donor_row(item: EligibleDonation) -> ScheduleRow:
    return ScheduleRow(
        on=item.on,
        amount=item.amount,
        title=schedule_title(item.title),
        first_name=clip(item.first_name, rules.NAME_CHARS),
        last_name=schedule_last_name(item.last_name),
        house=clip(item.house, rules.HOUSE_CHARS),
        postcode=clip(item.postcode.upper(), 8),
        earliest=item.on,
        line_ids=(item.line_id,),
    )


def _period_label(start: date) -> str:
    end = add_months(start, 12)
    if start.month == 1 and start.day == 1:
        return str(start.year)
    return f"{start.year}/{end.year % 100:02d}"


def aggregate(
    donations: list[EligibleDonation],
    fy: tuple[int, int],
    label: str | None = None,
    limits: rules.Limits = rules.BUILT_IN,
) -> list[ScheduleRow]:
    """Small donations added together, as HMRC allows: each at most the limit in force on its
    date, at most £1,000 a line, never mixing accounting periods. The description is the
    category (or `label`) and the period, e.g. 'Donations 2025/26'."""
    groups: dict[tuple[date, str], list[EligibleDonation]] = {}
    for item in sorted(donations, key=lambda d: (d.on, d.line_id)):
        period = financial_year_start(item.on, *fy)
        groups.setdefault((period, label or item.category), []).append(item)
    rows = []
    for (period, name), items in groups.items():
        cap = rules.in_force(limits.aggregate_line, period)
        description = clip(f"{name} {_period_label(period)}", rules.DESCRIPTION_CHARS)
        batch: list[EligibleDonation] = []
        for item in items:
            if batch and sum(d.amount.pence for d in batch) + item.amount.pence > cap:
                rows.append(_aggregated_row(batch, description))
                batch = []
            batch.append(item)
        rows.append(_aggregated_row(batch, description))
    return rows


def _aggregated_row(batch: list[EligibleDonation], description: str) -> ScheduleRow:
    return ScheduleRow(
        on=max(d.on for d in batch),
        amount=Money(sum(d.amount.pence for d in batch)),
        aggregated=description,
        earliest=min(d.on for d in batch),
        line_ids=tuple(d.line_id for d in batch),
    )


def is_small(item: EligibleDonation, limits: rules.Limits = rules.BUILT_IN) -> bool:
    return item.amount.pence <= rules.in_force(limits.aggregate_each, item.on)


def per_donor(donations: list[EligibleDonation], fy: tuple[int, int]) -> list[ScheduleRow]:
    """A regular donor's gifts as one row per accounting period: the total and the last date,
    as HMRC allows, so a monthly giver is one row, not twelve."""
    groups: dict[tuple[int | None, date], list[EligibleDonation]] = {}
    for item in sorted(donations, key=lambda d: (d.on, d.line_id)):
        groups.setdefault((item.person_id, financial_year_start(item.on, *fy)), []).append(item)
    rows = []
    for items in groups.values():
        last = items[-1]
        rows.append(
            replace(
                donor_row(last),
                amount=Money(sum(d.amount.pence for d in items)),
                earliest=items[0].on,
                line_ids=tuple(d.line_id for d in items),
            )
        )
    return rows


def schedule_rows(
    donations: list[EligibleDonation],
    fy: tuple[int, int],
    label: str | None = None,
    one_row_per_donor: bool = False,
    limits: rules.Limits = rules.BUILT_IN,
) -> list[ScheduleRow]:
    """Every donation row of a claim, in date order: larger gifts one a row (or one a donor
    and accounting period), small ones aggregated."""
    larger = [d for d in donations if not is_small(d, limits)]
    rows = per_donor(larger, fy) if one_row_per_donor else [donor_row(d) for d in larger]
    rows += aggregate([d for d in donations if is_small(d, limits)], fy, label, limits)
    return sorted(rows, key=lambda r: (r.on, r.aggregated != "", r.last_name, r.line_ids))


def split_rows(
    rows: list[ScheduleRow], on: date, limits: rules.Limits = rules.BUILT_IN
) -> list[list[ScheduleRow]]:
    """Schedules of at most HMRC's row limit each; every further schedule is a further claim."""
    size = rules.in_force(limits.schedule_rows, on)
    return [rows[i : i + size] for i in range(0, len(rows), size)]


# ---------------------------------------------------------------- the spreadsheet


def _cell_xml(text: str) -> str:
    if not text:
        return "<table:table-cell/>"
    return (
        f'<table:table-cell office:value-type="string" office:string-value={quoteattr(text)}>'
        f"<text:p>{escape(text)}</text:p></table:table-cell>"
    )


def _row(texts: list[str], amount: str | None = None) -> Element:
    """A row built as XML in one go: per-cell objects cost 4 ms a row, too slow for 1,000."""
    cells = "".join(_cell_xml(text) for text in texts)
    if amount is not None:
        cells += (
            f'<table:table-cell office:value-type="float" office:value="{amount}">'
            f"<text:p>{amount}</text:p></table:table-cell>"
        )
    return Element.from_tag(f"<table:table-row>{cells}</table:table-row>")


def _donation_row(item: ScheduleRow, number: int) -> Element:
    *texts, amount = item.cells()
    return _row(["", str(number), *texts], amount)


def write_schedule(path: Path, rows: list[ScheduleRow], group: str) -> Path:
    """The schedule as an OpenDocument spreadsheet laid out as HMRC's template: its sheet name,
    the earliest donation date in Box 1 (D13), the column headings in row 23 and one row per
    donation from row 25, numbered in the Item column. `group` names the document."""
    earliest = min(r.earliest or r.on for r in rows)
    table = Table(SHEET_NAME)
    for number in range(1, FIRST_DONATION_ROW):
        if number == BOX1_ROW:
            table.append(_row(["", "Box 1", EARLIEST_LABEL, earliest.strftime("%d/%m/%y")]))
        elif number == HEADINGS_ROW:
            table.append(_row(["", "Item", *COLUMNS]))
        else:
            table.append(_row([""]))  # a row holds at least one (empty) cell
    for number, item in enumerate(rows, start=1):
        table.append(_donation_row(item, number))
    document = Document("spreadsheet")
    document.get_part("meta.xml").set_title(f"Gift Aid schedule: {clip(group, 160)}")
    document.body.clear()
    document.body.append(table)
    document.save(path)
    return path


# ---------------------------------------------------------------- claims


@dataclass(frozen=True)
class ClaimInfo:
    id: int
    made_on: date
    up_to: date
    donations: Money
    claimed: Money
    received_entry_id: int | None


@dataclass(frozen=True)
class ClaimResult:
    """One claim per schedule file (HMRC takes at most 1,000 rows in one)."""

    claims: tuple[ClaimInfo, ...]
    files: tuple[Path, ...]
    donations: Money
    tax: Money
    rows: int
    to_fix: int  # donations left out until their problems are put right


def _claim_info(row: GiftAidClaim) -> ClaimInfo:
    return ClaimInfo(
        row.id,
        row.made_on,
        row.up_to,
        Money(row.donations_pence),
        Money(row.claimed_pence),
        row.received_entry_id,
    )


def _tax(rows: list[ScheduleRow], limits: rules.Limits = rules.BUILT_IN) -> Money:
    """Tax at the basic rate in force on each donation's date."""
    by_rate: dict[int, int] = {}
    for item in rows:
        rate = rules.in_force(limits.basic_rate, item.on)
        by_rate[rate] = by_rate.get(rate, 0) + item.amount.pence
    return Money(sum(pence * rate // (100 - rate) for rate, pence in by_rate.items()))


def _mark(session: Session, claim: GiftAidClaim, rows: list[ScheduleRow]) -> None:
    ids = [i for item in rows for i in item.line_ids]
    marked = session.execute(
        update(EntryLine)
        .where(EntryLine.id.in_(ids), EntryLine.gift_aid_claim_id.is_(None))
        .values(gift_aid_claim_id=claim.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    if marked != len(ids):
        raise ValidationError(
            {"claim": "Some of these donations were claimed at the same moment; nothing changed"}
        )


def make_claim(
    sessions: sessionmaker[Session],
    up_to: date,
    out_dir: Path,
    today: date | None = None,
    label: str | None = None,
    one_row_per_donor: bool = False,
) -> ClaimResult:
    """Claim Gift Aid on every eligible donation up to `up_to`: write the schedule(s) into
    `out_dir` and mark each donation with its claim, all in one transaction, so a donation is
    never claimed twice and a failed write leaves nothing marked.

    `label` describes aggregated lines (e.g. "Coffee morning"; the category by default);
    `one_row_per_donor` puts each donor's larger gifts of an accounting period on one row.
    """
    today = today or date.today()
    fy = financial_year_of(sessions)
    group = get_settings(sessions).name
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        with sessions.begin() as session:
            limits = limits_in(session)
            review = review_in(session, up_to, today, fy, limits)
            if not review.eligible:
                raise ValidationError({"up_to": _nothing_to_claim(up_to, len(review.to_fix))})
            rows = schedule_rows(list(review.eligible), fy, label, one_row_per_donor, limits)
            claims = []
            for part in split_rows(rows, today, limits):
                claim = GiftAidClaim(
                    made_on=today,
                    up_to=up_to,
                    donations_pence=sum(r.amount.pence for r in part),
                    claimed_pence=_tax(part, limits).pence,
                )
                session.add(claim)
                session.flush()
                _mark(session, claim, part)
                written.append(_new_file(out_dir, claim.id, up_to))
                write_schedule(written[-1], part, group)
                claim.schedule_ods = written[-1].read_bytes()
                claims.append(_claim_info(claim))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return ClaimResult(
        claims=tuple(claims),
        files=tuple(written),
        donations=Money(sum(c.donations.pence for c in claims)),
        tax=Money(sum(c.claimed.pence for c in claims)),
        rows=len(rows),
        to_fix=len(review.to_fix),
    )


def _nothing_to_claim(up_to: date, to_fix: int) -> str:
    message = f"There are no donations to claim Gift Aid on up to {up_to:%d/%m/%Y}"
    if to_fix:
        message += f"; {to_fix} need their donor's details or declaration put right first"
    return message


def _new_file(out_dir: Path, claim_id: int, up_to: date) -> Path:
    path = out_dir / f"Gift Aid claim {claim_id} to {up_to:%Y-%m-%d}.ods"
    if path.exists():
        raise ValidationError({"out_dir": f"{path} already exists; choose another folder"})
    return path


def claim_schedule(sessions: sessionmaker[Session], claim_id: int) -> bytes | None:
    """The schedule exactly as it was sent with the claim (None for a claim made before
    Grassroots kept them), so it can be saved again or handed to an examiner."""
    with sessions() as session:
        claim = session.get(GiftAidClaim, claim_id)
        if claim is None:
            raise NotFound("That Gift Aid claim no longer exists")
        return claim.schedule_ods


def list_claims(sessions: sessionmaker[Session]) -> list[ClaimInfo]:
    with sessions() as session:
        return [
            _claim_info(row)
            for row in session.scalars(select(GiftAidClaim).order_by(GiftAidClaim.id))
        ]


def record_claim_received(
    sessions: sessionmaker[Session],
    claim_id: int,
    on: date,
    account_id: int,
    amount: Money | None = None,
) -> EntryView:
    """HMRC paid: a receipt in the "Gift Aid reclaimed" category, linked to the claim so it is
    recorded once. `amount` is what arrived, when HMRC paid other than the claim."""
    with sessions.begin() as session:
        claim = session.get(GiftAidClaim, claim_id)
        if claim is None:
            raise NotFound("That Gift Aid claim no longer exists")
        if claim.received_entry_id is not None:
            raise ValidationError({"claim": "The repayment of this claim is already recorded"})
        category = session.scalar(
            select(Category.id).where(
                Category.name == RECEIVED_CATEGORY, Category.direction == "receipt"
            )
        )
        if category is None:
            raise ValidationError(
                {"category": f"Add a receipts category called '{RECEIVED_CATEGORY}' first"}
            )
        paid = amount if amount is not None else Money(claim.claimed_pence)
        if paid.pence <= 0:
            raise ValidationError({"amount": "The repayment must be more than nothing"})
        entry = new_entry(
            session,
            EntryInput(
                account_id,
                on,
                (LineInput(paid, category),),
                payee="HMRC Gift Aid",
                reference=f"Gift Aid claim {claim.id}",
                method="bank transfer",
                note=f"Gift Aid on donations to {claim.up_to:%d/%m/%Y}",
            ),
        )
        claim.received_entry_id = entry.id
        return entry_view(session, entry)


@dataclass(frozen=True)
class ClaimReceipt:
    """What HMRC paid on a claim, as posted to the books."""

    claim_id: int
    on: date
    amount: Money


def claim_receipts(sessions: sessionmaker[Session]) -> dict[int, ClaimReceipt]:
    """The repayment recorded against each claim, by claim id (claims not yet paid are absent)."""
    with sessions() as session:
        rows = session.execute(
            select(GiftAidClaim.id, Entry.on, func.sum(EntryLine.amount_pence))
            .join(Entry, Entry.id == GiftAidClaim.received_entry_id)
            .join(EntryLine, EntryLine.entry_id == Entry.id)
            .group_by(GiftAidClaim.id, Entry.on)
        ).all()
    return {claim_id: ClaimReceipt(claim_id, on, Money(pence)) for claim_id, on, pence in rows}


def claim_tax(donations: list[EligibleDonation], limits: rules.Limits = rules.BUILT_IN) -> Money:
    """The tax a claim on these donations would reclaim, worked out as the claim does (at the
    basic rate in force on each date, to the penny below), so a preview matches the claim."""
    return _tax([ScheduleRow(on=d.on, amount=d.amount) for d in donations], limits)
