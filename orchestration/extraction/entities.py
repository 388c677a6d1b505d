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
from itertools import accumulate
from typing import NamedTuple

from rapidfuzz import fuzz, process

from orchestration.reference import load_reference

FUZZY_THRESHOLD = 85.0
FUZZY_MIN_LENGTH = 5
_TOKEN_SPLIT = re.compile(r"((?:[^\W_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*)")  # one group: split keeps the tokens
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


class EntityMention(NamedTuple):
    sentence_id: int
    char_start: int
    char_end: int
    text: str
    entity_id: str
    canonical: str
    entity_type: str
    match_method: str  # 'exact' | 'surname' | 'fuzzy'
    score: float


class CandidateMention(NamedTuple):
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


@lru_cache(maxsize=200_000)
def _is_capitalised(surface: str) -> bool:
    """A word that may be (part of) a name: capitalised, not a function word or title, not a number."""
    return surface[:1].isupper() and normalise(surface) not in _NOT_NAMES and not surface.isdigit()


class Tokens(NamedTuple):
    """A text's word tokens as parallel lists (token k is starts[k]:ends[k]), with per-word facts."""

    starts: list[int]
    ends: list[int]
    surfaces: list[str]
    norms: list[str]
    capitalised: list[bool]


def tokenize(text: str, offset: int = 0) -> Tokens:
    """Word tokens with offsets; hyphens and punctuation separate tokens.

    Built by one `split` and C-level maps (offsets are running sums of the part lengths), the word facts
    cached per spelling: per token there is a cache look-up, no Python call and no object."""
    parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
    bounds = list(accumulate(map(len, parts), initial=offset))
    surfaces = parts[1::2]
    return Tokens(bounds[1:-1:2], bounds[2::2], surfaces, list(map(normalise, surfaces)),
                  list(map(_is_capitalised, surfaces)))


@cache
def alias_index() -> tuple[dict[tuple[str, ...], tuple[Alias, ...]], dict[str, tuple[int, ...]]]:
    """Normalised alias n-gram -> aliases, and per first word the lengths of the n-grams starting with it,
    longest first.

    The second map makes a miss cost one dict lookup per token (most words start no alias), and a hit look up
    only n-grams of lengths some alias has."""
    index: dict[tuple[str, ...], list[Alias]] = {}
    for row in load_reference("entities"):
        alias = Alias(row["entity_id"], row["canonical"], row["entity_type"], row["alias"], row["alias_kind"],
                      row["alias"].replace(".", "").isupper() and len(row["alias"]) <= 5)
        key = tuple(tokenize(row["alias"]).norms)
        if key and (key[0] != "the" or len(key) > 1):
            index.setdefault(key, []).append(alias)
    lengths: dict[str, set[int]] = {}
    for key in index:
        lengths.setdefault(key[0], set()).add(len(key))
    return {k: tuple(v) for k, v in index.items()}, {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


@cache
def _fuzzy_choices(n_words: int) -> dict[str, Alias]:
    """Aliases of `n_words` words, long enough to be compared by similarity, keyed by their normalised text."""
    index, _ = alias_index()
    return {" ".join(key): aliases[0] for key, aliases in index.items()
            if len(key) == n_words and len(" ".join(key)) >= FUZZY_MIN_LENGTH
            and aliases[0].entity_type in _FUZZY_TYPES and aliases[0].alias_kind != "demonym"}


@lru_cache(maxsize=100_000)
def _fuzzy_match(key: str, n_words: int) -> tuple[Alias, float] | None:
    """The alias of `n_words` words closest to `key` (normalised words) with the same initial, if close enough.

    A pure function of a short key: cached, since the same unlisted names recur across sentences."""
    choices = _fuzzy_choices(n_words)
    if not choices:
        return None
    best = process.extractOne(key, choices.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
    if best is not None and best[0][0] == key[0]:
        return choices[best[0]], float(best[1])
    return None


def _surface_ok(alias: Alias, surface: str) -> bool:
    if alias.case_sensitive:
        return surface.replace(".", "") == alias.alias.replace(".", "")
    return surface[:1].isupper() or " " in alias.alias


class ArticleEntityMatcher:
    """Matches one article's sentences in order, remembering full names so later surnames resolve."""

    def __init__(self) -> None:
        self.index, self.lengths = alias_index()
        self.surnames: dict[str, Alias] = {}
        self.candidate_surnames: dict[str, str] = {}

    def match_sentence(self, sentence_id: int, text: str, offset: int,
                       find_candidates: bool = True) -> tuple[list[EntityMention], list[CandidateMention]]:
        tokens = tokenize(text, offset)
        norms, capitalised = tokens.norms, tokens.capitalised
        mentions: list[EntityMention] = []
        candidates: list[CandidateMention] = []
        i = 0  # tokens before i are consumed
        for start in self._possible_starts(tokens):
            if start < i:
                continue
            i = start + 1
            if norms[start] in self.lengths and (found := self._exact(tokens, start)):
                alias, n = found
                method = "surname" if alias.alias_kind == "surname" else "exact"
                mentions.append(self._mention(sentence_id, text, offset, tokens, start, start + n - 1, alias, method, 100.0))
                if alias.entity_type == "person" and n > 1:
                    self.surnames[norms[start + n - 1]] = alias
                i = start + n
            elif capitalised[start] and norms[start] in self.surnames:
                mentions.append(self._mention(sentence_id, text, offset, tokens, start, start, self.surnames[norms[start]],
                                              "surname", 100.0))
            elif capitalised[start] and (fuzzy := self._fuzzy(tokens, start)):
                alias, n, score = fuzzy
                mentions.append(self._mention(sentence_id, text, offset, tokens, start, start + n - 1, alias, "fuzzy", score))
                i = start + n
            elif find_candidates and capitalised[start]:
                j = start
                while j + 1 < len(norms) and capitalised[j + 1] and not self._exact(tokens, j + 1) \
                        and tokens.starts[j + 1] - tokens.ends[j] <= 1:
                    j += 1
                if candidate := self._candidate(sentence_id, text, offset, tokens, start, j):
                    candidates.append(candidate)
                i = j + 1
        return mentions, candidates

    def _possible_starts(self, tokens: Tokens) -> list[int]:
        """Indices of tokens anything can start at: a listed alias's first word, or a capitalised word."""
        lengths = self.lengths
        return [k for k, (norm, capitalised) in enumerate(zip(tokens.norms, tokens.capitalised))
                if capitalised or norm in lengths]

    def _exact(self, tokens: Tokens, i: int) -> tuple[Alias, int] | None:
        norms = tokens.norms
        for n in self.lengths.get(norms[i], ()):
            if i + n > len(norms):
                continue
            aliases = self.index.get(tuple(norms[i:i + n]))
            if not aliases:
                continue
            surface = " ".join(tokens.surfaces[i:i + n])
            for alias in aliases:
                if _surface_ok(alias, surface):
                    return alias, n
        return None

    @staticmethod
    def _fuzzy(tokens: Tokens, i: int) -> tuple[Alias, int, float] | None:
        """The longest run of 1-3 capitalised words at `i` close enough to an alias ("Nagarno-Karabakh")."""
        for n in (3, 2, 1):
            if i + n > len(tokens.norms) or not all(tokens.capitalised[i:i + n]):
                continue
            key = " ".join(tokens.norms[i:i + n])
            if len(key) >= FUZZY_MIN_LENGTH and (found := _fuzzy_match(key, n)):
                alias, score = found
                return alias, n, score
        return None

    def _candidate(self, sentence_id: int, text: str, offset: int, tokens: Tokens, i: int, j: int) -> CandidateMention | None:
        start, end, first_norm = tokens.starts[i], tokens.ends[j], tokens.norms[i]
        sentence_initial = start - offset <= 1 or text[: start - offset].rstrip()[-1:] in "\"“‘'("
        if j == i:
            name = self.candidate_surnames.get(first_norm)
            if name is None and (sentence_initial or len(first_norm) < 3):
                return None
            name = name or tokens.surfaces[i]
            looks_like = "person" if first_norm in self.candidate_surnames else "name"
        else:
            name = text[start - offset:end - offset]
            self.candidate_surnames[tokens.norms[j]] = name
            looks_like = "person" if j - i <= 3 else "name"
        return CandidateMention(sentence_id, start, end, text[start - offset:end - offset],
                                _POSSESSIVE.sub("", name), looks_like)

    @staticmethod
    def _mention(sentence_id: int, text: str, offset: int, tokens: Tokens, i: int, j: int, alias: Alias,
                 method: str, score: float) -> EntityMention:
        """Tokens i..j as a mention of `alias`; a trailing possessive is left out of the span."""
        last = tokens.surfaces[j]
        end = tokens.ends[j] - (len(last) - len(_POSSESSIVE.sub("", last)) if last.endswith(("'s", "’s")) else 0)
        start = tokens.starts[i]
        return EntityMention(sentence_id, start, end, text[start - offset:end - offset], alias.entity_id,
                             alias.canonical, alias.entity_type, method, score)
