"""The computer's zone by name: TZ, the /etc/localtime link, /etc/timezone, checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ketajournal.platform.clock import UTC_NAMES, named_zone, zone_name

BERLIN_FILE = "/usr/share/zoneinfo/Europe/Berlin"


def link(tmp_path: Path, target: str) -> Path:
    """A stand-in for /etc/localtime: a link to ``target`` (which need not exist)."""
    path = tmp_path / "localtime"
    path.symlink_to(target)
    return path


def test_the_tz_variable_names_the_zone_in_each_of_its_spellings(
    process_zone: Callable[[str], None], tmp_path: Path
) -> None:
    nowhere = tmp_path / "missing"
    for value, name in (("Europe/Berlin", "Europe/Berlin"),
                        (":America/New_York", "America/New_York"),
                        (":" + BERLIN_FILE, "Europe/Berlin")):
        process_zone(value)
        assert zone_name(None, nowhere, nowhere) == name, value
    zone = named_zone()
    assert zone is not None and zone.key == "Europe/Berlin"


def test_a_posix_rule_in_tz_has_no_name_and_nothing_else_is_asked(
    process_zone: Callable[[str], None], tmp_path: Path
) -> None:
    process_zone("CET-1CEST,M3.5.0,M10.5.0/3")
    timezone_file = tmp_path / "timezone"
    timezone_file.write_text("Europe/Berlin\n", encoding="utf-8")
    assert zone_name(None, link(tmp_path, BERLIN_FILE), timezone_file) is None


def test_without_tz_the_localtime_link_then_etc_timezone_name_it(
    process_zone: Callable[[str], None], tmp_path: Path
) -> None:
    process_zone("Europe/Berlin")  # the C library's zone; zone_name is given no TZ
    timezone_file = tmp_path / "timezone"
    assert zone_name({}, link(tmp_path, BERLIN_FILE), timezone_file) == "Europe/Berlin"
    macos = tmp_path / "mac"
    macos.mkdir()
    target = "/var/db/timezone/tz/2026a.1.0/zoneinfo/Europe/Berlin"
    assert zone_name({}, link(macos, target), timezone_file) == "Europe/Berlin"
    copied = tmp_path / "copied"
    copied.write_bytes(b"TZif")  # a copy, not a link: it says no name
    assert zone_name({}, copied, timezone_file) is None
    timezone_file.write_text("Europe/Berlin\n", encoding="utf-8")
    assert zone_name({}, copied, timezone_file) == "Europe/Berlin"


def test_a_name_that_is_not_the_computers_zone_or_no_zone_is_not_taken(
    process_zone: Callable[[str], None], tmp_path: Path
) -> None:
    process_zone("Europe/Berlin")
    copied = tmp_path / "copied"
    copied.write_bytes(b"TZif")
    timezone_file = tmp_path / "timezone"
    for stale in ("America/New_York", "Not/AZone", "../../etc/passwd", "/etc/passwd", ""):
        timezone_file.write_text(stale + "\n", encoding="utf-8")
        assert zone_name({}, copied, timezone_file) is None, stale
    assert zone_name({}, link(tmp_path, "/usr/share/zoneinfo/Asia/Tokyo"), timezone_file) is None


def test_utc_by_any_of_its_names_is_no_zone_to_write(process_zone: Callable[[str], None]) -> None:
    for name in ("UTC", "Etc/UTC", ":Etc/UTC"):
        process_zone(name)
        assert zone_name() in UTC_NAMES and named_zone() is None
