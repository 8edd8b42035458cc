"""Printing results and problems: problems go to stderr, one per line, so scripts can read them."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from grassroots.core.errors import ValidationError


def problem(*lines: str) -> int:
    """Print each problem on its own line to stderr; the exit code for data errors."""
    for line in lines:
        print(line, file=sys.stderr)
    return 1


def field_problems(error: ValidationError) -> list[str]:
    return [f"{_label(name)}: {reason}" for name, reason in error.fields.items()]


def _label(field: str) -> str:
    return field.replace("_", " ").capitalize()


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: set[int]) -> list[str]:
    """Columns padded to their widest cell; columns in `right` (numbers) align right."""
    rows = [list(row) for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return [line(headers), rule, *(line(row) for row in rows)]
