"""The treasurer's report a meeting hears covers the time since the last one."""

from datetime import date

from grassroots.meetings import reports


def test_the_first_meeting_hears_the_financial_year_so_far(sessions, plan):
    meeting = plan(on=date(2026, 6, 9))

    assert reports.report_period(sessions, meeting.id) == (date(2026, 4, 1), date(2026, 6, 8))


def test_a_later_meeting_hears_the_time_since_the_last(sessions, plan):
    plan(on=date(2026, 6, 9))
    plan("agm", on=date(2026, 7, 1))
    july = plan(on=date(2026, 7, 14))

    period = reports.report_period(sessions, july.id)
    report = reports.treasurers_report_for(sessions, july.id)

    assert period == (date(2026, 6, 10), date(2026, 7, 13))
    assert (report.start, report.end) == period
