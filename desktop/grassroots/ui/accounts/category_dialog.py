"""Add or change a category of receipts or payments, under a heading of the year-end accounts.

The heading list follows the side chosen, so a payment can never land under a receipts
heading; the side is fixed once entries use the category, and only receipts may be flagged
for Gift Aid.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from grassroots.accounts import categories
from grassroots.accounts.categories import CategoryRow
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, frame_form, show_problems

SIDES = (("Receipts (money in)", "receipt"), ("Payments (money out)", "payment"))


class CategoryDialog(SavingDialog):
    """A new category (`category` None), offered under `direction` and `heading`, or one to
    change."""

    area = "accounts"  # `saved` gives the CategoryRow

    def __init__(
        self,
        ctx: AppContext,
        category: CategoryRow | None = None,
        direction: str = "receipt",
        heading: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.category = ctx, category
        self.setObjectName("categoryDialog")
        self.setWindowTitle("Change a category" if category else "Add a category")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._make_fields()
        title = set_role(
            QLabel(f"Change {category.name}" if category else "Add a category"), "heading"
        )
        explain = set_role(QLabel(self._explanation()), "muted")
        explain.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "name": add_field(form, "&Name", self.name),
            "direction": add_field(form, "&Side", self.side),
            "heading": add_field(form, "&Heading", self.heading),
            "gift_aid": add_field(form, "&Gift Aid", self.gift_aid),
        }
        ok_text = "&Save" if category else "&Add category"
        self.problem, self.buttons, self.ok = frame_form(
            self, title, explain, form, ok_text, "categoryOk", self.submit
        )
        self._fill(category, direction, heading)
        self.name.setFocus()

    def _make_fields(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("categoryName")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText("e.g. Coffee mornings, Cleaning")
        self.side = QComboBox()
        self.side.setObjectName("categorySide")
        for label, key in SIDES:
            self.side.addItem(label, key)
        self.heading = QComboBox()
        self.heading.setObjectName("categoryHeading")
        self.gift_aid = QCheckBox("Gifts in this category may be claimed for Gift Aid")
        self.gift_aid.setObjectName("categoryGiftAid")
        self.side.currentIndexChanged.connect(self._side_changed)

    def _explanation(self) -> str:
        text = (
            "The heading is the line of the year-end receipts and payments accounts the "
            "category is added into."
        )
        if self.category is not None and self.category.uses:
            count = self.category.uses
            text += (
                f" {count} entr{'y uses' if count == 1 else 'ies use'} it: a new name or "
                "heading applies to those too."
            )
        return text

    def _fill(self, category: CategoryRow | None, direction: str, heading: str) -> None:
        if category is not None:
            direction, heading = category.direction, category.heading
            self.name.setText(category.name)
            self.gift_aid.setChecked(category.gift_aid_eligible)
            if category.uses:
                self.side.setEnabled(False)
                self.side.setToolTip("Entries use this category, so its side stays")
        self.side.setCurrentIndex(max(self.side.findData(direction), 0))
        self._side_changed()
        index = self.heading.findData(heading)
        if index < 0 and heading:  # an old catch-all heading, kept until another is chosen
            self.heading.addItem(categories.heading_label(heading), heading)
            index = self.heading.count() - 1
        self.heading.setCurrentIndex(max(index, 0))

    def _side_changed(self, _index: int = 0) -> None:
        direction = self.side.currentData()
        chosen = self.heading.currentData()
        self.heading.clear()
        self.heading.addItem("Choose a heading…", "")
        for heading in categories.headings(direction):
            self.heading.addItem(heading.label, heading.key)
        self.heading.setCurrentIndex(max(self.heading.findData(chosen), 0))
        receipts = direction == "receipt"
        self.gift_aid.setEnabled(receipts)
        if not receipts:
            self.gift_aid.setChecked(False)

    # ------------------------------------------------------------ saving
    def submit(self) -> None:
        problems = {}
        if not self.name.text().strip():
            problems["name"] = "Give the category a name"
        if not self.heading.currentData():
            problems["heading"] = "Choose the heading it goes under in the accounts"
        show_problems(self.errors, problems)
        if problems:
            return
        self.run_save(self._job())

    def _job(self):
        sessions, category = self.ctx.sessions, self.category
        name, direction = self.name.text(), self.side.currentData()
        heading, gift_aid = self.heading.currentData(), self.gift_aid.isChecked()
        if category is None:
            return lambda: categories.add_category(sessions, name, direction, heading, gift_aid)
        return lambda: categories.change_category(
            sessions, category.id, name, heading, gift_aid, direction
        )
