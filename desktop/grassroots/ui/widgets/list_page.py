"""The shape every list page shares: a title and a line saying what the page is for, its
filters and buttons, the list (or, when there is nothing to list, an empty state that says
what to do first) taking the room, and a muted line at the foot saying what last changed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from grassroots.ui.theme import set_role


def page_heading(title: str, explain: str) -> tuple[QLabel, QLabel]:
    heading = set_role(QLabel(title), "title")
    words = set_role(QLabel(explain), "muted")
    words.setWordWrap(True)
    return heading, words


def change_note(name: str) -> QLabel:
    """The foot line that says what was last done ("Marked done: ...")."""
    note = set_role(QLabel(""), "muted")
    note.setObjectName(name)
    note.setAccessibleName("Last change")
    return note


def lay_out_page(
    page: QWidget, *top: QWidget | QLayout, body: QWidget, empty: QWidget, note: QLabel
) -> QVBoxLayout:
    column = QVBoxLayout(page)
    column.setContentsMargins(16, 12, 16, 12)
    column.setSpacing(8)
    for part in top:
        if isinstance(part, QLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    column.addWidget(body, 1)
    column.addWidget(empty, 1)
    column.addWidget(note)
    return column
