"""Lexicon phrases in sentences: handover triggers (entered, scheduled, postponed) and modality cues
(future, negation, reporting verbs).

The lexicons are CSV under seeds/reference. All phrases are compiled into one alternation, longest first,
and matched case-insensitively on word boundaries in a single linear pass per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from orchestration.reference import load_reference

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True)
class CueMention:
    sentence_id: int
    char_start: int
    char_end: int
    text: str
    cue_kind: str  # 'trigger' | 'modality'
    label: str     # event type for triggers; 'future' | 'negation' | 'reporting' for modality cues


@cache
def _lexicon() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    labels: dict[str, tuple[str, str]] = {}
    for row in load_reference("event_triggers"):
        labels[row["phrase"].lower()] = ("trigger", row["event_type"])
    for row in load_reference("modality_cues"):
        labels.setdefault(row["phrase"].lower(), ("modality", row["cue"]))
    alternation = "|".join(_phrase_pattern(p) for p in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{alternation})(?![\w'])", re.IGNORECASE), labels


def _phrase_pattern(phrase: str) -> str:
    """Words separated by any whitespace; '*' stands for exactly one word ("came under * control")."""
    return r"\s+".join(r"[\w'-]+" if word == "*" else re.escape(word) for word in phrase.split())


def _label(matched: str, labels: dict[str, tuple[str, str]]) -> tuple[str, str]:
    words = matched.lower().split()
    exact = labels.get(" ".join(words))
    if exact:
        return exact
    return next(label for phrase, label in labels.items()
                if len(phrase.split()) == len(words)
                and all(p in ("*", w) for p, w in zip(phrase.split(), words)))


def find_cues(sentence_id: int, text: str, offset: int = 0) -> list[CueMention]:
    """Trigger and modality phrases of one sentence, with offsets shifted by `offset`."""
    pattern, labels = _lexicon()
    found: list[CueMention] = []
    for match in pattern.finditer(text.translate(_APOSTROPHES)):
        kind, label = _label(match.group(), labels)
        found.append(CueMention(sentence_id, offset + match.start(), offset + match.end(),
                                text[match.start():match.end()], kind, label))
    return found
