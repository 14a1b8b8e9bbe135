"""Trends tab: the mood chart with sessions, side effects and questionnaire totals,
updated on every change."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ketajournal.charts.series import (
    QUESTIONNAIRE_TOTAL_DEFINITION,
    SEVEN_DAY_MEAN_DEFINITION,
    build_trend_series,
)
from ketajournal.charts.trends import BANDS_INSTRUMENT, TrendsChart
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.services.journal import Change
from ketajournal.ui.controller import JournalController

#: Kinds whose change alters the chart.
CHART_KINDS = frozenset({"mood", "session", "side_effect", "assessment"})


class TrendsView(QWidget):
    """Hands the chart fresh series whenever an entry it draws changes."""

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        controller.changed.connect(self.on_change)
        self.chart = TrendsChart()
        bands = INSTRUMENTS[BANDS_INSTRUMENT]
        self.definition = QLabel(
            "Points: daily mood (mean of the day's entries). "
            + SEVEN_DAY_MEAN_DEFINITION
            + ". Vertical lines: treatment sessions. Triangles: side effects (red: red flag). "
            "Diamonds and hexagons: PHQ-9 and GAD-7 totals on the right axis ("
            + QUESTIONNAIRE_TOTAL_DEFINITION[0].lower()
            + QUESTIONNAIRE_TOTAL_DEFINITION[1:]
            + f"); shaded: the {bands.short_title} severity bands ("
            + ", ".join(str(band) for band in bands.bands)
            + ")."
        )
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.definition)
        self.refresh()
        self.chart.set_range_preset("90d")

    def refresh(self) -> None:
        """Rebuild the series from the journal and hand them to the chart."""
        journal = self.controller.journal
        self.chart.set_series(
            build_trend_series(
                journal.moods(),
                journal.sessions(),
                journal.side_effects(),
                journal.assessments(),
            )
        )

    def on_change(self, change: Change) -> None:
        """Redraw when mood, sessions, side effects or questionnaires changed."""
        if change.kinds & CHART_KINDS:
            self.refresh()
