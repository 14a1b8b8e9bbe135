"""The PDF's optional year-in-pixels page, read back: off by default, one page per year."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from pypdf import PdfReader

from ketajournal.domain.models import Phase, Route, Session
from ketajournal.domain.year_pixels import DEFINITION
from ketajournal.palette import mood_colour
from ketajournal.reports.pdf import write_pdf
from ketajournal.services import app_import
from ketajournal.services.journal import Journal
from ketajournal.services.reports import build_report
from tests.support import exports
from tests.support.clock import NOW


def flat(text: str) -> str:
    return " ".join(text.split())


def filled(journal: Journal) -> None:
    parsed = app_import.read_file(
        Path("daylio.csv"),
        app_import.ImportOptions("daylio", {exports.CUSTOM_LABEL: 4}, zone=NOW.tzinfo),
        data=exports.daylio_history(),
    )
    app_import.import_parsed(journal, parsed)
    day = exports.HISTORY_START + timedelta(days=500)
    journal.log(Session(at=datetime.combine(day, time(10), NOW.tzinfo), route=Route.IV,
                        phase=Phase.INDUCTION, dose_mg=35))


def export(journal: Journal, target: Path, **kw: object) -> PdfReader:
    report = build_report(journal, date(2025, 1, 1), date(2026, 6, 30), include_notes=False,
                          name=None, since_last_appointment=False, **kw)  # type: ignore[arg-type]
    pages = write_pdf(report, target)
    reader = PdfReader(target)
    assert len(reader.pages) == pages
    return reader


def test_the_year_page_is_off_by_default(journal: Journal, tmp_path: Path) -> None:
    filled(journal)
    reader = export(journal, tmp_path / "plain.pdf")
    assert not any("Year in pixels" in page.extract_text() for page in reader.pages)


def test_one_page_per_year_of_the_period_with_its_counts_and_definition(
    journal: Journal, tmp_path: Path
) -> None:
    filled(journal)
    plain = len(export(journal, tmp_path / "plain.pdf").pages)
    reader = export(journal, tmp_path / "years.pdf", year_page=True)
    texts = [flat(page.extract_text()) for page in reader.pages]
    assert len(texts) == plain + 2
    years = [i for i, text in enumerate(texts) if "Year in pixels:" in text]
    assert len(years) == 2 and years[1] == years[0] + 1
    first, second = texts[years[0]], texts[years[1]]
    assert "Year in pixels: 2025" in first
    assert "365 days with a mood entry, 0 session days." in first
    assert "Year in pixels: 2026" in second
    assert "181 days with a mood entry, 1 session day." in second
    assert flat(DEFINITION) in first
    for name in ("Jan", "Jun", "Dec", "mood 0", "no entry", "session"):
        assert name in first
    # The squares are vector rectangles filled with the scale's colours.
    content = reader.pages[years[0]].get_contents()
    assert content is not None
    stream = content.get_data().decode("latin-1")
    for step in (4, 5, 7):  # the history's moods: tired but ok, meh, good
        rgb = (int(mood_colour(step)[i:i + 2], 16) / 255 for i in (1, 3, 5))
        fill = " ".join(f"{part:.6g}".removeprefix("0") for part in rgb) + " rg"
        assert fill in stream, step
