"""What the list says when it has nothing to show, and what to do about it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

TEXT_WIDTH = 480


class EmptyState(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel()
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.first = QPushButton()
        self.second = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.first)
        buttons.addWidget(self.second)
        buttons.addStretch(1)
        # A fixed-width block, centred, so wrapped text gets the height it needs.
        block = QWidget()
        block.setFixedWidth(TEXT_WIDTH)
        inner = QVBoxLayout(block)
        inner.setSpacing(10)
        inner.addWidget(self.heading)
        inner.addWidget(self.text)
        inner.addSpacing(8)
        inner.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(block)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addLayout(row)
        column.addStretch(3)

    def show_message(self, heading: str, text: str, first: str = "", second: str = "") -> None:
        self.heading.setText(heading)
        self.text.setText(text)
        self.first.setText(first)
        self.first.setVisible(bool(first))
        self.second.setText(second)
        self.second.setVisible(bool(second))
