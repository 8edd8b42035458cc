"""HMRC's Gift Aid figures as settings the treasurer can extend.

The built-in history (`gift_aid_rules`) is the default. When HMRC changes a figure (the
aggregation limit has been "£20 or less" and, in some guidance, "under £30"), the treasurer adds
the new figure from the day it takes effect; donations before that day are still judged by the
old one. The treasurer's lines are kept in the database so they travel with the books, and only
they can be removed: the built-in history stays as shipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts import gift_aid_rules as rules
from grassroots.accounts.models import GiftAidLimit
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money


@dataclass(frozen=True)
class LimitKind:
    """One history a treasurer may extend: its name in `rules.Limits`, how it reads, its unit."""

    name: str
    label: str
    unit: str  # pence | rows | percent | years | times

    def show(self, value: int) -> str:
        if self.unit == "pence":
            return Money(value).format()
        if self.unit == "percent":
            return f"{value}%"
        if self.unit == "times":
            return f"{value} times"
        return f"{value:,} {self.unit}"

    def read(self, text: str) -> int:
        """The value typed, in the unit stored; ValueError with a message fit to show."""
        text = text.strip()
        if self.unit == "pence":
            value = Money.parse(text).pence
        else:
            digits = text.replace(",", "").rstrip("%").split(" ")[0]
            if not digits.isdigit():
                raise ValueError(f"Type a whole number of {self.unit}, e.g. 1000")
            value = int(digits)
        if value <= 0:
            raise ValueError("The figure must be more than nothing")
        return value


KINDS = (
    LimitKind("aggregate_each", "Aggregated donations: each gift at most", "pence"),
    LimitKind("aggregate_line", "Aggregated donations: one line at most", "pence"),
    LimitKind("schedule_rows", "Donation rows in one schedule", "rows"),
    LimitKind("basic_rate", "Basic rate of income tax", "percent"),
    LimitKind("claim_window", "Years to claim after the accounting period", "years"),
    LimitKind("gasds_each", "Small donations (GASDS): each gift at most", "pence"),
    LimitKind("gasds_year", "Small donations (GASDS): gifts a tax year at most", "pence"),
    LimitKind("gasds_matching", "Small donations (GASDS): matching rule", "times"),
    LimitKind("gasds_claim_window", "Small donations (GASDS): years to claim", "years"),
)
_KINDS = {kind.name: kind for kind in KINDS}


@dataclass(frozen=True)
class LimitLine:
    """One line of a history as the treasurer sees it."""

    name: str
    label: str
    since: date
    value: int
    shown: str
    source: str
    id: int | None  # the treasurer's own line; None for a built-in one

    @property
    def built_in(self) -> bool:
        return self.id is None


def kind(name: str) -> LimitKind:
    try:
        return _KINDS[name]
    except KeyError:
        raise ValidationError({"name": "Choose one of HMRC's figures from the list"}) from None


def limits_in(session: Session) -> rules.Limits:
    """The built-in histories extended with the treasurer's lines, inside a transaction."""
    limits = rules.BUILT_IN
    stored: dict[str, list[rules.Dated]] = {}
    for row in session.scalars(select(GiftAidLimit).order_by(GiftAidLimit.since)):
        if row.name in _KINDS:
            stored.setdefault(row.name, []).append(rules.Dated(row.since, row.value, row.source))
    for name, lines in stored.items():
        limits = limits.extended(name, lines)
    return limits


def current_limits(sessions: sessionmaker[Session]) -> rules.Limits:
    with sessions() as session:
        return limits_in(session)


def list_limits(sessions: sessionmaker[Session]) -> list[LimitLine]:
    """Every line of every history, built-in and added, in the order of `KINDS` then date."""
    with sessions() as session:
        added = {(r.name, r.since): r for r in session.scalars(select(GiftAidLimit))}
        limits = limits_in(session)
    lines = []
    for item in KINDS:
        for dated in getattr(limits, item.name):
            row = added.get((item.name, dated.since))
            lines.append(
                LimitLine(
                    item.name,
                    item.label,
                    dated.since,
                    dated.value,
                    item.show(dated.value),
                    dated.source,
                    row.id if row is not None else None,
                )
            )
    return lines


def add_limit(
    sessions: sessionmaker[Session], name: str, since: date, value: int, source: str = ""
) -> LimitLine:
    """A new figure from `since`: donations from that day are judged by it."""
    item = kind(name)
    problems = {}
    if value <= 0:
        problems["value"] = "The figure must be more than nothing"
    if item.unit == "percent" and value >= 100:
        problems["value"] = "A tax rate is less than 100%"
    if since < date(1990, 10, 1):
        problems["since"] = "Gift Aid began on 1 October 1990; give a later date"
    if problems:
        raise ValidationError(problems)
    row = GiftAidLimit(name=name, since=since, value=value, source=" ".join(source.split()))
    try:
        with sessions.begin() as session:
            session.add(row)
    except IntegrityError:
        raise ValidationError(
            {"since": f"A figure from {since:%d/%m/%Y} was already added; remove it first"}
        ) from None
    return LimitLine(name, item.label, since, value, item.show(value), row.source, row.id)


def remove_limit(sessions: sessionmaker[Session], limit_id: int) -> None:
    """Take back a line the treasurer added (a built-in line cannot be removed)."""
    with sessions.begin() as session:
        row = session.get(GiftAidLimit, limit_id)
        if row is None:
            raise NotFound("That figure was already removed")
        session.delete(row)
