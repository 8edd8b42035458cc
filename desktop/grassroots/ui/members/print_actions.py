"""The members page's Print menu and Export: what is printed follows the list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from grassroots.ui.context import AppContext
from grassroots.ui.widgets.outputs import (
    PDF_FILTER,
    SHEET_FILTER,
    ask_save_path,
    dated_name,
    write_then_offer,
)

# (kind, menu text, file name stem, documents function, takes large print)
DOCUMENTS = (
    ("register", "&Register of members", "Register of members", "print_register", True),
    ("labels", "Address &labels", "Address labels", "print_labels", False),
    ("cards", "Membership &cards", "Membership cards", "print_cards", False),
    ("reminders", "Renewal reminder le&tters", "Renewal reminders", "print_reminders", True),
)


class PrintActions:
    """The Print menu and Export of the members page. What is printed follows the list: the
    selected rows when the context menu asks, otherwise the list's filter."""

    def __init__(self, ctx: AppContext, page: Any):
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QMenu

        self.ctx, self.page = ctx, page
        self.menu = QMenu("Print", page)
        self.menu.setObjectName("printMenu")
        self.actions: dict[str, QAction] = {}
        for kind, text, _stem, _fn, _large in DOCUMENTS:
            action = self.menu.addAction(f"{text}…")
            action.triggered.connect(lambda _c=False, k=kind: self.print(k))
            self.actions[kind] = action
        self.menu.addSeparator()
        self.large_print = self.menu.addAction("Lar&ge print")
        self.large_print.setCheckable(True)
        self.large_print.setToolTip("Bigger type for the register and reminder letters")
        self.per_household = self.menu.addAction("One label per &household")
        self.per_household.setCheckable(True)
        self.per_household.setChecked(True)
        self.per_household.setToolTip(
            "People of one household at one address share a label, e.g. “Mr C Allen & "
            "Dr J Allen”; untick for a label for each person"
        )

    def spec(self, kind: str, rows: list | None = None):
        from dataclasses import replace

        from grassroots.members.records import MemberStatus

        if rows:
            return replace(
                self.page.query(),
                person_ids=tuple(r.person_id for r in rows),
                text="",
                status=None,
                type_id=None,
                members_only=False,
            )
        query = self.page.query()
        if kind == "reminders" and query.status not in (MemberStatus.DUE, MemberStatus.LAPSED):
            return None  # the letters' own choice: everyone due for renewal
        if kind in ("register", "cards") and query.status is None:
            return replace(query, members_only=True)
        return query

    def print(self, kind: str, rows: list | None = None) -> Path | None:
        _kind, _text, stem, function, large = next(d for d in DOCUMENTS if d[0] == kind)
        path = ask_save_path(
            self.page, f"Save {stem.lower()}", dated_name(stem, ".pdf"), PDF_FILTER
        )
        if path is None:
            return None
        sessions, spec = self.ctx.sessions, self.spec(kind, rows)
        extra: dict[str, bool] = {"large_print": self.large_print.isChecked()} if large else {}
        if kind == "labels":
            extra["one_per_household"] = self.per_household.isChecked()

        def job() -> int:
            from grassroots.members import documents

            return getattr(documents, function)(sessions, path, spec, **extra)

        def said(count: int) -> str:
            if not count:
                return f"Saved {path.name}. There was nobody to include, so it says so."
            return f"Saved {path.name} ({count:,} {'entry' if count == 1 else 'entries'})."

        write_then_offer(self.ctx, self.page, path, job, f"Making the {stem.lower()}…", said)
        return path

    def export(self, rows: list | None = None) -> Path | None:
        path = ask_save_path(
            self.page,
            "Export people and members",
            dated_name("People and members", ".csv"),
            SHEET_FILTER,
        )
        if path is None:
            return None
        sessions = self.ctx.sessions
        spec = self.spec("export", rows)

        def job() -> int:
            from grassroots.members.exporters import export_members

            return export_members(sessions, path, spec)

        def said(count: int) -> str:
            return f"Saved {count:,} {'person' if count == 1 else 'people'} to {path.name}."

        write_then_offer(self.ctx, self.page, path, job, "Exporting…", said)
        return path
