"""Grassroots: offline records for small volunteer-run community groups."""

__version__ = "0.1.0"
APP_NAME = "Grassroots"
