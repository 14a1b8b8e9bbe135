"""The PDF's look: text escaped for ReportLab, glyphs the font lacks replaced, the styles."""

from __future__ import annotations

from ketajournal.reports.pdf.look import SANS, escaped, para, styles


def test_text_is_escaped_and_missing_glyphs_are_replaced() -> None:
    assert escaped("<b>5 & 6</b>") == "&lt;b&gt;5 &amp; 6&lt;/b&gt;"
    assert escaped("x₀ → x₁") == "x0 -&gt; x1"
    assert escaped("≥ 50 % − 3") == "≥ 50 % − 3"  # the embedded font has these


def test_every_style_uses_an_embedded_font_and_paragraphs_keep_the_text() -> None:
    all_styles = styles()
    assert {"h1", "h2", "body", "flag", "small"} <= set(all_styles)
    assert all(style.fontName.startswith(SANS) for style in all_styles.values())
    assert para("a < b", "small").text == "a &lt; b"
