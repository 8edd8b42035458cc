"""Record a decision in the minutes, or change one: the motion as put, who proposed and
seconded it, the votes, and whether it was carried. Votes are optional: most small committees
agree by consent, and the minutes then say 'agreed' without numbers."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from grassroots.meetings.minutes import add_decision, change_decision
from grassroots.meetings.records import AgendaItemRow, DecisionInput, DecisionRow
from grassroots.people.choice import PersonChoice
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_problems
from grassroots.ui.widgets.person_field import PersonField

NO_COUNT = "—"


def _votes(name: str, spoken: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setAccessibleName(spoken)
    box.setRange(-1, 9999)
    box.setSpecialValueText(NO_COUNT)
    box.setValue(-1)
    return box


class DecisionDialog(SavingDialog):
    """A new decision under `item` (`decision` None), or a change to `decision`."""

    area = "meetings"  # saved gives the DecisionRow

    def __init__(
        self,
        ctx: AppContext,
        item: AgendaItemRow,
        people: tuple[PersonChoice, ...] = (),
        decision: DecisionRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.item, self.decision = ctx, item, decision
        self.setObjectName("decisionDialog")
        self.setWindowTitle("Change a decision" if decision else "Add a decision")
        self.motion = QPlainTextEdit()
        self.motion.setObjectName("decisionMotion")
        self.motion.setTabChangesFocus(True)
        self.motion.setPlaceholderText("e.g. That the hall's hire charge rises to £15 an hour")
        self.motion.setFixedHeight(int(self.fontMetrics().lineSpacing() * 3.6))
        self.proposer = PersonField(ctx.sessions)
        self.proposer.setObjectName("decisionProposer")
        self.seconder = PersonField(ctx.sessions)
        self.seconder.setObjectName("decisionSeconder")
        for field in (self.proposer, self.seconder):
            field.offer(people)
        self.votes_for = _votes("decisionFor", "Votes for")
        self.votes_against = _votes("decisionAgainst", "Votes against")
        self.votes_abstain = _votes("decisionAbstain", "Abstentions")
        votes = QHBoxLayout()
        for caption, box in (
            ("For", self.votes_for),
            ("Against", self.votes_against),
            ("Abstained", self.votes_abstain),
        ):
            label = QLabel(caption)
            label.setBuddy(box)
            votes.addWidget(label)
            votes.addWidget(box)
        votes.addStretch(1)
        votes_holder = QWidget()
        votes_holder.setLayout(votes)
        votes.setContentsMargins(0, 0, 0, 0)
        self.carried = QRadioButton("&Carried")
        self.carried.setObjectName("decisionCarried")
        self.lost = QRadioButton("&Not carried")
        self.lost.setObjectName("decisionLost")
        self.result = QButtonGroup(self)
        self.result.addButton(self.carried)
        self.result.addButton(self.lost)
        self.carried.setChecked(True)
        result = QHBoxLayout()
        result.setContentsMargins(0, 0, 0, 0)
        result.addWidget(self.carried)
        result.addWidget(self.lost)
        result.addStretch(1)
        result_holder = QWidget()
        result_holder.setLayout(result)
        result_holder.setAccessibleName("Result")
        for box in (self.votes_for, self.votes_against):
            box.valueChanged.connect(self._votes_changed)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "motion": add_field(form, "&Motion", self.motion),
            "proposer_id": add_field(form, "&Proposed by", self.proposer),
            "seconder_id": add_field(form, "&Seconded by", self.seconder),
            "votes": add_field(form, "&Votes", votes_holder),
            "carried": add_field(form, "&Result", result_holder),
        }
        self.frame(
            f"{'Change a' if decision else 'A'} decision under {item.position}. {item.title}",
            "Leave the votes at — when the meeting agreed without a count.",
            form,
            "&Save" if decision else "&Add decision",
            "decisionOk",
        )
        if decision is not None:
            self._fill(decision)
        self.motion.setFocus()

    def _fill(self, d: DecisionRow) -> None:
        self.motion.setPlainText(d.motion)
        self.proposer.set_person(d.proposer_id, d.proposer_name)
        self.seconder.set_person(d.seconder_id, d.seconder_name)
        for box, value in (
            (self.votes_for, d.votes_for),
            (self.votes_against, d.votes_against),
            (self.votes_abstain, d.votes_abstain),
        ):
            box.setValue(-1 if value is None else value)
        (self.carried if d.carried else self.lost).setChecked(True)

    def _votes_changed(self, _value: int) -> None:
        """Counted votes decide the result; the secretary can still change it."""
        votes_for, against = self.votes_for.value(), self.votes_against.value()
        if votes_for >= 0 and against >= 0:
            (self.carried if votes_for > against else self.lost).setChecked(True)

    def data(self) -> DecisionInput:
        def count(box: QSpinBox) -> int | None:
            return None if box.value() < 0 else box.value()

        return DecisionInput(
            motion=self.motion.toPlainText(),
            proposer_id=self.proposer.person_id(),
            seconder_id=self.seconder.person_id(),
            votes_for=count(self.votes_for),
            votes_against=count(self.votes_against),
            votes_abstain=count(self.votes_abstain),
            carried=self.carried.isChecked(),
        )

    def submit(self) -> None:
        problems = {
            "proposer_id": self.proposer.problem(),
            "seconder_id": self.seconder.problem(),
            "motion": ""
            if self.motion.toPlainText().strip()
            else ("Write the motion as it was put to the meeting"),
        }
        problems = {k: v for k, v in problems.items() if v}
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, data, decision = self.ctx.sessions, self.data(), self.decision
        item_id = self.item.id
        if decision is None:
            job = lambda: add_decision(sessions, item_id, data)  # noqa: E731
        else:
            job = lambda: change_decision(sessions, decision.id, data)  # noqa: E731
        self.run_save(job)

    def _failed(self, exc: Exception) -> None:
        """The three vote counts share one error line."""
        fields = getattr(exc, "fields", None)
        if fields:
            for name in ("votes_for", "votes_against", "votes_abstain"):
                if name in fields:
                    fields["votes"] = fields.pop(name)
        super()._failed(exc)
