"""Fixtures for the Accounts page: a context on the real test database, the page, and a bank
account whose books start at the beginning of last financial year."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from grassroots.accounts import books
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.money import Money
from grassroots.settings import resolve_paths
from grassroots.ui.accounts.filter_bar import year_bounds
from grassroots.ui.context import AppContext, Events
from grassroots.ui.tasks import Tasks
from tests.ui.conftest import settle

THIS_YEAR = year_bounds(date.today(), 4, 1)
LAST_YEAR = year_bounds(date.today(), 4, 1, back=1)


@pytest.fixture
def actx(qapp, database) -> AppContext:
    context = AppContext(database.sessions, resolve_paths(str(database.file)), Tasks(), Events())
    yield context
    settle(context.tasks)


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(100_000), LAST_YEAR[0])


@pytest.fixture
def make_page(qtbot, actx):
    def make():
        from grassroots.ui.accounts_page import AccountsPage

        widget = AccountsPage(actx)
        qtbot.addWidget(widget)
        widget.resize(1200, 700)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


def category_id(sessions, name: str) -> int:
    return next(c.id for c in books.list_categories(sessions) if c.name == name)


def enter(sessions, account, on, pence, category=None, payee="Someone"):
    cat = category_id(sessions, category) if category else None
    return books.add_entry(
        sessions, EntryInput(account.id, on, (LineInput(Money(pence), cat),), payee=payee)
    )


def focused():
    return QApplication.focusWidget()
