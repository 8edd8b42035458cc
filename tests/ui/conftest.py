"""UI fixtures: an AppContext on the shared test database, and a main window built on it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from grassroots.app import application, build_main_window, make_context
from grassroots.core.dates import add_months
from grassroots.members.service import add_member, list_types
from grassroots.people.records import PersonInput
from grassroots.settings import resolve_paths
from grassroots.ui.context import AppContext
from grassroots.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def collector(qapp):
    """Garbage collected on the UI thread only, as the app runs (see ui/collector.py)."""
    from grassroots.ui.collector import collect_on_ui_thread

    return collect_on_ui_thread(qapp)


@pytest.fixture
def app(qapp):
    """The test QApplication, named and themed as Grassroots runs it."""
    return application()


@pytest.fixture
def paths(database):
    return resolve_paths(str(database.file))


def settle(tasks) -> None:
    """Let background work finish and its results land while the test's windows still exist,
    so nothing is delivered to a window pytest-qt has since closed."""
    from PySide6.QtCore import QCoreApplication

    for _ in range(50):  # a result may start more work (a page reloading after a save)
        tasks.wait()
        QCoreApplication.processEvents()
        if not tasks.busy:
            return


@pytest.fixture
def ctx(app, database, paths) -> AppContext:
    context = make_context(database, paths)
    yield context
    settle(context.tasks)


@pytest.fixture
def main_window(app, qtbot, database, paths) -> MainWindow:
    window = build_main_window(database, paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    settle(window.ctx.tasks)


def add_members_due(sessions, names: list[str], days_left: int = 10) -> None:
    """Real members whose yearly membership runs out in about `days_left` days."""
    yearly = next(t for t in list_types(sessions) if t.period_months == 12)
    joined = add_months(date.today(), -12) + timedelta(days=days_left)
    for name in names:
        first, last = name.split(" ", 1)
        add_member(
            sessions,
            PersonInput(first_name=first, last_name=last, postcode="LE65 1AB"),
            yearly.id,
            joined,
        )


def add_members_current(sessions, count: int) -> None:
    yearly = next(t for t in list_types(sessions) if t.period_months == 12)
    for n in range(count):
        add_member(
            sessions,
            PersonInput(first_name=f"Member{n}", last_name="Current"),
            yearly.id,
            date.today() - timedelta(days=30),
        )
