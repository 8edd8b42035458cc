"""Bookings UI fixtures: the hall from tests/bookings on the UI's database."""

from __future__ import annotations

from tests.bookings.conftest import hall  # noqa: F401  (the fixture, shared)
