"""Record an action in the minutes, or change one: what is to be done, by whom, and by when."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from grassroots.meetings.actions import add_action, change_action
from grassroots.meetings.records import ActionInput, ActionRow, TrackedAction
from grassroots.people.choice import PersonChoice
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_problems
from grassroots.ui.widgets.person_field import PersonField


class ActionDialog(SavingDialog):
    """A new action under agenda item `item_id` (`action` None), or a change to `action`
    (from the minutes, or from the action tracker)."""

    area = "meetings"  # saved gives the ActionRow

    def __init__(
        self,
        ctx: AppContext,
        item_id: int | None,
        people: tuple[PersonChoice, ...] = (),
        action: ActionRow | TrackedAction | None = None,
        parent: QWidget | None = None,
        explain: str = "",
    ):
        super().__init__(parent)
        self.ctx, self.item_id, self.action = ctx, item_id, action
        self.setObjectName("actionDialog")
        self.setWindowTitle("Change an action" if action else "Add an action")
        self.what = QLineEdit()
        self.what.setObjectName("actionWhat")
        self.what.setMaxLength(500)
        self.what.setPlaceholderText("e.g. Get three quotes for the roof repair")
        self.owner = PersonField(ctx.sessions)
        self.owner.setObjectName("actionOwner")
        self.owner.offer(people)
        self.due_on = DateEdit()
        self.due_on.setObjectName("actionDue")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "what": add_field(form, "&What", self.what),
            "owner_id": add_field(form, "&Who", self.owner),
            "due_on": add_field(form, "&By when", self.due_on),
        }
        self.frame(
            "Change the action" if action else "Add an action",
            explain
            or "Until it is done, the action is carried into the next meeting's matters "
            "arising and shown in the action tracker.",
            form,
            "&Save" if action else "&Add action",
            "actionOk",
        )
        if action is not None:
            self.what.setText(action.what)
            self.owner.set_person(action.owner_id, action.owner_name)
            self.due_on.set_date(action.due_on)
        self.what.setFocus()

    def data(self) -> ActionInput:
        return ActionInput(self.what.text(), self.owner.person_id(), self.due_on.date())

    def submit(self) -> None:
        problems = {"owner_id": self.owner.problem(), "due_on": self.due_on.problem()}
        if not self.what.text().strip():
            problems["what"] = "Say what is to be done"
        problems = {k: v for k, v in problems.items() if v}
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, data, action, item_id = self.ctx.sessions, self.data(), self.action, self.item_id
        if action is None:
            job = lambda: add_action(sessions, item_id, data)  # noqa: E731
        else:
            job = lambda: change_action(sessions, action.id, data)  # noqa: E731
        self.run_save(job)
