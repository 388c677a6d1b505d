"""Matching entities (people, organisations, countries, districts, places) against the alias list.

Aliases are compared as normalised token n-grams (a hash lookup, not one regex per alias), so case,
diacritics (Kəlbəcər, Ağdam), hyphens (Nagorno-Karabakh) and possessives (Azerbaijan's) do not matter and
titles ("Russian President Vladimir Putin") are simply words around the match. A surname alone counts as
the person when the list says it is unambiguous, or once the article has named the person in full.
Unlisted spellings close to a listed one (Kalbadjar) match by similarity and are marked fuzzy. Capitalised
names that match nothing become candidates for an analyst to add to the list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from orchestration.reference import load_reference

FUZZY_THRESHOLD = 85.0
FUZZY_MIN_LENGTH = 5
_TOKEN = re.compile(r"(?:[^\W_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_TRANSLITERATION = str.maketrans({"ə": "e", "ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
_FUZZY_TYPES = ("district", "place", "person", "country")
_NOT_NAMES = frozenset(
    "a an the this that these those it its in on at of for by with from to and but or as if when while after before "
    "since during under over about into he she they we i you his her their our my your there here what which who "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december mr mrs ms dr president prime minister foreign defence defense ministry "
    "army forces leader leaders officials according meanwhile however also other some many more most both "
    "engineering units photos local ethnic upon following following".split()
)


@dataclass(frozen=True)
class Alias:
    entity_id: str
    canonical: str
    entity_type: str
    alias: str
    alias_kind: str
    case_sensitive: bool


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    surface: str
    norm: str


@dataclass(frozen=True)
class EntityMention:
    sentence_id: int
    char_start: int
    char_end: int
    text: str
    entity_id: str
    canonical: str
    entity_type: str
    match_method: str  # 'exact' | 'surname' | 'fuzzy'
    score: float


@dataclass(frozen=True)
class CandidateMention:
    sentence_id: int
    char_start: int
    char_end: int
    text: str
    name: str
    looks_like: str  # 'person' | 'name'


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """Lowercase ASCII-ish form: no diacritics, no possessive."""
    word = unicodedata.normalize("NFKD", word.lower().translate(_TRANSLITERATION))
    word = "".join(ch for ch in word if not unicodedata.combining(ch)).translate(_TRANSLITERATION)
    return _POSSESSIVE.sub("", word).rstrip(".").replace("’", "'")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens with offsets; hyphens and punctuation separate tokens."""
    return [Token(offset + m.start(), offset + m.end(), m.group(), normalise(m.group())) for m in _TOKEN.finditer(text)]


@cache
def alias_index() -> tuple[dict[tuple[str, ...], tuple[Alias, ...]], dict[str, int]]:
    """Normalised alias n-gram -> aliases, and per first word the longest n-gram starting with it.

    The second map makes a miss cost one dict lookup per token: most words start no alias."""
    index: dict[tuple[str, ...], list[Alias]] = {}
    for row in load_reference("entities"):
        alias = Alias(row["entity_id"], row["canonical"], row["entity_type"], row["alias"], row["alias_kind"],
                      row["alias"].replace(".", "").isupper() and len(row["alias"]) <= 5)
        key = tuple(t.norm for t in tokenize(row["alias"]))
        if key and (key[0] != "the" or len(key) > 1):
            index.setdefault(key, []).append(alias)
    longest: dict[str, int] = {}
    for key in index:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return {k: tuple(v) for k, v in index.items()}, longest


@cache
def _fuzzy_choices(n_words: int) -> dict[str, Alias]:
    """Aliases of `n_words` words, long enough to be compared by similarity, keyed by their normalised text."""
    index, _ = alias_index()
    return {" ".join(key): aliases[0] for key, aliases in index.items()
            if len(key) == n_words and len(" ".join(key)) >= FUZZY_MIN_LENGTH
            and aliases[0].entity_type in _FUZZY_TYPES and aliases[0].alias_kind != "demonym"}


def _surface_ok(alias: Alias, surface: str) -> bool:
    if alias.case_sensitive:
        return surface.replace(".", "") == alias.alias.replace(".", "")
    return surface[:1].isupper() or " " in alias.alias


def _is_capitalised(token: Token) -> bool:
    return token.surface[:1].isupper() and token.norm not in _NOT_NAMES and not token.surface.isdigit()


class ArticleEntityMatcher:
    """Matches one article's sentences in order, remembering full names so later surnames resolve."""

    def __init__(self) -> None:
        self.index, self.longest = alias_index()
        self.surnames: dict[str, Alias] = {}
        self.candidate_surnames: dict[str, str] = {}

    def match_sentence(self, sentence_id: int, text: str, offset: int,
                       find_candidates: bool = True) -> tuple[list[EntityMention], list[CandidateMention]]:
        tokens = tokenize(text, offset)
        mentions: list[EntityMention] = []
        candidates: list[CandidateMention] = []
        i = 0
        while i < len(tokens):
            found = self._exact(tokens, i)
            if found:
                alias, n = found
                method = "surname" if alias.alias_kind == "surname" else "exact"
                mentions.append(self._mention(sentence_id, text, offset, tokens[i], tokens[i + n - 1], alias, method, 100.0))
                if alias.entity_type == "person" and n > 1:
                    self.surnames[tokens[i + n - 1].norm] = alias
                i += n
                continue
            token = tokens[i]
            if token.norm in self.surnames and _is_capitalised(token):
                mentions.append(self._mention(sentence_id, text, offset, token, token, self.surnames[token.norm], "surname", 100.0))
                i += 1
                continue
            fuzzy = self._fuzzy(tokens, i) if _is_capitalised(token) else None
            if fuzzy:
                alias, n, score = fuzzy
                mentions.append(self._mention(sentence_id, text, offset, token, tokens[i + n - 1], alias, "fuzzy", score))
                i += n
                continue
            if find_candidates and _is_capitalised(token):
                j = i
                while j + 1 < len(tokens) and _is_capitalised(tokens[j + 1]) and not self._exact(tokens, j + 1) \
                        and tokens[j + 1].start - tokens[j].end <= 1:
                    j += 1
                candidate = self._candidate(sentence_id, text, offset, tokens, i, j)
                if candidate:
                    candidates.append(candidate)
                i = j + 1
                continue
            i += 1
        return mentions, candidates

    def _exact(self, tokens: list[Token], i: int) -> tuple[Alias, int] | None:
        for n in range(min(self.longest.get(tokens[i].norm, 0), len(tokens) - i), 0, -1):
            aliases = self.index.get(tuple(t.norm for t in tokens[i:i + n]))
            if not aliases:
                continue
            surface = " ".join(t.surface for t in tokens[i:i + n])
            for alias in aliases:
                if _surface_ok(alias, surface):
                    return alias, n
        return None

    def _fuzzy(self, tokens: list[Token], i: int) -> tuple[Alias, int, float] | None:
        """The longest run of 1-3 capitalised words at `i` close enough to an alias ("Nagarno-Karabakh")."""
        for n in (3, 2, 1):
            run = tokens[i:i + n]
            if len(run) < n or not all(_is_capitalised(t) for t in run):
                continue
            key = " ".join(t.norm for t in run)
            choices = _fuzzy_choices(n)
            if len(key) < FUZZY_MIN_LENGTH or not choices:
                continue
            best = process.extractOne(key, choices.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
            if best is not None and best[0][0] == key[0]:
                return choices[best[0]], n, float(best[1])
        return None

    def _candidate(self, sentence_id: int, text: str, offset: int, tokens: list[Token], i: int, j: int) -> CandidateMention | None:
        first, last = tokens[i], tokens[j]
        sentence_initial = first.start - offset <= 1 or text[: first.start - offset].rstrip()[-1:] in "\"“‘'("
        if j == i:
            name = self.candidate_surnames.get(first.norm)
            if name is None and (sentence_initial or len(first.norm) < 3):
                return None
            name = name or first.surface
            looks_like = "person" if first.norm in self.candidate_surnames else "name"
        else:
            name = text[first.start - offset:last.end - offset]
            self.candidate_surnames[last.norm] = name
            looks_like = "person" if j - i <= 3 else "name"
        return CandidateMention(sentence_id, first.start, last.end, text[first.start - offset:last.end - offset],
                                _POSSESSIVE.sub("", name), looks_like)

    @staticmethod
    def _mention(sentence_id: int, text: str, offset: int, first: Token, last: Token, alias: Alias,
                 method: str, score: float) -> EntityMention:
        end = last.end - (len(last.surface) - len(_POSSESSIVE.sub("", last.surface)) if last.surface.endswith(("'s", "’s")) else 0)
        return EntityMention(sentence_id, first.start, end, text[first.start - offset:end - offset], alias.entity_id,
                             alias.canonical, alias.entity_type, method, score)
