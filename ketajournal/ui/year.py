"""Year tab: a year in pixels — one square per day coloured by its daily mood.

The squares come from ``domain.year_pixels`` (the same rule as the PDF's page), the
colours from ``palette.MOOD_SCALE`` (viridis: colour-blind safe, readable on light or
dark). A column per month, a row per day of the month; session days are ringed with
a dot. Click a day, or move with the arrow keys (up/down a day, left/right a month)
and the day's entries are listed under the grid.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.locales import number
from ketajournal.domain.models import MoodEntry, Session
from ketajournal.domain.timeutil import local_day
from ketajournal.domain.year_pixels import (
    DEFINITION,
    YearPixels,
    move,
    year_pixels,
    years_with_entries,
)
from ketajournal.palette import MOOD_SCALE, mood_colour, screen
from ketajournal.translation import core, translator
from ketajournal.ui.controller import JournalController
from ketajournal.ui.view import JournalView

#: Kinds whose change alters the squares or the day's list.
YEAR_KINDS = frozenset({"mood", "session", "tag"})
#: Side of a square and the gap between squares, in pixels.
CELL = 15
GAP = 3
#: Room for the day numbers on the left and the month names on top.
LEFT = 26
TOP = 20
_KEYS = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Left: "left",
         Qt.Key.Key_Right: "right"}

tr = translator("Year")


def month_letters() -> tuple[str, ...]:
    """The months' initials over the grid, in the language in use (``J F M …``, ``E F M …``).

    The locale's narrow stand-alone names (CLDR, through Qt's default locale, which
    :func:`ketajournal.translation.use` sets to the chosen language).
    """
    locale = QLocale()
    narrow = QLocale.FormatType.NarrowFormat
    return tuple(locale.standaloneMonthName(month, narrow) for month in range(1, 13))


class YearGrid(QWidget):
    """The squares of one year; focusable, the selected day moved by click or arrow keys."""

    #: The selected day changed (by click or key).
    day_chosen = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Year in pixels"))
        self.pixels = YearPixels(2000, {}, frozenset())
        self.selected = date(2000, 1, 1)

    def set_pixels(self, pixels: YearPixels, selected: date) -> None:
        """Show ``pixels`` with ``selected`` (a day of its year) picked."""
        self.pixels = pixels
        self.selected = selected
        self._describe()
        self.update()

    def sizeHint(self) -> QSize:
        """Twelve columns of 31 squares with their labels."""
        return QSize(LEFT + 12 * (CELL + GAP), TOP + 31 * (CELL + GAP))

    def minimumSizeHint(self) -> QSize:
        """The grid does not shrink: its squares stay readable."""
        return self.sizeHint()

    def cell_rect(self, day: date) -> QRectF:
        """Where ``day``'s square is drawn."""
        return QRectF(LEFT + (day.month - 1) * (CELL + GAP), TOP + (day.day - 1) * (CELL + GAP),
                      CELL, CELL)

    def day_at(self, x: float, y: float) -> date | None:
        """The day whose square holds the point, if any."""
        column = int((x - LEFT) // (CELL + GAP))
        row = int((y - TOP) // (CELL + GAP))
        if x < LEFT or y < TOP or not 0 <= column < 12 or not 0 <= row < 31:
            return None
        return self.pixels.cell(column + 1, row + 1)

    def choose(self, day: date) -> None:
        """Select ``day`` and say so."""
        if day != self.selected:
            self.selected = day
            self._describe()
            self.update()
        self.day_chosen.emit(day)

    def _describe(self) -> None:
        step = self.pixels.step(self.selected)
        mood = tr("no mood entry") if step is None else tr("daily mood {step}").format(step=step)
        session = tr(", a session day") if self.selected in self.pixels.sessions else ""
        self.setAccessibleDescription(
            f"{format_date_with_weekday(self.selected)}: {mood}{session}"
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """Month names, day numbers, the squares, session rings and the selection."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.75))
        painter.setFont(font)
        painter.setPen(QColor(screen().hint_text))
        for month, name in enumerate(month_letters()):
            painter.drawText(QRectF(LEFT + month * (CELL + GAP) - 4, 0, CELL + 8, TOP - 4),
                             Qt.AlignmentFlag.AlignCenter, name)
        for row in range(31):
            if row % 5 == 0 or row == 30:
                painter.drawText(QRectF(0, TOP + row * (CELL + GAP), LEFT - 6, CELL),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 str(row + 1))
        for month in range(1, 13):
            for row in range(1, 32):
                day = self.pixels.cell(month, row)
                if day is None:
                    continue
                self._square(painter, day)
        painter.end()

    def _square(self, painter: QPainter, day: date) -> None:
        rect = self.cell_rect(day)
        step = self.pixels.step(day)
        colours = screen()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours.year_no_entry if step is None else mood_colour(step)))
        painter.drawRoundedRect(rect, 2, 2)
        if day in self.pixels.sessions:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(colours.year_session), 2))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 2, 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colours.year_session))
            painter.drawEllipse(rect.center(), 2.2, 2.2)
        if day == self.selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            width = 2 if self.hasFocus() else 1
            painter.setPen(QPen(QColor(colours.year_selected), width))
            painter.drawRect(rect.adjusted(-2, -2, 2, 2))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on a square selects its day."""
        day = self.day_at(event.position().x(), event.position().y())
        if day is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.choose(day)
        else:
            super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys: up/down a day, left/right a month (within the year)."""
        key = _KEYS.get(Qt.Key(event.key()))
        if key is None:
            super().keyPressEvent(event)
            return
        self.choose(move(self.selected, key))


class Legend(QWidget):
    """The eleven colours from 0 to 10, and what grey and a ring mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(QLabel(tr("Mood 0")))
        for colour in MOOD_SCALE:
            swatch = QLabel()
            swatch.setFixedSize(CELL, CELL)
            swatch.setStyleSheet(f"background: {colour}; border-radius: 2px;")
            layout.addWidget(swatch)
        layout.addWidget(QLabel("10"))
        layout.addStretch(1)


class YearView(JournalView):
    """One year in pixels, a year picker, and the entries of the chosen day."""

    KINDS = YEAR_KINDS

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.year_box = QComboBox()
        self.year_box.setAccessibleName(tr("Year"))
        self.summary = QLabel()
        self.grid = YearGrid()
        self.day_title = QLabel()
        self.day_title.setStyleSheet("font-weight: 600;")
        self.day_list = QListWidget()
        self.day_list.setAccessibleName(tr("Entries of the chosen day"))
        definition = QLabel(core(DEFINITION) + " " + tr("Arrow keys: up and down a day, left and "
                                                  "right a month."))
        definition.setWordWrap(True)
        definition.setStyleSheet(f"color: {screen().hint_text};")

        top = QHBoxLayout()
        year_label = QLabel(tr("&Year:"))
        year_label.setBuddy(self.year_box)
        top.addWidget(year_label)
        top.addWidget(self.year_box)
        top.addWidget(self.summary, 1)
        scroll = QScrollArea()
        scroll.setWidget(self.grid)
        scroll.setWidgetResizable(False)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(self.grid.sizeHint().width() + 24)
        right = QVBoxLayout()
        right.addWidget(self.day_title)
        right.addWidget(self.day_list, 1)
        middle = QHBoxLayout()
        middle.addWidget(scroll)
        middle.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(Legend())
        layout.addWidget(definition)

        self.grid.day_chosen.connect(self.show_day)
        self.year_box.currentIndexChanged.connect(self._year_picked)
        self._building = False
        self.refresh()

    def rebuild(self) -> None:
        """Read the chosen year's daily moods and sessions, and the chosen day's entries."""
        journal = self.controller.journal
        today = local_day(self.controller.now())
        means = journal.daily_mood_means()
        years = years_with_entries((day for day, _ in means), today)
        keep = self.year_box.currentData()
        self._building = True
        self.year_box.clear()
        for year in reversed(years):
            self.year_box.addItem(str(year), year)
        index = self.year_box.findData(keep if keep in years else today.year)
        self.year_box.setCurrentIndex(max(index, 0))
        self._building = False
        self._draw(means, journal.sessions(), today)

    def _year_picked(self) -> None:
        if not self._building:
            self.refresh()

    @property
    def year(self) -> int:
        """The year shown."""
        year = self.year_box.currentData()
        return int(year) if year is not None else local_day(self.controller.now()).year

    def _draw(
        self, means: list[tuple[date, float]], sessions: list[Session], today: date
    ) -> None:
        pixels = year_pixels(self.year, means, {local_day(s.at) for s in sessions})
        selected = self.grid.selected
        if selected.year != self.year:
            selected = today if today.year == self.year else date(self.year, 12, 31)
        self.grid.set_pixels(pixels, selected)
        self.summary.setText(
            tr("%n day(s) with a mood entry", n=pixels.logged_days) + ", "
            + tr("%n session day(s).", n=len(pixels.sessions)))
        self.show_day(selected)

    def show_day(self, day: date) -> None:
        """List the entries of ``day``: moods with their tags, sessions."""
        journal = self.controller.journal
        self.day_title.setText(format_date_with_weekday(day))
        self.day_list.clear()
        zone = self.controller.now().tzinfo
        start = datetime.combine(day, time(0), zone) - timedelta(hours=14)
        end = datetime.combine(day, time(0), zone) + timedelta(days=1, hours=14)
        moods = [m for m in journal.moods(start, end) if local_day(m.at) == day]
        tags = journal.tags_of(m.id for m in moods if m.id is not None)
        lines = [(m.at, _mood_line(m, tags.get(m.id or 0, ()))) for m in moods]
        lines.extend(
            (s.at, tr("{time}  session ({phase}, {route})").format(
                time=f"{s.at:%H:%M}", phase=core(s.phase.label), route=core(s.route.label)))
            for s in journal.sessions(start, end) if local_day(s.at) == day
        )
        for _, line in sorted(lines, key=lambda pair: pair[0]):
            self.day_list.addItem(line)
        if not self.day_list.count():
            self.day_list.addItem(tr("No entries on this day."))


def _mood_line(entry: MoodEntry, tags: tuple[str, ...]) -> str:
    text = tr("{time}  mood {score}").format(time=f"{entry.at:%H:%M}", score=entry.mood)
    if entry.sleep_hours is not None:
        text += tr(", slept {hours} h").format(hours=number(f"{entry.sleep_hours:g}"))
    if tags:
        text += f"  · {', '.join(tags)}"
    if entry.note:
        first = entry.note.splitlines()[0]
        text += f"\n        {first[:120]}"
    return text
