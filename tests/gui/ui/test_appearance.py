"""Light and dark: the Settings' choice or the system's scheme, applied live to every part."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from ketajournal import palette
from ketajournal.domain.models import (
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.services.journal import Journal
from ketajournal.services.settings import Settings
from ketajournal.ui.appearance import (
    SCHEME_VARIABLE,
    Appearance,
    fill,
    qpalette,
    set_style,
    system_is_dark,
)
from ketajournal.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def back_to_light(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No scheme from the environment; every test leaves the application light."""
    monkeypatch.delenv(SCHEME_VARIABLE, raising=False)
    yield
    palette.use(palette.LIGHT)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(qpalette(palette.LIGHT))


@pytest.fixture
def window_journal(journal: Journal) -> Journal:
    now = journal.now()
    journal.log(MoodEntry(at=now, mood=6))
    journal.log(Session(at=now, route=Route.IV, phase=Phase.INDUCTION))
    journal.log(SideEffect(at=now, category=SideEffectCategory.BLOOD_IN_URINE, severity=3))
    return journal


def choose(window: MainWindow, scheme: str) -> None:
    controller = window.open_controller
    Settings(controller.journal).set("appearance.color_scheme", scheme)
    controller.notify(controller.settings_changed())


def window_colour() -> str:
    return QApplication.palette().color(QPalette.ColorRole.Window).name()


def test_the_settings_switch_every_part_to_dark_and_back_live(window: MainWindow) -> None:
    trends, boosters = window.trends, window.boosters  # built light
    assert window_colour() == palette.LIGHT.window

    choose(window, "dark")

    dark = palette.DARK
    assert palette.screen() is dark
    assert window_colour() == dark.window
    assert QApplication.palette().color(QPalette.ColorRole.Text).name() == dark.text
    # The "Needs your attention" box (red flag) and the Trends chart, with every item.
    assert dark.danger in window.today.flags_box.styleSheet()
    chart = trends.chart
    assert chart.plot.backgroundBrush().color().name() == dark.chart_background
    assert chart.item_style("mean").colour == dark.mean
    assert chart.item_style("induction").colour == dark.induction
    assert chart.item_style("phq9").colour == dark.phq9
    assert chart.item_style("grid").colour == dark.chart_grid
    assert [r.brush.color().name() for r in chart.band_regions[:2]] == list(dark.band_fills)
    assert chart.band_labels[0].color.name() == dark.band_text
    axis = chart.plot.getPlotItem().getAxis("left")
    assert axis.pen().color().name() == dark.chart_text
    assert dark.chart_text in axis.labelString()
    assert all(label.opts["color"].name() == dark.chart_text for _s, label in chart.legend.items)
    # The booster chart.
    assert boosters.chart.median_item.opts["pen"].color().name() == dark.mean
    assert boosters.chart.threshold_line.pen.color().name() == dark.booster_alert
    # A red-flag row of the Timeline.
    model = window.timeline.table.model()
    rows = [
        model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole)
        for row in range(model.rowCount())
    ]
    assert [c.name() for c in rows if c is not None] == [dark.danger]

    choose(window, "light")

    assert palette.screen() is palette.LIGHT and window_colour() == palette.LIGHT.window
    assert palette.LIGHT.danger in window.today.flags_box.styleSheet()
    assert chart.item_style("mean").colour == palette.LIGHT.mean
    assert chart.plot.backgroundBrush().color().name() == palette.LIGHT.chart_background


def test_system_follows_the_system_scheme_when_it_changes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not system_is_dark()  # the offscreen platform has no scheme: light
    monkeypatch.setenv(SCHEME_VARIABLE, "dark")  # what the system now says
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert palette.screen() is palette.DARK and window_colour() == palette.DARK.window

    choose(window, "light")  # the override wins over the system
    assert palette.screen() is palette.LIGHT
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert palette.screen() is palette.LIGHT

    choose(window, "system")
    assert palette.screen() is palette.DARK


def test_a_styled_widget_is_written_again_in_the_new_colours(qtbot: QtBot) -> None:
    label = QLabel("Could not save")
    qtbot.addWidget(label)
    set_style(label, "color: $danger; font-weight: 600;")
    assert label.styleSheet() == f"color: {palette.LIGHT.danger}; font-weight: 600;"
    appearance = Appearance(choice="dark")
    assert label.styleSheet() == f"color: {palette.DARK.danger}; font-weight: 600;"
    appearance.set_choice("light")
    assert label.styleSheet() == fill("color: $danger; font-weight: 600;", palette.LIGHT)


def test_an_unknown_choice_follows_the_system() -> None:
    appearance = Appearance(choice="sepia")
    assert appearance.choice == "system" and palette.screen() is palette.LIGHT
