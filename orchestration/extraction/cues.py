"""Lexicon phrases in sentences: handover triggers (entered, scheduled, postponed) and modality cues
(future, negation, reporting verbs).

The lexicons are CSV under seeds/reference. All phrases are compiled into one alternation, longest first,
and matched case-insensitively on word boundaries in a single linear pass per sentence.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from orchestration.extraction.jit_regex import ScanPattern
from orchestration.reference import load_reference

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


class CueMention(NamedTuple):
    sentence_id: int
    char_start: int
    char_end: int
    text: str
    cue_kind: str  # 'trigger' | 'modality'
    label: str     # event type for triggers; 'future' | 'negation' | 'reporting' for modality cues


@cache
def _lexicons() -> tuple[tuple[ScanPattern, dict[str, tuple[str, str]]], ...]:
    """One pattern for triggers and one for modality cues: they may overlap ("is to" inside "is to be
    returned"), and one alternation would let the earlier match hide the other."""
    lexicons = []
    for name, kind, column in (("event_triggers", "trigger", "event_type"), ("modality_cues", "modality", "cue")):
        rows = sorted(load_reference(name), key=lambda row: -len(row["phrase"]))
        labels = {row["phrase"].lower(): (kind, row[column]) for row in rows}
        alternation = _alternation(list(labels))
        lexicons.append((ScanPattern(rf"(?<![\w'])(?:{alternation})(?![\w'])", ignore_case=True), labels))
    return tuple(lexicons)


def _alternation(phrases: list[str]) -> str:
    """The phrases as one alternation that tries them in the given order, grouped by initial letter.

    `also|after|arrived` becomes `a(?:lso|fter|rrived)`: at a word that starts none of them the engine gives
    up after one test per letter, not one per phrase. Only phrases of one group can match at a given place
    when no character matches two of the initials ignoring case, so the first phrase that matches is the
    same; a phrase never moves ahead of one whose initial is not such a letter (a Turkish 'ı', which matches
    'I' like 'i' does). Grouping Cyrillic and accented initials too halves the scan of seven languages."""
    separate = _separate_initials({phrase[:1] for phrase in phrases})
    groups: list[list[str]] = []
    open_groups: dict[str, list[str]] = {}
    for phrase in phrases:  # lower-case already
        initial = phrase[:1]
        if initial not in separate:
            open_groups.clear()
            groups.append([phrase])
        elif initial in open_groups:
            open_groups[initial].append(phrase)
        else:
            open_groups[initial] = [phrase]
            groups.append(open_groups[initial])
    return "|".join(_group_pattern(group) for group in groups)


def _separate_initials(initials: set[str]) -> set[str]:
    """The initials that are letters no other initial matches ignoring case: `re` matches a character to a
    letter through its case class (I, i and ı are one), so a character that matched two initials would make
    them match each other."""
    letters = {initial for initial in initials if initial.isalpha()}
    return {letter for letter in letters
            if not any(other != letter and re.fullmatch(re.escape(letter), other, re.IGNORECASE) for other in letters)}


def _group_pattern(phrases: list[str]) -> str:
    """Phrases sharing an initial letter: the letter, then the alternation of their remainders."""
    if len(phrases) == 1:
        return _phrase_pattern(phrases[0])
    return phrases[0][0] + "(?:" + "|".join(_phrase_pattern(p)[1:] for p in phrases) + ")"


def _phrase_pattern(phrase: str) -> str:
    """Words separated by any whitespace; '*' stands for exactly one word ("came under * control"), and a
    word ending in '*' is a stem with any ending ("перенес*" is перенесена, перенесли...: one entry for the
    inflections of languages that have many)."""
    return r"\s+".join(r"[\w'-]+" if word == "*" else re.escape(word[:-1]) + r"\w*" if word.endswith("*")
                       else re.escape(word) for word in phrase.split())


def _word_fits(pattern_word: str, word: str) -> bool:
    return pattern_word in ("*", word) or (pattern_word.endswith("*") and word.startswith(pattern_word[:-1]))


def _label(matched: str, labels: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """The label of the phrase that matched: tried in the alternation's order (longest first, as `labels` is
    kept), like the match: "çekilece*" (will withdraw) before "çekil*" (withdrew)."""
    words = matched.lower().split()
    exact = labels.get(" ".join(words))
    if exact:
        return exact
    return next(label for phrase, label in labels.items()
                if len(phrase.split()) == len(words)
                and all(_word_fits(p, w) for p, w in zip(phrase.split(), words)))


def find_cues(sentence_id: int, text: str, offset: int = 0) -> list[CueMention]:
    """Trigger and modality phrases of one sentence in text order, with offsets shifted by `offset`."""
    folded = text.translate(_APOSTROPHES)
    found: list[CueMention] = []
    for pattern, labels in _lexicons():
        for match in pattern.finditer(folded):
            kind, label = _label(match.group(), labels)
            found.append(CueMention(sentence_id, offset + match.start(), offset + match.end(),
                                    text[match.start():match.end()], kind, label))
    return sorted(found, key=lambda cue: (cue.char_start, cue.char_end))
