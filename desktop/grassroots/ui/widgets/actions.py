"""A page's toolbar action: its slot, a shortcut that works anywhere inside the page, and a
tooltip that names the shortcut, so every page's toolbar behaves and reads the same."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget


def page_action(
    page: QWidget, text: str, slot: Callable, shortcut: str | None = None, tip: str = ""
) -> QAction:
    action = QAction(text, page)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        page.addAction(action)
    tip = tip or text.replace("&", "").rstrip("…")
    action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    return action


def page_button(text: str, name: str, slot: Callable | None, shortcut: str = "") -> QPushButton:
    """A page's push button: named for tests and screen readers (its text without the '&' and
    '…'), calling `slot` with no arguments, its tooltip naming the shortcut when it has one."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    if shortcut:
        button.setToolTip(f"{button.accessibleName()} ({shortcut})")
    if slot is not None:
        button.clicked.connect(lambda _checked=False: slot())
    return button
