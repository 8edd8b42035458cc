"""Was enough notice given? The group's settings hold the notice periods its constitution
sets, in clear days: neither the day the notice goes out nor the day of the meeting counts
(the usual meaning in UK constitutions and company law). General meetings (AGM, EGM) take
the AGM period; every other meeting the committee period.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.dates import format_date
from grassroots.group.service import GroupSettings, get_settings
from grassroots.meetings.locks import load_meeting
from grassroots.meetings.records import NoticeCheck


def clear_days(sent_on: date, meeting_on: date) -> int:
    return max((meeting_on - sent_on).days - 1, 0) if sent_on < meeting_on else 0


def required_days(settings: GroupSettings, kind: str) -> int:
    return settings.agm_notice_days if kind in ("agm", "egm") else settings.committee_notice_days


def judge_notice(required: int, sent_on: date, meeting_on: date, recorded: bool) -> NoticeCheck:
    given = clear_days(sent_on, meeting_on)
    send_by = meeting_on - timedelta(days=required + 1)
    if given >= required:
        message = f"Notice gives {given} clear days; {required} are needed."
        return NoticeCheck(True, sent_on, given, required, send_by, message)
    when = "the notice recorded as sent" if recorded else "notice sent"
    message = (
        f"Too short: {when} on {format_date(sent_on)} gives {given} clear days, but the "
        f"constitution asks for {required}. It needed to go out by {format_date(send_by)}; "
        "decisions made at the meeting could be challenged."
    )
    return NoticeCheck(False, sent_on, given, required, send_by, message)


def check_notice(
    sessions: sessionmaker[Session], meeting_id: int, today: date | None = None
) -> NoticeCheck:
    """Judge the notice recorded for the meeting or, if none is recorded yet, notice sent
    `today`, so the secretary is warned before sending it too late."""
    settings = get_settings(sessions)
    with sessions() as session:
        meeting = load_meeting(session, meeting_id)
        kind, on, sent = meeting.kind, meeting.on, meeting.notice_sent_on
    sent_on = sent or today or date.today()
    return judge_notice(required_days(settings, kind), sent_on, on, sent is not None)
