"""Gift Aid declarations, and which donations may be claimed on.

HMRC samples claims and asks to see the declaration behind each donation, so a declaration is
kept with the day it was made, how (written, online, oral), what it covers and its cancellation;
it is never deleted. A donation is claimable only when everything HMRC's schedule needs is on
record; the ones that are not come back with the reasons, so the treasurer can put them right
instead of losing the tax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from grassroots.accounts import gift_aid_rules as rules
from grassroots.accounts.gift_aid_limits import limits_in
from grassroots.accounts.models import (
    Category,
    Entry,
    EntryLine,
    GiftAidClaim,
    GiftAidDeclaration,
)
from grassroots.core.dates import add_months, financial_year_start
from grassroots.core.errors import GrassrootsError, NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.core.validate import normalise_postcode
from grassroots.group.models import GroupSettingsRow
from grassroots.group.service import get_settings
from grassroots.people.models import Person

METHODS = ("written", "online", "oral")

# Why a donation cannot go on a claim yet: short, stable, shown to the treasurer as they are.
TOO_OLD = "older than the four-year window"
NO_DONOR = "no donor named"
ERASED = "donor's details erased"
NO_DECLARATION = "no declaration"
NO_FIRST_NAME = "no first name or initial"
NO_LAST_NAME = "no last name"
NO_HOUSE = "no house name or number"
NO_POSTCODE = "no postcode"
BAD_POSTCODE = "not a UK postcode"

# ---------------------------------------------------------------- declarations


@dataclass(frozen=True)
class Declaration:
    id: int
    person_id: int
    made_on: date
    method: str
    covers_past: bool
    covers_future: bool
    cancelled_on: date | None
    note: str

    @property
    def covers_from(self) -> date:
        """Four years before the declaration when it covers the past, else its own day."""
        return add_months(self.made_on, -48) if self.covers_past else self.made_on

    @property
    def covers_until(self) -> date | None:
        """The last day covered; None while it covers every future donation."""
        end = None if self.covers_future else self.made_on
        if self.cancelled_on is not None:
            end = self.cancelled_on if end is None else min(end, self.cancelled_on)
        return end

    def covers(self, on: date) -> bool:
        until = self.covers_until
        return self.covers_from <= on and (until is None or on <= until)


def _declaration(row: GiftAidDeclaration) -> Declaration:
    return Declaration(
        row.id,
        row.person_id,
        row.made_on,
        row.method,
        row.covers_past,
        row.covers_future,
        row.cancelled_on,
        row.note,
    )


def record_declaration(
    sessions: sessionmaker[Session],
    person_id: int,
    made_on: date,
    method: str = "written",
    covers_past: bool = True,
    covers_future: bool = True,
    note: str = "",
) -> Declaration:
    """Keep a donor's declaration as given; an oral one needs the written record noted."""
    problems = {}
    if method not in METHODS:
        problems["method"] = f"A declaration is made one of these ways: {', '.join(METHODS)}"
    if made_on > date.today():
        problems["made_on"] = "A declaration cannot be dated in the future"
    if problems:
        raise ValidationError(problems)
    with sessions.begin() as session:
        person = session.get(Person, person_id)
        if person is None or person.erased_at is not None:
            raise NotFound("That person is no longer on the records")
        row = GiftAidDeclaration(
            person_id=person_id,
            made_on=made_on,
            method=method,
            covers_past=covers_past,
            covers_future=covers_future,
            note=note.strip(),
        )
        session.add(row)
        session.flush()
        return _declaration(row)


def cancel_declaration(
    sessions: sessionmaker[Session], declaration_id: int, on: date
) -> Declaration:
    """The donor withdrew it: donations after `on` are no longer covered; earlier ones still
    are, so the declaration is kept, not deleted."""
    with sessions.begin() as session:
        row = session.get(GiftAidDeclaration, declaration_id)
        if row is None:
            raise NotFound("That declaration no longer exists")
        if row.cancelled_on is not None:
            raise ValidationError(
                {"cancelled_on": f"It was already cancelled on {row.cancelled_on:%d/%m/%Y}"}
            )
        if on < row.made_on:
            raise ValidationError(
                {"cancelled_on": f"It was made on {row.made_on:%d/%m/%Y}; cancel it after that"}
            )
        row.cancelled_on = on
        return _declaration(row)


def declarations_of(sessions: sessionmaker[Session], person_id: int) -> list[Declaration]:
    with sessions() as session:
        return _declarations(session, person_id)


def _declarations(session: Session, person_id: int | None = None) -> list[Declaration]:
    query = select(GiftAidDeclaration).order_by(GiftAidDeclaration.made_on, GiftAidDeclaration.id)
    if person_id is not None:
        query = query.where(GiftAidDeclaration.person_id == person_id)
    return [_declaration(row) for row in session.scalars(query)]


def covered_people(session: Session) -> dict[int, list[Declaration]]:
    """Every donor's declarations, by person id."""
    found: dict[int, list[Declaration]] = {}
    for item in _declarations(session):
        found.setdefault(item.person_id, []).append(item)
    return found


# ---------------------------------------------------------------- the donor's address


_LEADING_NUMBER = re.compile(r"^\d+[A-Za-z]?(?:\s*-\s*\d+[A-Za-z]?)?\b")
_FIRST_NUMBER = re.compile(r"^(.*?\d+[A-Za-z]?)\b")


def house_of(address_line1: str) -> str:
    """HMRC's "house name or number" from the first line of an address.

    '12 High Street' -> '12'; '12a-14 Mill Lane' -> '12a-14'; 'Rose Cottage, Main Street' ->
    'Rose Cottage'; 'Flat 3 Mill House' -> 'Flat 3'; 'The Old Forge' -> 'The Old Forge'.
    """
    line = " ".join(address_line1.split()).strip(" ,")
    if not line:
        return ""
    number = _LEADING_NUMBER.match(line)
    if number:
        return number.group(0).replace(" ", "")
    if "," in line:
        return line.split(",", 1)[0].strip()[: rules.HOUSE_CHARS].strip()
    first = _FIRST_NUMBER.match(line)
    if first:
        return first.group(1).strip()[: rules.HOUSE_CHARS].strip()
    return line[: rules.HOUSE_CHARS].strip()


# ---------------------------------------------------------------- eligibility


@dataclass(frozen=True)
class EligibleDonation:
    """A donation line as HMRC's schedule needs it; `problems` empty means it can be claimed."""

    line_id: int
    entry_id: int
    on: date
    amount: Money
    category: str
    person_id: int | None
    title: str
    first_name: str
    last_name: str
    house: str
    postcode: str
    problems: tuple[str, ...] = ()

    @property
    def eligible(self) -> bool:
        return not self.problems


# Problems no change to a record can cure: a gift past HMRC's window, or one nobody is named for
# (an anonymous gift may count for the Small Donations Scheme instead).
BEYOND_REPAIR = (TOO_OLD, NO_DONOR)


def can_be_put_right(item: EligibleDonation) -> bool:
    """Whether fixing the donor's record (a declaration, an address) would make it claimable."""
    return not any(problem in BEYOND_REPAIR for problem in item.problems)


@dataclass(frozen=True)
class DonationReview:
    """What can be claimed now, and what needs putting right first."""

    eligible: tuple[EligibleDonation, ...]
    to_fix: tuple[EligibleDonation, ...]


def claim_deadline(
    donated_on: date, fy_month: int, fy_day: int, limits: rules.Limits = rules.BUILT_IN
) -> date:
    """The last day to claim: four years after the end of the donation's accounting period."""
    period_start = financial_year_start(donated_on, fy_month, fy_day)
    period_end = add_months(period_start, 12) - timedelta(days=1)
    years = rules.in_force(limits.claim_window, donated_on)
    return add_months(period_end, 12 * years)


def _not_reversed():
    """Entries that no later entry reverses. An uncorrelated NOT IN, which SQLite builds once,
    rather than NOT EXISTS per entry: entries.reverses_id has no index, and the correlated form
    took minutes over ten years of books."""
    reversal = aliased(Entry)
    return Entry.id.not_in(select(reversal.reverses_id).where(reversal.reverses_id.is_not(None)))


def _candidate_lines(session: Session, up_to: date):
    """Unclaimed positive lines in Gift Aid categories, leaving out entries since reversed."""
    return session.execute(
        select(EntryLine, Entry, Category.name, Person)
        .join(Entry, Entry.id == EntryLine.entry_id)
        .join(Category, Category.id == EntryLine.category_id)
        .outerjoin(Person, Person.id == Entry.person_id)
        .where(
            Category.gift_aid_eligible,
            EntryLine.amount_pence > 0,
            EntryLine.gift_aid_claim_id.is_(None),
            Entry.on <= up_to,
            _not_reversed(),
        )
        .order_by(Entry.on, Entry.id, EntryLine.id)
    ).all()


def _donor_problems(person: Person | None, on: date, declarations: list[Declaration]) -> list[str]:
    if person is None:
        return [NO_DONOR]
    if person.erased_at is not None:
        return [ERASED]
    problems = []
    if not any(item.covers(on) for item in declarations):
        problems.append(NO_DECLARATION)
    return problems + _detail_problems(person)


def _detail_problems(person: Person) -> list[str]:
    """What HMRC's schedule needs of the donor themselves: a name, a house and a postcode."""
    problems = []
    if not person.first_name.strip():
        problems.append(NO_FIRST_NAME)
    if not person.last_name.strip():
        problems.append(NO_LAST_NAME)
    if not house_of(person.address_line1):
        problems.append(NO_HOUSE)
    if not person.postcode.strip():
        problems.append(NO_POSTCODE)
    else:
        try:
            normalise_postcode(person.postcode)
        except ValueError:
            problems.append(BAD_POSTCODE)
    return problems


def missing_for_hmrc(sessions: sessionmaker[Session], person_id: int) -> tuple[str, ...]:
    """What the person's record lacks for a Gift Aid claim (the same checks a claim makes), so
    the gap can be put right when the declaration is taken rather than at claim time."""
    with sessions() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound("That person is no longer on the records")
        if person.erased_at is not None:
            return (ERASED,)
        return tuple(_detail_problems(person))


def _postcode(text: str) -> str:
    try:
        return normalise_postcode(text)
    except ValueError:
        return text.strip()


def review_in(
    session: Session,
    up_to: date,
    today: date,
    fy: tuple[int, int],
    limits: rules.Limits | None = None,
) -> DonationReview:
    """The review inside the caller's transaction (a claim reads and marks in one)."""
    limits = limits or limits_in(session)
    declared = covered_people(session)
    eligible, to_fix = [], []
    for line, entry, category, person in _candidate_lines(session, up_to):
        problems = []
        if claim_deadline(entry.on, *fy, limits) < today:
            problems.append(TOO_OLD)
        problems += _donor_problems(person, entry.on, declared.get(entry.person_id, []))
        shown = person if person is not None and person.erased_at is None else None
        item = EligibleDonation(
            line_id=line.id,
            entry_id=entry.id,
            on=entry.on,
            amount=Money(line.amount_pence),
            category=category,
            person_id=entry.person_id,
            title=shown.title.strip() if shown else "",
            first_name=shown.first_name.strip() if shown else "",
            last_name=shown.last_name.strip() if shown else "",
            house=house_of(shown.address_line1) if shown else "",
            postcode=_postcode(shown.postcode) if shown else "",
            problems=tuple(problems),
        )
        (to_fix if problems else eligible).append(item)
    return DonationReview(tuple(eligible), tuple(to_fix))


def financial_year_of(sessions: sessionmaker[Session]) -> tuple[int, int]:
    settings = get_settings(sessions)
    return settings.fy_start_month, settings.fy_start_day


def review_donations(
    sessions: sessionmaker[Session], up_to: date, today: date | None = None
) -> DonationReview:
    """Every unclaimed Gift Aid donation up to `up_to`, split into claimable and to fix.

    `today` is the day the claim would be made; the four-year window is counted back from it.
    """
    fy = financial_year_of(sessions)
    with sessions() as session:
        return review_in(session, up_to, today or date.today(), fy)


def eligible_donations(
    sessions: sessionmaker[Session], up_to: date, today: date | None = None
) -> list[EligibleDonation]:
    return list(review_donations(sessions, up_to, today).eligible)


def donations_to_fix(
    sessions: sessionmaker[Session], up_to: date, today: date | None = None
) -> list[EligibleDonation]:
    return list(review_donations(sessions, up_to, today).to_fix)


# ---------------------------------------------------------------- GASDS


@dataclass(frozen=True)
class GasdsPosition:
    """Small donations without declarations in one UK tax year, and the top-up they earn."""

    tax_year_start: date
    tax_year_end: date
    count: int
    donations: Money  # every small cash or card donation counted
    eligible: Money  # capped at the year's limit (£8,000 since April 2016)
    top_up: Money  # the top-up on `eligible`
    gift_aid_claimed_in_year: bool
    gift_aid_donations: Money  # donations of the year already on a Gift Aid claim
    matching_limit: Money  # small donations may be at most ten times those
    claim_by: date

    @property
    def claimable(self) -> Money:
        """What HMRC will pay on: the year's cap and the matching rule both apply."""
        return min(self.eligible, self.matching_limit)

    limits: rules.Limits = rules.BUILT_IN  # the figures it was worked out with

    @property
    def claimable_top_up(self) -> Money:
        return rules.tax_on(self.claimable, self.tax_year_start, self.limits)

    @property
    def can_claim(self) -> bool:
        """GASDS rides on Gift Aid: the group must also claim Gift Aid in that tax year."""
        return self.gift_aid_claimed_in_year and bool(self.claimable_top_up)


GASDS_METHODS = ("cash", "card")


def _small_gifts(session: Session, start: date, end: date, limits: rules.Limits) -> list[int]:
    """Unclaimed cash and card gifts up to the limit, with no declaration covering them."""
    each = rules.in_force(limits.gasds_each, start)
    declared = covered_people(session)
    rows = session.execute(
        select(EntryLine.amount_pence, Entry.on, Entry.person_id)
        .join(Entry, Entry.id == EntryLine.entry_id)
        .join(Category, Category.id == EntryLine.category_id)
        .where(
            Category.gift_aid_eligible,
            EntryLine.amount_pence > 0,
            EntryLine.amount_pence <= each,
            EntryLine.gift_aid_claim_id.is_(None),
            Entry.method.in_(GASDS_METHODS),
            (Entry.method == "cash") | (Entry.on >= rules.GASDS_CONTACTLESS_FROM),
            Entry.on.between(start, end),
            _not_reversed(),
        )
    ).all()
    return [
        pence
        for pence, on, person_id in rows
        if not any(d.covers(on) for d in declared.get(person_id, []))
    ]


def _gift_aid_claimed(session: Session, start: date, end: date) -> tuple[bool, Money]:
    """Whether a Gift Aid claim was made in the tax year, and the year's donations claimed."""
    made = session.scalar(select(exists().where(GiftAidClaim.made_on.between(start, end))))
    claimed = session.scalar(
        select(func.coalesce(func.sum(EntryLine.amount_pence), 0))
        .join(Entry, Entry.id == EntryLine.entry_id)
        .where(EntryLine.gift_aid_claim_id.is_not(None), Entry.on.between(start, end))
    )
    return bool(made), Money(claimed or 0)


def gasds_position(sessions: sessionmaker[Session], tax_year_start: date) -> GasdsPosition:
    """Cash and contactless gifts of at most the limit (£30 since April 2016) in Gift Aid
    categories, with no declaration covering them, counted by tax year (6 April to 5 April);
    any day of the year may be given."""
    start = rules.tax_year_start(tax_year_start)
    end = date(start.year + 1, 4, 5)
    if start < rules.GASDS_EACH_PENCE[0].since:
        raise ValidationError({"tax_year": "The small donations scheme began on 6 April 2013"})
    with sessions() as session:
        limits = limits_in(session)
        small = _small_gifts(session, start, end, limits)
        made, claimed = _gift_aid_claimed(session, start, end)
    total = Money(sum(small))
    eligible = Money(min(total.pence, rules.in_force(limits.gasds_year, start)))
    window = rules.in_force(limits.gasds_claim_window, start)
    return GasdsPosition(
        tax_year_start=start,
        tax_year_end=end,
        count=len(small),
        donations=total,
        eligible=eligible,
        top_up=rules.tax_on(eligible, start, limits),
        gift_aid_claimed_in_year=made,
        gift_aid_donations=claimed,
        matching_limit=claimed * rules.in_force(limits.gasds_matching, start),
        claim_by=date(end.year + window, 4, 5),
        limits=limits,
    )


# ---------------------------------------------------------------- erasure

EVIDENCE_YEARS = 6  # HMRC: keep declarations and donation records six years after the period


def evidence_kept_until(session: Session, person_id: int) -> date | None:
    """The last day HMRC may still ask for this person's declaration and donation records:
    six years after the end of the accounting period of the latest claim that included one of
    their donations. None when none of their donations was ever claimed."""
    latest = session.scalar(
        select(func.max(GiftAidClaim.made_on))
        .join(EntryLine, EntryLine.gift_aid_claim_id == GiftAidClaim.id)
        .join(Entry, Entry.id == EntryLine.entry_id)
        .where(Entry.person_id == person_id)
    )
    if latest is None:
        return None
    settings = session.get(GroupSettingsRow, 1)
    fy = (settings.fy_start_month, settings.fy_start_day) if settings else (4, 1)
    period_end = add_months(financial_year_start(latest, *fy), 12) - timedelta(days=1)
    return add_months(period_end, 12 * EVIDENCE_YEARS)


def keep_gift_aid_evidence(session: Session, person_id: int, today: date | None = None) -> None:
    """Erasure hook: refuse to erase a donor whose Gift Aid HMRC may still check.

    Erasing blanks the name and address that the declaration and the claimed donations rest
    on; HMRC can ask for them for six years, and without them the tax must be repaid. The
    law that makes us keep them (UK GDPR Article 17(3)(b)) overrides the right to erasure
    until then, so the person is told when erasure becomes possible."""
    until = evidence_kept_until(session, person_id)
    if until is None or (today or date.today()) > until:
        return
    raise GrassrootsError(
        "This person cannot be erased yet: Gift Aid has been claimed on their donations, and "
        "HMRC requires the Gift Aid declaration, their name and home address and the donation "
        f"records to be kept as evidence until {until:%d/%m/%Y} (six years after the end of "
        "the accounting period of the claim). Their details can be erased after that day; "
        "meanwhile you can remove their contact preferences and stop all mailings."
    )
