"""``ketajournal export``: every entry in the JSON export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.opening import open_journal


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def entry_counts(home: Path) -> dict[str, int]:
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        return journal.entry_counts()
    finally:
        journal.close()


def test_export_json_has_every_entry(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "demo", "--days", "60") == 0
    target = tmp_path / "out.json"
    assert run(home, "export", "json", "-o", str(target)) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "ketajournal-export"
    assert {k: len(v) for k, v in document["entries"].items()} == entry_counts(home)
    assert oct(target.stat().st_mode & 0o777) == "0o600"




def test_export_pdf_year_page_adds_a_year_in_pixels_page(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    assert run(home, "demo", "--days", "30") == 0
    plain, years = tmp_path / "plain.pdf", tmp_path / "years.pdf"
    assert run(home, "export", "pdf", "-o", str(plain)) == 0
    assert run(home, "export", "pdf", "-o", str(years), "--year-page") == 0
    texts = [page.extract_text() for page in PdfReader(years).pages]
    assert len(texts) >= len(PdfReader(plain).pages) + 1
    assert any("Year in pixels:" in text for text in texts)
    assert not any("Year in pixels:" in p.extract_text() for p in PdfReader(plain).pages)


@pytest.fixture
def english_after() -> object:
    from ketajournal.domain import locales

    yield
    locales.use(None)


@pytest.mark.usefixtures("english_after")
@pytest.mark.parametrize(
    ("environment", "option", "size"),
    [
        ("C.UTF-8", (), (595, 842)),  # no locale: A4
        ("en_US.UTF-8", (), (612, 792)),  # US: Letter
        ("de_DE.UTF-8", (), (595, 842)),
        ("en_US.UTF-8", ("--paper", "a4"), (595, 842)),  # the option wins
        ("C.UTF-8", ("--paper", "letter"), (612, 792)),
    ],
)
def test_export_pdf_paper_follows_the_locale_or_the_option(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    environment: str, option: tuple[str, ...], size: tuple[int, int],
) -> None:
    from pypdf import PdfReader

    monkeypatch.setenv("LC_ALL", environment)
    assert run(home, "demo", "--days", "30") == 0
    target = tmp_path / "report.pdf"
    assert run(home, "export", "pdf", "-o", str(target), *option) == 0
    reader = PdfReader(target)
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == size


@pytest.mark.usefixtures("english_after")
def test_the_paper_setting_is_used_when_no_option_is_given(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    assert run(home, "demo", "--days", "30") == 0
    assert run(home, "settings", "report.paper", "letter") == 0
    target = tmp_path / "report.pdf"
    assert run(home, "export", "pdf", "-o", str(target)) == 0
    assert round(float(PdfReader(target).pages[0].mediabox.height)) == 792


def test_a_paper_that_is_not_offered_is_refused_by_name(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(home, "export", "pdf", "-o", str(tmp_path / "r.pdf"), "--paper", "a5")
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--paper" in err and "'a4'" in err and "'letter'" in err
    assert "Traceback" not in err


@pytest.mark.usefixtures("english_after")
@pytest.mark.parametrize(
    ("environment", "excel", "separator", "bom"),
    [
        ("de_DE.UTF-8", False, ",", False),  # the default stays plain UTF-8 with commas
        ("de_DE.UTF-8", True, ";", True),
        ("en_US.UTF-8", True, ",", True),
    ],
)
def test_export_csv_for_a_spreadsheet_has_a_bom_and_the_locale_separator(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    environment: str, excel: bool, separator: str, bom: bool,
) -> None:
    monkeypatch.setenv("LC_ALL", environment)
    assert run(home, "demo", "--days", "30") == 0
    folder = tmp_path / "csv"
    assert run(home, "export", "csv", "-o", str(folder), *(["--excel"] if excel else [])) == 0
    raw = (folder / "session.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") is bom
    header = raw.decode("utf-8-sig").splitlines()[0]
    assert header.startswith(f"id{separator}")
    if not excel:  # what import reads back
        assert run(home, "import", str(folder)) == 0
