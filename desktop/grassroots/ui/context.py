"""What every page is given: the services' session factory, the paths, the task runner, and a
signal to say that data changed so other pages can refresh."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from grassroots.group.service import GroupSettings, get_settings
from grassroots.settings import Paths
from grassroots.ui.tasks import Tasks


class Events(QObject):
    """Application-wide news. `changed(area)` after any write, e.g. "members" or "settings"."""

    changed = Signal(str)


@dataclass
class AppContext:
    sessions: Any  # the session factory that every service takes; never used here directly
    paths: Paths
    tasks: Tasks
    events: Events

    def settings(self) -> GroupSettings:
        return get_settings(self.sessions)
