"""Home: what needs attention today — renewals due, lapsed members to chase, reviews waiting.

The summary is loaded in the background (ctx.tasks), so the window never waits for it; links
ask the main window (through signals) to open the members list or a person. The one thing
Home does itself is print the renewal letters for everyone due, since that is what a secretary
most often comes here to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts.summary import BooksSummary, books_summary
from grassroots.core.dates import format_date
from grassroots.group.service import get_settings
from grassroots.members.records import HomeSummary, MemberRow, MemberStatus
from grassroots.members.register import home_summary
from grassroots.ui.context import AppContext
from grassroots.ui.home_books import BooksCard
from grassroots.ui.icons import icon
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.links import link_button

SHOW_ROWS = 5


@dataclass(frozen=True)
class HomeData:
    group_name: str
    summary: HomeSummary
    books: BooksSummary
    overdue_actions: int = 0  # meeting actions past their due date


def load_home(sessions) -> HomeData:
    """The job run in the background: everything Home shows, in one go."""
    from grassroots.meetings.actions import overdue_count

    return HomeData(
        get_settings(sessions).name,
        home_summary(sessions),
        books_summary(sessions),
        overdue_count(sessions, date.today()),
    )


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def summary_line(s: HomeSummary) -> str:
    """A friendly one-line state of the membership, e.g. '142 current members · 8 due'."""
    members = s.current + s.due
    parts = [_plural(members, "current member")]
    if s.due:
        parts.append(f"{s.due:,} due for renewal")
    if s.lapsed_recently:
        parts.append(f"{s.lapsed_recently:,} lapsed recently")
    others = s.people - members - s.lapsed_recently  # each person counted once in the line
    if others > 0:
        parts.append(_plural(others, "other person", "other people") + " on record")
    return " · ".join(parts)


def _when(day: date | None, today: date, lapsed: bool) -> str:
    if day is None:
        return ""
    if lapsed:
        return f"lapsed {format_date(day)}"
    if day == today:
        return "due today"
    return f"due {format_date(day)}"


class AttentionCard(QFrame):
    """One thing that needs attention: a count, a caption, a few names, and a link to all."""

    person_clicked = Signal(int)

    def __init__(self, key: str, title: str, icon_name: str, link_text: str):
        super().__init__()
        self.actions_shown: list[QPushButton] = []
        self.setObjectName("card")
        self.setAccessibleName(title)
        self.key = key
        head = QHBoxLayout()
        picture = QLabel()
        size = self.fontMetrics().height() * 1.3
        picture.setPixmap(icon(icon_name).pixmap(int(size), int(size)))
        head.addWidget(picture)
        head.addWidget(set_role(QLabel(title), "heading"), 1)
        self.count = set_role(QLabel("–"), "big-number")
        self.count.setObjectName(f"{key}Count")
        self.caption = set_role(QLabel(""), "muted")
        self.caption.setWordWrap(True)
        self.rows = QWidget()  # replaced whole on each load, so no stale line lingers
        self.link = link_button(link_text, f"{key}Link", link_text)
        layout = QVBoxLayout(self)
        em = self.fontMetrics().height()
        layout.setContentsMargins(em, int(em * 0.8), em, int(em * 0.8))
        layout.addLayout(head)
        layout.addWidget(self.count)
        layout.addWidget(self.caption)
        layout.addWidget(self.rows)
        layout.addStretch(1)
        self.links = QHBoxLayout()
        self.links.setSpacing(int(em * 1.2))
        self.links.addWidget(self.link)
        self.links.addStretch(1)
        layout.addLayout(self.links)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def add_action(self, text: str, name: str, accessible: str) -> QPushButton:
        """A second link beside the first (e.g. 'Print reminder letters…'), shown with it."""
        button = link_button(text, name, accessible)
        self.links.insertWidget(self.links.count() - 1, button)
        self.actions_shown.append(button)
        return button

    def _clicked(self, person_id: int) -> None:
        self.person_clicked.emit(person_id)

    def show_values(self, count: int, caption: str, rows: list[tuple[MemberRow, str]]) -> None:
        self.count.setText(f"{count:,}")
        self.count.setAccessibleName(f"{self.accessibleName()}: {count}")
        self.caption.setText(caption)
        rows_box = QWidget()
        lines = QVBoxLayout(rows_box)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        for row, when in rows:
            line = QHBoxLayout()
            name = link_button(row.name or "(no name)", "personLink", f"Open {row.name}, {when}")
            name.setToolTip(f"Open {row.name or 'this person'}'s record")
            name.clicked.connect(lambda _=False, pid=row.person_id: self._clicked(pid))
            line.addWidget(name)
            line.addStretch(1)
            line.addWidget(set_role(QLabel(when), "muted"))
            lines.addLayout(line)
        old = self.rows
        self.layout().replaceWidget(old, rows_box)
        old.hide()
        old.setParent(None)
        old.deleteLater()
        rows_box.show()  # a child added to a card already on screen starts hidden
        self.rows = rows_box
        for link in (self.link, *self.actions_shown):
            link.setVisible(count > 0)


class HomePage(QWidget):
    """Page interface: built with the context; `title`; `refresh()`."""

    title = "Home"
    status_requested = Signal(object)  # a MemberStatus: show the members list filtered to it
    person_requested = Signal(int)
    retention_requested = Signal()
    accounts_requested = Signal(str)  # a tab of the Accounts area, or books.TO_CATEGORISE
    actions_requested = Signal(str)  # "overdue": the action tracker, filtered to those late
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.data: HomeData | None = None
        self._loading = self._again = False
        self.setObjectName("page")
        body = QWidget()
        body.setObjectName("pageBody")
        self.heading = set_role(QLabel("Home"), "title")
        self.heading.setObjectName("homeHeading")
        self.summary = set_role(QLabel("Loading…"), "lead")
        self.summary.setObjectName("homeSummary")
        self.summary.setWordWrap(True)
        self.overdue = self._overdue_notice()
        self.due = AttentionCard("due", "Renewals due", "calendar", "Show all due")
        self.reminders_link = self.due.add_action(
            "Print reminder letters…",
            "dueRemindersLink",
            "Print renewal reminder letters for everyone due",
        )
        self.lapsed = AttentionCard(
            "lapsed", "Lapsed — worth a reminder", "alert", "Show lapsed members"
        )
        self.reviews = AttentionCard(
            "reviews", "Reviews waiting", "review", "Review former members"
        )
        self.books = BooksCard()
        self.books.accounts_requested.connect(self.accounts_requested)
        self.empty = self._empty_state()
        self.cards = QGridLayout()
        em = self.fontMetrics().height()
        self.cards.setSpacing(em)
        self._columns = 0
        self._arrange_cards(2)
        for card in (self.due, self.lapsed, self.reviews):
            card.person_clicked.connect(self.person_requested)
        self.due.link.clicked.connect(lambda: self._ask_for(MemberStatus.DUE))
        self.lapsed.link.clicked.connect(lambda: self._ask_for(MemberStatus.LAPSED))
        self.reviews.link.clicked.connect(self.retention_requested)
        self.reminders_link.clicked.connect(self.print_reminders)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(int(em * 1.6), int(em * 1.2), int(em * 1.6), em)
        layout.setSpacing(int(em * 0.6))
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.overdue)
        layout.addSpacing(int(em * 0.4))
        layout.addWidget(self.empty)
        layout.addLayout(self.cards)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("pageScroll")
        scroll.setAccessibleName("What needs attention")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._set_cards_visible(False)
        self.empty.hide()

    def _empty_state(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("emptyState")
        em = self.fontMetrics().height()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(em * 2, em * 2, em * 2, em * 2)
        heading = set_role(QLabel("No members yet"), "heading")
        words = set_role(
            QLabel(
                "Add your first member, or import the spreadsheet you keep "
                "them in now. Renewals and reminders will then show here."
            ),
            "muted",
        )
        words.setWordWrap(True)
        self.start_button = QPushButton("Go to People && Members")
        self.start_button.setObjectName("emptyStart")
        self.start_button.setAccessibleName("Go to People and Members to add or import")
        set_role(self.start_button, "primary")
        self.start_button.clicked.connect(lambda: self._ask_for(None))
        self.start_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        words.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(heading)
        layout.addWidget(words)
        layout.addSpacing(em // 2)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return frame

    def _overdue_notice(self) -> QFrame:
        """A soft yellow line when meeting actions are past their due date; its link opens the
        action tracker showing just those."""
        frame = QFrame()
        frame.setObjectName("notice")
        frame.setAccessibleName("Overdue meeting actions")
        em = self.fontMetrics().height()
        picture = QLabel()
        picture.setPixmap(icon("alert").pixmap(int(em * 1.1), int(em * 1.1)))
        self.overdue_link = link_button("", "overdueActionsLink", "")
        self.overdue_link.setToolTip("Open the action tracker showing the overdue actions")
        self.overdue_link.clicked.connect(self._ask_for_overdue)
        words = set_role(QLabel("past the date the meeting set"), "muted")
        row = QHBoxLayout(frame)
        row.setContentsMargins(int(em * 0.7), int(em * 0.35), int(em * 0.7), int(em * 0.35))
        row.setSpacing(int(em * 0.5))
        row.addWidget(picture)
        row.addWidget(self.overdue_link)
        row.addWidget(words)
        row.addStretch(1)
        frame.hide()
        return frame

    def _ask_for_overdue(self) -> None:
        self.actions_requested.emit("overdue")

    def _show_overdue(self, count: int) -> None:
        text = _plural(count, "meeting action") + " overdue"
        self.overdue_link.setText(text)
        self.overdue_link.setAccessibleName(f"{text}: open the action tracker")
        self.overdue.setVisible(count > 0)

    def _arrange_cards(self, columns: int) -> None:
        """Cards two by two when there is room, one under another on a narrow window."""
        if columns == self._columns:
            return
        self._columns = columns
        for index, card in enumerate((self.due, self.lapsed, self.books, self.reviews)):
            self.cards.removeWidget(card)
            self.cards.addWidget(card, index // columns, index % columns)
        for column in range(2):
            self.cards.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        em = self.fontMetrics().height()
        self._arrange_cards(2 if event.size().width() >= em * 40 else 1)

    def _ask_for(self, status: MemberStatus | None) -> None:
        """Slots return nothing (Signal.emit returns a bool that a slot must not hand back)."""
        self.status_requested.emit(status)

    def print_reminders(self) -> None:
        """Renewal letters for everyone due, saved where the user says, then offered to open.

        The same letters as the members page's Print menu (members.documents.print_reminders,
        with its default of everyone due), written in the background through ctx.tasks.
        """
        from grassroots.ui.widgets.outputs import (
            PDF_FILTER,
            ask_save_path,
            dated_name,
            write_then_offer,
        )

        stem = "Renewal reminders"
        path = ask_save_path(self, f"Save {stem.lower()}", dated_name(stem, ".pdf"), PDF_FILTER)
        if path is None:
            return
        sessions = self.ctx.sessions

        def job() -> int:
            from grassroots.members.documents import print_reminders

            return print_reminders(sessions, path)

        def said(count: int) -> str:
            if not count:
                return f"Saved {path.name}. Nobody is due for renewal now, so it says so."
            return f"Saved {path.name}: {_plural(count, 'letter')} to print and post."

        write_then_offer(self.ctx, self, path, job, "Making the renewal reminders…", said)

    def _set_cards_visible(self, visible: bool) -> None:
        for card in (self.due, self.lapsed, self.reviews):
            card.setVisible(visible)
        self.books.setVisible(bool(self.data and self.data.books.keeps_books))

    def refresh(self) -> None:
        """Reload in the background; a refresh asked for while one runs is done right after."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        sessions = self.ctx.sessions
        self.ctx.tasks.run(lambda: load_home(sessions), self._show, self._failed, parent=self)

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        self.summary.setText("The summary could not be loaded.")
        self.ctx.tasks.report(exc, parent=self)

    def _show(self, data: HomeData) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()
        self.data = data
        self.books.show_summary(data.books)
        s = data.summary
        self.heading.setText(data.group_name or "Home")
        new_group = s.people == 0
        self.empty.setVisible(new_group)
        self._set_cards_visible(not new_group)
        line = "Welcome to Grassroots." if new_group else summary_line(s)
        if data.overdue_actions:
            line += " · " + _plural(data.overdue_actions, "meeting action") + " overdue"
        self.summary.setText(line)
        self._show_overdue(data.overdue_actions)
        today = date.today()
        self.due.show_values(
            s.due,
            "memberships to renew soon" if s.due else "Nobody is due for renewal.",
            [(r, _when(r.expires_on, today, False)) for r in s.due_soon[:SHOW_ROWS]],
        )
        self.lapsed.show_values(
            s.lapsed_recently,
            "lapsed in the last six months" if s.lapsed_recently else "No one lapsed recently.",
            [(r, _when(r.expires_on, today, True)) for r in s.to_chase[:SHOW_ROWS]],
        )
        self.reviews.show_values(
            s.retention_reviews,
            "former members past the retention period"
            if s.retention_reviews
            else "No records are due for review.",
            [],
        )
        self.loaded.emit()
