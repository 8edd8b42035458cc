"""Icons drawn for Grassroots (resources/icons/*.svg), scaled crisply at any screen density."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from grassroots.settings import resources_dir


@cache
def icon(name: str) -> QIcon:
    """The icon called `name` (e.g. "home"); an empty icon if the file is missing, never an
    error, so a packaging slip costs a picture and not the app."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
