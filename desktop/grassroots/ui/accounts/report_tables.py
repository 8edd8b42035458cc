"""The tables of the Reports tab: amounts right-aligned, headings and totals in bold, lines still
to categorise shaded, and each table as tall as its rows so the page scrolls, not the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from grassroots.accounts.treasurers_report import HeldBalance, ReportSection
from grassroots.core.money import Money
from grassroots.ui.theme import COLOURS


def figure_item(
    value: Money | None, bold: bool = False, overdrawn: bool = False
) -> QTableWidgetItem:
    """A right-aligned amount; `overdrawn` shows a negative one in red (a balance below
    nothing), where a negative difference or change is only arithmetic and stays plain."""
    text = "" if value is None else value.format()
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if overdrawn and value is not None and value.pence < 0:
        item.setForeground(QBrush(QColor(COLOURS.error)))
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


class FiguresTable(QTableWidget):
    """A read-only table that is as tall as its rows, so the page scrolls and not the table."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setAlternatingRowColors(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

    def resizeEvent(self, event) -> None:
        """Long names wrap at the new width, and the table grows to keep every row in view."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        self.setFixedHeight(height + sum(self.rowHeight(r) for r in range(self.rowCount())))

    def set_rows(self, columns: list[str], rows: list[tuple[str, list[QTableWidgetItem], str]]):
        """`rows`: (label, figure items, kind) with kind line | heading | total | loose."""
        self.clear()
        self.setColumnCount(len(columns))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels(columns)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(columns)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
            self.horizontalHeaderItem(c).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        for r, (label, figures, kind) in enumerate(rows):
            name = QTableWidgetItem(label)
            if kind in ("heading", "total"):
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            if kind == "loose":
                name.setToolTip("Not yet given a category in the cash book")
            self.setItem(r, 0, name)
            for c, item in enumerate(figures, start=1):
                self.setItem(r, c, item)
            if kind in ("heading", "loose"):
                shade = QColor(COLOURS.accent_soft if kind == "heading" else COLOURS.warning_soft)
                for c in range(len(columns)):
                    if self.item(r, c) is None:
                        self.setItem(r, c, QTableWidgetItem())
                    self.item(r, c).setBackground(shade)
        self._fit()


def section_rows(
    title: str, section: ReportSection, part_year: bool, budgeted: bool, total: str
) -> list[tuple[str, list[QTableWidgetItem], str]]:
    rows: list[tuple[str, list[QTableWidgetItem], str]] = [(title, [], "heading")]
    for line in section.lines:
        figures = [figure_item(line.actual)]
        if part_year:
            figures.append(figure_item(line.year_to_date))
        if budgeted:
            figures += [figure_item(line.budget), figure_item(line.difference)]
        rows.append((line.category, figures, "loose" if line.to_categorise else "line"))
    figures = [figure_item(section.total, True)]
    if part_year:
        figures.append(figure_item(section.year_to_date_total, True))
    if budgeted:
        differences = [ln.difference.pence for ln in section.lines if ln.difference is not None]
        has_budget = any(ln.budget is not None for ln in section.lines)
        figures += [
            figure_item(section.budget_total if has_budget else None, True),
            figure_item(Money(sum(differences)) if differences else None, True),
        ]
    rows.append((total, figures, "total"))
    return rows


def held_items(start: Money, end: Money, bold: bool = False) -> list[QTableWidgetItem]:
    return [
        figure_item(start, bold, overdrawn=True),
        figure_item(end, bold, overdrawn=True),
        figure_item(end - start, bold),
    ]


def held_rows(held: tuple[HeldBalance, ...], total: str):
    rows = [(h.name, held_items(h.at_start, h.at_end), "line") for h in held]
    start = Money(sum(h.at_start.pence for h in held))
    end = Money(sum(h.at_end.pence for h in held))
    rows.append((total, held_items(start, end, True), "total"))
    return rows
