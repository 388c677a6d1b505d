import re

import pcre2
import pytest

from orchestration.extraction import cues, dates, figures
from orchestration.extraction.jit_regex import AGREED_RANGES, LONG_TEXT, ScanPattern

AGREED = "".join(chr(c) for low, high in AGREED_RANGES for c in range(low, high + 1))


@pytest.mark.parametrize("pattern", [r"\w", r"\d", r"\s", r"[^\W\d_]"])
def test_engines_agree_on_classes_for_every_agreed_character(pattern):
    assert set(re.findall(pattern, AGREED)) == set(pcre2.findall(pattern, AGREED))


def test_engines_fold_case_alike_for_every_agreed_letter():
    for letter in (c for c in AGREED if c.isalpha()):
        pattern = "(?i)" + re.escape(letter)
        assert set(re.findall(pattern, AGREED)) == set(pcre2.findall(pattern, AGREED)), letter


@pytest.mark.parametrize(
    "text",
    [
        "Troops will not enter Ağdam before 20 November, the ministry said.",
        "e\u0301x ab\u0301c",  # combining marks: a word character to PCRE2, not to re
        "thıs week and THİS WEEK",  # dotless and dotted I: re folds them to i, PCRE2 does not
        "words\x1cwords",  # a separator: space to re, not to PCRE2
        "some words " * (LONG_TEXT // 11 + 1),  # longer than LONG_TEXT: scanned in windows
        "this week " * (LONG_TEXT // 5),  # matches across every seam of the windows
    ],
)
@pytest.mark.parametrize("pattern", [r"\w+", r"(?<![\w'])(?i:this)\s+week(?![\w'])", r"\s+\w"])
def test_scan_pattern_finds_what_re_finds(pattern, text):
    scan = ScanPattern(pattern)
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]
    assert scan.search(text) == (re.search(pattern, text) is not None)


def test_scan_pattern_reads_matches_with_re():
    match = next(ScanPattern(r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)").finditer("on 20 November"))
    assert isinstance(match, re.Match) and match.lastgroup == "month" and match["day"] == "20"


def test_the_scanning_patterns_match_as_re_does_on_mixed_text():
    text = (
        "On Friday, 20 November 2020, Armenian forces left Ağdam; Kəlbəcər follows by 25.11.2020 and Laçın "
        "on 1 December, two weeks ago or next week. They will not return, officials said: about 1,500 died."
    )
    patterns = [
        dates._DATE_RE,
        dates._DIGIT_RE,
        dates._NAME_RE,
        figures._MAY_HOLD_FIGURE,
        *(pattern for pattern, *_ in cues._lexicons()),
    ]
    for scan in patterns:
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.plain.finditer(text)]


def test_a_long_text_is_scanned_in_windows_as_re_scans_it_whole():
    """Matches of every length at every offset around the seams of the windows, and a window holding a
    character the engines disagree on (re scans the rest)."""
    sentence = "On Friday, 20 November 2020, Armenian forces left Ağdam by 25.11.2020, officials said. "
    for shift in range(0, 40, 7):
        text = "x" * shift + sentence * (3 * LONG_TEXT // len(sentence)) + "thıs 1 December"
        for scan in (dates._DATE_RE, *(pattern for pattern, *_ in cues._lexicons())):
            assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.plain.finditer(text)]


def test_where_the_engines_disagree_re_scans_the_rest():
    scan = ScanPattern(r"\d+")
    scan.jit = pcre2.compile(r"\d")  # stands in for an engine that reads one number differently
    text = "7 and 12 and 345"
    assert [m.group() for m in scan.finditer(text)] == ["7", "12", "345"]
