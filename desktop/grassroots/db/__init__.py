"""The store: engine and pragmas, declarative base, Alembic migrations and backups."""
