"""Charts of the books, drawn with QPainter: income and spending by month, and what each
account held over time.

Drawn by hand because the Qt wheels Grassroots ships carry no charts module, and two simple
charts do not earn another large dependency. Colours are the Okabe-Ito set, told apart by
people with the common kinds of colour blindness; every chart carries a legend, £ on its
axis, and an accessible description that says the figures in words for a screen reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from grassroots.accounts.trends import BalanceSeries, MonthTotals
from grassroots.core.money import Money
from grassroots.core.scales import axis_ticks, pounds_label
from grassroots.ui.theme import COLOURS

RECEIPTS = QColor("#0072B2")  # blue
PAYMENTS = QColor("#E69F00")  # orange
TOTAL = QColor(COLOURS.text)
ACCOUNT_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999933")
GRID = QColor("#e3e9e6")
AXIS = QColor(COLOURS.border)
INK = QColor(COLOURS.text)
MUTED = QColor(COLOURS.muted)
FAINT_ALPHA = 60


# ---------------------------------------------------------------- scales and labels


def _month(first: date) -> str:
    return f"{first:%B %Y}"


def spending_summary(months: Sequence[MonthTotals], last_year: Sequence[MonthTotals] = ()) -> str:
    """The income and spending chart in words, month by month, for a screen reader."""
    if not months:
        return "No months to show."
    received = Money(sum(m.receipts.pence for m in months))
    paid = Money(sum(m.payments.pence for m in months))
    parts = [
        f"Receipts and payments by month, {_month(months[0].month)} to {_month(months[-1].month)}:"
        f" received {received.format()} and paid out {paid.format()} in all."
    ]
    if any(m.receipts or m.payments for m in months):
        most_in = max(months, key=lambda m: m.receipts.pence)
        most_out = max(months, key=lambda m: m.payments.pence)
        parts.append(
            f"Most received in {_month(most_in.month)} ({most_in.receipts.format()}); "
            f"most paid out in {_month(most_out.month)} ({most_out.payments.format()})."
        )
    if last_year:
        before_in = Money(sum(m.receipts.pence for m in last_year))
        before_out = Money(sum(m.payments.pence for m in last_year))
        parts.append(
            f"The same months a year earlier: received {before_in.format()}, "
            f"paid out {before_out.format()}."
        )
    parts += [
        f"{_month(m.month)}: received {m.receipts.format()}, paid out {m.payments.format()}."
        for m in months
    ]
    return " ".join(parts)


def balance_summary(series: BalanceSeries) -> str:
    """The balance chart in words: what each account held at the start and end, for a screen
    reader."""
    if not series.accounts:
        return "No accounts to show."
    start, end = series.dates[0], series.dates[-1]
    totals = series.totals
    parts = [
        f"Balances from {start:%d/%m/%Y} to {end:%d/%m/%Y}: all accounts held "
        f"{totals[0].format()} at the start and {totals[-1].format()} at the end."
    ]
    low = min(range(len(totals)), key=lambda i: totals[i].pence)
    high = max(range(len(totals)), key=lambda i: totals[i].pence)
    parts.append(
        f"Lowest {totals[low].format()} on {series.dates[low]:%d/%m/%Y}; "
        f"highest {totals[high].format()} on {series.dates[high]:%d/%m/%Y}."
    )
    parts += [
        f"{a.name}: {a.balances[0].format()} to {a.balances[-1].format()}." for a in series.accounts
    ]
    return " ".join(parts)


# ---------------------------------------------------------------- drawing shared by both


@dataclass(frozen=True)
class LegendItem:
    label: str
    colour: QColor
    kind: str = "box"  # box | line | faint


class Chart(QWidget):
    """A plot area with a £ axis on the left, labels below and a legend above."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # so a screen reader can reach it
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.ticks: list[int] = [0, 100]
        self.legend: list[LegendItem] = []
        self.empty_text = "Nothing to show for this period"

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        return QSize(line * 36, line * 16)

    def minimumSizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        return QSize(line * 18, line * 10)

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def has_data(self) -> bool:
        raise NotImplementedError

    def _legend_places(self, metrics: QFontMetrics) -> list[tuple[LegendItem, float, int]]:
        """(item, x, line) for each legend entry, wrapping onto more lines when narrow."""
        box = metrics.height() * 0.75
        places, x, line = [], 12.0, 0
        for item in self.legend:
            width = box * (1.6 if item.kind in ("line", "faint") else 1) + 6
            width += metrics.horizontalAdvance(item.label)
            if x > 12 and x + width > self.width() - 12:
                x, line = 12.0, line + 1
            places.append((item, x, line))
            x += width + 18
        return places

    def plot_rect(self) -> QRectF:
        metrics = QFontMetrics(self.small_font())
        step = self.ticks[1] - self.ticks[0] if len(self.ticks) > 1 else 100
        left = max(metrics.horizontalAdvance(pounds_label(t, step)) for t in self.ticks) + 14
        lines = 1 + max((line for _, _, line in self._legend_places(metrics)), default=0)
        top = metrics.height() * (1.2 + 1.15 * lines)
        bottom = metrics.height() * 2.6
        return QRectF(
            left, top, max(self.width() - left - 16, 10), max(self.height() - top - bottom, 10)
        )

    def y_of(self, pence: int, plot: QRectF) -> float:
        """The screen position (a pixel coordinate, not money) of an amount on the axis."""
        low, high = self.ticks[0], self.ticks[-1]
        return plot.bottom() - (pence - low) / max(high - low, 1) * plot.height()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(COLOURS.surface))
        painter.setFont(self.small_font())
        if not self.has_data():
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        plot = self.plot_rect()
        self._draw_grid(painter, plot)
        self.draw_plot(painter, plot)
        self._draw_legend(painter, plot)
        painter.end()

    def draw_plot(self, painter: QPainter, plot: QRectF) -> None:
        raise NotImplementedError

    def _draw_grid(self, painter: QPainter, plot: QRectF) -> None:
        metrics = painter.fontMetrics()
        step = self.ticks[1] - self.ticks[0]
        for tick in self.ticks:
            y = self.y_of(tick, plot)
            painter.setPen(QPen(AXIS if tick == 0 else GRID, 1.2 if tick == 0 else 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
            label = QRectF(0, y - metrics.height() / 2, plot.left() - 8, metrics.height())
            painter.drawText(
                label,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                pounds_label(tick, step),
            )

    def _draw_legend(self, painter: QPainter, plot: QRectF) -> None:
        metrics = painter.fontMetrics()
        box = metrics.height() * 0.75
        for item, x, line in self._legend_places(metrics):
            mid = metrics.height() * (1.0 + 1.15 * line)
            if item.kind == "line":
                painter.setPen(QPen(item.colour, 2.5))
                painter.drawLine(QPointF(x, mid), QPointF(x + box * 1.6, mid))
                swatch = box * 1.6
            elif item.kind == "faint":  # the year before: both colours, faint
                for n, colour in enumerate((RECEIPTS, PAYMENTS)):
                    faint = QColor(colour)
                    faint.setAlpha(FAINT_ALPHA)
                    part = QRectF(x + n * box * 0.8, mid - box / 2, box * 0.8, box)
                    painter.fillRect(part, faint)
                swatch = box * 1.6
            else:
                painter.fillRect(QRectF(x, mid - box / 2, box, box), item.colour)
                swatch = box
            painter.setPen(INK)
            painter.drawText(QPointF(x + swatch + 6, mid + metrics.ascent() / 2 - 1), item.label)


# ---------------------------------------------------------------- income and spending


class IncomeSpendingChart(Chart):
    """Bars for what came in and went out each month, with the same months of the year before
    as faint bars behind (when given)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Income and spending by month", parent)
        self.setObjectName("incomeSpendingChart")
        self.months: list[MonthTotals] = []
        self.last_year: list[MonthTotals] = []

    def set_months(
        self, months: Sequence[MonthTotals], last_year: Sequence[MonthTotals] = ()
    ) -> None:
        self.months = list(months)
        self.last_year = list(last_year) if len(last_year) == len(months) else []
        values = [m.receipts.pence for m in self.months] + [m.payments.pence for m in self.months]
        values += [m.receipts.pence for m in self.last_year]
        values += [m.payments.pence for m in self.last_year]
        self.ticks = axis_ticks(min(values, default=0), max(values, default=0))
        self.legend = [LegendItem("Received", RECEIPTS), LegendItem("Paid out", PAYMENTS)]
        if self.last_year:
            self.legend.append(LegendItem("The year before", MUTED, "faint"))
        self.setAccessibleDescription(spending_summary(self.months, self.last_year))
        self.update()

    def has_data(self) -> bool:
        return any(m.receipts or m.payments for m in self.months)

    def _slot(self, plot: QRectF) -> float:
        return plot.width() / max(len(self.months), 1)

    def draw_plot(self, painter: QPainter, plot: QRectF) -> None:
        slot = self._slot(plot)
        bar = min(slot * 0.34, 28)
        zero = self.y_of(0, plot)
        for i, month in enumerate(self.months):
            middle = plot.left() + slot * (i + 0.5)
            pairs = ((month.receipts, RECEIPTS, -bar), (month.payments, PAYMENTS, 0.0))
            for n, (amount, colour, offset) in enumerate(pairs):
                if self.last_year:
                    before = (self.last_year[i].receipts, self.last_year[i].payments)[n]
                    faint = QColor(colour)
                    faint.setAlpha(FAINT_ALPHA)
                    top = self.y_of(before.pence, plot)
                    painter.fillRect(QRectF(middle + offset - 1.5, top, bar + 3, zero - top), faint)
                top = self.y_of(amount.pence, plot)
                painter.fillRect(QRectF(middle + offset, top, bar, zero - top), colour)
        self._draw_months(painter, plot, slot)

    def _draw_months(self, painter: QPainter, plot: QRectF, slot: float) -> None:
        metrics = painter.fontMetrics()
        every = 1 if slot >= metrics.horizontalAdvance("Mmm") + 6 else 3
        painter.setPen(MUTED)
        for i, month in enumerate(self.months):
            middle = plot.left() + slot * (i + 0.5)
            if i % every == 0:
                label = QRectF(
                    middle - slot * every / 2, plot.bottom() + 4, slot * every, metrics.height()
                )
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, f"{month.month:%b}")
            if i == 0 or month.month.month == 1:
                year = QRectF(
                    middle - 40, plot.bottom() + 4 + metrics.height(), 80, metrics.height()
                )
                painter.setPen(INK)
                painter.drawText(year, Qt.AlignmentFlag.AlignHCenter, f"{month.month:%Y}")
                painter.setPen(MUTED)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self.has_data():
            return
        plot = self.plot_rect()
        i = int((event.position().x() - plot.left()) // self._slot(plot))
        if 0 <= i < len(self.months) and plot.top() <= event.position().y() <= plot.bottom():
            month = self.months[i]
            lines = [
                _month(month.month),
                f"Received {month.receipts.format()}",
                f"Paid out {month.payments.format()}",
            ]
            if self.last_year:
                before = self.last_year[i]
                lines.append(
                    f"A year earlier: {before.receipts.format()} in, {before.payments.format()} out"
                )
            QToolTip.showText(event.globalPosition().toPoint(), "\n".join(lines), self)
        else:
            QToolTip.hideText()


# ---------------------------------------------------------------- balances over time


class BalanceChart(Chart):
    """A line for each account's balance and a heavier one for all of them together."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Balances over time", parent)
        self.setObjectName("balanceChart")
        self.series: BalanceSeries | None = None

    def set_series(self, series: BalanceSeries) -> None:
        self.series = series
        values = [b.pence for a in series.accounts for b in a.balances]
        values += [t.pence for t in series.totals] if series.accounts else []
        self.ticks = axis_ticks(min(values, default=0), max(values, default=0))
        self.legend = [
            LegendItem(a.name, self._colour(i), "line") for i, a in enumerate(series.accounts)
        ]
        if len(series.accounts) > 1:
            self.legend.append(LegendItem("All accounts", TOTAL, "line"))
        self.setAccessibleDescription(balance_summary(series))
        self.update()

    @staticmethod
    def _colour(i: int) -> QColor:
        return QColor(ACCOUNT_COLOURS[i % len(ACCOUNT_COLOURS)])

    def has_data(self) -> bool:
        return bool(self.series and self.series.accounts)

    def _x_of(self, i: int, plot: QRectF) -> float:
        count = len(self.series.dates) if self.series else 1
        return plot.left() + plot.width() * i / max(count - 1, 1)

    def draw_plot(self, painter: QPainter, plot: QRectF) -> None:
        assert self.series is not None
        lines = [(a.balances, self._colour(i), 2.0) for i, a in enumerate(self.series.accounts)]
        if len(self.series.accounts) > 1:
            lines.append((self.series.totals, TOTAL, 3.0))
        for balances, colour, width in lines:
            path = QPainterPath(QPointF(self._x_of(0, plot), self.y_of(balances[0].pence, plot)))
            for i, amount in enumerate(balances[1:], start=1):
                path.lineTo(self._x_of(i, plot), self.y_of(amount.pence, plot))
            painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(path)
        self._draw_dates(painter, plot)

    def _draw_dates(self, painter: QPainter, plot: QRectF) -> None:
        """Month names under month ends (years beneath each January), or dates for days."""
        assert self.series is not None
        metrics = painter.fontMetrics()
        dates = self.series.dates
        monthly = self.series.step == "month"
        sample = "Mmm" if monthly else "00 Mmm"
        room = plot.width() / max(len(dates) - 1, 1)
        every = 1
        while every * room < metrics.horizontalAdvance(sample) + 10:
            every = {1: 2, 2: 3, 3: 6, 6: 12}.get(every, every * 2)
        for i, on in enumerate(dates):
            if i % every:
                continue
            x = self._x_of(i, plot)
            painter.setPen(QPen(AXIS, 1))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            painter.setPen(MUTED)
            text = f"{on:%b}" if monthly else f"{on.day} {on:%b}"
            if monthly and every >= 12:  # years of books: name the years, not the months
                text = f"{on:%Y}"
            box = QRectF(x - 40, plot.bottom() + 4, 80, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, text)
            new_year = on.month == 1 and (monthly or on.day == 1)
            if every < 12 and (i == 0 or new_year):
                painter.setPen(INK)
                box = QRectF(x - 40, plot.bottom() + 4 + metrics.height(), 80, metrics.height())
                painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, f"{on:%Y}")

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self.has_data():
            return
        assert self.series is not None
        plot = self.plot_rect()
        count = len(self.series.dates)
        i = round((event.position().x() - plot.left()) / max(plot.width(), 1) * (count - 1))
        if 0 <= i < count:
            lines = [f"At {self.series.dates[i]:%d/%m/%Y}"]
            lines += [f"{a.name}: {a.balances[i].format()}" for a in self.series.accounts]
            if len(self.series.accounts) > 1:
                lines.append(f"All accounts: {self.series.totals[i].format()}")
            QToolTip.showText(event.globalPosition().toPoint(), "\n".join(lines), self)
