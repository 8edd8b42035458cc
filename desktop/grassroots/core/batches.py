"""Helpers for bulk work: batches a single query can take, and a quiet collector.

A query like `WHERE id IN (...)` sends one bound variable per value. SQLite refuses a
statement with more variables than SQLITE_MAX_VARIABLE_NUMBER, which was 999 before SQLite
3.32 and is still that low in some builds Python ships with; a group's whole register can be
thousands of ids. Batches of IN_LIST_SIZE stay under that limit with room left for the few
other variables the same query binds.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

IN_LIST_SIZE = 900  # values per IN (...) list: under SQLite's oldest limit of 999 variables


def chunks(items: Sequence[T], size: int = IN_LIST_SIZE) -> Iterator[Sequence[T]]:
    """`items` in order, `size` at a time; nothing at all for an empty sequence."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


@contextmanager
def garbage_collection_paused() -> Iterator[None]:
    """Hold off Python's cycle collector during one bulk job (an import of thousands of rows).

    Such a job makes hundreds of thousands of small tuples and dicts and no reference cycles;
    the collector would walk them again and again (about a third of a 10,000-row import) for
    nothing. Collection resumes, and catches up, when the job ends, even if it fails.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
