"""Printing for People & Members: the register, address labels, membership cards, renewal
reminders and the subject access pack. The UI and the command line both call these.

Each function gathers plain records through the members and people services, hands them to
`grassroots.printing`, and returns how much it printed. When nothing matches it still writes a
one-page PDF that says so, and returns 0, so the user is never left with a stale file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.errors import ValidationError
from grassroots.group.service import GroupSettings, get_settings
from grassroots.members.mailing import (
    Addressee,
    PostalDetails,
    addressee,
    addressees,
    household_people,
    postal_details,
)
from grassroots.members.records import MemberQuery, MemberRow, MemberStatus
from grassroots.members.register import all_members
from grassroots.members.service import list_types
from grassroots.people.gdpr import subject_access
from grassroots.printing.cards import Card, build_cards
from grassroots.printing.labels import L7160, Label, build_labels
from grassroots.printing.letterhead import Letterhead
from grassroots.printing.pages import build_notice
from grassroots.printing.register import Register, RegisterLine, build_register
from grassroots.printing.reminders import Reminder, ReminderBatch, build_reminders
from grassroots.printing.subject_access import build_subject_access

Sessions = sessionmaker[Session]


def letterhead_of(settings: GroupSettings) -> Letterhead:
    return Letterhead(
        name=settings.name or "Our group",
        address_lines=tuple(settings.address_lines()),
        phone=settings.phone,
        email=settings.email,
        website=settings.website,
        charity_number=settings.charity_number if settings.is_charity else "",
        logo_png=settings.logo_png,
    )


def _members(sessions: Sessions, spec: MemberQuery, today: date) -> list[MemberRow]:
    """Rows matching `spec` that are memberships (people who never joined have no number)."""
    rows = [row for row in all_members(sessions, spec, today) if row.number is not None]
    rows.sort(key=lambda r: (r.last_name.casefold(), r.first_name.casefold(), r.number))
    return rows


def _scope(sessions: Sessions, spec: MemberQuery) -> str:
    """A few words saying which members a printout covers, for its header."""
    parts = [spec.status.label if spec.status else "All members"]
    if spec.type_id is not None:
        names = {t.id: t.name for t in list_types(sessions, include_inactive=True)}
        parts.append(names.get(spec.type_id, "one type"))
    if spec.text.strip():
        parts.append(f"matching “{spec.text.strip()}”")
    return ", ".join(parts)


def _nothing(out: Path, head: Letterhead, title: str, reason: str) -> int:
    build_notice(out, head, title, f"There is nothing to print: {reason}")
    return 0


# ---------------------------------------------------------------- the register


def _register_line(row: MemberRow, postal: PostalDetails | None) -> RegisterLine:
    return RegisterLine(
        number=row.number,
        name=row.sort_name,
        address=", ".join(postal.address_lines) if postal else "",
        joined=row.joined_on,
        type_name=row.type_name,
        status=row.status.label,
        expires=row.expires_on,
    )


def print_register(
    sessions: Sessions,
    out: Path,
    spec: MemberQuery | None = None,
    large_print: bool = False,
    today: date | None = None,
) -> int:
    """The register of members, sorted by name, with totals; returns the rows printed."""
    today = today or date.today()
    spec = replace(spec or MemberQuery(members_only=True), sort="name", descending=False)
    head = letterhead_of(get_settings(sessions))
    rows = _members(sessions, spec, today)
    if not rows:
        return _nothing(out, head, "Register of members", "no members match this list.")
    postal = postal_details(sessions, (r.person_id for r in rows))
    lines = tuple(_register_line(r, postal.get(r.person_id)) for r in rows)
    build_register(Register(head, today, lines, _scope(sessions, spec)), out, large_print)
    return len(lines)


# ---------------------------------------------------------------- labels


def print_labels(
    sessions: Sessions,
    out: Path,
    spec: MemberQuery | None = None,
    start_position: int = 1,
    one_per_household: bool = True,
) -> int:
    """Address labels (21 to a sheet) for members who asked for post and have an address;
    returns the labels printed.

    With `one_per_household`, members of one household at one address share a label
    ("Mr C Allen & Dr J Allen"), so a home gets one envelope rather than one each.
    """
    if not 1 <= start_position <= L7160.per_sheet:
        raise ValidationError(
            {"start_position": f"Start at a label from 1 to {L7160.per_sheet} (top left is 1)"}
        )
    spec = spec or MemberQuery(members_only=True)
    head = letterhead_of(get_settings(sessions))
    rows = _members(sessions, spec, date.today())
    postal = postal_details(sessions, (r.person_id for r in rows))
    wanting = [
        p for r in rows if (p := postal.get(r.person_id)) and p.contact_by_post and p.has_address
    ]
    labels = [Label((a.name, *a.address_lines)) for a in addressees(wanting, one_per_household)]
    if not labels:
        return _nothing(
            out,
            head,
            "Address labels",
            "none of these members has asked for post and has an address on record.",
        )
    build_labels(labels, out, start_position)
    return len(labels)


# ---------------------------------------------------------------- cards

_CARD_STATUSES = {MemberStatus.CURRENT, MemberStatus.DUE}


def print_cards(
    sessions: Sessions, out: Path, spec: MemberQuery | None = None, today: date | None = None
) -> int:
    """Membership cards, ten to a sheet, for current and due members; returns cards printed."""
    today = today or date.today()
    head = letterhead_of(get_settings(sessions))
    rows = _members(sessions, spec or MemberQuery(members_only=True), today)
    cards = [
        Card(r.name, r.number, r.type_name, r.expires_on, r.joined_on)
        for r in rows
        if r.status in _CARD_STATUSES
    ]
    if not cards:
        return _nothing(out, head, "Membership cards", "no current members match this list.")
    build_cards(cards, head, out)
    return len(cards)


# ---------------------------------------------------------------- reminders


def _reminder(
    row: MemberRow, gift_aid: bool, to: Addressee | None, covers: tuple[str, ...], holder: str
) -> Reminder:
    return Reminder(
        greeting_name=to.greeting if to else row.first_name or row.name,
        full_name=to.name if to else row.name,
        address_lines=to.address_lines if to else (),
        number=row.number,
        type_name=row.type_name,
        amount_due=row.fee,
        expires_on=row.expires_on,
        covers=covers,
        holder_name=holder,
        gift_aid=gift_aid,
    )


def _reminder_addressees(
    sessions: Sessions, rows: list[MemberRow]
) -> dict[int, tuple[Addressee, tuple[str, ...], str]]:
    """person id -> whom their letter is addressed to, for a membership that covers the
    household the names it covers, and the holder's own name for the return slip.

    A household membership is the whole household's, so its letter goes to everyone in it
    who lives at the holder's address, addressed as their shared labels are.
    """
    postal = postal_details(sessions, (r.person_id for r in rows))
    household_types = {
        t.name for t in list_types(sessions, include_inactive=True) if t.covers_household
    }
    homes = household_people(
        sessions,
        (
            p.household_id
            for r in rows
            if r.type_name in household_types
            and (p := postal.get(r.person_id)) is not None
            and p.household_id is not None
        ),
    )
    found: dict[int, tuple[Addressee, tuple[str, ...], str]] = {}
    for row in rows:
        holder = postal.get(row.person_id)
        if holder is None:
            continue
        home = homes.get(holder.household_id, ()) if row.type_name in household_types else ()
        others = [
            p
            for p in home
            if p.person_id != holder.person_id and p.address_key == holder.address_key
        ]
        to = addressee([holder, *others])
        covers = tuple(_plain_name(p) for p in to.people) if others else ()
        found[row.person_id] = (to, covers, holder.full_name)
    return found


def _plain_name(person: PostalDetails) -> str:
    return " ".join(p for p in (person.first_name, person.last_name) if p)


def print_reminders(
    sessions: Sessions,
    out: Path,
    spec: MemberQuery | None = None,
    large_print: bool = False,
    today: date | None = None,
) -> int:
    """A renewal letter with a return slip for each member due to renew; returns letters."""
    today = today or date.today()
    settings = get_settings(sessions)
    head = letterhead_of(settings)
    spec = spec or MemberQuery(status=MemberStatus.DUE)
    rows = [
        r
        for r in _members(sessions, spec, today)
        if r.expires_on is not None and r.status not in {MemberStatus.ENDED, MemberStatus.NONE}
    ]
    if not rows:
        return _nothing(out, head, "Renewal reminders", "no members in this list are due to renew.")
    to = _reminder_addressees(sessions, rows)
    # Only a charity may claim, and only on a type the committee has marked eligible.
    eligible = {t.name for t in list_types(sessions, include_inactive=True) if t.gift_aid_eligible}
    reminders = tuple(
        _reminder(r, r.type_name in eligible, *to.get(r.person_id, (None, (), ""))) for r in rows
    )
    batch = ReminderBatch(
        letterhead=head,
        dated=today,
        reminders=reminders,
        payment_instructions=settings.payment_instructions,
        gift_aid=settings.is_charity,
    )
    build_reminders(batch, out, large_print)
    return len(rows)


# ---------------------------------------------------------------- subject access


def print_subject_access(sessions: Sessions, person_id: int, out: Path) -> Path:
    """Everything held about one person, as a PDF to give or post to them."""
    pack = subject_access(sessions, person_id)
    head = letterhead_of(get_settings(sessions))
    return build_subject_access(pack, head, out)
