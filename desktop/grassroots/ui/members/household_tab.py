"""The Household tab: who else lives there, adding people at the same address, leaving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grassroots.people.records import PersonDetail
from grassroots.ui.context import AppContext


class HouseholdTab(QWidget):
    def __init__(self, ctx: AppContext, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person_id
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.members = QListWidget()
        self.members.setObjectName("household_members")
        self.members.setAccessibleName("People in this household")
        self.nearby = QListWidget()
        self.nearby.setObjectName("same_address")
        self.nearby.setAccessibleName("Others at the same address")
        self.nearby.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
        self.add_button = QPushButton("&Add to household")
        self.add_button.setObjectName("add_to_household")
        self.leave_button = QPushButton("&Leave household")
        self.leave_button.setObjectName("leave_household")
        self.add_button.clicked.connect(self.add_selected)
        self.leave_button.clicked.connect(self.leave)
        self.nearby.itemSelectionChanged.connect(
            lambda: self.add_button.setEnabled(bool(self.nearby.selectedItems()))
        )
        members_label = QLabel("Lives with")
        members_label.setBuddy(self.members)
        nearby_label = QLabel("Others on the list at the same address")
        nearby_label.setBuddy(self.nearby)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        self.nobody_nearby = QLabel("Nobody else on the list has this address.")
        self.nobody_nearby.setStyleSheet("color: palette(placeholder-text);")
        rows = self.fontMetrics().height() * 7
        self.members.setMaximumHeight(rows)
        self.nearby.setMaximumHeight(rows)
        self.members_label = members_label
        column = QVBoxLayout(self)
        column.setSpacing(8)
        column.addWidget(self.heading)
        column.addWidget(members_label)
        column.addWidget(self.members)
        column.addSpacing(8)
        column.addWidget(nearby_label)
        column.addWidget(self.nearby)
        column.addWidget(self.nobody_nearby)
        column.addLayout(buttons)
        column.addStretch(1)

    def load(self, person: PersonDetail) -> None:
        from grassroots.people.service import household_of, people_at_address

        household = household_of(self.ctx.sessions, self.person_id)
        self.members.clear()
        if household is None:
            self.heading.setText(
                "Not in a household yet. People at one address can share a household, so "
                "they get one letter and a household membership covers them all."
            )
        else:
            self.heading.setText(household.name)
            for pid, name in household.members:
                if pid != self.person_id:
                    self.members.addItem(name)
        if self.members.count() == 0 and household is not None:
            self.members.addItem("Nobody else yet")
        in_household = {pid for pid, _ in household.members} if household else set()
        self.nearby.clear()
        for pid, name in people_at_address(
            self.ctx.sessions, person.postcode, person.address_line1, self.person_id
        ):
            if pid not in in_household:
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, pid)
                self.nearby.addItem(item)
        self.leave_button.setEnabled(household is not None)
        self.members.setVisible(household is not None)
        self.members_label.setVisible(household is not None)
        self.nearby.setVisible(self.nearby.count() > 0)
        self.nobody_nearby.setVisible(self.nearby.count() == 0)
        self.add_button.setEnabled(False)

    def add_selected(self) -> None:
        from grassroots.people.service import make_household

        ids = [self.person_id] + [
            item.data(Qt.ItemDataRole.UserRole) for item in self.nearby.selectedItems()
        ]
        sessions = self.ctx.sessions
        self.ctx.tasks.run(
            lambda: make_household(sessions, ids),
            lambda _r: self.ctx.events.changed.emit("members"),
            parent=self,
        )

    def leave(self) -> None:
        from grassroots.people.service import leave_household

        sessions, person_id = self.ctx.sessions, self.person_id
        self.ctx.tasks.run(
            lambda: leave_household(sessions, person_id),
            lambda _r: self.ctx.events.changed.emit("members"),
            parent=self,
        )
