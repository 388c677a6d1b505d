"""Inferring a publication date when no header line, byline date or dateline gives one.

The rule: the latest day-precision date stated in the body as something that happened (not a deadline,
not a future plan) whose weekday is one the article names ("said on Wednesday"). Without such agreement
the date stays null: a wrong date would shift every relative and weekday date of the article.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from orchestration.extraction.cues import find_cues
from orchestration.extraction.dates import find_dates, weekday_names_in

INFERRED_CONFIDENCE = 0.6
_DEADLINE_WORDS = ("by ", "before ", "until ", "till ", "no later than ")


def infer_published_date(sentences: Iterable[str], fallback_year: int | None) -> tuple[date | None, float | None]:
    """(date, confidence) inferred from body sentences, or (None, None)."""
    sentences = list(sentences)
    weekdays = set().union(*(weekday_names_in(s) for s in sentences)) if sentences else set()
    if not weekdays:
        return None, None
    candidates: list[date] = []
    for sentence in sentences:
        if not any(ch.isdigit() for ch in sentence):
            continue
        cues = find_cues(0, sentence)
        if any(c.label in ("future", "scheduled") for c in cues):
            continue
        for mention in find_dates(sentence, None, fallback_year):
            before = sentence[max(0, mention.char_start - 16):mention.char_start].lower()
            if mention.kind == "absolute" and mention.precision == "day" and mention.value is not None \
                    and not before.endswith(_DEADLINE_WORDS):
                candidates.append(mention.value)
    agreeing = [day for day in candidates if day.weekday() in weekdays]
    if not agreeing:
        return None, None
    return max(agreeing), INFERRED_CONFIDENCE
