"""The questionnaires: PHQ-9 and GAD-7 scoring, bands and answer checks."""

from __future__ import annotations

import pytest

from ketajournal.domain.instruments import INSTRUMENTS, instrument
from ketajournal.domain.validation import ValidationError


def test_phq9_and_gad7_score_as_published() -> None:
    phq9, gad7 = instrument("phq9"), instrument("gad7")
    assert list(INSTRUMENTS) == ["phq9", "gad7"]
    assert (len(phq9.items), phq9.max_total, phq9.safety_item) == (9, 27, 9)
    assert (len(gad7.items), gad7.max_total) == (7, 21)
    assert phq9.total([1, 2, 3, 0, 1, 2, 3, 0, 1]) == 13
    assert str(phq9.band(13)) == "10–14 moderate"
    assert gad7.band(21).label == "severe"
    assert phq9.option_label(3) == "Nearly every day"


def test_bands_cover_every_total_without_overlap() -> None:
    for inst in INSTRUMENTS.values():
        covered = [t for b in inst.bands for t in range(b.low, b.high + 1)]
        assert covered == list(range(inst.max_total + 1))
        with pytest.raises(ValidationError):
            inst.band(inst.max_total + 1)


def test_wrong_answers_are_refused_by_item() -> None:
    phq9 = instrument("phq9")
    with pytest.raises(ValidationError, match="exactly 9 answers"):
        phq9.check_answers([0] * 8)
    with pytest.raises(ValidationError, match=r"^answers item 4: "):
        phq9.check_answers([0, 0, 0, 4, 0, 0, 0, 0, 0])
    assert phq9.check_extra(None) is None
    assert phq9.check_extra(2) == 2
    with pytest.raises(ValidationError):
        phq9.check_extra(9)
    # Since issue 13 the GAD-7 carries the same difficulty question as the PHQ-9.
    assert instrument("gad7").check_extra(1) == 1
    with pytest.raises(ValidationError, match="phq9, gad7"):
        instrument("bdi")
