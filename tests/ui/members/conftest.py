"""Fixtures for the People & Members page: a context on the real test database, the page
itself, and quick ways to put people and members into that database."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from grassroots.core.dates import add_months
from grassroots.members.records import MembershipTypeInfo, PaymentInput
from grassroots.members.service import add_member, list_types
from grassroots.people.records import PersonInput
from grassroots.people.service import new_person
from grassroots.settings import resolve_paths
from grassroots.ui.context import AppContext, Events
from grassroots.ui.tasks import Tasks
from tests.ui.conftest import settle


@pytest.fixture
def mctx(qapp, database) -> AppContext:
    context = AppContext(database.sessions, resolve_paths(str(database.file)), Tasks(), Events())
    yield context
    settle(context.tasks)


@pytest.fixture
def page(qtbot, mctx):
    from grassroots.ui.members_page import MembersPage

    widget = MembersPage(mctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    """Answer the next Save As dialog with a file in tmp_path (the native dialog would block)."""
    from PySide6.QtWidgets import QFileDialog

    chosen: dict[str, Path] = {}

    def answer(name: str) -> Path:
        path = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
        chosen["path"] = path
        return path

    return answer


def yearly(sessions) -> MembershipTypeInfo:
    return next(t for t in list_types(sessions) if t.period_months == 12)


def add_due_member(sessions, first: str, last: str, days_left: int = 10, **details):
    """A real yearly member whose membership runs out in `days_left` days."""
    joined = add_months(date.today(), -12) + timedelta(days=days_left)
    person = PersonInput(first_name=first, last_name=last, **details)
    kind = yearly(sessions)
    return add_member(sessions, person, kind.id, joined, PaymentInput(joined, kind.fee))


def add_current_member(sessions, first: str, last: str, **details):
    person = PersonInput(first_name=first, last_name=last, **details)
    kind, joined = yearly(sessions), date.today() - timedelta(days=30)
    return add_member(sessions, person, kind.id, joined, PaymentInput(joined, kind.fee))


def add_many_people(sessions, count: int) -> None:
    """`count` people in one transaction (through the service's own checks)."""
    with sessions.begin() as session:
        for n in range(count):
            new_person(session, PersonInput(first_name=f"Person{n:04d}", last_name="Many"))


def wait_idle(qtbot, ctx: AppContext) -> None:
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=10000)
