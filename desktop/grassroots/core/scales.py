"""Round steps for the money axis of a chart, shared by the charts on screen and on paper: a
step of 1, 2 or 5 times a power of ten pence, ticks on those steps, and labels in pounds.
Everything stays in whole pence; a float never touches money."""

from __future__ import annotations

from grassroots.core.money import Money


def nice_step(span: int, most: int = 5) -> int:
    """A step of 1, 2 or 5 times a power of ten (in pence) giving at most `most` gaps."""
    span = max(span, 100)
    step = 1
    while True:
        for factor in (1, 2, 5):
            if span / (step * factor) <= most:
                return step * factor
        step *= 10


def axis_ticks(low: int, high: int, most: int = 5) -> list[int]:
    """Round values (pence) from at or below `low` to at or above `high`, always taking in 0."""
    low, high = min(low, 0), max(high, 0)
    step = nice_step(high - low, most)
    ticks = [(low // step) * step]
    while ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def pounds_label(pence: int, step: int) -> str:
    """'£12,000', '-£500'; pence only when the steps are smaller than a pound."""
    text = f"£{abs(pence) // 100:,}" if step % 100 == 0 else Money(abs(pence)).format()
    return f"-{text}" if pence < 0 else text
