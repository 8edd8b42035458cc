"""A read-only list of whole rows with headed columns (meetings, actions, decisions): one
column stretches, the others fit their contents, and a row is chosen as a whole."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTreeWidget


def list_tree(name: str, spoken: str, headers: Sequence[str], stretch: int) -> QTreeWidget:
    """`name` is the object name, `spoken` what a screen reader calls it, `stretch` the
    column that takes the spare width."""
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setAccessibleName(spoken)
    tree.setHeaderLabels(list(headers))
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setAllColumnsShowFocus(True)
    tree.setStyleSheet("QTreeView::item { padding: 4px 8px 4px 0; }")
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return tree
