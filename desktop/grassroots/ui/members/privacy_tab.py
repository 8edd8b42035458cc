"""The Privacy tab: everything held about the person (a subject access pack), and erasure."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from grassroots.ui.context import AppContext
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.outputs import PDF_FILTER, ask_save_path, dated_name, write_then_offer


class PrivacyTab(QWidget):
    erased = Signal()

    def __init__(self, ctx: AppContext, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.person_id, self.person_name = ctx, person_id, ""
        self.box: QWidget | None = None
        access = QGroupBox("Subject access")
        access_text = QLabel(
            "Anyone can ask what we hold about them; we must answer within one month. This "
            "saves everything held about this person — with why we hold it and for how long — "
            "as a PDF to send them, and the same as a JSON file."
        )
        access_text.setWordWrap(True)
        self.export_button = QPushButton("E&xport everything held…")
        self.export_button.setObjectName("export_everything")
        self.export_button.clicked.connect(self.export_everything)
        box = QVBoxLayout(access)
        box.addWidget(access_text)
        box.addLayout(_left(self.export_button))

        erase = QGroupBox("Erase")
        erase_text = QLabel(
            "Removes this person's name, contact details, notes and consent log for good. "
            "Payments stay in the accounts, as the law requires, but are anonymised."
        )
        erase_text.setWordWrap(True)
        self.erase_button = QPushButton("Erase this &person…")
        self.erase_button.setObjectName("erase_person")
        self.erase_button.clicked.connect(self.confirm_erase)
        box = QVBoxLayout(erase)
        box.addWidget(erase_text)
        box.addLayout(_left(self.erase_button))

        column = QVBoxLayout(self)
        column.addWidget(access)
        column.addWidget(erase)
        column.addStretch(1)

    def export_everything(self) -> None:
        name = dated_name(f"Everything held about {self.person_name}", ".pdf")
        path = ask_save_path(self, "Save subject access pack", name, PDF_FILTER)
        if path is None:
            return
        sessions, person_id = self.ctx.sessions, self.person_id

        def job() -> str:
            from grassroots.people.gdpr import subject_access

            pack = subject_access(sessions, person_id)
            json_path = path.with_suffix(".json")
            json_path.write_text(pack.to_json(), encoding="utf-8")
            from grassroots.members.documents import print_subject_access

            print_subject_access(sessions, person_id, path)
            return f"Saved {path.name} and {json_path.name}."

        write_then_offer(self.ctx, self, path, job, "Gathering everything held…", str)

    def confirm_erase(self) -> None:
        self.box = ask(
            self,
            "Erase this person",
            f"Erase {self.person_name}? This cannot be undone.",
            "Erase",
            self.erase,
            detail="Their name, address, contact details, notes and consent log are removed. "
            "Payments stay in the accounts, anonymised as “Erased person”, because the "
            "law requires financial records to be kept.",
        )

    def erase(self) -> None:
        from grassroots.people.gdpr import erase_person

        sessions, person_id = self.ctx.sessions, self.person_id

        def done(_r: object) -> None:
            self.ctx.events.changed.emit("members")
            self.erased.emit()

        self.ctx.tasks.run(lambda: erase_person(sessions, person_id), done, parent=self)


def _left(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row
