"""Patterns scanned over every sentence: found by PCRE2 with its JIT compiler, read by `re`.

Python's `re` tries a pattern at each position of the text in turn. PCRE2 skips positions no match can
start at and runs machine code, so a long alternation with lookarounds (the date pattern, the cue
lexicons) finds its matches about three times faster. The syntax is the same, and for str patterns
pcre2.py turns on Unicode properties. Each match is then read again by `re` at the position PCRE2 found
(one attempt, not a scan): callers get `re`'s match objects, whose groups cost nothing to read, where
pcre2.py's cost a Python call per group (`lastgroup` walks all of them).

The two engines agree on \\w, \\d, \\s and case folding for the characters of news text, but not for all
of Unicode: PCRE2's tables are a newer Unicode and count combining marks as \\w, re folds dotless ı and
dotted İ to i, and re counts \\x1c-\\x1f as space. A text holding any character outside AGREED_RANGES is
scanned by `re` alone; tests/test_jit_regex.py checks every character inside them against both engines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pcre2

# pcre2.py turns a match's byte offsets into character offsets by counting from the start of the string, so
# a match costs time in proportion to its position: over one long text that is quadratic. Sentences are
# shorter than this (parsing splits them at 2,000 characters); a longer text is scanned in windows this long,
# each reaching OVERLAP characters into the next so that a match across the seam is whole in one of them.
LONG_TEXT = 8192
OVERLAP = 1024

# Latin with its extensions (but İ and ı), IPA and modifier letters, Greek, Cyrillic (but its combining
# marks), Armenian, Georgian, punctuation (but the connectors ‿ ⁀ ⁔), super- and subscripts, currency,
# letterlike symbols, number forms, arrows, mathematical operators and pictographs.
AGREED_RANGES = (
    (0x00, 0x1B),
    (0x20, 0x12F),
    (0x132, 0x2FF),
    (0x370, 0x482),
    (0x488, 0x58F),
    (0x10A0, 0x10FF),
    (0x1E00, 0x1EFF),
    (0x2000, 0x203E),
    (0x2041, 0x2053),
    (0x2055, 0x20CF),
    (0x2100, 0x22FF),
    (0x1F300, 0x1F6FF),
)


def _literal(code_point: int) -> str:
    """A code point written into a character class: escaped in ASCII, as itself beyond."""
    return f"\\x{code_point:02x}" if code_point < 0x80 else chr(code_point)


_OUTSIDE = pcre2.compile("[^" + "".join(f"{_literal(low)}-{_literal(high)}" for low, high in AGREED_RANGES) + "]")


class _LastText:
    """Whether PCRE2 may scan a text, remembered for the last text asked about: the date pattern and its two
    prefilters are asked about the same sentence in a row."""

    text: str | None = None
    agreed = False

    @classmethod
    def agreed_for(cls, text: str) -> bool:
        if text is not cls.text:
            cls.text = text
            if text.isascii():  # a flag of the string: no scan
                cls.agreed = "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text
            else:
                cls.agreed = _OUTSIDE.search(text) is None
        return cls.agreed


class ScanPattern:
    """One pattern compiled by PCRE2's JIT, to find matches, and by `re`, to read them and to scan the texts
    PCRE2 may not (ones with characters the engines disagree on): `re`'s matches either way."""

    __slots__ = ("jit", "plain")

    def __init__(self, pattern: str, ignore_case: bool = False) -> None:
        self.jit = pcre2.compile(pattern, pcre2.IGNORECASE if ignore_case else 0)
        self.jit.jit_compile()
        self.plain = re.compile(pattern, re.IGNORECASE if ignore_case else 0)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """`re`'s finditer: PCRE2 finds each match, `re` reads it at the same place. Should `re` not find the
        same span there, or a text hold a character the engines disagree on, `re` scans the rest of the text
        from the end of the last match they agreed on. A text longer than LONG_TEXT is scanned window by
        window, each opening after a space (so that what the pattern looks behind at is a space in the text
        too) and taking the matches that start before the next one's opening; a shorter one is its only
        window."""
        position = opening = 0
        while True:
            limit = min(len(text), opening + LONG_TEXT)
            window = text if opening == 0 and limit == len(text) else text[opening : limit + OVERLAP]
            if not _LastText.agreed_for(window):
                yield from self.plain.finditer(text, position)
                return
            for found in self.jit.finditer(window):
                start, end = found.start() + opening, found.end() + opening
                if start >= limit:
                    break
                match = self.plain.match(text, start)
                if match is None or match.end() != end:
                    yield from self.plain.finditer(text, position)
                    return
                yield match
                position = end
            if limit == len(text):
                return
            space = max(text.rfind(" ", position, limit), text.rfind("\n", position, limit))
            opening = space + 1 if space >= 0 else max(limit, position)

    def search(self, text: str) -> bool:
        """Whether the pattern occurs in `text`."""
        if len(text) > LONG_TEXT:
            return next(self.finditer(text), None) is not None
        return (self.jit if _LastText.agreed_for(text) else self.plain).search(text) is not None


def grouped_alternation(phrases: list[str], pattern: Callable[[str], str] = re.escape) -> str:
    """The phrases (lower-case, each written as a regex by `pattern`) as one alternation that tries them in the
    given order, grouped by initial letter.

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
    return "|".join(_group_pattern(group, pattern) for group in groups)


def _separate_initials(initials: set[str]) -> set[str]:
    """The initials that are letters no other initial matches ignoring case: `re` matches a character to a
    letter through its case class (I, i and ı are one), so a character that matched two initials would make
    them match each other."""
    letters = {initial for initial in initials if initial.isalpha()}
    return {
        letter
        for letter in letters
        if not any(other != letter and re.fullmatch(re.escape(letter), other, re.IGNORECASE) for other in letters)
    }


def _group_pattern(phrases: list[str], pattern: Callable[[str], str]) -> str:
    """Phrases sharing an initial letter: the letter, then the alternation of their remainders."""
    if len(phrases) == 1:
        return pattern(phrases[0])
    return phrases[0][0] + "(?:" + "|".join(pattern(p)[1:] for p in phrases) + ")"


def word_trie(words: list[str]) -> str:
    """Plain words or phrases (lower-case; a space is any whitespace) as one pattern that shares their prefixes:
    thousands of inflections ("rendaient", "rendait", "rendirent") compile to a fraction of the size an alternation
    of them takes, which PCRE2 caps."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    if len(branches) > 1:
        return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")
    return (f"(?:{branches[0]})?" if len(branches[0]) > 1 else branches[0] + "?") if ends else branches[0]
