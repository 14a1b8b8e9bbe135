"""What the Trends chart says about the point under the mouse: the nearest day, total,
side effect or session within a few pixels, in words.

numpy (and the window's words, translated): the chart hands over its series, which of
its items are shown and the size of a pixel in data units.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from ketajournal.charts.trend_parts import MARKER_SPAN, PLANNED_Y, SCORE_SCALE, SIDE_EFFECT_Y
from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.series import FloatArray, TrendSeries, format_score
from ketajournal.translation import translator

tr = translator("TrendHover")


@dataclass(frozen=True)
class _Candidate:
    distance_px: float
    text: str


def _entries(count: int) -> str:
    return tr("1 entry") if count == 1 else tr("daily mean of %n entry(s)", n=count)


def describe_trend_point(
    series: TrendSeries,
    shown: Mapping[str, bool],
    x_seconds: float,
    y: float,
    pixel: tuple[float, float],
    radius_px: float,
) -> str | None:
    """Text for the point or marker within ``radius_px`` pixels of (x, y), or None.

    Coordinates are in data units (x in epoch seconds, y on the 0–10 scale); ``pixel``
    is the width and height of a pixel in those units. ``shown`` says, by item name
    ("mood", "anxiety", "sleep", "side_effect", "red_flag", "induction", "booster" and
    each instrument id), whether it is drawn: items hidden from the legend are not
    described. Points win over marker lines.
    """
    px_w, px_h = pixel
    if not (px_w > 0 and px_h > 0 and np.isfinite(px_w) and np.isfinite(px_h)):
        return None
    s = series
    found: list[_Candidate] = []

    def nearest(xs: FloatArray, ys: FloatArray) -> tuple[int, float] | None:
        if not xs.size:
            return None
        dist = np.hypot((xs - x_seconds) / px_w, (ys - y) / px_h)
        i = int(np.argmin(dist))
        return (i, float(dist[i])) if dist[i] <= radius_px else None

    # Each daily series: whether shown, its points, and how one day of it reads.
    daily: tuple[tuple[bool, FloatArray, FloatArray, Callable[[int], str]], ...] = (
        (shown["mood"], s.mood_x, s.mood_y, lambda i: (
            tr("{day} — mood {score} ({entries}); 7-day mean {mean}").format(
                day=format_date_with_weekday(s.mood_days[i]),
                score=format_score(float(s.mood_y[i])),
                entries=_entries(int(s.mood_counts[i])),
                mean=format_score(float(s.mean7_y[i]))))),
        (shown["anxiety"], s.anxiety_x, s.anxiety_y, lambda i: (
            tr("{day} — anxiety {score} (10 = worst; {entries})").format(
                day=format_date_with_weekday(s.anxiety_days[i]),
                score=format_score(float(s.anxiety_y[i])),
                entries=_entries(int(s.anxiety_counts[i]))))),
        (shown["sleep"], s.sleep_x, s.sleep_y, lambda i: (
            tr("{day} — sleep {hours} h ({entries})").format(
                day=format_date_with_weekday(s.sleep_days[i]),
                hours=format_score(float(s.sleep_y[i])),
                entries=_entries(int(s.sleep_counts[i]))))),
    )
    for visible, xs, ys, describe in daily:
        if visible and (hit := nearest(xs, ys)):
            found.append(_Candidate(hit[1], describe(hit[0])))
    for instrument_id in INSTRUMENTS:
        score = s.score(instrument_id)
        # Totals live on the right axis: bring them to the left 0–10 scale.
        if shown[instrument_id] and (hit := nearest(score.x, score.totals / SCORE_SCALE)):
            found.append(_Candidate(hit[1], score.labels[hit[0]]))
    effect_shown = np.where(s.side_effect_red_flag, shown["red_flag"], shown["side_effect"])
    effect_y = np.where(effect_shown, SIDE_EFFECT_Y, np.inf)
    if hit := nearest(s.side_effect_x, effect_y):
        found.append(_Candidate(hit[1], s.side_effect_labels[hit[0]]))
    if shown["planned"] and (
        hit := nearest(s.planned_x, np.full(s.planned_x.size, PLANNED_Y))
    ):
        found.append(_Candidate(hit[1], s.planned_labels[hit[0]]))
    if MARKER_SPAN[0] - radius_px * px_h <= y <= MARKER_SPAN[1] + radius_px * px_h:
        # A marker is a vertical line: only the horizontal distance counts, and a
        # point drawn over it is preferred.
        for name, xs, labels in (
            ("induction", s.induction_x, s.induction_labels),
            ("booster", s.booster_x, s.booster_labels),
        ):
            if shown[name] and (hit := nearest(xs, np.full(xs.size, y))):
                found.append(_Candidate(hit[1] + 2.0, labels[hit[0]]))
    if not found:
        return None
    return min(found, key=lambda c: c.distance_px).text


__all__ = ["describe_trend_point"]
