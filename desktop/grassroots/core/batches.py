"""Splitting a long list of ids or keys into batches a single query can take.

A query like `WHERE id IN (...)` sends one bound variable per value. SQLite refuses a
statement with more variables than SQLITE_MAX_VARIABLE_NUMBER, which was 999 before SQLite
3.32 and is still that low in some builds Python ships with; a group's whole register can be
thousands of ids. Batches of IN_LIST_SIZE stay under that limit with room left for the few
other variables the same query binds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

IN_LIST_SIZE = 900  # values per IN (...) list: under SQLite's oldest limit of 999 variables


def chunks(items: Sequence[T], size: int = IN_LIST_SIZE) -> Iterator[Sequence[T]]:
    """`items` in order, `size` at a time; nothing at all for an empty sequence."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
