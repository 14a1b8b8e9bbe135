"""The CLI speaks the chosen language (the journal's ui.language, else the environment's):
German prints German, --json stays English, ``export pdf --language`` picks the PDF's
own, the crisis resources follow the country, and a pseudo-locale leaves no English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from ketajournal import language
from ketajournal.cli import main
from resources import core_catalogue


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


@pytest.fixture
def demo(home: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(home, "demo", "--days", "120") == 0
    capsys.readouterr()
    return home


def test_the_cli_in_german_prints_german(
        demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KETAJOURNAL_LANGUAGE", "de")
    assert run(demo, "status") == 0
    out = capsys.readouterr().out
    assert "PHQ-9: Ausgangswert" in out and "Ansprechen" in out and "baseline" not in out
    assert run(demo, "boosters") == 0
    assert "Schwelle T:" in capsys.readouterr().out
    assert run(demo, "log", "mood", "6") == 0
    assert "gespeichert" in capsys.readouterr().out
    assert run(demo, "log", "side-effect", "blood_in_urine", "--severity", "2") == 0
    assert "Warnzeichen: Blut im Urin kann" in capsys.readouterr().err
    assert run(demo, "settings") == 0
    listed = capsys.readouterr().out
    assert "Remission im PHQ-9: neuester Gesamtwert unter dieser Zahl." in listed
    assert "reminders.mood = " in listed and "Threshold" not in listed  # keys stay
    assert run(demo, "check", "--deep") == 0
    report = capsys.readouterr().out
    assert "Integrität   ok" in report and "erste gründliche Prüfung" in report
    assert "Eintr" in report and "entries" not in report  # the backup line's count


def test_the_journal_setting_outranks_the_environment(
        demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KETAJOURNAL_LANGUAGE", "de")
    assert run(demo, "settings", "ui.language", "es") == 0
    capsys.readouterr()
    assert run(demo, "status") == 0
    assert "PHQ-9: valor basal" in capsys.readouterr().out


def test_json_stays_english_in_any_language(
        demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KETAJOURNAL_LANGUAGE", "de")
    assert run(demo, "status", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["phq9"]["definitions"]["change"].startswith("Change:")


def test_export_pdf_language_picks_the_pdfs_own(
        demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KETAJOURNAL_LANGUAGE", "de")
    target = tmp_path / "abroad.pdf"
    assert run(demo, "export", "pdf", "-o", str(target), "--language", "en") == 0
    assert "Bericht mit" in capsys.readouterr().out  # the patient's own language
    first = PdfReader(target).pages[0].extract_text()
    assert "Treatment journal summary" in first and "Sessions in the period" in first
    assert "Sitzungen" not in first
    assert language.current() == "de"  # back to the patient's language after the PDF
    german = tmp_path / "home.pdf"
    assert run(demo, "export", "pdf", "-o", str(german)) == 0
    assert "Sitzungen im Zeitraum" in PdfReader(german).pages[0].extract_text()


def test_crisis_resources_follow_the_country_not_the_language(
        demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KETAJOURNAL_LANGUAGE", "de")
    assert run(demo, "settings", "safety.crisis_country", "US") == 0
    assert run(demo, "log", "phq9", "1,1,1,1,1,1,1,1,2") == 0
    err = capsys.readouterr().err
    assert "Diese App ist privat" in err  # the notice in the reader's language…
    assert "988" in err  # …the United States' numbers, not Germany's
    assert "TelefonSeelsorge" not in err


def test_the_pseudo_locale_leaves_no_english_in_the_main_outputs(
        demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # Whatever language a command asks for, it gets the pseudo-locale.
    monkeypatch.setattr(language, "use", lambda chosen: core_catalogue.install_pseudo())
    outputs = []
    for command in (["status"], ["boosters"], ["due"], ["log", "mood", "6"],
                    ["export", "pdf", "-o", str(tmp_path / "r.pdf")],
                    ["export", "json", "-o", str(tmp_path / "r.json")]):
        assert run(demo, *command) == 0
        outputs.append(capsys.readouterr().out)
    text = " ".join(outputs)
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"«[^«»]*»", " ", text)
    text = text.replace(str(tmp_path), " ")
    # Left: numbers, dates, the questionnaires' names, ids and ISO times — no words.
    allowed = {"PHQ", "GAD", "T", "mg"}
    words = {w for w in re.findall(r"[^\W\d_]{2,}", text) if w not in allowed}
    # Dates are written by Babel in the locale (the journal's English here).
    words -= {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
    assert words == set(), f"untranslated: {words}"


def _left_words(text: str, *drop: str) -> set[str]:
    """The words of ``text`` outside the pseudo-locale's marks (paths, ids, keys dropped)."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"«[^«»]*»", " ", text)
    for part in drop:
        text = text.replace(part, " ")
    text = re.sub(r"\b[0-9a-f]{8}-[0-9a-f-]{27,}\b", " ", text)  # ids of computers, entries
    text = re.sub(r"\b[0-9A-Z]{4,6}(?:-[0-9A-Z]{4,6}){3,}\b", " ", text)  # a recovery key
    return set(re.findall(r"[^\W\d_]{2,}", text))


#: Left in any language: names of the questionnaires, units, our name, the CLI's own
#: option and command words quoted inside sentences are inside the marks.
PROPER = {"PHQ", "GAD", "T", "mg", "ketajournal", "IV"}


def test_the_pseudo_locale_leaves_no_english_in_the_less_common_commands(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """sync, import, backup, restore, plan, medication, settings, factors, the recovery
    key's notice and bad input (exit 2): every sentence through the catalogue."""
    monkeypatch.setattr(language, "use", lambda chosen: core_catalogue.install_pseudo())
    folder, key = tmp_path / "folder", tmp_path / "key.txt"
    folder.mkdir()
    fixtures = Path(__file__).parents[2] / "fixtures" / "imports"
    monday = "2026-12-07"
    ok = [
        ["log", "mood", "5"],  # a new journal: the recovery key's notice
        ["import", "--from", "emoods", str(fixtures / "emoods.csv"), "--dry-run"],
        ["import", "--from", "emoods", str(fixtures / "emoods.csv")],
        ["export", "json", "-o", str(tmp_path / "e.json")],
        ["import", str(tmp_path / "e.json")],
        ["backup", "-o", str(tmp_path / "b.kjbackup")],
        ["plan", "template", "iv-induction", "--start", monday, "--dry-run"],
        ["plan", "template", "iv-induction", "--start", monday],
        ["plan", "list"],
        ["plan", "missed", "1"],
        ["plan", "remove", "2"],
        ["plan", "list", "--all"],
        ["medication", "start", "Quetiapine", "--dose", "50 mg", "--at", "2026-11-01"],
        ["medication", "change", "Quetiapine", "--dose", "100 mg", "--at", "2026-11-20"],
        ["medication", "list"],
        ["factor", "define", "walk", "--kind", "yesno"],
        ["factor", "set", "walk", "yes"],
        ["factor", "list"],
        ["factors"],
        ["settings", "booster.threshold", "6"],
        ["sync", "setup", str(folder)],
        ["sync"],
        ["sync", "status"],
        ["sync", "history"],
    ]
    refused = [  # bad input exits 2; a journal already in place is refused with 1
        ["log", "mood", "11"],
        ["settings", "safety.crisis_country", "XX"],
        ["plan", "done", "99"],
        ["medication", "stop", "Nothing"],
        ["factor", "define", "walk", "--kind", "yesno"],
        ["sync", "remove", "someone"],
        ["restore", str(tmp_path / "b.kjbackup")],
    ]
    outputs = []
    first = True
    for command in ok:
        extra = ["--recovery-key-file", str(key)] if first else []
        first = False
        assert run(home, *extra, *command) == 0, command
        captured = capsys.readouterr()
        outputs += [captured.out, captured.err]
    for command in refused:
        assert run(home, *command) == (1 if command[0] == "restore" else 2), command
        captured = capsys.readouterr()
        outputs += [captured.out, captured.err]
    # A new journal without --recovery-key-file prints the key's notice; a restore into
    # a new folder says what it restored.
    assert run(tmp_path / "other", "log", "mood", "5") == 0
    assert run(tmp_path / "restored", "--password-file", str(key), "restore",
               str(tmp_path / "b.kjbackup")) == 0
    captured = capsys.readouterr()
    outputs += [captured.out, captured.err]
    text = " ".join(outputs)
    words = _left_words(text, str(tmp_path), str(home), "Quetiapine", "walk", "emoods.csv",
                        "e.json") - PROPER
    # The field a message names stays as the CLI and the settings name it ("mood: …");
    # dates are written by Babel in the pseudo-locale's (German) locale.
    fields = {"mood", "id", "name", "password", "file", "safety", "crisis", "country",
              "booster", "threshold"}
    dates = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So", "Nov", "Dez", "Jan"}
    assert words - fields - dates == set(), f"untranslated: {words - fields - dates}"
