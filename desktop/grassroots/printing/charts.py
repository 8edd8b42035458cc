"""Charts for printed documents, drawn with reportlab.graphics in the house style: what came in
and went out each month, as paired bars with £ on the axis and a legend.

Built from plain data (month and pence), like every document, and in the same colours as the
charts on screen (the Okabe-Ito blue and orange, told apart by colour-blind readers and still
distinct when photocopied in grey, since the blue prints darker).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from grassroots.core.scales import nice_step, pounds_label
from grassroots.printing.fonts import REGULAR, register_fonts
from grassroots.printing.styles import INK, MUTED, RULE

RECEIPTS = colors.HexColor("#0072B2")
PAYMENTS = colors.HexColor("#E69F00")
GRID = colors.HexColor("#E6EBEE")


@dataclass(frozen=True)
class MonthBar:
    """One month's receipts and payments, both positive, in pence."""

    month: date  # the first day of the month
    received: int
    paid: int


def _axis_label(step: int):
    """ReportLab hands the axis values over as floats; they are whole pence on `step`."""

    def label(value: float) -> str:
        return pounds_label(round(value), step)

    return label


def month_chart(months: Sequence[MonthBar], width: float, height: float) -> Drawing:
    """Paired bars, received and paid out, for each month; a legend above, £ on the left."""
    register_fonts()
    drawing = Drawing(width, height)
    top = max([1, *(m.received for m in months), *(m.paid for m in months)])
    step = max(100, nice_step(top))  # whole pounds on paper
    chart = VerticalBarChart()
    chart.x, chart.y = 44, 30
    chart.width, chart.height = width - chart.x - 6, height - chart.y - 26
    chart.data = [[m.received for m in months], [m.paid for m in months]]
    chart.strokeColor = None
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = RECEIPTS
    chart.bars[1].fillColor = PAYMENTS
    # Proportions, scaled to fit: two bars of 10 and a gap of 12 between months.
    chart.barWidth, chart.barSpacing, chart.groupSpacing = 10, 1, 12
    value = chart.valueAxis
    value.valueMin, value.valueMax, value.valueStep = 0, -(-top // step) * step, step
    value.labelTextFormat = _axis_label(step)
    value.labels.fontName, value.labels.fontSize = REGULAR, 7.5
    value.labels.fillColor = MUTED
    value.strokeColor = None
    value.visibleGrid = True
    value.gridStrokeColor = GRID
    value.gridStrokeWidth = 0.6
    category = chart.categoryAxis
    category.categoryNames = [
        f"{m.month:%b}\n{m.month:%Y}" if i == 0 or m.month.month == 1 else f"{m.month:%b}"
        for i, m in enumerate(months)
    ]
    category.labels.fontName, category.labels.fontSize = REGULAR, 7.5
    category.labels.fillColor = MUTED
    category.labels.dy = -3
    category.labels.leading = 9
    category.strokeColor = RULE
    category.tickDown = 0
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = chart.x, height - 6
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.dx = legend.dy = 7
    legend.fontName, legend.fontSize = REGULAR, 8
    legend.fillColor = INK
    legend.strokeColor = None
    legend.colorNamePairs = [(RECEIPTS, "Received"), (PAYMENTS, "Paid out")]
    drawing.add(legend)
    if not any(m.received or m.paid for m in months):
        drawing.add(
            String(
                width / 2,
                height / 2,
                "Nothing received or paid out",
                textAnchor="middle",
                fontName=REGULAR,
                fontSize=9,
                fillColor=MUTED,
            )
        )
    return drawing
