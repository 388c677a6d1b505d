"""Extraction quality against the hand-annotated gold sets (docs/annotation-guide.md)."""

import pytest

from orchestration.evaluation import GOLD_DIR, build_and_score

THRESHOLDS = {"seeds.json": 0.95, "unseen.json": 0.90}


@pytest.mark.parametrize("gold_file", sorted(THRESHOLDS))
def test_f1_on_gold_set(gold_file):
    scores, _, _ = build_and_score(GOLD_DIR / gold_file)
    for category in ("events", "actors", "figures"):
        assert scores[category].f1 >= THRESHOLDS[gold_file], (category, scores[category])


def test_unseen_set_is_large_enough_and_covers_the_required_forms():
    text = " ".join(path.read_text(encoding="utf-8") for path in (GOLD_DIR.parent / "fixtures" / "unseen").glob("*.txt"))
    assert len(list((GOLD_DIR.parent / "fixtures" / "unseen").glob("*.txt"))) >= 8
    for form in ("Aghdam", "Ağdam", "Kelbajar", "Kəlbəcər", "Kelbadjar", "Lacin", "Laçın", "Berdzor", "25 November",
                 "Nov. 25", "25.11.2020", "on Wednesday", "two weeks ago", "last week", "by the end of the month",
                 "nearly 2,000", "about two thousand", "more than 13,000", "1 960", "some 2000",
                 "is not expected to be handed over before", "will enter"):
        assert form.lower() in text.lower(), form
