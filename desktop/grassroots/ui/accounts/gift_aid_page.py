"""The Gift Aid tab of the Accounts area: what can be claimed, what needs putting right first,
making a claim (HMRC's schedule spreadsheet), the claims made and HMRC's repayments, and the
small donations scheme (GASDS) for a tax year.

Everything is read from the books in one background job, so a group with years of donations
never freezes the window; every change goes through the Gift Aid services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from grassroots.accounts import gift_aid_rules as rules
from grassroots.accounts.gift_aid import (
    TOO_OLD,
    DonationReview,
    EligibleDonation,
    GasdsPosition,
    can_be_put_right,
)
from grassroots.accounts.gift_aid_schedule import ClaimInfo, ClaimReceipt
from grassroots.core.dates import format_date
from grassroots.core.errors import GrassrootsError, ValidationError
from grassroots.core.money import Money
from grassroots.ui.context import AppContext
from grassroots.ui.members.tables import SmallTable
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.confirm import ask, tell
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import frame_form
from grassroots.ui.widgets.money_edit import MoneyEdit
from grassroots.ui.widgets.outputs import PDF_FILTER, ask_save_path, dated_name, write_then_offer

ODS_FILTER = "OpenDocument spreadsheet (*.ods)"
NEXT_STEP = (
    "Next: sign in to HMRC Charities Online, start a Gift Aid repayment claim and attach this "
    "spreadsheet as it is (HMRC rejects a schedule whose layout was changed). When HMRC pays, "
    "choose the claim on the Claims tab and press “Record money received…”."
)
GASDS_EXPLAINED = (
    "The Gift Aid Small Donations Scheme (GASDS) pays a top-up, like Gift Aid, on small gifts "
    "given without a declaration: cash in a collection tin, or a contactless card payment, of "
    "{each} or less. It counts by tax year (6 April to 5 April), up to {year} of gifts a year. "
    "Two conditions: the group must also claim Gift Aid in that tax year, and the small gifts "
    "claimed on may be at most {times} times the Gift Aid donations claimed for the year. "
    "Grassroots counts gifts in Gift Aid categories, paid in cash or by card, that no "
    "declaration covers. Claim it in the same Charities Online form, within {window} years of "
    "the end of the tax year."
)


def donor_name(item: EligibleDonation) -> str:
    if item.person_id is None:
        return "No donor named"
    name = " ".join(p for p in (item.title, item.first_name, item.last_name) if p)
    return name or "Erased person"


@dataclass(frozen=True)
class GiftAidView:
    """One read of everything the page shows but GASDS."""

    up_to: date
    review: DonationReview
    tax: Money
    claims: tuple[ClaimInfo, ...]
    receipts: dict[int, ClaimReceipt]
    limits: rules.Limits


def load_view(sessions, up_to: date) -> GiftAidView:
    from grassroots.accounts.gift_aid import review_donations
    from grassroots.accounts.gift_aid_limits import current_limits
    from grassroots.accounts.gift_aid_schedule import claim_receipts, claim_tax, list_claims

    limits = current_limits(sessions)
    review = review_donations(sessions, up_to)
    return GiftAidView(
        up_to,
        review,
        claim_tax(list(review.eligible), limits),
        tuple(reversed(list_claims(sessions))),
        claim_receipts(sessions),
        limits,
    )


def _total(items) -> Money:
    return Money(sum(d.amount.pence for d in items))


class GiftAidPage(QWidget):
    """Page interface: built with the context; `title`; `refresh()`."""

    title = "Gift Aid"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.view: GiftAidView | None = None
        self.gasds: GasdsPosition | None = None
        self.dialog: QWidget | None = None
        self.loads = 0  # finished loads, so tests can wait for a fresh one
        self._build()
        ctx.events.changed.connect(self._changed)
        self.refresh()

    # ------------------------------------------------------------ layout
    def _build(self) -> None:
        heading = set_role(QLabel("Gift Aid"), "title")
        lead = set_role(
            QLabel(
                "HMRC adds 25p to every £1 given by a UK taxpayer who has made a Gift Aid "
                "declaration. Check what is ready, put right what is not, then make the claim."
            ),
            "lead",
        )
        lead.setWordWrap(True)
        self.up_to = DateEdit(required=True)
        self.up_to.setObjectName("giftAidUpTo")
        self.up_to.set_date(date.today())
        self.up_to.setMaximumWidth(130)
        self.up_to.editingFinished.connect(self._up_to_changed)
        up_to_label = QLabel("Donations &up to")
        up_to_label.setBuddy(self.up_to)
        self.up_to.setAccessibleName("Donations up to")
        self.claim_button = set_role(QPushButton("&Make a claim…"), "primary")
        self.claim_button.setObjectName("makeClaim")
        self.claim_button.clicked.connect(self.make_claim)
        self.blank_button = QPushButton("Print blank &declaration forms…")
        self.blank_button.setObjectName("printBlankForms")
        self.blank_button.clicked.connect(self.print_blank_forms)
        bar = QHBoxLayout()
        bar.addWidget(up_to_label)
        bar.addWidget(self.up_to)
        bar.addSpacing(12)
        bar.addWidget(self.claim_button)
        bar.addStretch(1)
        bar.addWidget(self.blank_button)
        self.summary = set_role(QLabel("Reading the books…"), "heading")
        self.summary.setObjectName("giftAidSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("giftAidTabs")
        self.tabs.setAccessibleName("Gift Aid")
        self.tabs.addTab(self._ready_tab(), "Ready to claim")
        self.tabs.addTab(self._fix_tab(), "To put right")
        self.tabs.addTab(self._claims_tab(), "Claims made")
        self.tabs.addTab(self._gasds_tab(), "Small donations (GASDS)")
        self._add_limits_tab()
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.addWidget(heading)
        column.addWidget(lead)
        column.addSpacing(4)
        column.addLayout(bar)
        column.addWidget(self.summary)
        column.addWidget(self.tabs, 1)

    def _add_limits_tab(self) -> None:
        from grassroots.ui.accounts.gift_aid_limits_editor import LimitsEditor

        self.limits = LimitsEditor(self.ctx)
        self.tabs.addTab(self.limits, "HMRC limits")

    def _ready_tab(self) -> QWidget:
        self.ready = SmallTable(
            ("Donor", "Date", "Category", "Amount", "Tax to reclaim"),
            "Donations ready to claim",
            right_aligned=(3, 4),
        )
        self.ready.setObjectName("readyDonations")
        self.ready.horizontalHeader().setStretchLastSection(False)  # amounts stay together
        self.ready_total = QLabel()
        self.ready_total.setObjectName("readyTotal")
        return _column(self.ready, self.ready_total)

    def _fix_tab(self) -> QWidget:
        explain = set_role(
            QLabel(
                "These donations cannot be claimed until their donor's record is put right: "
                "HMRC needs a declaration covering the date, and the donor's full name, house "
                "name or number and postcode. Open the person to add what is missing."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        self.to_fix = SmallTable(
            ("Donor", "Date", "Amount", "Why it cannot be claimed yet"),
            "Donations to put right",
            right_aligned=(2,),
        )
        self.to_fix.setObjectName("donationsToFix")
        self.to_fix.itemSelectionChanged.connect(self._update_buttons)
        self.to_fix.itemDoubleClicked.connect(lambda _item: self.open_person())
        self.open_button = QPushButton("&Open the person…")
        self.open_button.setObjectName("openDonor")
        self.open_button.clicked.connect(self.open_person)
        self.beyond_repair = set_role(QLabel(), "muted")
        self.beyond_repair.setObjectName("beyondRepair")
        self.beyond_repair.setWordWrap(True)
        return _column(explain, self.to_fix, self.beyond_repair, _row(self.open_button))

    def _claims_tab(self) -> QWidget:
        self.claims = SmallTable(
            ("Made on", "Donations up to", "Donations", "Tax claimed", "Received on", "Received"),
            "Gift Aid claims",
            right_aligned=(2, 3, 5),
        )
        self.claims.setObjectName("claims")
        self.claims.horizontalHeader().setStretchLastSection(False)
        self.claims.itemSelectionChanged.connect(self._update_buttons)
        self.received_button = QPushButton("&Record money received…")
        self.received_button.setObjectName("recordReceived")
        self.received_button.clicked.connect(self.record_received)
        self.claims_note = set_role(QLabel(NEXT_STEP), "muted")
        self.claims_note.setWordWrap(True)
        self.schedule_button = QPushButton("&Save the schedule again…")
        self.schedule_button.setObjectName("saveScheduleAgain")
        self.schedule_button.setToolTip("The schedule exactly as it was sent with the claim")
        self.schedule_button.clicked.connect(self.save_schedule_again)
        return _column(
            self.claims, self.claims_note, _row(self.received_button, self.schedule_button)
        )

    def _gasds_tab(self) -> QWidget:
        self.tax_year = QComboBox()
        self.tax_year.setObjectName("gasdsTaxYear")
        self.tax_year.setMaximumWidth(160)
        start = rules.tax_year_start(date.today())
        first = rules.GASDS_EACH_PENCE[0].since
        for back in range(4):
            year = date(start.year - back, 4, 6)
            if year >= first:
                self.tax_year.addItem(f"{year.year}/{(year.year + 1) % 100:02d}", year)
        self.tax_year.currentIndexChanged.connect(lambda _i: self.load_gasds())
        self.gasds_text = set_role(QLabel(), "muted")
        self.gasds_text.setWordWrap(True)
        self.gasds_figures = QFormLayout()
        self.gasds_status = QLabel()
        self.gasds_status.setObjectName("gasdsStatus")
        set_role(self.gasds_status, "heading")
        self.gasds_status.setWordWrap(True)
        self.gasds_values: dict[str, QLabel] = {}
        for key, label in (
            ("counted", "Small gifts counted"),
            ("cap", "Most that counts in a tax year"),
            ("gift_aid", "Gift Aid donations claimed for the year"),
            ("matching", "Matching limit (ten times those)"),
            ("claimable", "Small gifts that can be claimed on"),
            ("top_up", "Top-up to claim"),
            ("claim_by", "Claim by"),
        ):
            value = QLabel()
            value.setObjectName(f"gasds_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.gasds_values[key] = value
            self.gasds_figures.addRow(label, value)
        year_row = QFormLayout()
        add_field(year_row, "&Tax year", self.tax_year, with_error=False)
        self.gasds_figures.setHorizontalSpacing(24)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(10)
        column.addLayout(year_row)
        column.addWidget(self.gasds_text)
        column.addLayout(self.gasds_figures)
        column.addWidget(self.gasds_status)
        column.addStretch(1)
        return page

    # ------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Reload from the books (off the UI thread)."""
        up_to = self.up_to.date()
        if up_to is None:
            return
        sessions, year = self.ctx.sessions, self.tax_year.currentData()

        def job() -> tuple[GiftAidView, GasdsPosition | None]:
            from grassroots.accounts.gift_aid import gasds_position

            gasds = gasds_position(sessions, year) if year is not None else None
            return load_view(sessions, up_to), gasds

        self.ctx.tasks.run(job, self._show_all, parent=self)

    def _show_all(self, loaded: tuple[GiftAidView, GasdsPosition | None]) -> None:
        if not isValid(self.summary):
            return  # the window closed while the books were being read
        view, gasds = loaded
        if gasds is not None:
            self._show_gasds(gasds)
        self._show(view)

    def _up_to_changed(self) -> None:
        """A new date typed: reload (not when focus merely leaves as the window closes)."""
        if self.isVisible() and (self.view is None or self.up_to.date() != self.view.up_to):
            self.refresh()

    def _changed(self, area: str) -> None:
        if area in ("accounts", "members") and self.isVisible():
            self.refresh()

    def _show(self, view: GiftAidView) -> None:
        self.view = view
        eligible, to_fix = view.review.eligible, view.review.to_fix
        self._fill_ready(eligible, view.tax, view.limits)
        fixable = [i for i, d in enumerate(to_fix) if can_be_put_right(d)]
        self.to_fix.fill(
            [
                (donor_name(d), format_date(d.on), d.amount.format(), "; ".join(d.problems))
                for d in (to_fix[i] for i in fixable)
            ],
            fixable,
        )
        self.beyond_repair.setText(self._beyond_repair_text(to_fix))
        self._fill_claims(view)
        self.summary.setText(self._summary_text(view))
        self.tabs.setTabText(0, f"Ready to claim ({len(eligible):,})")
        self.tabs.setTabText(1, f"To put right ({len(fixable):,})")
        self.tabs.setTabText(2, f"Claims made ({len(view.claims):,})")
        self._update_buttons()
        self.loads += 1

    def _fill_ready(self, eligible, tax: Money, limits: rules.Limits) -> None:
        rows = [
            (
                donor_name(d),
                format_date(d.on),
                d.category,
                d.amount.format(),
                rules.tax_on(d.amount, d.on, limits).format(),
            )
            for d in eligible
        ]
        self.ready.fill(rows, [d.line_id for d in eligible])
        self.ready_total.setText(
            f"{len(eligible):,} donations totalling {_total(eligible).format()}; "
            f"{tax.format()} of tax to reclaim."
            if eligible
            else "Nothing is ready to claim up to this date."
        )

    def _fill_claims(self, view: GiftAidView) -> None:
        rows = []
        for claim in view.claims:
            paid = view.receipts.get(claim.id)
            rows.append(
                (
                    format_date(claim.made_on),
                    format_date(claim.up_to),
                    claim.donations.format(),
                    claim.claimed.format(),
                    format_date(paid.on) if paid else "Not yet",
                    paid.amount.format() if paid else "",
                )
            )
        self.claims.fill(rows, [c.id for c in view.claims])

    @staticmethod
    def _summary_text(view: GiftAidView) -> str:
        eligible, to_fix = view.review.eligible, view.review.to_fix
        text = (
            f"{view.tax.format()} to reclaim on {len(eligible):,} donations "
            f"({_total(eligible).format()}) up to {format_date(view.up_to)}."
            if eligible
            else f"No donations are ready to claim up to {format_date(view.up_to)}."
        )
        fixable = [d for d in to_fix if can_be_put_right(d)]
        if fixable:
            text += f" {len(fixable):,} more ({_total(fixable).format()}) need putting right first."
        return text

    @staticmethod
    def _beyond_repair_text(to_fix) -> str:
        """Gifts no record change can make claimable, said once rather than listed as jobs."""
        lost = [d for d in to_fix if not can_be_put_right(d)]
        if not lost:
            return ""
        old = sum(1 for d in lost if TOO_OLD in d.problems)
        anonymous = len(lost) - old
        parts = []
        if old:
            parts.append(f"{old:,} older than HMRC's four-year window")
        if anonymous:
            parts.append(
                f"{anonymous:,} with no donor named (small cash gifts may count for "
                "the Small Donations Scheme instead)"
            )
        return (
            f"Not listed: {len(lost):,} gifts ({_total(lost).format()}) that cannot be claimed — "
            + "; ".join(parts)
            + "."
        )

    def load_gasds(self) -> None:
        start = self.tax_year.currentData()
        if start is None:
            return
        from grassroots.accounts.gift_aid import gasds_position

        sessions = self.ctx.sessions
        self.ctx.tasks.run(lambda: gasds_position(sessions, start), self._show_gasds, parent=self)

    def _show_gasds(self, position: GasdsPosition) -> None:
        if not isValid(self.gasds_text):
            return
        self.gasds = position
        start, limits = position.tax_year_start, position.limits
        self.gasds_text.setText(
            GASDS_EXPLAINED.format(
                each=rules.money_in_force(limits.gasds_each, start).format(),
                year=rules.money_in_force(limits.gasds_year, start).format(),
                times=rules.in_force(limits.gasds_matching, start),
                window=rules.in_force(limits.gasds_claim_window, start),
            )
        )
        values = self.gasds_values
        gifts = "1 gift" if position.count == 1 else f"{position.count:,} gifts"
        values["counted"].setText(f"{gifts}, {position.donations.format()}")
        cap = rules.money_in_force(limits.gasds_year, start)
        values["cap"].setText(f"{cap.format()} (so {position.eligible.format()} counts)")
        values["gift_aid"].setText(position.gift_aid_donations.format())
        values["matching"].setText(position.matching_limit.format())
        values["claimable"].setText(position.claimable.format())
        values["top_up"].setText(position.claimable_top_up.format())
        values["claim_by"].setText(format_date(position.claim_by))
        self.gasds_status.setText(gasds_verdict(position))

    def _update_buttons(self) -> None:
        view = self.view
        self.claim_button.setEnabled(bool(view and view.review.eligible))
        chosen = self._chosen_fix()
        self.open_button.setEnabled(chosen is not None and chosen.person_id is not None)
        claim = self._chosen_claim()
        self.received_button.setEnabled(claim is not None and claim.received_entry_id is None)
        self.schedule_button.setEnabled(claim is not None)

    def _chosen_fix(self) -> EligibleDonation | None:
        index = self.to_fix.current_key()
        if self.view is None or not isinstance(index, int):
            return None
        items = self.view.review.to_fix
        return items[index] if 0 <= index < len(items) else None

    def _chosen_claim(self) -> ClaimInfo | None:
        key = self.claims.current_key()
        claims = self.view.claims if self.view else ()
        return next((c for c in claims if c.id == key), None)

    # ------------------------------------------------------------ actions
    def open_person(self) -> None:
        chosen = self._chosen_fix()
        if chosen is None or chosen.person_id is None:
            return
        from grassroots.ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.ctx, chosen.person_id, parent=self)
        dialog.resize(880, 640)
        dialog.tabs.setCurrentWidget(
            dialog.gift_aid if "no declaration" in chosen.problems else dialog.tabs.widget(0)
        )
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        self.dialog = dialog

    def make_claim(self) -> None:
        view = self.view
        if view is None or not view.review.eligible:
            return
        name = f"Gift Aid claim to {view.up_to:%d-%m-%Y}.ods"
        path = ask_save_path(self, "Save HMRC's claim schedule", name, ODS_FILTER)
        if path is None:
            return
        path = path.with_suffix(".ods")
        eligible = view.review.eligible
        self.dialog = ask(
            self,
            "Make a Gift Aid claim",
            f"Claim {view.tax.format()} on {len(eligible):,} donations "
            f"({_total(eligible).format()}) up to {format_date(view.up_to)}?",
            "Make the claim",
            lambda: self._claim(view.up_to, path),
            detail="The donations are marked as claimed, so none is ever claimed twice. "
            "Donations still to put right are left for a later claim.",
            icon=QMessageBox.Icon.Question,
        )

    def _claim(self, up_to: date, path: Path) -> None:
        sessions = self.ctx.sessions

        def job():
            from grassroots.accounts.gift_aid_schedule import make_claim

            result = make_claim(sessions, up_to, path.parent)
            return result, name_as_asked(result.files, path)

        self.ctx.tasks.run(job, self._claimed, label="Making the claim schedule…", parent=self)

    def _claimed(self, outcome) -> None:
        result, files = outcome
        self.ctx.events.changed.emit("accounts")
        names = ", ".join(p.name for p in files)
        limits = self.view.limits if self.view else rules.BUILT_IN
        several = (
            f" HMRC takes at most {rules.in_force(limits.schedule_rows, date.today()):,} rows "
            f"a schedule, so this is {len(files)} claims: send each one."
            if len(files) > 1
            else ""
        )
        self.setProperty("last_output", str(files[0]))
        self.dialog = tell(
            self,
            "Claim made",
            f"Saved {names}: {result.tax.format()} to reclaim on "
            f"{result.donations.format()} of donations.{several}",
            detail=f"In {files[0].parent}.\n\n{NEXT_STEP}",
        )

    def record_received(self) -> None:
        claim = self._chosen_claim()
        if claim is None or claim.received_entry_id is not None:
            return
        self.dialog = ReceivedDialog(self.ctx, claim, self)
        self.dialog.open()

    def save_schedule_again(self) -> None:
        """A copy of a claim's schedule, for HMRC's questions or a lost file."""
        claim = self._chosen_claim()
        if claim is None:
            return
        name = f"Gift Aid claim {claim.id} to {claim.up_to:%Y-%m-%d}.ods"
        path = ask_save_path(self, "Save the claim's schedule", name, ODS_FILTER)
        if path is None:
            return
        sessions = self.ctx.sessions

        def job() -> None:
            from grassroots.accounts.gift_aid_schedule import claim_schedule

            kept = claim_schedule(sessions, claim.id)
            if kept is None:
                raise GrassrootsError(
                    f"Claim {claim.id} was made before Grassroots kept each claim's schedule, "
                    "so only the file saved on the day has it."
                )
            path.write_bytes(kept)

        write_then_offer(self.ctx, self, path, job, "Saving the schedule…")

    def print_blank_forms(self) -> None:
        path = ask_save_path(
            self,
            "Save blank declaration forms",
            dated_name("Gift Aid declarations", ".pdf"),
            PDF_FILTER,
        )
        if path is None:
            return
        sessions = self.ctx.sessions

        def job() -> None:
            from grassroots.accounts.gift_aid_forms import print_declaration_form

            print_declaration_form(sessions, path, copies=10)

        write_then_offer(
            self.ctx,
            self,
            path,
            job,
            "Printing declaration forms…",
            lambda _r: f"Saved {path.name}: ten blank forms, one a page.",
        )


def gasds_verdict(position: GasdsPosition) -> str:
    """One plain sentence: what can be claimed, or why nothing can."""
    if not position.count:
        return "No small cash or card gifts without a declaration are recorded in this tax year."
    if not position.gift_aid_claimed_in_year:
        return (
            "Nothing can be claimed yet: the group must also make a Gift Aid claim in this tax "
            "year. Once it has, the top-up below can be claimed."
        )
    if not position.claimable_top_up:
        return (
            "Nothing can be claimed yet: none of this tax year's Gift Aid donations has been "
            "claimed, and the small gifts claimed on may be at most ten times those. Claim "
            "Gift Aid on this year's donations first."
        )
    return (
        f"You can claim a top-up of {position.claimable_top_up.format()} in the small donations "
        f"part of the Charities Online claim, by {format_date(position.claim_by)}."
    )


def name_as_asked(files: tuple[Path, ...], wanted: Path) -> list[Path]:
    """Give the schedule the name the user chose (several files: -1, -2...)."""
    named = (
        [wanted]
        if len(files) == 1
        else [wanted.with_name(f"{wanted.stem}-{n}.ods") for n in range(1, len(files) + 1)]
    )
    for made, target in zip(files, named, strict=True):
        made.replace(target)
    return named


class ReceivedDialog(QDialog):
    """HMRC paid a claim: post the repayment to the books."""

    def __init__(self, ctx: AppContext, claim: ClaimInfo, parent: QWidget | None = None):
        super().__init__(parent)
        from grassroots.accounts.books import list_accounts

        self.ctx, self.claim = ctx, claim
        self.setObjectName("receivedDialog")
        self.setWindowTitle("Record money received")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.on = DateEdit(required=True)
        self.on.setObjectName("receivedOn")
        self.on.set_date(date.today())
        self.on.setMaximumWidth(140)
        self.account = QComboBox()
        self.account.setObjectName("receivedAccount")
        for account in list_accounts(ctx.sessions):
            self.account.addItem(account.name, account.id)
        self.amount = MoneyEdit(required=True)
        self.amount.setObjectName("receivedAmount")
        self.amount.set_value(claim.claimed)
        self.amount.setMaximumWidth(140)
        heading = set_role(QLabel("HMRC's repayment"), "heading")
        explain = set_role(
            QLabel(
                f"The claim made on {format_date(claim.made_on)} asked for "
                f"{claim.claimed.format()}. It goes into the cash book as a receipt in "
                "“Gift Aid reclaimed”. Change the amount if HMRC paid a different sum."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        self.on_error = add_field(form, "&Received on", self.on)
        add_field(form, "Paid &into", self.account, with_error=False)
        self.amount_error = add_field(form, "&Amount", self.amount)
        self.problem, _buttons, self.ok = frame_form(
            self, heading, explain, form, "&Record it", "saveReceived", self.submit
        )

    def submit(self) -> None:
        self.on_error.show_error(self.on.problem())
        self.amount_error.show_error(self.amount.problem())
        on, amount, account = self.on.date(), self.amount.value(), self.account.currentData()
        if on is None or amount is None:
            return
        if account is None:
            self.problem.show_error("Add a bank account first (Accounts, categories and funds)")
            return
        from grassroots.accounts.gift_aid_schedule import record_claim_received

        sessions, claim_id = self.ctx.sessions, self.claim.id
        self.ok.setEnabled(False)
        self.ctx.tasks.run(
            lambda: record_claim_received(sessions, claim_id, on, account, amount),
            self._saved,
            self._failed,
            parent=self,
        )

    def _saved(self, _entry: object) -> None:
        self.ctx.events.changed.emit("accounts")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.problem.show_error(" ".join(exc.fields.values()))
        elif isinstance(exc, GrassrootsError):
            self.problem.show_error(str(exc))
        else:
            self.ctx.tasks.report(exc, parent=self)


def _column(*widgets) -> QWidget:
    page = QWidget()
    column = QVBoxLayout(page)
    for widget in widgets:
        if isinstance(widget, QHBoxLayout):
            column.addLayout(widget)
        else:
            column.addWidget(widget, 1 if isinstance(widget, SmallTable) else 0)
    return page


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
