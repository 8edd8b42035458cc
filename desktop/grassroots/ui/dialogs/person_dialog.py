"""A person's record: details (checked as you type), and for an existing person the tabs for
membership, consent, household and privacy.

A new person is checked against the list before saving; a likely duplicate is shown with the
choice to open the existing record, merge into it, or save anyway. Merging from "Add member"
keeps the membership typed alongside: the kept record joins with it, or, if it already has a
membership (a person has only one), the user is told so and offered a renewal instead.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from grassroots.members.records import MembershipDetail, PaymentInput
from grassroots.people.records import DuplicateMatch, PersonDetail, PersonInput
from grassroots.ui.context import AppContext
from grassroots.ui.members.person_form import PersonForm, summary
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import ERROR_COLOUR, FieldError, add_field
from grassroots.ui.widgets.money_edit import MoneyEdit


class JoinBox(QGroupBox):
    """Membership details for 'Add member': the person and membership are saved together."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__("Membership", parent)
        from grassroots.members.models import PAYMENT_METHODS
        from grassroots.members.service import list_types

        self.types = list_types(ctx.sessions)
        self.type = QComboBox()
        self.type.setObjectName("join_type")
        for kind in self.types:
            self.type.addItem(f"{kind.name} — {kind.fee.format()}", kind.id)
        self.joined_on = DateEdit(required=True)
        self.joined_on.set_date(date.today())
        self.joined_on.setMaximumWidth(140)
        self.amount = MoneyEdit()
        self.amount.setObjectName("join_amount")
        self.amount.setMaximumWidth(140)
        self.method = QComboBox()
        for method in PAYMENT_METHODS:
            self.method.addItem(method.capitalize(), method)
        self.gift_aid = QCheckBox("Gift Aid declared")
        self.type.setMaximumWidth(360)
        self.method.setMaximumWidth(220)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_field(form, "T&ype", self.type, with_error=False)
        self.joined_error = add_field(form, "&Joined on", self.joined_on)
        self.amount_error = add_field(form, "Amount &paid", self.amount)
        add_field(form, "Paid b&y", self.method, with_error=False)
        add_field(form, "", self.gift_aid, with_error=False)
        self.type.currentIndexChanged.connect(self._fee)
        self._fee()

    def _fee(self) -> None:
        kind = next((t for t in self.types if t.id == self.type.currentData()), None)
        if kind is not None:
            self.amount.set_value(kind.fee)

    def valid(self) -> bool:
        self.joined_error.show_error(self.joined_on.problem())
        self.amount_error.show_error(self.amount.problem())
        has_type = self.type.currentData() is not None
        return has_type and self.joined_on.is_valid() and self.amount.is_valid()

    def type_id(self) -> int | None:
        return self.type.currentData()

    def payment(self) -> PaymentInput:
        return PaymentInput(
            paid_on=self.joined_on.date() or date.today(),
            amount=self.amount.value() or self.types[0].fee,
            method=self.method.currentData(),
            gift_aid=self.gift_aid.isChecked(),
        )


class DuplicateWarning(QFrame):
    """Shown above the form when a new person looks like someone already on the list."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#duplicateWarning { background: #fff8e1; border: 1px solid #e0c36c;"
            " border-radius: 6px; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton("&Open the existing record")
        self.merge_button = QPushButton("&Merge into it…")
        self.save_button = QPushButton("Save &anyway")
        for button, name in (
            (self.open_button, "open_existing"),
            (self.merge_button, "merge_existing"),
            (self.save_button, "save_anyway"),
        ):
            button.setObjectName(name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.addWidget(self.text)
        column.addLayout(buttons)
        self.matches: list[DuplicateMatch] = []
        self.hide()

    def show_matches(self, matches: list[DuplicateMatch]) -> None:
        self.matches = matches
        first = matches[0]
        others = f" (and {len(matches) - 1} more)" if len(matches) > 1 else ""
        self.text.setText(
            f"This looks like someone already on the list: {first.name}, {first.reason}"
            f"{others}. Is it the same person?"
        )
        self.show()
        self.open_button.setFocus()


class PersonDialog(QDialog):
    """Add or edit one person. `saved(person_id)` after a save; `open_requested(person_id)`
    when the user chooses to open an existing record instead."""

    saved = Signal(int)
    open_requested = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        person_id: int | None = None,
        as_member: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person_id
        self.person: PersonDetail | None = None
        self.child: QWidget | None = None
        self.setObjectName("personDialog")
        self.form = PersonForm()
        self.join_box = JoinBox(ctx) if as_member and person_id is None else None
        self.duplicates = DuplicateWarning()
        self.hint = QLabel()
        self.hint.setObjectName("saveHint")
        self.problem = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.duplicates.open_button.clicked.connect(self._open_existing)
        self.duplicates.merge_button.clicked.connect(self._merge_existing)
        if self.join_box is not None:
            self.duplicates.merge_button.setToolTip(
                "Merge these details into the existing record, then make them a member "
                "with the membership details below"
            )
        self.duplicates.save_button.clicked.connect(lambda: self.submit(check_duplicates=False))
        self.form.validity_changed.connect(self._update)
        self.form.edited.connect(self._update)
        self.form.edited.connect(self.duplicates.hide)
        self.tabs: QTabWidget | None = None
        self.heading = QLabel()
        self.heading.setObjectName("personHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel()
        self.subheading.setObjectName("personSubheading")
        self.subheading.setStyleSheet("color: palette(placeholder-text);")
        self._layout()
        if person_id is not None:
            self._load()
            ctx.events.changed.connect(self._data_changed)
        else:
            self.setWindowTitle("Add member" if self.join_box else "Add person")
        self._update()
        self.form.first_name_edit().setFocus()

    def _layout(self) -> None:
        details = QWidget()
        column = QVBoxLayout(details)
        column.addWidget(self.form)
        if self.join_box is not None:
            column.addWidget(self.join_box)
        column.addStretch(1)
        footer = QHBoxLayout()
        footer.addWidget(self.hint, 1)
        footer.addWidget(self.buttons)
        outer = QVBoxLayout(self)
        if self.person_id is not None:
            outer.addWidget(self.heading)
            outer.addWidget(self.subheading)
            outer.addSpacing(4)
        outer.addWidget(self.duplicates)
        if self.person_id is None:
            outer.addWidget(details, 1)
        else:
            from grassroots.ui.members.consent_tab import ConsentTab
            from grassroots.ui.members.gift_aid_tab import GiftAidTab
            from grassroots.ui.members.household_tab import HouseholdTab
            from grassroots.ui.members.membership_tab import MembershipTab
            from grassroots.ui.members.privacy_tab import PrivacyTab

            pid = self.person_id
            self.membership = MembershipTab(self.ctx, pid)
            self.consents = ConsentTab(self.ctx, pid)
            self.household = HouseholdTab(self.ctx, pid)
            self.privacy = PrivacyTab(self.ctx, pid)
            self.gift_aid = GiftAidTab(self.ctx, pid)
            self.privacy.erased.connect(self.accept)
            self.tabs = QTabWidget()
            self.tabs.setObjectName("personTabs")
            self.tabs.setAccessibleName("Parts of this person's record")
            self.tabs.addTab(details, "&Details")
            self.tabs.addTab(self.membership, "Mem&bership")
            self.tabs.addTab(self.consents, "&Consent log")
            self.tabs.addTab(self.household, "House&hold")
            self.tabs.addTab(self.gift_aid, "&Gift Aid")
            self.tabs.addTab(self.privacy, "Pri&vacy")
            outer.addWidget(self.tabs, 1)
        outer.addWidget(self.problem)
        outer.addLayout(footer)

    # ------------------------------------------------------------ loading
    def _load(self) -> None:
        from grassroots.people.service import get_person

        assert self.person_id is not None
        self.person = get_person(self.ctx.sessions, self.person_id)
        self.setWindowTitle(self.person.display_name or "Person")
        self.form.set_data(self.person.as_input())
        self._load_tabs()

    def _load_tabs(self) -> None:
        person = self.person
        if person is None:
            return
        name = person.display_name
        self.membership.load(name)
        self.consents.show_entries(name, person.consents)
        self.household.load(person)
        self.privacy.person_name = name
        self.heading.setText(person.full_name or name)
        detail = self.membership.detail
        if detail is None:
            self.subheading.setText("Not a member")
        else:
            from grassroots.core.dates import format_date

            paid = format_date(detail.expires_on) or "never expires"
            self.subheading.setText(
                f"Member no. {detail.number} · {detail.type.name} · {detail.status.label}"
                f" · paid up to {paid}"
            )

    def _data_changed(self, area: str) -> None:
        """Another write landed (a renewal, a consent): refresh the tabs, keep typed edits."""
        if area != "members" or self.person_id is None or not self.isVisible():
            return
        from grassroots.core.errors import NotFound
        from grassroots.people.service import get_person

        try:
            self.person = get_person(self.ctx.sessions, self.person_id)
        except NotFound:
            self.reject()
            return
        if self.person.erased:
            return
        self._load_tabs()

    # ------------------------------------------------------------ saving
    def _update(self) -> None:
        valid = self.form.valid
        self.save_button.setEnabled(valid)
        problems = self.form.problems()
        self.hint.setText(summary(problems))
        only_name = set(problems) == {"last_name"} and not self.form.touched("last_name")
        self.hint.setStyleSheet(
            "color: palette(placeholder-text);" if only_name else f"color: {ERROR_COLOUR};"
        )

    def submit(self, check_duplicates: bool = True) -> None:
        if not self.form.check():
            self.form.show_all_errors()
            return
        if self.join_box is not None and not self.join_box.valid():
            return
        data = self.form.data()
        if self.person_id is None and check_duplicates:
            from grassroots.people.service import find_duplicates

            matches = find_duplicates(self.ctx.sessions, data)
            if matches:
                self.duplicates.show_matches(matches)
                return
        self.duplicates.hide()
        self.save_button.setEnabled(False)
        self.ctx.tasks.run(self._job(data), self._saved, self._failed, parent=self)

    def _job(self, data: PersonInput):
        from grassroots.members.service import add_member
        from grassroots.people.service import add_person, update_person

        sessions, person_id = self.ctx.sessions, self.person_id
        if person_id is not None:
            return lambda: update_person(sessions, person_id, data).id
        if self.join_box is not None:
            type_id, payment = self.join_box.type.currentData(), self.join_box.payment()
            joined = payment.paid_on
            return lambda: add_member(sessions, data, type_id, joined, payment).person_id
        return lambda: add_person(sessions, data).id

    def _saved(self, person_id: int) -> None:
        self.ctx.events.changed.emit("members")
        self.saved.emit(person_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        from grassroots.core.errors import GrassrootsError, ValidationError

        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.form.show_all_errors(exc.fields)
            unknown = [m for k, m in exc.fields.items() if k not in self.form.errors]
            self.problem.show_error(" ".join(unknown))
        elif isinstance(exc, GrassrootsError):
            self.problem.show_error(str(exc))
        else:
            self.ctx.tasks.report(exc, parent=self)

    # ------------------------------------------------------------ duplicates
    def _open_existing(self) -> None:
        match = self.duplicates.matches[0]
        self.open_requested.emit(match.person_id)
        self.reject()

    def _merge_existing(self) -> None:
        from grassroots.ui.dialogs.merge_dialog import MergeDialog

        if self.join_box is not None and not self.join_box.valid():
            return  # the membership typed below must be right before anything is merged
        match = self.duplicates.matches[0]
        dialog = MergeDialog(self.ctx, match.person_id, pending=self.form.data(), parent=self)
        dialog.merged.connect(self._merged)
        dialog.open()
        self.child = dialog

    def _merged(self, person_id: int) -> None:
        if self.join_box is None:
            self.saved.emit(person_id)
            self.accept()
            return
        self._join_after_merge(person_id)

    def _join_after_merge(self, person_id: int) -> None:
        """Make the kept record a member with what was typed, unless it already is one."""
        from grassroots.members.service import join, membership_of

        assert self.join_box is not None
        sessions, type_id, payment = (
            self.ctx.sessions,
            self.join_box.type_id(),
            self.join_box.payment(),
        )

        def job() -> tuple[MembershipDetail, bool]:
            current = membership_of(sessions, person_id)
            if current is not None:
                return current, False
            return join(sessions, person_id, type_id, payment.paid_on, payment), True

        self.ctx.tasks.run(
            job,
            lambda result: self._after_merge(person_id, *result),
            self._failed,
            label="Adding the membership…",
            parent=self,
        )

    def _after_merge(self, person_id: int, detail: MembershipDetail, joined: bool) -> None:
        self.ctx.events.changed.emit("members")
        self.saved.emit(person_id)
        if joined:
            self.accept()
        else:
            self.child = self._offer_renewal(detail)

    def _offer_renewal(self, detail: MembershipDetail) -> QMessageBox:
        """Say plainly that the typed membership was not added, and offer Renew instead."""
        from grassroots.core.dates import format_date

        paid = format_date(detail.expires_on) or "never expires"
        box = QMessageBox(QMessageBox.Icon.Information, "Already a member", "", parent=self)
        box.setObjectName("alreadyMemberBox")
        box.setText(
            f"The details were merged into {detail.person_name}'s record. "
            f"{detail.person_name} is already a member, so the new membership was not added."
        )
        box.setInformativeText(
            f"Member no. {detail.number}, {detail.type.name}, {detail.status.label.lower()}, "
            f"paid up to {paid}. To record the payment you typed, renew their membership."
        )
        renew = box.addButton("&Renew…", QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton("&Not now", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(renew)
        box.setEscapeButton(later)
        box.setProperty("renew_button", renew)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            if box.clickedButton() is renew:
                self.child = self._renew(detail)
            else:
                self.accept()

        box.finished.connect(answered)
        box.open()
        return box

    def _renew(self, detail: MembershipDetail) -> QDialog:
        """The Renew dialog for the existing membership, filled in with the payment typed."""
        from grassroots.ui.dialogs.membership_dialog import MembershipDialog, Mode
        from grassroots.ui.members.membership_tab import as_row

        assert self.join_box is not None
        dialog = MembershipDialog(self.ctx, Mode.RENEW, members=[as_row(detail)], parent=self)
        payment = self.join_box.payment()
        dialog.on_date.set_date(payment.paid_on)
        dialog.method.setCurrentIndex(max(dialog.method.findData(payment.method), 0))
        dialog.gift_aid.setChecked(payment.gift_aid)
        if self.join_box.type_id() == detail.type.id:
            dialog.amount.set_value(payment.amount)  # another type's fee would be wrong here
        dialog.finished.connect(lambda _result: self.accept())
        dialog.open()
        return dialog
