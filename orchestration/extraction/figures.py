"""Figures in news sentences: cardinal counts such as "almost 2,000 Russian troops" or "thousands dead".

A sentence is tokenized once by a compiled pattern whose repetitions are all possessive or bounded, and
every later look (a qualifier before a number, the counted noun after it) inspects a bounded number of
tokens, so a scan is linear in the length of the text. The words are CSV under seeds/reference:
qualifiers.csv (almost, more than, thousands of), number_words.csv (two .. billion) and
figure_subjects.csv (counted noun -> category).

Rules (docs/annotation-guide.md, "Figures"), with the choices made where the guide is silent:
- A figure is a numeral (1,960; 1 960; 2000; 2.5 million) or number words (thirteen thousand, twenty-five).
  Number words and vague quantities ("thousands of", "hundreds") count only when a counted noun follows;
  a numeral without one is kept, with subject and unit None.
- "one" and "a" are never figures alone: they only lead a multiplier ("one hundred", "a dozen").
- The counted noun is the first lexicon term (longest phrase wins) after at most three modifiers: words
  that are capitalised (Russian), hyphenated (Moscow-backed), listed (ethnic, more, armed) or end like an
  adjective or adverb (-al, -ic, -ian, -ly ...). No partitives: "two of the sides" has no counted noun.
- Not figures: a 4-digit number in 1900..2100, unless a counted noun follows and the word before is not a
  year word (in, since ...); clock times; ordinals; ages ("53-year-old", "Name, 43,", "aged 43",
  "43 years old"); numerals touching a letter, hyphen, slash, colon or apostrophe (ten-day is one word,
  1992-1994, Su-25, 12th, 1990s, '94); identifiers after a marker word (Code, No., Resolution), with the
  list of numerals the marker heads; a list marker opening the sentence ("1."); a time span followed by
  ago/earlier/later/hence ("two weeks ago"); numerals of more than 15 digits.
- Percentages are figures with unit 'percent' and subject None.
- Unit: the category for measures (time units, kilometres, miles), 'count' for other counted nouns.
- "over" right after take/hand/turn/give is a particle ("took over three districts"), not a qualifier.
Dates other than bare years are left to the date extractor: pass its spans as `exclude`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, compress, count
from math import prod
from typing import NamedTuple, TypeVar

from orchestration.extraction.jit_regex import ScanPattern
from orchestration.reference import load_reference

T = TypeVar("T")


class FigureMention(NamedTuple):
    char_start: int
    char_end: int
    text: str
    value: float
    is_approximate: bool
    qualifier: str | None
    bound: str  # 'exact' | 'lower' | 'upper' | 'approximate'
    subject: str | None
    subject_text: str | None
    unit: str | None


class _Qualifier(NamedTuple):
    phrase: str
    bound: str
    is_approximate: bool
    vague_value: float | None  # "tens of thousands of" -> 10000.0; None for qualifiers that need a number


class _Subject(NamedTuple):
    category: str
    first: int  # token index of the counted noun
    after: int  # token index after it


_GROUP_SPACES = " \u00a0\u2009\u202f"
_NUMERAL = (rf"[0-9]{{1,3}}(?:,[0-9]{{3}}(?![0-9]))++(?:\.[0-9]++)?"
            rf"|[0-9]{{1,3}}(?:[{_GROUP_SPACES}][0-9]{{3}}(?![0-9]))++"
            rf"|[0-9]++(?:\.[0-9]++)?")
_KINDS = {"num": _NUMERAL, "word": r"[^\W\d_]++(?:[-'’][^\W\d_]++)*+", "punct": r"\S"}
_KIND = re.compile("|".join(rf"(?P<{kind}>{pattern})" for kind, pattern in _KINDS.items()))
_TOKEN_SPLIT = re.compile("(" + "|".join(rf"(?:{pattern})" for pattern in _KINDS.values()) + ")")  # split keeps tokens
_GLUED_BEFORE = re.compile(r"[\w\-–/:#.@+'’№]")
_GLUED_AFTER = re.compile(r"[^\W_]|[-–/:'’]|[.,][0-9]")
_CLOCK = re.compile(r"\s?(?:[ap]\.?m\b\.?|o['’]clock\b|gmt\b|utc\b)", re.IGNORECASE)
_PHONE = re.compile(r"\+\d{1,3}(?:[ \u00a0.-]?\(?\d{1,4}\)?){2,6}")
_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|pct\b)", re.IGNORECASE)
_DROP_SEPARATORS = str.maketrans("", "", "," + _GROUP_SPACES)
_MAX_DIGITS = 15
_MAX_MODIFIERS = 3
_MAX_AGE = 130
_FIRST_YEAR, _LAST_YEAR = 1900, 2100

_MODIFIERS = frozenset(
    "ethnic more other additional armed unarmed new extra further young elderly former remaining surviving "
    "captured trained separate different deputy prime senior top ranking most peacekeeping border security "
    "special government rebel enemy allied reserve volunteer contract air ground combat frontline front aid "
    "relief rescue emergency heavy light small large big key main major occupied liberated abandoned "
    "destroyed damaged burned burnt registered confirmed reported known unidentified innocent fellow native".split())
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ian", "ese", "ish", "ly", "less", "ful", "ern")
_YEAR_WORDS = frozenset("in since until till during between early late mid year".split())
_RELATIVE_DATE_WORDS = frozenset({"ago", "earlier", "later", "hence"})
_ID_MARKERS = frozenset(
    "code id no nos nr number resolution resolutions article articles paragraph page section chapter clause "
    "flight route highway tel phone fax decree protocol".split())
_MARKER_PUNCTUATION = frozenset(":.#№")
_LIST_SEPARATORS = frozenset({",", "and", "or", "&"})
_AGE_WORDS = frozenset({"aged", "age", "ages"})
_AGE_OPENERS, _AGE_CLOSERS = frozenset({",", "("}), frozenset({",", ")", ".", ";"})
_OVER_VERBS = frozenset(
    "take takes took taken taking hand hands handed handing turn turns turned turning give gives gave given "
    "giving".split())
_TIME_UNITS = frozenset({"hours", "days", "weeks", "months", "years", "decades", "centuries"})
_MEASURES = _TIME_UNITS | {"kilometres", "miles"}


class _Tokens:
    """A text's tokens as parallel lists: token k is text[starts[k]:ends[k]].

    Built by one `split` and C-level maps (offsets are running sums of the part lengths), the facts about
    each spelling cached: per token there is a cache look-up, no Python call and no object."""

    __slots__ = ("starts", "ends", "kinds", "norms")
    starts: list[int]
    ends: list[int]
    kinds: tuple[str, ...]  # 'num' | 'word' | 'punct'
    norms: tuple[str, ...]  # lower-case word or punctuation; a numeral as written

    def __init__(self, text: str) -> None:
        parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
        bounds = list(accumulate(map(len, parts)))
        self.starts, self.ends = bounds[0:-1:2], bounds[1::2]
        self.kinds, self.norms = tuple(zip(*map(_spelling, parts[1::2]))) or ((), ())

    def __len__(self) -> int:
        return len(self.norms)

    def possible_starts(self) -> Iterator[int]:
        """Indices of the tokens a figure can start at, in order: the scan skips the others at C speed."""
        return compress(count(), map(_can_start, self.kinds, self.norms))


@lru_cache(maxsize=200_000)
def _spelling(surface: str) -> tuple[str, str]:
    """(kind, norm) of a token's spelling."""
    return _KIND.match(surface).lastgroup, surface.lower().replace("’", "'")


def _key(phrase: str) -> tuple[str, ...]:
    return _Tokens(phrase).norms


_NUMBER_WORDS = {row["word"]: int(row["value"]) for row in load_reference("number_words")}
# "dozen" multiplies like "hundred" ("two dozen") although it is below 100.
_MULTIPLIERS = {word: float(v) for word, v in _NUMBER_WORDS.items() if v >= 100 or word == "dozen"}
# "one" is no figure by itself (guide) but completes "twenty-one" and leads "one hundred".
_SMALL = {word: v for word, v in _NUMBER_WORDS.items() if word not in _MULTIPLIERS} | {"one": 1}
_TENS = frozenset(word for word, v in _SMALL.items() if v >= 20 and v % 10 == 0)
_UNITS = {word: v for word, v in _SMALL.items() if v < 10}


def _vague_value(phrase: str) -> float | None:
    """"tens of thousands of" is 10 x 1000: the product of its plural number words, None if it has none."""
    values = [_NUMBER_WORDS[word[:-1]] for word in phrase.split() if word.endswith("s") and word[:-1] in _NUMBER_WORDS]
    return float(prod(values)) if values else None


_QUALIFIERS = {_key(row["phrase"]): _Qualifier(row["phrase"].lower(), row["bound"], row["is_approximate"] == "true",
                                               _vague_value(row["phrase"].lower()))
               for row in load_reference("qualifiers")}
_SUBJECTS = {_key(row["term"]): row["category"] for row in load_reference("figure_subjects")}
_QUALIFIER_FIRSTS = frozenset(key[0] for key in _QUALIFIERS)
_SUBJECT_FIRSTS = frozenset(key[0] for key in _SUBJECTS)
_MAX_QUALIFIER = max(map(len, _QUALIFIERS))
_MAX_TERM = max(map(len, _SUBJECTS))
# Every figure holds a numeral or a number word ("thousands of" holds "thousand"), at the start of a token:
# text without one (lower-cased, as token norms are) has no figure.
_NUMBER_WORD_STARTS = sorted(_MULTIPLIERS | _SMALL, key=len, reverse=True)
_MAY_HOLD_FIGURE = ScanPattern(r"[0-9]|(?<![^\W\d_])(?:" + "|".join(map(re.escape, _NUMBER_WORD_STARTS)) + ")")
_STARTERS = _QUALIFIER_FIRSTS | {"a", "an"} | _MULTIPLIERS.keys() | _SMALL.keys()


def _longest(lexicon: dict[tuple[str, ...], T], firsts: frozenset[str], longest: int, tokens: _Tokens,
             i: int) -> tuple[T | None, int]:
    """The longest lexicon phrase starting at token i, as (entry, length), or (None, 0)."""
    if tokens.norms[i] in firsts:
        for length in range(min(longest, len(tokens) - i), 0, -1):
            entry = lexicon.get(tokens.norms[i:i + length])
            if entry is not None:
                return entry, length
    return None, 0


@lru_cache(maxsize=200_000)
def _can_start(kind: str, norm: str) -> bool:
    """Whether a figure can start at a token: only numerals, number words and qualifiers' first words can."""
    return kind == "num" or norm in _STARTERS or _small_word(norm) is not None


def _small_word(norm: str) -> int | None:
    """Value of a number word below 100, including "one" and hyphenated "twenty-five"."""
    if norm in _SMALL:
        return _SMALL[norm]
    tens, hyphen, unit = norm.partition("-")
    return _SMALL[tens] + _UNITS[unit] if hyphen and tens in _TENS and unit in _UNITS else None


def _numeral_value(numeral: str) -> float | None:
    """1,960 / 1 960 / 2.5 as a float; None for digit strings too long to be counts (phone numbers, codes)."""
    digits = numeral.translate(_DROP_SEPARATORS)
    return None if len(digits.partition(".")[0]) > _MAX_DIGITS else float(digits)


def _read_number(tokens: _Tokens, i: int) -> tuple[float, int] | None:
    """(value, index after it) of the number at token i: a numeral or number words, then multipliers.

    "two hundred and fifty", "twenty five", "2.5 million", "a dozen"; a multiplier directly after another
    must be larger ("hundred thousand"), so a run of number words cannot grow without bound.
    """
    first, kind, n = tokens.norms[i], tokens.kinds[i], len(tokens)
    spelled = kind == "word"
    if kind == "num":
        current = _numeral_value(first)
    elif first in ("a", "an"):
        current = 1.0 if i + 1 < n and tokens.norms[i + 1] in _MULTIPLIERS else None
    elif first in _MULTIPLIERS:
        current = 0.0  # read by the loop: "several hundred"
    else:
        small = _small_word(first)
        current = None if small is None else float(small)
    if current is None:
        return None
    j = i if first in _MULTIPLIERS else i + 1
    total, after_multiplier, open_tens = 0.0, 0.0, spelled and first in _TENS
    while j < n:
        norm = tokens.norms[j]
        multiplier = _MULTIPLIERS.get(norm)
        small = _small_word(norm) if spelled else None
        if multiplier and (not after_multiplier or multiplier > after_multiplier):
            current = (current or 1.0) * multiplier
            if multiplier >= 1000:
                total, current = total + current, 0.0
            after_multiplier, open_tens = multiplier, False
        elif small is not None and (after_multiplier or (open_tens and small < 10)):
            current += small
            after_multiplier, open_tens = 0.0, norm in _TENS
        elif not (norm == "and" and after_multiplier and j + 1 < n and _small_word(tokens.norms[j + 1]) is not None):
            break
        j += 1
    if first == "one" and j == i + 1:
        return None
    return total + current, j


def _is_modifier(tokens: _Tokens, k: int, text: str) -> bool:
    """A word that may stand between a number and its noun: "Russian", "Moscow-backed", "armed", "civilian"."""
    norm = tokens.norms[k]
    return tokens.kinds[k] == "word" and (text[tokens.starts[k]].isupper() or "-" in norm or norm in _MODIFIERS
                                          or norm.endswith(_ADJECTIVE_ENDINGS))


def _find_subject(tokens: _Tokens, k: int, text: str) -> _Subject | None:
    """The counted noun at token k or after a few modifiers."""
    for j in range(k, min(k + _MAX_MODIFIERS + 1, len(tokens))):
        category, length = _longest(_SUBJECTS, _SUBJECT_FIRSTS, _MAX_TERM, tokens, j)
        if category:
            return _Subject(category, j, j + length)
        if not _is_modifier(tokens, j, text):
            return None
    return None


def _after_marker(tokens: _Tokens, i: int) -> bool:
    """The numeral at token i follows an identifier marker: "Story Code : 483", "No. 12", "Resolution 822"."""
    k = i - 1
    while k >= 0 and i - k <= 2 and tokens.norms[k] in _MARKER_PUNCTUATION:
        k -= 1
    return k >= 0 and tokens.kinds[k] == "word" and tokens.norms[k] in _ID_MARKERS


def _list_end(tokens: _Tokens, end: int) -> int:
    """Index after a list of numerals continuing at `end`: "822, 853, 874 and 884"."""
    while end < len(tokens) and tokens.norms[end] in _LIST_SEPARATORS:
        k = end + 1 + (end + 1 < len(tokens) and tokens.norms[end + 1] in _LIST_SEPARATORS)
        if k >= len(tokens) or tokens.kinds[k] != "num":
            break
        end = k + 1
    return end


def _is_numeral_noise(text: str, tokens: _Tokens, i: int, end: int) -> bool:
    """The numeral at token i is part of a word, a clock time or a list marker ("1." opening the sentence)."""
    start = tokens.starts[i]
    list_marker = (i == (tokens.norms[0] == "(") and end < len(tokens) and tokens.norms[end] in (".", ")"))
    return bool(list_marker or (start and _GLUED_BEFORE.match(text[start - 1]))
                or _GLUED_AFTER.match(text, tokens.ends[i]) or _CLOCK.match(text, tokens.ends[end - 1]))


def _is_age(text: str, tokens: _Tokens, i: int, end: int, value: float) -> bool:
    """"aged 43", or a number set off after a name: "Gagik Petrosyan, 43, said", "Petrosyan (43)"."""
    if i and tokens.norms[i - 1] in _AGE_WORDS:
        return True
    return (value < _MAX_AGE and i >= 2 and tokens.norms[i - 1] in _AGE_OPENERS and tokens.kinds[i - 2] == "word"
            and text[tokens.starts[i - 2]].isupper() and (end == len(tokens) or tokens.norms[end] in _AGE_CLOSERS))


def _is_year(tokens: _Tokens, i: int, number_at: int, end: int, has_subject: bool) -> bool:
    """A bare 4-digit 1900..2100 is a year unless it counts a noun ("2000 troops") and follows no year word."""
    norm = tokens.norms[number_at]
    if end != number_at + 1 or len(norm) != 4 or not norm.isdigit() or not _FIRST_YEAR <= int(norm) <= _LAST_YEAR:
        return False
    return not has_subject or (i > 0 and tokens.norms[i - 1] in _YEAR_WORDS)


def _is_time_reference(tokens: _Tokens, subject: _Subject) -> bool:
    """A time span used as a date or an age: "two weeks ago", "27 years earlier", "43 years old"."""
    if subject.category not in _TIME_UNITS or subject.after == len(tokens):
        return False
    following = tokens.norms[subject.after]
    return following in _RELATIVE_DATE_WORDS or (subject.category == "years" and following == "old")


def _unit(subject: _Subject | None, percent: bool) -> str | None:
    if percent:
        return "percent"
    if subject is None:
        return None
    return subject.category if subject.category in _MEASURES else "count"


def _mention_at(text: str, tokens: _Tokens, i: int) -> tuple[FigureMention | None, int]:
    """The figure starting at token i, if any, and the token index to continue from."""
    qualifier, length = _longest(_QUALIFIERS, _QUALIFIER_FIRSTS, _MAX_QUALIFIER, tokens, i)
    if qualifier and qualifier.phrase == "over" and i and tokens.norms[i - 1] in _OVER_VERBS:
        return None, i + 1
    number_at = i + length
    if qualifier and qualifier.vague_value is not None:
        value, end = qualifier.vague_value, number_at
    elif number_at < len(tokens) and (number := _read_number(tokens, number_at)):
        value, end = number
    else:
        return None, i + 1
    numeral = end > number_at and tokens.kinds[number_at] == "num"
    if numeral and _is_numeral_noise(text, tokens, number_at, end):
        return None, end
    if numeral and _after_marker(tokens, number_at):
        return None, _list_end(tokens, end)
    percent = _PERCENT.match(text, tokens.ends[end - 1])
    subject = None if percent else _find_subject(tokens, end, text)
    if not (numeral or percent or subject):  # number words need a counted noun
        return None, end
    if subject and _is_time_reference(tokens, subject):
        return None, subject.after
    if numeral and not (subject or percent or qualifier) and _is_age(text, tokens, number_at, end, value):
        return None, end
    if numeral and _is_year(tokens, i, number_at, end, subject is not None):
        return None, end
    char_start = tokens.starts[i]
    char_end = percent.end() if percent else tokens.ends[(subject.after if subject else end) - 1]
    after = end
    while after < len(tokens) and tokens.starts[after] < char_end:
        after += 1
    subject_text = text[tokens.starts[subject.first]:tokens.ends[subject.after - 1]] if subject else None
    mention = FigureMention(char_start, char_end, text[char_start:char_end], value,
                            qualifier.is_approximate if qualifier else False, qualifier.phrase if qualifier else None,
                            qualifier.bound if qualifier else "exact", subject.category if subject else None, subject_text,
                            _unit(subject, percent is not None))
    return mention, after


class _Spans:
    """Excluded spans, answering "does [start, end) overlap any?" by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted((start, end) for start, end in spans if end > start)
        self._starts = [start for start, _ in ordered]
        self._max_ends = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)
        return before > 0 and self._max_ends[before - 1] > start


def find_figures(text: str, exclude: list[tuple[int, int]] = ()) -> list[FigureMention]:
    """Figures in `text` (a sentence), in order; spans overlapping any `exclude` span (date mentions found by
    another module) or an international phone number (+374 10 52 61 18) are skipped."""
    if not _MAY_HOLD_FIGURE.search(text.lower()):
        return []
    phones = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    tokens, excluded = _Tokens(text), _Spans([*exclude, *phones])
    found: list[FigureMention] = []
    i = 0  # tokens before i are consumed
    for start in tokens.possible_starts():
        if start < i:
            continue
        mention, i = _mention_at(text, tokens, start)
        if mention and not excluded.overlaps(mention.char_start, mention.char_end):
            found.append(mention)
    return found
