"""Inferring a publication date when no header line, byline date or dateline gives one.

The rule: the latest day-precision date stated in the body as something that happened (not a deadline,
not a future plan, not an agreement's day) whose weekday is one the article names ("said on Wednesday"). Without such agreement
the date stays null: a wrong date would shift every relative and weekday date of the article. A day written without
its year takes part only when the article writes no other year and counts no years back: one weekday in seven agrees
with a guessed year by chance, and a look-back's yearless days are seldom in the corpus year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from orchestration.extraction.cues import find_cues
from orchestration.extraction.dates import find_dates, weekday_names_in, years_counted_back
from orchestration.reference import load_reference

INFERRED_CONFIDENCE = 0.6
# A report that counts a few years back ("two years ago", "the third anniversary") is written years after the days
# it tells, so none of them is its own day; longer counts recall history that a report of the day recalls too
# ("occupied 27 years ago")
LOOK_BACK_YEARS = 10
_DEADLINE_WORDS = ("by ", "before ", "until ", "till ", "no later than ")
_DIGIT = re.compile(r"\d")  # a stated day holds one
# "the deal signed on November 9", "the November 10 trilateral statement": the agreement's day, not the report's
_AGREEMENT_WORDS = frozenset(
    row["word"]
    for row in load_reference("date_words")
    if row["category"] in ("agreement_marker", "agreement_adjective")
)
_AGREEMENT_WINDOW = 24
_WORD = re.compile(r"[\w'-]+")


class DatingEvidence(NamedTuple):
    """What an undated article offers for the inference, gathered while it is parsed (in a worker): the
    weekdays it names and the sentences that may state the day (a digit, no future or scheduled cue). The
    dates in them are read later, once the corpus year for dates without a year is known."""

    weekdays: frozenset[int]
    sentences: list[str]
    text: str | None = None  # the whole text when it writes no year: a header date without one ("BAKU,
    # November 15 /TASS/") is read again with the corpus year
    years_back: int = 0  # the most years, up to LOOK_BACK_YEARS, the body counts back ("two years ago")


def dating_evidence(sentences: Iterable[str], text: str | None = None) -> DatingEvidence:
    """The evidence in an undated article's body sentences; no sentences when it names no weekday, since then
    no date can agree with one. `text`: the article's, when it writes no year."""
    sentences = list(sentences)
    weekdays = frozenset(weekday_names_in("\n".join(sentences)))
    if not weekdays:
        return DatingEvidence(weekdays, [], text)
    stated = [
        sentence
        for sentence in sentences
        if _DIGIT.search(sentence) and not any(cue.label in ("future", "scheduled") for cue in find_cues(0, sentence))
    ]
    look_back = max((n for n in years_counted_back(sentences) if n <= LOOK_BACK_YEARS), default=0)
    return DatingEvidence(weekdays, stated, text, look_back)


def date_from_evidence(evidence: DatingEvidence, fallback_year: int | None) -> tuple[date | None, float | None]:
    """(date, confidence) inferred from an article's evidence, or (None, None)."""
    candidates: list[date] = []
    guessed: list[date] = []  # days whose year is the corpus year, not written
    written_years: set[int] = set()
    for sentence in evidence.sentences:
        for mention in find_dates(sentence, None, fallback_year):
            if mention.anchor == "explicit" and mention.precision == "day" and mention.value is not None:
                written_years.add(mention.value.year)
            before = sentence[max(0, mention.char_start - 16) : mention.char_start].lower()
            near = sentence[max(0, mention.char_start - _AGREEMENT_WINDOW) : mention.char_end + _AGREEMENT_WINDOW]
            if (
                mention.kind == "absolute"
                and mention.precision == "day"
                and mention.value is not None
                and not before.endswith(_DEADLINE_WORDS)
                and _AGREEMENT_WORDS.isdisjoint(_WORD.findall(near.lower()))
            ):
                (candidates if mention.anchor == "explicit" else guessed).append(mention.value)
    if not evidence.years_back and written_years <= {fallback_year}:
        candidates += guessed
    if evidence.years_back and written_years:  # only a day that many years after the oldest it tells can be its own
        candidates = [day for day in candidates if day.year >= min(written_years) + evidence.years_back]
    agreeing = [day for day in candidates if day.weekday() in evidence.weekdays]
    if not agreeing:
        return None, None
    return max(agreeing), INFERRED_CONFIDENCE


def infer_published_date(sentences: Iterable[str], fallback_year: int | None) -> tuple[date | None, float | None]:
    """(date, confidence) inferred from body sentences, or (None, None)."""
    return date_from_evidence(dating_evidence(sentences), fallback_year)
