"""The search box and the status and type filters above the members list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from grassroots.members.records import MembershipTypeInfo, MemberStatus
from grassroots.ui.widgets.search_box import SearchBox

# (label, status, members only): the status filter's choices, in the order a secretary wants.
STATUS_CHOICES: tuple[tuple[str, MemberStatus | None, bool], ...] = (
    ("All people", None, False),
    ("Members", None, True),
    ("Current", MemberStatus.CURRENT, True),
    ("Due for renewal", MemberStatus.DUE, True),
    ("Lapsed", MemberStatus.LAPSED, True),
    ("Ended", MemberStatus.ENDED, True),
    ("Not members", MemberStatus.NONE, False),
)


class FilterBar(QWidget):
    """Emits `changed()` whenever the search text (after a pause) or a filter changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = SearchBox("Search by name, email, postcode or phone")
        self.search.setObjectName("memberSearch")
        self.search.setMinimumWidth(300)
        self.search.setToolTip("Search as you type (Ctrl+F)")
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        for label, status, members_only in STATUS_CHOICES:
            self.status.addItem(label, (status, members_only))
        self.type = QComboBox()
        self.type.setObjectName("typeFilter")
        self.type.addItem("All types", None)
        self.count = QLabel()
        self.count.setObjectName("memberCount")
        self.count.setAccessibleName("Number of people shown")

        status_label, type_label = QLabel("&Show:"), QLabel("T&ype:")
        status_label.setBuddy(self.status)
        type_label.setBuddy(self.type)
        self.status.setAccessibleName("Show")
        self.type.setAccessibleName("Membership type")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.search, 3)
        row.addSpacing(8)
        row.addWidget(status_label)
        row.addWidget(self.status)
        row.addSpacing(4)
        row.addWidget(type_label)
        row.addWidget(self.type)
        row.addStretch(1)
        row.addWidget(self.count)

        self.search.searched.connect(lambda _text: self.changed.emit())
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.type.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set_types(self, types: list[MembershipTypeInfo]) -> None:
        """Refill the type filter, keeping the chosen type if it still exists."""
        chosen = self.type.currentData()
        self.type.blockSignals(True)
        self.type.clear()
        self.type.addItem("All types", None)
        for kind in types:
            self.type.addItem(kind.name, kind.id)
        index = self.type.findData(chosen)
        self.type.setCurrentIndex(max(index, 0))
        self.type.blockSignals(False)

    def set_status(self, status: MemberStatus | None) -> None:
        for index, (_label, choice, members_only) in enumerate(STATUS_CHOICES):
            if choice == status and (status is not None or not members_only):
                self.status.setCurrentIndex(index)
                return

    def values(self) -> tuple[str, MemberStatus | None, bool, int | None]:
        """(search text, status, members only, type id)."""
        status, members_only = self.status.currentData()
        return self.search.text().strip(), status, members_only, self.type.currentData()

    def show_count(self, shown: int) -> None:
        noun = "person" if shown == 1 else "people"
        self.count.setText(f"{shown:,} {noun}")
