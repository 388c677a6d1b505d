"""Patterns scanned over every sentence, compiled by PCRE2 with its JIT compiler.

Python's `re` tries a pattern at each position of the text in turn. PCRE2 skips positions no match can
start at and runs machine code, so a long alternation with lookarounds (the date pattern, the cue
lexicons) scans about three times faster and finds the same matches: the syntax is the same, and for str
patterns pcre2.py turns on Unicode properties, so \\w, \\d, \\s, \\b and case folding agree with `re`. Its
match objects have `re`'s interface. Short patterns on short strings stay with `re`: there the call costs
more than the scan, and PCRE2 is slower.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pcre2

# pcre2.py turns a match's byte offsets into character offsets by counting from the start of the string, so
# a match costs time in proportion to its position: over one long text that is quadratic. Sentences are
# shorter than this (parsing splits them at 2,000 characters); a longer text is scanned by `re`.
LONG_TEXT = 8192

ScanMatch = pcre2.Match | re.Match[str]


class ScanPattern:
    """One pattern, compiled by PCRE2's JIT for texts up to LONG_TEXT characters and by `re` for longer ones:
    the same matches either way, at PCRE2's speed where the text is a sentence."""

    __slots__ = ("jit", "plain")

    def __init__(self, pattern: str, ignore_case: bool = False) -> None:
        self.jit = pcre2.compile(pattern, pcre2.IGNORECASE if ignore_case else 0)
        self.jit.jit_compile()
        self.plain = re.compile(pattern, re.IGNORECASE if ignore_case else 0)

    def finditer(self, text: str) -> Iterator[ScanMatch]:
        return (self.jit if len(text) <= LONG_TEXT else self.plain).finditer(text)

    def search(self, text: str) -> ScanMatch | None:
        return (self.jit if len(text) <= LONG_TEXT else self.plain).search(text)
