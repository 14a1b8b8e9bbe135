"""The reader's locale: read from the environment, English without one; numbers, paper and
the spreadsheet separator follow it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ketajournal.domain import locales


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    locales.use(None)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({"LANG": "de_DE.UTF-8"}, "de_DE"),
        ({"LANG": "de_DE.UTF-8", "LC_TIME": "es_ES.UTF-8"}, "es_ES"),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en_US"),
        ({"LC_ALL": "", "LANG": "fr_CA"}, "fr_CA"),
        ({"LANG": "xx_NOWHERE"}, None),
    ],
)
def test_the_locale_comes_from_the_environment_strongest_first(
    environ: dict[str, str], expected: str | None
) -> None:
    found = locales.from_environment(environ)
    assert (None if found is None else str(found)) == expected


def test_numbers_take_the_locale_decimal_sign() -> None:
    assert locales.number("5.9") == "5.9"
    locales.use("de_DE")
    assert locales.number("5.9") == "5,9" and locales.number("36") == "36"
    locales.use("en_GB")
    assert locales.number("5.9") == "5.9"


@pytest.mark.parametrize(
    ("code", "paper", "separator"),
    [(None, "a4", ","), ("en_US", "letter", ","), ("fr_CA", "letter", ";"),
     ("en_CA", "letter", ","), ("de_DE", "a4", ";"), ("es_ES", "a4", ";"),
     ("en_GB", "a4", ","), ("de", "a4", ";")],
)
def test_paper_and_list_separator_follow_the_locale(
    code: str | None, paper: str, separator: str
) -> None:
    locales.use(code)
    assert locales.paper() == paper
    assert locales.list_separator() == separator


@pytest.mark.parametrize(
    ("named", "language", "expected"),
    [
        ("de_DE", "de", "de_DE"),  # the locale in use speaks it: kept
        ("de_DE.UTF-8", "es", "es"),  # another language: that language's own
        ("de_DE", "en", None),  # English: the journal's own
        ("en_GB", "en", "en_GB"),
        ("C", "de", "de"),
        ("en_US_POSIX", "en", None),
        (None, "es", "es"),
    ],
)
def test_a_named_locale_is_followed_before_it_is_parsed(
    named: str | None, language: str, expected: str | None
) -> None:
    """The window names its locale before its first paint, which does not load Babel:
    the name is parsed when a date or number is first written."""
    locales.use(named)
    locales.follow(language)
    found = locales.current()
    assert (None if found is None else str(found)) == expected


def test_a_locale_chosen_while_a_named_one_is_parsed_is_the_one_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A report thread writing its first date parses the named locale while the window
    switches to English: the switch, which came last, wins."""
    import threading

    parsing, go_on = threading.Event(), threading.Event()
    real_parse = locales.parse

    def slow_parse(code: str | None) -> object:
        parsing.set()
        go_on.wait(5)
        return real_parse(code)

    monkeypatch.setattr(locales, "parse", slow_parse)
    locales.use("de_DE")
    writer = threading.Thread(target=locales.current)
    writer.start()
    assert parsing.wait(5)
    chooser = threading.Thread(target=locales.use, args=(None,))
    chooser.start()
    chooser.join(0.3)  # the choice is made (or waits for the parse) meanwhile
    go_on.set()
    writer.join(5)
    chooser.join(5)
    assert locales.current() is None
