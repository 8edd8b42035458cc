"""A table model that pages rows from a service, so a list of 100,000 people opens at once.

The model never sorts or filters in Python: the page passes the sort key to the service (which
sorts in SQL) and calls `load` again. Rows are the service's frozen dataclasses; each column
says how to show a row and which native value to sort by.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

PAGE_SIZE = 200
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter

# Roles beyond Qt's own: the native value behind a cell, and the whole row dataclass.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Fetch = Callable[[int, int], Sequence[Any]]
Count = Callable[[], int]
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its header, the text of a cell, the service's sort key (None: not sortable),
    its alignment, and the native value behind the text (dates as dates, money as pence)."""

    header: str
    text: Callable[[Any], str]
    sort_key: str | None = None
    alignment: Qt.AlignmentFlag = LEFT
    value: Callable[[Any], Any] | None = None


class LazyTableModel(QAbstractTableModel):
    """Rows come from `fetch(offset, limit)` one page at a time; `count()` gives the total."""

    sort_requested = Signal(str, bool)  # sort key, descending: the owner re-queries
    loaded = Signal(int)  # the total after a (re)load

    def __init__(
        self,
        columns: Sequence[Column],
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.columns = tuple(columns)
        self.page_size = page_size
        self._rows: list[Any] = []
        self._total = 0
        self._fetch: Fetch = lambda offset, limit: []
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.extra_roles: dict[int, Callable[[Any, int], Any]] = {}

    # ------------------------------------------------------------ loading
    def load(self, fetch: Fetch, count: Count) -> None:
        """Start again with a new query: drop every row and fetch the first page."""
        self.beginResetModel()
        self._fetch = fetch
        self._total = count()
        self._rows = list(fetch(0, self.page_size)) if self._total else []
        self.endResetModel()
        self.loaded.emit(self._total)

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = list(self._fetch(len(self._rows), self.page_size))
        if not page:  # rows vanished since the count: stop asking
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def loaded_rows(self) -> list[Any]:
        return list(self._rows)

    # ------------------------------------------------------------ Qt model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment)
        if role == SORT_ROLE:
            return column.value(row) if column.value else column.text(row)
        if role == ROW_ROLE:
            return row
        if role in self.extra_roles:
            return self.extra_roles[role](row, index.column())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.columns[section].alignment)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the owner to re-query in the new order (SQL sorts, not Python)."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort_key is None:
            return
        self.sort_column, self.sort_order = column, order
        key = self.columns[column].sort_key or ""
        self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)

    def sort_key(self) -> tuple[str | None, bool]:
        if self.sort_column < 0:
            return None, False
        return (
            self.columns[self.sort_column].sort_key,
            self.sort_order == Qt.SortOrder.DescendingOrder,
        )
