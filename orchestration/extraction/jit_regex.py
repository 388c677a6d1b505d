"""Patterns scanned over every sentence: found by PCRE2 with its JIT compiler, read by `re`.

Python's `re` tries a pattern at each position of the text in turn. PCRE2 skips positions no match can
start at and runs machine code, so a long alternation with lookarounds (the date pattern, the cue
lexicons) finds its matches about three times faster. The syntax is the same, and for str patterns
pcre2.py turns on Unicode properties, so \\w, \\d, \\s, \\b and case folding agree with `re`. Each match is
then read again by `re` at the position PCRE2 found (one attempt, not a scan): callers get `re`'s match
objects, whose groups cost nothing to read, where pcre2.py's cost a Python call per group (`lastgroup`
walks all of them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pcre2

# pcre2.py turns a match's byte offsets into character offsets by counting from the start of the string, so
# a match costs time in proportion to its position: over one long text that is quadratic. Sentences are
# shorter than this (parsing splits them at 2,000 characters); a longer text is scanned by `re` alone.
LONG_TEXT = 8192


class ScanPattern:
    """One pattern compiled by PCRE2's JIT, to find matches in texts up to LONG_TEXT characters, and by `re`,
    to read them and to scan longer texts: the same matches as `re` alone, at PCRE2's speed."""

    __slots__ = ("jit", "plain")

    def __init__(self, pattern: str, ignore_case: bool = False) -> None:
        self.jit = pcre2.compile(pattern, pcre2.IGNORECASE if ignore_case else 0)
        self.jit.jit_compile()
        self.plain = re.compile(pattern, re.IGNORECASE if ignore_case else 0)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if len(text) > LONG_TEXT:
            return self.plain.finditer(text)
        read = self.plain.match
        return (read(text, found.start()) for found in self.jit.finditer(text))

    def search(self, text: str) -> bool:
        """Whether the pattern occurs in `text`."""
        return (self.jit if len(text) <= LONG_TEXT else self.plain).search(text) is not None
