"""The lazy table model pages rows from a service and leaves sorting to SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from grassroots.members.records import MemberQuery
from grassroots.members.register import count_members, search_members
from grassroots.ui.members.columns import MEMBER_COLUMNS
from grassroots.ui.widgets.lazy_table import SORT_ROLE, Column, LazyTableModel
from tests.ui.members.conftest import add_many_people


@dataclass(frozen=True)
class Item:
    n: int
    on: date


def _source(items):
    calls = []

    def fetch(offset, limit):
        calls.append((offset, limit))
        return items[offset : offset + limit]

    return fetch, (lambda: len(items)), calls


def test_pages_rows_in_200s_until_the_total(qapp):
    items = [Item(n, date(2026, 1, 1 + n % 28)) for n in range(450)]
    fetch, count, calls = _source(items)
    model = LazyTableModel([Column("N", lambda i: str(i.n), "n")])
    model.load(fetch, count)
    assert (model.rowCount(), model.total, calls) == (200, 450, [(0, 200)])
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert calls == [(0, 200), (200, 200), (400, 200)]
    assert not model.canFetchMore(QModelIndex())


def test_native_sort_role_and_sort_requests_go_to_the_owner(qapp):
    items = [Item(3, date(2026, 2, 1))]
    fetch, count, _calls = _source(items)
    column = Column("On", lambda i: i.on.strftime("%d/%m/%Y"), "on", value=lambda i: i.on)
    model = LazyTableModel([column, Column("N", lambda i: str(i.n))])
    model.load(fetch, count)
    index = model.index(0, 0)
    assert model.data(index) == "01/02/2026"
    assert model.data(index, SORT_ROLE) == date(2026, 2, 1)
    asked = []
    model.sort_requested.connect(lambda key, desc: asked.append((key, desc)))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.sort(1)  # a column without a sort key does nothing
    assert asked == [("on", True)]
    assert model.rowCount() == 1  # the model itself never reorders rows


def test_pages_the_real_register_of_450_people(qapp, sessions):
    add_many_people(sessions, 450)
    model = LazyTableModel(MEMBER_COLUMNS)
    spec = MemberQuery(sort="name")
    model.load(
        lambda offset, limit: search_members(sessions, spec, offset, limit),
        lambda: count_members(sessions, spec),
    )
    assert (model.rowCount(), model.total) == (200, 450)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    names = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert len(names) == 450
    assert names == sorted(names)  # SQL order, kept across pages
    assert len(set(names)) == 450  # no row twice at page edges

    narrower = MemberQuery(text="Person000")
    model.load(
        lambda offset, limit: search_members(sessions, narrower, offset, limit),
        lambda: count_members(sessions, narrower),
    )
    assert model.rowCount() == model.total == 10
