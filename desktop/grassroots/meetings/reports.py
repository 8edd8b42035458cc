"""Figures a meeting hears: the treasurer's report under the "Treasurer's report" item.

The report covers the time since the committee last heard one: from the day after the previous
meeting of the same kind to the day before this one (the books are rarely written up on the
day). With no earlier meeting it starts at the beginning of the financial year. The printed
agenda pack and the minutes window ask for it here, so the choice of period lives in one place.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.treasurers_report import TreasurersReport, treasurers_report
from grassroots.core.dates import financial_year_start
from grassroots.group.service import get_settings
from grassroots.meetings.locks import load_meeting
from grassroots.meetings.models import Meeting


def report_period(sessions: sessionmaker[Session], meeting_id: int) -> tuple[date, date]:
    settings = get_settings(sessions)
    with sessions() as session:
        meeting = load_meeting(session, meeting_id)
        previous_on = session.scalar(
            select(Meeting.on)
            .where(Meeting.kind == meeting.kind, Meeting.on < meeting.on)
            .order_by(Meeting.on.desc())
            .limit(1)
        )
        on = meeting.on
    if previous_on is None:
        start = financial_year_start(on, settings.fy_start_month, settings.fy_start_day)
    else:
        start = previous_on + timedelta(days=1)
    return start, max(start, on - timedelta(days=1))


def treasurers_report_for(sessions: sessionmaker[Session], meeting_id: int) -> TreasurersReport:
    """The Accounts area's treasurer's report for the period this meeting hears about."""
    return treasurers_report(sessions, *report_period(sessions, meeting_id))
