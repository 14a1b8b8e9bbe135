"""Trends tab: the mood chart with sessions, side effects, sleep and questionnaire
totals, updated on every change it draws (while hidden, on the next show)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ketajournal.charts.trends import BANDS_INSTRUMENT, TrendsChart
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.series import (
    QUESTIONNAIRE_TOTAL_DEFINITION,
    SEVEN_DAY_MEAN_DEFINITION,
    SLEEP_DEFINITION,
    build_trend_series_from_days,
    with_planned,
)
from ketajournal.language import current
from ketajournal.services.plans import PLANNED
from ketajournal.translation import band_text, core, translator
from ketajournal.ui.announce import announce
from ketajournal.ui.appearance import set_style
from ketajournal.ui.controller import JournalController
from ketajournal.ui.trend_table import TrendTableModel, trend_table_view
from ketajournal.ui.view import JournalView


def _lower_first(text: str) -> str:
    """A definition inside a sentence; German keeps its nouns' capital ("Schlaf: …")."""
    return text if current() == "de" else text[:1].lower() + text[1:]


#: Kinds whose change alters the chart.
CHART_KINDS = frozenset({"mood", "session", "side_effect", "assessment", "medication", PLANNED})

tr = translator("Trends")


class TrendsView(JournalView):
    """Hands the chart fresh series whenever an entry it draws changes.

    While the view is hidden (another tab is shown) a change only marks it stale; the
    series is rebuilt when it is next shown, so a save does not pay for this view.
    """

    KINDS = CHART_KINDS

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.chart = TrendsChart()
        bands = INSTRUMENTS[BANDS_INSTRUMENT]
        self.definition = QLabel(
            tr("Points: daily mood (mean of the day's entries). ")
            + core(SEVEN_DAY_MEAN_DEFINITION)
            # Shapes, not colours: the colours change with the scheme (dark mode).
            + tr(". Vertical lines: treatment sessions; hollow rings at the top: sessions "
                 "still planned. Triangles: side effects (pointing up: a red flag). "
                 "Small diamonds on the bottom row, with a dotted line and a label: "
                 "medication starts, dose changes and stops. ")
            + tr("Diamonds and hexagons: PHQ-9 and GAD-7 totals on the right axis "
                 "({definition}); shaded: the {title} severity bands ({bands}). ").format(
                definition=_lower_first(core(QUESTIONNAIRE_TOTAL_DEFINITION)),
                title=bands.short_title, bands=", ".join(band_text(band) for band in bands.bands))
            # Drawn only when "Show sleep" is ticked.
            + tr("Crosses (Show sleep): sleep in hours on the left scale; "
                 "{definition}.").format(definition=_lower_first(core(SLEEP_DEFINITION)))
        )
        self.definition.setWordWrap(True)
        set_style(self.definition, "color: $hint_text;")
        # The text alternative: the plotted days as a table, a key press away.
        self.table_model = TrendTableModel(self)
        self.table = trend_table_view(self.table_model)
        self.table.setMaximumHeight(240)
        self.table.hide()
        self.table_button = QPushButton(tr("Show the &data as a table"))
        self.table_button.setCheckable(True)
        self.table_button.setAccessibleName(tr("Show the chart data as a table"))
        self.table_button.toggled.connect(self._show_table)
        self.chart.point_cursor.moved.connect(lambda text: announce(self.chart.plot, text))
        row = QHBoxLayout()
        row.addWidget(self.table_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart, 1)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.definition)
        self.refresh()
        self.chart.set_range_preset("90d")

    def _show_table(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.table_button.setText(
            tr("Hide the &data table") if shown else tr("Show the &data as a table")
        )
        if shown:
            self.table.setFocus()

    def rebuild(self) -> None:
        """Rebuild the series from the journal and hand them to the chart."""
        journal = self.controller.journal
        series = build_trend_series_from_days(  # per-day totals from SQL, not every entry
            journal.daily_mood_totals(),
            journal.sessions(),
            journal.side_effects(),
            journal.assessments(),
            [step for course in journal.medication_courses() for step in course.steps],
        )
        series = with_planned(series, self.controller.plans.upcoming())
        self.chart.set_series(series)
        self.table_model.set_series(series)
