"""Reading and saving the group's settings (one row), with checks a volunteer understands."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.errors import ValidationError
from grassroots.core.validate import normalise_email, normalise_postcode
from grassroots.group.models import GroupSettingsRow

MEMBERSHIP_RULES = {
    "anniversary": "Each membership runs for its period from the day it starts",
    "fixed": "All memberships run to the end of one membership year",
}

QUORUM_RULES = {
    "number": "A fixed number of trustees present",
    "fraction": "A fraction of the trustees present",
    "greater": "The fixed number or the fraction of trustees, whichever is greater",
}


@dataclass(frozen=True)
class GroupSettings:
    name: str = ""
    address: str = ""
    postcode: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    charity_number: str = ""
    company_number: str = ""
    is_charity: bool = True
    logo_png: bytes | None = None
    fy_start_month: int = 4
    fy_start_day: int = 1
    membership_rule: str = "anniversary"
    membership_year_month: int = 1
    membership_year_day: int = 1
    renewal_window_days: int = 30
    retention_months: int = 24
    payment_instructions: str = ""
    set_up: bool = False
    quorum_rule: str = "number"
    quorum_number: int = 3
    quorum_numerator: int = 1
    quorum_denominator: int = 3
    general_quorum_number: int = 10
    committee_notice_days: int = 7
    agm_notice_days: int = 14

    def address_lines(self) -> list[str]:
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        return [*lines, self.postcode] if self.postcode else lines


_FIELDS = [f.name for f in fields(GroupSettings)]


def get_settings(sessions: sessionmaker[Session]) -> GroupSettings:
    with sessions() as session:
        row = session.get(GroupSettingsRow, 1)
        if row is None:
            return GroupSettings()
        return GroupSettings(**{name: getattr(row, name) for name in _FIELDS})


def clean_settings(settings: GroupSettings) -> GroupSettings:
    """Check and normalise settings; ValidationError names each field that is wrong."""
    problems: dict[str, str] = {}
    name = settings.name.strip()
    if not name:
        problems["name"] = "The group needs a name"
    postcode, email = settings.postcode, settings.email
    try:
        postcode = normalise_postcode(settings.postcode)
    except ValueError as exc:
        problems["postcode"] = str(exc)
    try:
        email = normalise_email(settings.email)
    except ValueError as exc:
        problems["email"] = str(exc)
    if not 1 <= settings.fy_start_month <= 12 or not 1 <= settings.fy_start_day <= 28:
        problems["fy_start_month"] = "The financial year must start on a day from 1 to 28"
    if not 1 <= settings.membership_year_month <= 12 or not 1 <= settings.membership_year_day <= 28:
        problems["membership_year_month"] = "The membership year must start on a day from 1 to 28"
    if settings.membership_rule not in MEMBERSHIP_RULES:
        problems["membership_rule"] = "Choose how membership years run"
    if not 0 <= settings.renewal_window_days <= 366:
        problems["renewal_window_days"] = "Reminders can start up to a year before renewal"
    if not 1 <= settings.retention_months <= 240:
        problems["retention_months"] = "Review lapsed members after 1 to 240 months"
    problems.update(_meeting_rule_problems(settings))
    if problems:
        raise ValidationError(problems)
    return replace(settings, name=name, postcode=postcode, email=email)


def _meeting_rule_problems(settings: GroupSettings) -> dict[str, str]:
    """The constitution's meeting rules: a quorum that can be met and notice that can be given."""
    problems: dict[str, str] = {}
    if settings.quorum_rule not in QUORUM_RULES:
        problems["quorum_rule"] = "Choose how the quorum is worked out"
    if not 1 <= settings.quorum_number <= 100:
        problems["quorum_number"] = "The quorum must be from 1 to 100 people"
    if not 1 <= settings.quorum_numerator <= settings.quorum_denominator <= 100:
        problems["quorum_numerator"] = "The quorum fraction must be a fraction such as 1/3 or 1/2"
    if not 1 <= settings.general_quorum_number <= 1000:
        problems["general_quorum_number"] = "The AGM quorum must be from 1 to 1,000 members"
    if not 0 <= settings.committee_notice_days <= 90:
        problems["committee_notice_days"] = "Committee notice can be 0 to 90 clear days"
    if not 0 <= settings.agm_notice_days <= 90:
        problems["agm_notice_days"] = "AGM notice can be 0 to 90 clear days"
    return problems


def save_settings(sessions: sessionmaker[Session], settings: GroupSettings) -> GroupSettings:
    cleaned = clean_settings(settings)
    with sessions.begin() as session:
        row = session.get(GroupSettingsRow, 1) or GroupSettingsRow(id=1)
        for name, value in asdict(cleaned).items():
            setattr(row, name, value)
        session.add(row)
    return cleaned


def set_up_group(sessions: sessionmaker[Session], name: str, **changes: object) -> GroupSettings:
    """The first-run step: name the group (and anything else known) and mark it set up."""
    current = get_settings(sessions)
    return save_settings(sessions, replace(current, name=name, set_up=True, **changes))
