"""The meeting page's Print menu: the notice and agenda, the minutes (as a PDF to sign, or a
Word document to edit), the sign-in sheet for the door, and for an AGM the whole pack."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from grassroots.meetings import documents
from grassroots.meetings.records import MeetingDetail
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.outputs import PDF_FILTER, ask_save_path, write_then_offer

WORD_FILTER = "Word document (*.docx)"

# key: (menu text, file name stem, suffix, filter)
DOCUMENTS = {
    "agenda": ("Notice and &agenda…", "Agenda", ".pdf", PDF_FILTER),
    "minutes": ("&Minutes…", "Minutes", ".pdf", PDF_FILTER),
    "minutes_docx": ("Minutes to &edit (Word)…", "Minutes", ".docx", WORD_FILTER),
    "sign_in": ("&Sign-in sheet…", "Sign-in sheet", ".pdf", PDF_FILTER),
    "agm_pack": ("AGM &pack…", "AGM pack", ".pdf", PDF_FILTER),
}


def file_name(meeting: MeetingDetail, stem: str, suffix: str) -> str:
    """'Minutes, Committee meeting 10-03-2026.pdf' ('/' cannot go in a file name)."""
    return f"{stem}, {meeting.title} {meeting.on:%d-%m-%Y}{suffix}".replace("/", "-")


def write(sessions, key: str, meeting_id: int, path: Path):
    """The documents function behind each menu entry."""
    if key == "agenda":
        return documents.print_agenda(sessions, meeting_id, path)
    if key in ("minutes", "minutes_docx"):
        return documents.print_minutes(sessions, meeting_id, path)
    if key == "sign_in":
        return documents.print_sign_in(sessions, meeting_id, path)
    return documents.print_agm_pack(sessions, meeting_id, path)


def done_text(key: str, path: Path):
    def text(result) -> str:
        if key == "agm_pack":
            return f"Saved {path.name}, with " + ", ".join(result) + "."
        return f"Saved {path.name}."

    return text


class PrintMenu(QMenu):
    """Built once per page; `show_meeting` says which meeting (and whether it is an AGM)."""

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__("Print", parent)
        self.ctx = ctx
        self.setObjectName("meetingPrintMenu")
        self.meeting: MeetingDetail | None = None
        self.entries: dict[str, QAction] = {}
        for key, (text, *_rest) in DOCUMENTS.items():
            if key == "sign_in":
                self.addSeparator()
            action = self.addAction(text)
            action.triggered.connect(lambda _c=False, k=key: self.save(k))
            self.entries[key] = action

    def show_meeting(self, meeting: MeetingDetail) -> None:
        self.meeting = meeting
        self.entries["agm_pack"].setVisible(meeting.kind == "agm")
        draft = "" if meeting.locked else " (draft until signed)"
        self.entries["minutes"].setText(f"&Minutes{draft}…")

    def save(self, key: str, path: Path | None = None) -> None:
        """Ask where (unless `path` is given), then write in the background and offer to
        open the file."""
        meeting = self.meeting
        if meeting is None:
            return
        parent = self.parentWidget()
        _text, stem, suffix, filters = DOCUMENTS[key]
        if path is None:
            path = ask_save_path(
                parent, f"Save the {stem.lower()}", file_name(meeting, stem, suffix), filters
            )
            if path is None:
                return
        sessions, meeting_id = self.ctx.sessions, meeting.id
        write_then_offer(
            self.ctx,
            parent,
            path,
            lambda: write(sessions, key, meeting_id, path),
            label=f"Writing the {stem.lower()}…",
            done_text=done_text(key, path),
        )
