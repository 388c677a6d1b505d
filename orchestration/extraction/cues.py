"""Lexicon phrases in sentences: handover triggers (entered, scheduled, postponed) and modality cues
(future, negation, reporting verbs).

The lexicons are CSV under seeds/reference. All phrases are compiled into one alternation, longest first,
and matched case-insensitively on word boundaries in a single linear pass per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from orchestration.extraction.jit_regex import ScanPattern, grouped_alternation, word_trie
from orchestration.reference import load_reference

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


class CueMention(NamedTuple):
    sentence_id: int
    char_start: int
    char_end: int
    text: str
    cue_kind: str  # 'trigger' | 'modality'
    label: str  # event type for triggers; 'future' | 'negation' | 'reporting' for modality cues


@cache
def _lexicons() -> tuple[tuple[ScanPattern, dict[str, tuple[str, str]], bool], ...]:
    """One pattern for triggers, one for modality cues and one for the triggers' inflections
    (trigger_forms.csv): they may overlap ("is to" inside "is to be returned"), and one alternation would let
    the earlier match hide the other. The inflections, thousands of plain words, share their prefixes."""
    lexicons = []
    for name, kind, column in (("event_triggers", "trigger", "event_type"), ("modality_cues", "modality", "cue")):
        rows = sorted(load_reference(name), key=lambda row: -len(row["phrase"]))
        labels = {row["phrase"].lower(): (kind, row[column]) for row in rows}
        alternation = grouped_alternation(list(labels), _phrase_pattern)
        lexicons.append((ScanPattern(rf"(?<![\w'])(?:{alternation})(?![\w'])", ignore_case=True), labels, False))
    forms = {row["phrase"]: ("trigger", row["event_type"]) for row in load_reference("trigger_forms")}
    lexicons.append((ScanPattern(rf"(?<![\w'])(?:{_forms_pattern(forms)})(?![\w'])", ignore_case=True), forms, True))
    return tuple(lexicons)


def _forms_pattern(forms: Iterable[str]) -> str:
    """The inflections as one pattern: the forms of a phrase's verb share its other words ("reprenaient|reprendront"
    before "le contrôle"), which a trie of whole phrases would repeat past PCRE2's size limit; phrases before words,
    the longest first, so that "reprenaient le contrôle" is not read as "reprenaient" alone."""
    heads_by_rest: dict[str, list[str]] = {}
    for form in forms:
        head, _, rest = form.partition(" ")
        heads_by_rest.setdefault(rest, []).append(head)
    rests = sorted(heads_by_rest, key=len, reverse=True)
    return "|".join(word_trie(heads_by_rest[rest]) + (rf"\s+{word_trie([rest])}" if rest else "") for rest in rests)


# a phrase that holds a trigger but is none ("как передает" is "as ... reports", not "hands over"): matched, so
# the trigger inside it (a listed one or a generated inflection: "reso noto") is not, and dropped
_NOT_A_CUE = "none"
_PLACE_AHEAD = r"(?=\s+(?-i:(?:the\s+)?[A-ZÀ-ÖØ-ÞА-ЯЁ]))"


def _phrase_pattern(phrase: str, lookahead: bool = True) -> str:
    """Words separated by any whitespace; '*' stands for exactly one word ("came under * control"), '**' for
    any words of the same clause (a list of names included), as few as reach the rest (German separable verbs:
    "gibt ** zurück" is "gibt den Bezirk bis zum 15. November zurück"), and a word ending in '*' is a stem with
    any ending ("перенес*" is перенесена, перенесли...: one entry for the inflections of languages that have
    many). A final '>' asks for a place right after the phrase, a capitalised word or "the" ("left Agdam", "left
    the district", not "left 30,000 dead" nor "is left burning"). Without `lookahead` the pattern reads a
    lowercased match again."""
    pattern = ""
    for word in phrase.split():
        if word == ">":
            pattern += _PLACE_AHEAD if lookahead else ""
            continue
        if word == "**":  # as few words as reach the rest, unbounded: a bounded repeat is compiled once per
            # repetition, and twenty of them per '**' phrase took the trigger pattern past PCRE2's size limit; a
            # comma only inside a list of names ("zog Truppen aus Kalbajar, Agdam und Latschin ab")
            listed = r",(?=\s+(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ]))" if lookahead else ","
            pattern += rf"(?:\s+[^\s,;:]+(?:{listed})?)*?"
            continue
        piece = r"[\w'-]+" if word == "*" else re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)
        pattern += (r"\s+" if pattern else "") + piece
    return pattern


@cache
def _compiled(phrase: str) -> re.Pattern[str]:
    """The phrase as a pattern for the text it matched (without what it looks ahead at)."""
    return re.compile(_phrase_pattern(phrase, lookahead=False), re.IGNORECASE)


def _label(matched: str, labels: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """The label of the phrase that matched: tried in the alternation's order (longest first, as `labels` is
    kept), like the match: "çekilece*" (will withdraw) before "çekil*" (withdrew). Turkish capital İ is
    lowered to i, as the case-blind match read it: str.lower() makes it i plus a combining dot."""
    lowered = matched.replace("İ", "i").lower()
    exact = labels.get(" ".join(lowered.split()))
    if exact:
        return exact
    return next(label for phrase, label in labels.items() if _compiled(phrase).fullmatch(lowered))


def find_cues(sentence_id: int, text: str, offset: int = 0) -> list[CueMention]:
    """Trigger and modality phrases of one sentence in text order, with offsets shifted by `offset`."""
    folded = text.translate(_APOSTROPHES)
    found: list[CueMention] = []
    not_cues: list[tuple[int, int]] = []  # the spans of none phrases: no inflection inside them is a trigger either
    for pattern, labels, inflections in _lexicons():
        for match in pattern.finditer(folded):
            kind, label = (
                labels.get(" ".join(match.group().lower().split()), ("", ""))
                if inflections
                else _label(match.group(), labels)
            )
            if label == _NOT_A_CUE:
                not_cues.append(match.span())
            if label in (_NOT_A_CUE, "") or (
                inflections and any(s <= match.start() and match.end() <= e for s, e in not_cues)
            ):
                continue
            start, end = offset + match.start(), offset + match.end()
            if inflections:  # a listed phrase longer than the form is that phrase's; a listed word or stem the
                # form spans gives way to its own tense ("rétrocéd*" is entered, "rétrocéderont" scheduled; "перешли"
                # inside "перешли под контроль")
                overlapping = [
                    cue for cue in found if cue.cue_kind == "trigger" and cue.char_start < end and start < cue.char_end
                ]
                if any(cue.char_start < start or cue.char_end > end for cue in overlapping):
                    continue
                found = [cue for cue in found if cue not in overlapping]
            found.append(CueMention(sentence_id, start, end, text[match.start() : match.end()], kind, label))
    return sorted(found, key=lambda cue: (cue.char_start, cue.char_end))
