"""Printing a meeting's papers: the notice and agenda, and the minutes. The UI and the command
line both call these; the meeting is read once and turned into the printing layer's plain
records, so `printing/` never sees the database.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from grassroots.group.service import get_settings
from grassroots.meetings.quorum import judge_quorum
from grassroots.meetings.records import AgendaItemRow, MeetingDetail
from grassroots.meetings.service import get_meeting
from grassroots.members.documents import letterhead_of
from grassroots.printing.agenda import AgendaLine, AgendaPaper, MeetingHeading, build_agenda
from grassroots.printing.minutes import (
    ActionLine,
    AmendmentLine,
    DecisionLine,
    MinuteItem,
    MinutesPaper,
    build_minutes,
)
from grassroots.printing.sign_in import SignInSheet, build_sign_in_sheet

Sessions = sessionmaker[Session]


def papers_of(text: str) -> tuple[str, ...]:
    """The papers for an item, typed one a line or separated by semicolons."""
    return tuple(part.strip() for part in re.split(r"[\n;]", text) if part.strip())


def _heading(sessions: Sessions, meeting: MeetingDetail) -> MeetingHeading:
    return MeetingHeading(
        letterhead=letterhead_of(get_settings(sessions)),
        kind_label=meeting.kind_label,
        title=meeting.title,
        on=meeting.on,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        venue=meeting.venue,
        chair=meeting.chair_name,
        minute_taker=meeting.minute_taker_name,
    )


def agenda_paper(sessions: Sessions, meeting_id: int, today: date | None = None) -> AgendaPaper:
    meeting = get_meeting(sessions, meeting_id)
    items = tuple(
        AgendaLine(
            number=item.position,
            title=item.title,
            presenter=item.presenter_name,
            minutes_allowed=item.minutes_allowed,
            papers=papers_of(item.papers),
        )
        for item in meeting.items
    )
    return AgendaPaper(
        heading=_heading(sessions, meeting),
        items=items,
        printed_on=today or date.today(),
        notice_sent_on=meeting.notice_sent_on,
    )


def _minute_item(item: AgendaItemRow) -> MinuteItem:
    return MinuteItem(
        number=item.position,
        title=item.title,
        presenter=item.presenter_name,
        notes=item.notes,
        decisions=tuple(
            DecisionLine(
                motion=d.motion,
                carried=d.carried,
                proposer=d.proposer_name,
                seconder=d.seconder_name,
                votes_for=d.votes_for,
                votes_against=d.votes_against,
                votes_abstain=d.votes_abstain,
            )
            for d in item.decisions
        ),
        actions=tuple(
            ActionLine(item.position, a.what, a.owner_name, a.due_on) for a in item.actions
        ),
    )


def minutes_paper(sessions: Sessions, meeting_id: int, today: date | None = None) -> MinutesPaper:
    """The minutes as printed: attendance by status, the quorum judged from the group's rule
    (as `quorum.check_quorum` does, from the meeting already read), items, approval and any
    amendments recorded since."""
    meeting = get_meeting(sessions, meeting_id)
    settings = get_settings(sessions)

    def names(status: str) -> tuple[str, ...]:
        return tuple(a.name for a in meeting.with_status(status))

    present = names("present")
    body = len([a for a in meeting.attendance if a.status != "guest"])
    quorum = judge_quorum(settings, meeting.kind, len(present), body)
    numbers = {item.id: item.position for item in meeting.items}
    return MinutesPaper(
        heading=_heading(sessions, meeting),
        printed_on=today or date.today(),
        present=present,
        apologies=names("apologies"),
        absent=names("absent"),
        guests=names("guest"),
        quorum=quorum.reason if meeting.attendance else "",
        quorate=quorum.met,
        items=tuple(_minute_item(item) for item in meeting.items),
        approved_on=meeting.minutes_approved_on,
        approved_by=meeting.approved_by,
        amendments=tuple(
            AmendmentLine(a.made_on, a.text, numbers.get(a.item_id) if a.item_id else None)
            for a in meeting.amendments
        ),
    )


def print_agenda(sessions: Sessions, meeting_id: int, out: Path) -> Path:
    """Write the notice and agenda of the meeting to `out`; NotFound for an unknown meeting."""
    return build_agenda(agenda_paper(sessions, meeting_id), out)


def print_minutes(sessions: Sessions, meeting_id: int, out: Path) -> Path:
    """Write the minutes to `out`: a PDF marked DRAFT on every page until they are approved,
    or, for a `.docx` name, a Word document to edit."""
    if out.suffix.lower() == ".docx":
        from grassroots.meetings.minutes_docx import write_minutes_docx

        return write_minutes_docx(minutes_paper(sessions, meeting_id), out)
    return build_minutes(minutes_paper(sessions, meeting_id), out)


# Blank lines for guests and people not on the list, however many are invited.
SIGN_IN_BLANK_LINES = 6


def sign_in_sheet(sessions: Sessions, meeting_id: int, today: date | None = None) -> SignInSheet:
    meeting = get_meeting(sessions, meeting_id)
    names = tuple(sorted((a.name for a in meeting.attendance), key=str.casefold))
    return SignInSheet(
        heading=_heading(sessions, meeting),
        names=names,
        blank_lines=SIGN_IN_BLANK_LINES,
        printed_on=today or date.today(),
    )


def print_sign_in(sessions: Sessions, meeting_id: int, out: Path) -> Path:
    """The attendance sheet to sign at the door: everyone invited, and blank lines."""
    return build_sign_in_sheet(sign_in_sheet(sessions, meeting_id), out)


def _last_agm_before(sessions: Sessions, meeting: MeetingDetail) -> int | None:
    from grassroots.meetings.service import list_meetings

    earlier = [m for m in list_meetings(sessions, kind="agm") if m.on < meeting.on]
    return earlier[0].id if earlier else None


def _accounts_year(sessions: Sessions, on: date) -> date | None:
    """The financial year that ended last before the meeting, if the group keeps books."""
    from grassroots.accounts.books import list_accounts
    from grassroots.accounts.year_end import year_starting
    from grassroots.core.dates import add_months

    if not list_accounts(sessions):
        return None
    return add_months(year_starting(sessions, on), -12)


def print_agm_pack(sessions: Sessions, meeting_id: int, out: Path) -> tuple[str, ...]:
    """The AGM pack as one PDF: the notice and agenda, the last AGM's minutes (for approval)
    and the accounts of the year just ended. Returns what went in, in order."""
    import tempfile

    from grassroots.printing.bundle import bind

    meeting = get_meeting(sessions, meeting_id)
    with tempfile.TemporaryDirectory() as folder:
        parts, said = (
            [print_agenda(sessions, meeting_id, Path(folder) / "agenda.pdf")],
            ["the notice and agenda"],
        )
        previous = _last_agm_before(sessions, meeting)
        if previous is not None:
            parts.append(print_minutes(sessions, previous, Path(folder) / "minutes.pdf"))
            said.append(
                f"the minutes of the last AGM ({get_meeting(sessions, previous).on:%d/%m/%Y})"
            )
        year = _accounts_year(sessions, meeting.on)
        if year is not None:
            from grassroots.accounts.documents import print_annual_accounts

            parts.append(print_annual_accounts(sessions, Path(folder) / "accounts.pdf", year))
            said.append(f"the accounts for the year from {year:%d/%m/%Y}")
        name = get_settings(sessions).name
        bind(parts, out, f"AGM pack, {meeting.on:%d/%m/%Y}: {name}", name)
    return tuple(said)
