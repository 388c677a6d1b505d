"""Date expressions in news text, resolved to calendar dates.

Everything is found by one compiled alternation scanned with `finditer`; every repetition in it is
bounded, so a scan is linear in the length of the text. Choices that need context (is this 4-digit
number a year? is "May" the month or the verb?) look at a bounded window around the candidate. The
words involved (months, weekdays, number words, year context) are in seeds/reference/date_words.csv.

Rules:
- Year inference: an expression without a year takes the publication year, unless that puts it more
  than 120 days (~4 months) after publication; then it takes the year before, because news looks back at
  last year's events far more often than it announces dates several months ahead (a January article on
  "4 October" means the October before); a day that falls within 60 days after publication only in the
  next year takes the next year (a December article on "January 5"). Without a
  publication date the year is `fallback_year` (anchor 'corpus'), or the year before where that puts the day
  more than 120 days after `newest_written`, the newest day the article writes out in full (a page that writes
  "10 January 2021" looks back at the November before); without either the value is None.
- A bare 4-digit number is a year only in 1900..2100 and only in year-ish context: a preceding word
  such as "in", "since", "between" (category year_context_before), "and"/"or" right after another
  year, or a following noun such as "war" or "elections", optionally after "'s" (year_context_after).
- A year range "1992-1994" gives two mentions, one per year, so each year keeps its own offsets.
- Capitalised month names only; "May" and "March" without a day or year need a year-ish word before
  them (or early/late/mid), and month abbreviations need a day or a year.
- Weekdays resolve to the date on or before publication that has that weekday (the same day counts);
  "last Friday" is strictly before and "next Friday" strictly after publication.
- Relative expressions need the publication date. Week precision resolves to the Monday of the week,
  except "N weeks ago", which is exactly 7*N days before publication. Vague spans ("in recent weeks",
  "over the past few days", "the last year") are not dates.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from orchestration.extraction.jit_regex import ScanPattern, word_trie
from orchestration.reference import load_reference

_MAX_DAYS_AHEAD = 120
_NEXT_YEAR_DAYS = 60


class DateMention(NamedTuple):
    """One date expression: `text[char_start:char_end]` of the scanned text, and what it resolves to.

    `value` is the first day of the period (the last day when `is_deadline_end`); `precision` is
    day/week/month/year, `kind` absolute/weekday/relative, `anchor` where the year or reference came
    from: explicit/publication/corpus/unresolved (the extraction may set narrative: the year the article tells).
    """

    char_start: int
    char_end: int
    text: str
    value: date | None
    precision: str
    kind: str
    anchor: str
    is_deadline_end: bool


def _words(category: str, english: bool | None = None) -> dict[str, int]:
    """Lexicon words of one category, lower-case, with their number (0 where none applies); only English
    ones, only other languages', or (None) all."""
    rows = load_reference("date_words")
    return {
        row["word"]: int(row["value"] or 0)
        for row in rows
        if row["category"] == category and (english is None or (row["language"] == "en") == english)
    }


_FULL_MONTHS = _words("month", english=True)
_ABBR_MONTHS = _words("month_abbr", english=True)
_FOREIGN_FULL_MONTHS = _words("month", english=False)
_FOREIGN_ABBR_MONTHS = _words("month_abbr", english=False)
_FOREIGN_MONTHS = _FOREIGN_FULL_MONTHS | _FOREIGN_ABBR_MONTHS
_MONTHS = _FULL_MONTHS | _ABBR_MONTHS | _FOREIGN_MONTHS
MONTH_WORDS = frozenset(_MONTHS)  # every language's month names and abbreviations, lower-case
_WEEKDAYS = _words("weekday", english=True)
_FOREIGN_WEEKDAYS = _words("weekday", english=False)
_ALL_WEEKDAYS = _WEEKDAYS | _FOREIGN_WEEKDAYS
# counts of days, weeks and years: number_words.csv (the figures' list) up to a hundred, and the words for one
# that only a span reads so ("a week ago", "ein Jahr")
_NUMBERS = _words("number") | {
    row["word"]: int(row["value"])
    for row in load_reference("number_words")
    if row["value"].isdigit() and int(row["value"]) <= 100 and not row["word"].endswith(".")
}
_YEAR_BEFORE = frozenset(_words("year_context_before"))
_YEAR_AFTER = frozenset(_words("year_context_after"))
_DAY_OFFSETS = _words("day_word")
_FIRST_DAY = _words("first_day")  # "il primo dicembre", "le premier décembre", "двадцать пятого ноября"
_ORDINAL_DAYS = sorted(_FIRST_DAY.items(), key=lambda item: -len(item[0]))  # longest first: "двадцать первого"
_LATER_UNITS = _words("later_unit")  # "five days later", "fünf Tage später": days per unit
_LATER_MARKERS = _words("later_marker")
_EARLIER_MARKERS = _words("earlier_marker")  # "ten days earlier", "dieci giorni prima": days before the day named
_AGO_AFTER = _words("ago_after")  # "cinque giorni fa", "пять дней назад", "beş gün önce"
_LATER_BEFORE = _words("later_before")  # "спустя пять дней": days after the day named before it
_SAME_DAY = _words("same_day")  # "on that day", "в указанный день": the day named before it
_AGO_BEFORE = _words("ago_before")  # "il y a cinq jours", "hace cinco días", "vor fünf Tagen"
_THIS_MONTH = _words("this_month")  # "on the 25th of the month", "le 25 de ce mois": the publication's month
_MONTH_DAY_WORDS = _words("month_day_word")  # "hasta el día 25", "il giorno 25": a day of a month named before
_NIGHT_WORDS = _words("night_word")  # "la nuit du 24 au 25", "la notte tra il 24 e il 25"
_NIGHT_WINDOW = 16
_YEAR_UNITS = _words("year_unit")
# "cela fait deux ans que", "two years have passed since": a day so many years before the article, its anniversary
_ANNIVERSARY_BEFORE = _words("anniversary_before")
_ANNIVERSARY_AFTER = _words("anniversary_after")
_ANNIVERSARY_ORDINALS = _words("anniversary_ordinal")  # "the second anniversary", "вторая годовщина": 2 years
_ANNIVERSARY_NOUNS = _words("anniversary_noun")
# "jährt sich zum dritten Mal": "the third time" is an anniversary only after a verb that says so
_ANNIVERSARY_TIMES = _words("anniversary_times")
_ANNIVERSARY_VERBS = _words("anniversary_verb")
# "on this day in 2020", "heute vor drei Jahren", "tam üç yıl önce": the article's day in the year named beside it
_THIS_DAY = _words("this_day")
_PAIR_LINKS = _words("day_pair_link")  # "desde el 15 hasta el 25 de noviembre", "nicht der 15. sondern der 25."
# year words that make a four-digit number before a counted noun a year ("in 1960 soldiers crossed"), but for the
# count words ("контингент в 1960 военных")
_COUNT_YEAR_WORDS = frozenset(
    row["word"] for row in load_reference("figure_words") if row["role"] == "year_before"
) - frozenset(row["word"] for row in load_reference("figure_words") if row["role"] == "count_before")
# the first words of counted nouns other than time units: "a unit of 1960 soldiers" counts, it is no year
_COUNTED_NOUNS = frozenset(
    row["term"].split()[0].lower()
    for row in load_reference("figure_subjects")
    if row["category"] not in ("years", "decades", "centuries", "months", "weeks", "days", "hours")
)
_VERB_MONTHS = frozenset({"may", "march"})  # also English verbs (and a surname): alone they need context


def _alternation(words: dict[str, int], capitalise: bool) -> str:
    """Longest first, so "September" is tried before "Sept" and "Sep"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word.capitalize() if capitalise else word) for word in ordered)


_S = r"\s{1,3}"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d|,(?![12]\d{3}(?!\d))\d)"  # "25,000" is no day; "November 25,2020" is
_DAYS = rf"{_DAY}(?:[-–]{_DAY})?"
_YEAR = r"[12]\d{3}(?!\d)"
_BARE_YEAR = r"(?:19\d\d|20\d\d|2100)"
_MONTH = rf"(?:(?:{_alternation(_FULL_MONTHS, True)})\b|(?:{_alternation(_ABBR_MONTHS, True)})(?:\.|\b))"
# Other languages' months, in any case, only after a day ("20. November", "1er décembre", "20 ноября",
# "25 de noviembre", "20 Kasım'da": a Turkish case suffix after an apostrophe belongs to the date) or before a year
_FOREIGN_MONTH = (
    rf"(?i:(?:{_alternation(_FOREIGN_FULL_MONTHS, False)})\b|(?:{_alternation(_FOREIGN_ABBR_MONTHS, False)})(?:\.|\b))"
    rf"(?:['’][^\W\d_]{{1,4}}\b)?"
)
_WEEKDAY = rf"(?:{_alternation(_WEEKDAYS, True)})\b"
_NUMBER = word_trie(
    sorted(_NUMBERS)
)  # some hundred words, used in several alternatives: shared prefixes keep the pattern small
# a German weekday may carry the part of the day ("Mittwochmorgen", "Dienstagabend"): the day is the weekday's
_WEEKDAY_PARTS = _words("weekday_part")
_FOREIGN_WEEKDAY = rf"(?i:(?:{_alternation(_FOREIGN_WEEKDAYS, False)})(?:{_alternation(_WEEKDAY_PARTS, False)})?)\b"
_UNITS = ("week", "month", "year")
_UNIT = rf"(?:{'|'.join(_UNITS)})"
# "Nov. 20", and "Nov.20" as wire copy runs it together
_MDY = rf"{_MONTH}(?:{_S}|(?<=\.)){_DAYS}(?:(?:,\s{{0,3}}|{_S}){_YEAR})?"  # "November 25,2020" too
_DMY = rf"{_DAYS}(?:\.|er| ?°| ?º|-?го)?{_S}(?:(?:of|de|del){_S})?(?:{_MONTH}|{_FOREIGN_MONTH})(?:,?{_S}(?:(?:de|del){_S})?{_YEAR})?"

# "il y a exactement quatre ans", "hace casi dos años", "vor genau drei Jahren": a word between "ago" and the count
_AGO_ADVERB = rf"(?:(?:{_alternation(_words('ago_adverb'), False)}){_S})?"
# "vor drei Jahren", "три года назад", "il y a trois ans": the year so many before the article's
_AGO_YEAR = (
    rf"(?P<ago_year>(?i:(?:{_alternation(_AGO_BEFORE, False)}){_S}{_AGO_ADVERB}(?P<ay_n>\d{{1,3}}|{_NUMBER}){_S}"
    rf"(?:{_alternation(_YEAR_UNITS, False)})\b|(?P<ay_m>\d{{1,3}}|{_NUMBER}){_S}(?:{_alternation(_YEAR_UNITS, False)})"
    rf"{_S}(?:{_alternation(_AGO_AFTER, False)})\b))"
)
_ANNIVERSARY = (
    rf"(?P<anniversary>(?i:(?:{_alternation(_ANNIVERSARY_BEFORE, False)}){_S}(?:[^\W\d][\w'’]{{1,12}}{_S})?(?P<anb_n>\d{{1,2}}|{_NUMBER}){_S}"
    rf"(?:{_alternation(_YEAR_UNITS, False)})\b"
    rf"|(?P<ana_n>\d{{1,2}}|{_NUMBER}){_S}(?:{_alternation(_YEAR_UNITS, False)}){_S}"
    rf"(?:{_alternation(_ANNIVERSARY_AFTER | _ANNIVERSARY_BEFORE, False)})\b"  # "Dos años se cumplen"
    rf"|(?P<an_ord>{_alternation(_ANNIVERSARY_ORDINALS, False)}){_S}(?:{_alternation(_ANNIVERSARY_NOUNS, False)}"
    rf"|(?P<an_times>{_alternation(_ANNIVERSARY_TIMES, False)}))\b))"
)
# only what counts years back from the article's day, for years_counted_back: "two years ago", "il y a deux ans",
# "the second anniversary"
_YEARS_BACK_WORDS = ("year", *_YEAR_UNITS, *_ANNIVERSARY_NOUNS, *_ANNIVERSARY_TIMES)
_YEARS_BACK_RE = ScanPattern(
    rf"\b(?:(?P<span>(?i:(?P<span_n>\d{{1,3}}|{_NUMBER}){_S}years?{_S}ago\b))|{_AGO_YEAR}|{_ANNIVERSARY})"
)

# Expressions start at a word boundary, or at a digit glued to a word ("date25 Nov 2020"); the
# alternatives are grouped by their first character so most positions are rejected after one test. Scanned
# over every sentence, so compiled by PCRE2's JIT (jit_regex), as are the two prefilter patterns below.
_DATE_RE = ScanPattern(
    r"(?:\b|(?<=[^\W\d_])(?=\d))(?:(?=\d)(?:"
    + "|".join(
        (
            # "2020-11-25", and year-first with dots or slashes as some agencies write it: "2020.11.25", "2020/11/25"
            rf"(?P<iso>(?<![\w.-])(?P<iso_y>{_YEAR})(?P<iso_sep>[-./])(?P<iso_m>\d\d)(?P=iso_sep)(?P<iso_d>\d\d)(?![\d.]\d|\d))",
            # "1.12.2020", and German "bis 15.11." without its year
            rf"(?P<dotted>(?<![\d.])(?P<dot_d>\d{{1,2}})\.(?P<dot_m>\d{{1,2}})\.(?:(?P<dot_y>{_YEAR})(?!\.\d)|(?![\d.])))",
            rf"(?P<day_month>(?<![\d.,]){_DMY})",
            # a bare day that takes its month from the next date: "с 15 на 25 ноября", "il 15, ma il 25 novembre"
            rf"(?P<paired_day>(?<![\d.,])\d{{1,2}}(?:st|nd|rd|th|er)?(?=\.?,?(?:{_S}(?i:{_alternation(_PAIR_LINKS, False)})){{1,3}}"
            rf"{_S}{_DMY}))",
            rf"(?P<range>(?<![\w.,])(?P<rng_a>{_BARE_YEAR})\s?[-–—]\s?(?P<rng_b>{_BARE_YEAR})(?!\w|[-.,]\d))",
            rf"(?P<year>(?<![\w.,])(?P<yr>{_BARE_YEAR})(?!\w|[.,]\d))",
        )
    )
    + r")|(?=\w)(?:"
    + "|".join(
        (
            rf"(?P<month_name>(?:{_WEEKDAY}|{_FOREIGN_WEEKDAY}),?{_S}(?:{_MDY}|{_DMY})|{_MDY}"
            rf"|(?:(?i:early|late|mid)[-\s]{{1,2}})?{_MONTH}(?:,?{_S}{_YEAR})?)",
            rf"(?P<weekday>(?:(?P<wd_rel>(?i:last|next)){_S})?(?P<wd>{_WEEKDAY}|{_FOREIGN_WEEKDAY}))",
            # a count of days or weeks, before or after a day: "two weeks ago", "five days later", "fünf Tage später"
            # "il y a cinq jours", "hace cinco días", "vor fünf Tagen": days or weeks before the article
            rf"(?P<ago_before>(?i:(?:{_alternation(_AGO_BEFORE, False)}){_S}{_AGO_ADVERB}(?P<ab_n>\d{{1,3}}|{_NUMBER}){_S}"
            rf"(?P<ab_u>{_alternation(_LATER_UNITS, False)})\b))",
            _AGO_YEAR,
            rf"(?P<later_before>(?i:(?:{_alternation(_LATER_BEFORE, False)}){_S}(?P<lb_n>\d{{1,3}}|{_NUMBER}){_S}"
            rf"(?P<lb_u>{_alternation(_LATER_UNITS, False)})\b))",
            rf"(?P<span>(?i:(?<![\d.,])(?P<span_n>\d{{1,3}}|{_NUMBER}){_S}(?:(?P<ago_u>day|{_UNIT})s?{_S}ago\b"
            rf"|(?P<later_u>{_alternation(_LATER_UNITS, False)}){_S}(?:(?P<ago_after>{_alternation(_AGO_AFTER, False)})"
            rf"|(?P<earlier>{_alternation(_EARLIER_MARKERS, False)})|{_alternation(_LATER_MARKERS, False)})\b)))",
            rf"(?P<same_day>(?i:{_alternation(_SAME_DAY, False)})(?!\w))",
            _ANNIVERSARY,
            rf"(?P<month_day>(?i:(?P<md_w>{_alternation(_MONTH_DAY_WORDS, False)}){_S}(?P<md_d>\d{{1,2}})(?P<md_o>st|nd|rd|th)?)"
            rf"(?!\d|[\w.,]\d|[^\W\d_])"
            rf"(?!\.?{_S}(?:(?:de|del|di|of){_S})?(?:{_MONTH}|{_FOREIGN_MONTH})))",  # "el día 25 de noviembre", "the 3rd of December": a date of its own
            rf"(?P<end>(?i:(?:by{_S})?(?:the{_S})?end{_S}of{_S}(?P<end_rel>the|this|last|next){_S}"
            rf"(?P<end_u>{_UNIT})\b))",
            rf"(?P<period>(?i:(?P<per_rel>(?:(?:earlier|later){_S})?this|last|next){_S}(?P<per_u>{_UNIT})\b))",
            rf"(?P<day_word>(?i:(?:{'|'.join(map(re.escape, _DAY_OFFSETS))})\b))",
            rf"(?P<first_day>(?i:{_alternation(_FIRST_DAY, False)}){_S}(?:(?:de|del){_S})?(?:{_MONTH}|{_FOREIGN_MONTH})"
            rf"(?:,?{_S}(?:(?:de|del){_S})?{_YEAR})?)",
        )
    )
    + "))"
)
# "the 25th of the month": rare, so a pass of its own, only over text that has the words (not in _DATE_RE's scan)
_THIS_MONTH_RE = re.compile(
    rf"(?<![\d.,])(?P<tm_d>\d{{1,2}})(?:st|nd|rd|th|er|\.|-?го)?{_S}(?i:{_alternation(_THIS_MONTH, False)})\b"
)
# "septiembre de 2020", "settembre 2020", "в сентябре 2020 года": other languages' months with their year but no day,
# and Turkish capitals the main pattern's case folding misses ("28 MAYIS 2025"); a pass of its own over text with a
# 4-digit number (the months' alternation once more would pass PCRE2's size limit)
_FOREIGN_MONTH_YEAR_RE = re.compile(
    rf"(?<![\w.,])(?:{_DAY}\.?{_S}(?:(?:de|del){_S})?)?{_FOREIGN_MONTH}{_S}(?:(?:de|del|di){_S})?{_YEAR}"
)
_FOUR_DIGITS = re.compile(r"\d{4}")
_ANNIVERSARY_VERB = re.compile(rf"(?<!\w)(?i:{_alternation(_ANNIVERSARY_VERBS, False)})(?!\w)")
_THIS_DAY_RE = re.compile(rf"(?<!\w)(?i:{_alternation(_THIS_DAY, False)})(?!\w)")
_WEEKDAY_RE = re.compile(rf"\b{_WEEKDAY}")
_NIGHT_BEFORE = re.compile(rf"(?i:\b(?:{_alternation(_NIGHT_WORDS, False)})\b)\W+(?:\w+\W+){{0,2}}$")
_DMY_RE = re.compile(_DMY)
_MONTH_RE = re.compile(rf"\b(?:{_MONTH}|{_FOREIGN_MONTH})")
_DIGITS_RE = re.compile(r"\d+")
# Every expression holds a digit, a month or weekday name, or one of these words (in any case): text
# without any (most news sentences) is skipped after a few fast scans instead of the full pattern's.
_DIGIT_RE = ScanPattern(r"\d")
_NAME_RE = ScanPattern(f"{_alternation(_FULL_MONTHS | _ABBR_MONTHS, True)}|{_alternation(_WEEKDAYS, True)}")
# other languages' month and weekday names in ASCII ("el viernes", "am Freitag", "a fines de noviembre")
_FOREIGN_NAME_RE = ScanPattern(
    r"\b(?:"
    + _alternation({word: 0 for word in _FOREIGN_MONTHS | _FOREIGN_WEEKDAYS if word.isascii()}, False)
    + r")(?:"
    + _alternation(_WEEKDAY_PARTS, False)
    + r")?\b",
    ignore_case=True,
)
_RELATIVE_WORDS = ("ago", *_UNITS, *_DAY_OFFSETS, *_FIRST_DAY, *_SAME_DAY)
# other languages' "ago" ("cinque giorni fa", "hace cinco días", "vor zwei Wochen"): short words, so as whole words
_AGO_WORD_RE = ScanPattern(rf"\b(?:{_alternation({**_AGO_AFTER, **_AGO_BEFORE}, False)})\b", ignore_case=True)
_BARE_YEAR_RE = re.compile(_BARE_YEAR)
_WORDS_BEFORE = re.compile(r"(?:(\w+)\W{1,3})?(\w+)\W{1,3}$")
_WORD_AFTER = re.compile(r"(?:['’]s)?\s{1,3}(\w+)")
_CAPITALISED_WORD_BEFORE = re.compile(r"\b[A-Z]\w* $")
_PERIOD_OFFSETS = {"last": -1, "this": 0, "the": 0, "next": 1}
# the event's year right after an anniversary phrase: "the first anniversary of the 2020 liberation"
_STATED_YEAR = re.compile(rf"\s{{1,3}}(?:[^\W\d_]+\s{{1,3}}){{0,4}}(?P<year>{_BARE_YEAR})(?!\w|[.,]\d)")
_WORD_RE = re.compile(r"\w+")
_CLAUSE_END = re.compile(r"[.;:!?]")
_BESIDE_WORDS = 2  # words between an anniversary phrase and the day it falls on: "marks on December 1 the first"


def find_dates(
    text: str,
    published: date | None,
    fallback_year: int | None,
    previous_day: DateMention | None = None,
    newest_written: date | None = None,
) -> list[DateMention]:
    """All date expressions in `text` (a sentence or a whole article), in text order, non-overlapping.
    `previous_day` is the last day the sentence before named: what "Five days later, ..." opening this one counts
    from; `newest_written` the newest day an undated article writes out in full (see the module docstring)."""
    mentions: list[DateMention] = []
    if not _may_hold_date(text):
        return mentions
    anniversaries = []
    for match in _DATE_RE.finditer(text):
        if match.lastgroup == "span" and match["ago_after"]:  # "cinque giorni fa", "пять дней назад"
            mentions.extend(_units_ago(match, match["span_n"], match["later_u"], published))
        elif match.lastgroup == "span" and match["later_u"]:
            mentions.extend(
                _later(match, mentions, previous_day, match["span_n"], match["later_u"], -1 if match["earlier"] else 1)
            )
        elif match.lastgroup == "later_before":
            mentions.extend(_later(match, mentions, previous_day, match["lb_n"], match["lb_u"]))
        elif match.lastgroup == "ago_before":
            mentions.extend(_units_ago(match, match["ab_n"], match["ab_u"], published))
        elif match.lastgroup == "month_day":
            mentions.extend(_month_day(match, mentions))
        elif match.lastgroup == "same_day":  # "on that day", "в указанный день"
            mentions.extend(_days_after(match, mentions, previous_day, 0))
        else:
            found = _HANDLERS[match.lastgroup](match, text, published, fallback_year)
            anniversaries += [match] if match.lastgroup == "anniversary" and found else []
            mentions.extend(found)
    if any(
        not any(m.char_start <= year.start() < m.char_end and m.precision != "year" for m in mentions)
        for year in _FOUR_DIGITS.finditer(text)
    ):  # a 4-digit number no day or month found holds
        mentions = _with_months_of_years(text, mentions, published, fallback_year)
    if published and _has_words_of_this_month(text):
        mentions = _with_days_of_this_month(text, published, mentions)
    for match in anniversaries:
        mentions = _on_stated_day(text, match, mentions, published)
    if published:
        mentions = _on_this_day(text, mentions, published)
    if newest_written:
        mentions = _not_far_ahead(text, mentions, newest_written)
    return _apposed(text, _nights(text, mentions))


def _with_months_of_years(
    text: str, mentions: list[DateMention], published: date | None, fallback_year: int | None
) -> list[DateMention]:
    """Other languages' month-and-year dates, in place of the bare year read inside one ("в сентябре 2020 года")."""
    for match in _FOREIGN_MONTH_YEAR_RE.finditer(text):
        inside = [m for m in mentions if m.char_start < match.end() and match.start() < m.char_end]
        if any(m.precision != "year" for m in inside):
            continue
        found = _month_name(match, text, published, fallback_year)
        mentions = sorted([m for m in mentions if m not in inside] + found, key=lambda m: m.char_start)
    return mentions


_APPOSITION = re.compile(r"\s*[,(–—-]\s*(?:[^\W\d_]+\s+)?")


def _apposed(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "eine Woche später, am 1. Dezember", "five days later (on 25 November)": a day counted from another, with
    the day itself set beside it, is that day: the count is only the writer's round figure."""
    return [
        mention
        for mention, following in zip(mentions, [*mentions[1:], None])
        if following is None
        or mention.kind != "relative"
        or following.kind != "absolute"
        or mention.precision != "day"
        or following.precision != "day"
        or not _APPOSITION.fullmatch(text, mention.char_end, following.char_start)
    ]


def _on_this_day(text: str, mentions: list[DateMention], published: date) -> list[DateMention]:
    """ "On this day in 2020", "three years ago today", "heute vor drei Jahren", "ровно три года назад": a year
    beside a word for the article's own day (at most _BESIDE_WORDS words between, in one clause) is that day of
    the year, and "today" there is no date of its own."""
    years = [
        m for m in mentions if m.precision == "year" and m.value and (m.kind == "relative" or m.anchor == "explicit")
    ]
    if not years:
        return mentions
    todays = [m for m in mentions if m.kind == "relative" and m.value == published and m.text.lower() in _DAY_OFFSETS]
    markers = [(m.start(), m.end(), None) for m in _THIS_DAY_RE.finditer(text)] + [
        (m.char_start, m.char_end, m) for m in todays
    ]
    replaced, used = {}, set()
    for year in years:
        for start, end, today in markers:
            between = text[min(end, year.char_end) : max(start, year.char_start)]
            if len(_WORD_RE.findall(between)) <= _BESIDE_WORDS and not _CLAUSE_END.search(between):
                day = _date(year.value.year, published.month, published.day)
                if day:
                    replaced[year] = year._replace(value=day, precision="day")
                    used |= {today} | {m for m in todays if start <= m.char_start and m.char_end <= end}
                break
    if not replaced:
        return mentions
    return [replaced.get(m, m) for m in mentions if m not in used]  # "tal día como hoy": its "hoy" too


# "under a decree signed on July 31, 2023", "подписанному 31 июля 2023 года распоряжению": a document's date, whose
# year is no year the article tells
_DECREES = _alternation(_words("decree_word"), False)
_DECREE_BEFORE = re.compile(rf"(?i:\b(?:{_DECREES})\b[^.;:]{{0,60}})$")
_DECREE_AFTER = re.compile(rf"(?i:[^.;:]{{0,25}}?\b(?:{_DECREES})\b)")


def dates_a_decree(text: str, mention: DateMention) -> bool:
    """Whether a word for a decree stands shortly before or after the date, in its clause."""
    before = text[max(0, mention.char_start - 80) : mention.char_start]
    return bool(_DECREE_BEFORE.search(before) or _DECREE_AFTER.match(text, mention.char_end, mention.char_end + 40))


def years_counted_back(sentences: Iterable[str]) -> list[int]:
    """The years the sentences count back from their article's day ("two years ago", "the third anniversary of",
    "cela fait deux ans que"); only those with a word for years or anniversaries are scanned."""
    return [
        _anniversary_years(match)
        if match.lastgroup == "anniversary"
        else _count(match["ay_n"] or match["ay_m"] or match["span_n"])
        for sentence in sentences
        if any(word in sentence.lower() for word in _YEARS_BACK_WORDS)
        for match in _YEARS_BACK_RE.finditer(sentence)
    ]


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS[word]


def _has_words_of_this_month(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _THIS_MONTH)


def _with_days_of_this_month(text: str, published: date, mentions: list[DateMention]) -> list[DateMention]:
    """ "had to leave on the 25th of the month": that day of the publication's month, where no other date is."""
    days = [
        _mention(match, _date(published.year, published.month, int(match["tm_d"])), "day", "absolute", "publication")
        for match in _THIS_MONTH_RE.finditer(text)
        if not any(m.char_start < match.end() and match.start() < m.char_end for m in mentions)
    ]
    return sorted(mentions + days, key=lambda mention: mention.char_start) if days else mentions


def _nights(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "dans la nuit du 30 novembre au 1er décembre": a night spanning two days is dated by the later one."""
    return [
        mention
        for mention, following in zip(mentions, [*mentions[1:], None])
        if following is None
        or not _NIGHT_BEFORE.search(text, max(0, mention.char_start - _NIGHT_WINDOW), mention.char_start)
        or not all(word in _PAIR_LINKS for word in text[mention.char_end : following.char_start].lower().split())
    ]


def _last_day(before: list[DateMention]) -> DateMention | None:
    return next((m for m in reversed(before) if m.precision == "day" and m.value and not m.is_deadline_end), None)


def _month_day(match: re.Match[str], before: list[DateMention]) -> list[DateMention]:
    """ "prevista para el 15 de noviembre, extendida hasta el día 25", "extended from November 15 to the 21st": a
    later day of the month of the last day named before it in the text. Nothing without such a day, nor after
    "the" without an ordinal ending ("the 25 soldiers")."""
    if match["md_w"].lower() == "the" and not match["md_o"]:
        return []
    anchor = _last_day(before)
    day = int(match["md_d"])
    if anchor is None or day <= anchor.value.day:
        return []
    value = _date(anchor.value.year, anchor.value.month, day)
    return [_mention(match, value, "day", "absolute", anchor.anchor)] if value else []


def _later(
    match: re.Match[str],
    before: list[DateMention],
    previous_day: DateMention | None,
    count: str,
    unit: str,
    sign: int = 1,
) -> list[DateMention]:
    """ "Agdam on 20 November and Kalbajar five days later", "Спустя пять дней ...": days after the last day
    named before it (_days_after), or before it (`sign` -1: "ten days earlier"); a span it cannot read dates
    nothing (a span used as a date, not a count either)."""
    span = _span(count, unit)
    return _days_after(match, before, previous_day, sign * span[0] * span[1]) if span else []


def _days_after(
    match: re.Match[str], before: list[DateMention], previous_day: DateMention | None, days: int
) -> list[DateMention]:
    """The day `days` after the last day named before the match in the text, else in the sentence before ("Il
    25 novembre ... quel giorno" is 0 days after); nothing without such a day."""
    anchor = _last_day(before) or previous_day
    return [_mention(match, anchor.value + timedelta(days=days), "day", "relative", anchor.anchor)] if anchor else []


def _span(count: str, unit: str) -> tuple[int, int] | None:
    """(how many, days per unit) of a span of days or weeks in any language ("five days", "cinque giorni")."""
    n = int(count) if count.isdigit() else _NUMBERS.get(count.lower())
    days = _LATER_UNITS.get(unit.lower())
    return (n, days) if n and days else None


def _may_hold_date(text: str) -> bool:
    """Whether `text` holds a digit, a month or weekday name, or a relative word. The words are matched
    ignoring case: for ASCII text that is a search in its lower-case form; other text may spell them with
    look-alikes that match too ("ſ", the Kelvin sign), so it is always scanned."""
    if _DIGIT_RE.search(text) or _NAME_RE.search(text) or not text.isascii() or _FOREIGN_NAME_RE.search(text):
        return True
    lowered = text.lower()
    return any(word in lowered for word in _RELATIVE_WORDS) or _AGO_WORD_RE.search(text) is not None


def weekday_names_in(text: str) -> set[int]:
    """Weekday numbers (Monday=0) named in `text`: with a dated event, they hint at the publication date."""
    return {_WEEKDAYS[match.group().lower()] for match in _WEEKDAY_RE.finditer(text)}


def _mention(
    match: re.Match[str], value: date | None, precision: str, kind: str, anchor: str, deadline: bool = False
) -> DateMention:
    if value is None:
        anchor = "unresolved"
    return DateMention(match.start(), match.end(), match.group(), value, precision, kind, anchor, deadline)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _words_before(text: str, start: int) -> tuple[str, str]:
    """The two words before `start`, lower-case ('' where missing); looks back at most 40 characters."""
    found = _WORDS_BEFORE.search(text[max(0, start - 40) : start])
    if not found:
        return "", ""
    return (found.group(1) or "").lower(), found.group(2).lower()


def _absolute(
    match: re.Match[str], year: str | None, month: int, day: int, published: date | None, fallback_year: int | None
) -> list[DateMention]:
    """A day or month (day=0) with an explicit year, or with the year inferred as the module docstring says."""
    precision = "day" if day else "month"
    if year:
        value = _date(int(year), month, day or 1)
        return [_mention(match, value, precision, "absolute", "explicit")] if value else []
    if day > monthrange(2000, month)[1]:  # 2000 is a leap year: February 29 exists in some year
        return []
    if published:
        value = _date(published.year, month, day or 1)
        if value and _far_ahead(value, published):
            value = _date(published.year - 1, month, day or 1)
        elif (
            value
            and day
            and (next_year := _date(published.year + 1, month, day))
            and (next_year - published).days <= _NEXT_YEAR_DAYS
        ):
            value = next_year
        return [_mention(match, value, precision, "absolute", "publication")]
    value = _date(fallback_year, month, day or 1) if fallback_year else None
    return [_mention(match, value, precision, "absolute", "corpus")]


def _far_ahead(value: date, reference: date) -> bool:
    """News looks back at last year's events far more often than it announces dates months ahead."""
    return (value - reference).days > _MAX_DAYS_AHEAD


def _not_far_ahead(text: str, mentions: list[DateMention], newest_written: date) -> list[DateMention]:
    """Days and months that took the corpus year, in the year before where that puts them far ahead of the newest
    day their undated article writes out in full, as they would be of its publication date; but for a day the text
    calls today ("Today, October 25, marks the first anniversary"), the article's own, which may be any later day."""
    todays = [m for m in mentions if m.kind == "relative" and _DAY_OFFSETS.get(m.text.lower()) == 0]
    return [
        m._replace(value=_date(m.value.year - 1, m.value.month, m.value.day) or m.value)
        if m.anchor == "corpus" and m.value and _far_ahead(m.value, newest_written) and not _beside_any(text, m, todays)
        else m
        for m in mentions
    ]


def _beside_any(text: str, mention: DateMention, others: list[DateMention]) -> bool:
    """Whether one of `others` stands beside `mention`: at most _BESIDE_WORDS words between, in one clause."""
    for other in others:
        between = text[min(other.char_end, mention.char_end) : max(other.char_start, mention.char_start)]
        if len(_WORD_RE.findall(between)) <= _BESIDE_WORDS and not _CLAUSE_END.search(between):
            return True
    return False


def _iso(match, text, published, fallback_year):
    return _absolute(match, match["iso_y"], int(match["iso_m"]), int(match["iso_d"]), published, fallback_year)


def _dotted(match, text, published, fallback_year):
    month = int(match["dot_m"])
    if not 1 <= month <= 12:
        return []
    return _absolute(match, match["dot_y"], month, int(match["dot_d"]), published, fallback_year)


def _month_word(expression: str) -> str | None:
    """The month name in an expression, lower-cased as _MONTHS has it (Turkish capitals: "MAYIS" is mayıs, though
    str.lower() makes it "mayis"); None when the lexicon does not know it."""
    written = _MONTH_RE.search(expression).group().split("'")[0].split("’")[0].rstrip(".")
    for word in (written.lower(), written.replace("I", "ı").replace("İ", "i").lower()):
        if word in _MONTHS:
            return word
    return None


def _month_name(match, text, published, fallback_year):
    """Any expression with a month name: its day is the first 1-2 digit number, its year the 4-digit one."""
    expression = match.group()
    word = _month_word(expression)
    if word is None:
        return []
    numbers = _DIGITS_RE.findall(expression)
    year = next((number for number in numbers if len(number) == 4), None)
    day = next((int(number) for number in numbers if len(number) <= 2), 0)
    if not day and not year:
        if word in _ABBR_MONTHS:
            return []
        bare = expression.lower() == word
        if word in _VERB_MONTHS and bare and _words_before(text, match.start())[1] not in _YEAR_BEFORE:
            return []
    return _absolute(match, year, _MONTHS[word], day, published, fallback_year)


def _paired_day(match, text, published, fallback_year):
    """The first day of a pair: its month and year are those of the date the pattern saw after it. A night's pair
    ("dans la nuit du 24 au 25 novembre", "в ночь с 24 на 25 ноября") is one date, the later day: none here."""
    if _NIGHT_BEFORE.search(text, max(0, match.start() - _NIGHT_WINDOW), match.start()):
        return []
    mention = _month_name(_DMY_RE.search(text, match.end()), text, published, fallback_year)
    if not mention or mention[0].precision != "day" or mention[0].value is None:
        return []
    day = int(_DIGITS_RE.match(match.group()).group())
    value = _date(mention[0].value.year, mention[0].value.month, day)
    return [_mention(match, value, "day", "absolute", mention[0].anchor)] if value else []


def _first_day(match, text, published, fallback_year):
    """A day written as a word before its month ("il primo dicembre", "двадцать пятого ноября"): a day, unlike
    the bare month."""
    expression = match.group()
    word = _month_word(expression)
    if word is None:
        return []
    day = next(value for ordinal, value in _ORDINAL_DAYS if expression.lower().startswith(ordinal))
    year = next((number for number in _DIGITS_RE.findall(expression) if len(number) == 4), None)
    return _absolute(match, year, _MONTHS[word], day, published, fallback_year)


def _year_mention(match: re.Match[str], group: str) -> DateMention:
    start, end = match.span(group)
    return DateMention(start, end, match[group], date(int(match[group]), 1, 1), "year", "absolute", "explicit", False)


def _range(match, text, published, fallback_year):
    if int(match["rng_a"]) >= int(match["rng_b"]):
        return []
    return [_year_mention(match, "rng_a"), _year_mention(match, "rng_b")]


def _year(match, text, published, fallback_year):
    before2, before1 = _words_before(text, match.start())
    after = _WORD_AFTER.match(text, match.end())
    following = after.group(1).lower() if after is not None else None
    if following in _COUNTED_NOUNS and following not in _YEAR_AFTER and before1 not in _COUNT_YEAR_WORDS:
        return []  # the figure rule: a four-digit number before a counted noun is a count unless "in", "since"...
    yearish = (
        before1 in _YEAR_BEFORE
        or (before1 in ("and", "or") and _BARE_YEAR_RE.fullmatch(before2) is not None)
        or following in _YEAR_AFTER
    )
    return [_year_mention(match, "yr")] if yearish else []


def _weekday(match, text, published, fallback_year):
    if not published:
        return [_mention(match, None, "day", "weekday", "unresolved")]
    back = (published.weekday() - _ALL_WEEKDAYS[_without_day_part(match["wd"].lower())]) % 7
    relation = (match["wd_rel"] or "").lower()
    if relation == "last" and back == 0:
        back = 7
    value = published - timedelta(days=back)
    if relation == "next":
        value += timedelta(days=7)
    return [_mention(match, value, "day", "weekday", "publication")]


def _without_day_part(weekday: str) -> str:
    """ "mittwochmorgen" -> "mittwoch"."""
    return next(
        (
            weekday[: -len(part)]
            for part in _WEEKDAY_PARTS
            if weekday.endswith(part) and weekday[: -len(part)] in _ALL_WEEKDAYS
        ),
        weekday,
    )


def _shift_months(day: date, months: int) -> date:
    """First day of the month `months` after the month of `day`."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, 1)


def _period_start(published: date, unit: str, offset: int) -> date:
    """First day of the week (Monday), month or year `offset` periods from the one holding `published`."""
    if unit == "week":
        return published - timedelta(days=published.weekday() - 7 * offset)
    if unit == "month":
        return _shift_months(published, offset)
    return date(published.year + offset, 1, 1)


def _period_end(published: date, unit: str, offset: int) -> date:
    """Last day of the week (Sunday), month or year `offset` periods from the one holding `published`."""
    if unit == "week":
        return _period_start(published, unit, offset) + timedelta(days=6)
    return _period_start(published, unit, offset + 1) - timedelta(days=1)


def _ago(match, text, published, fallback_year):
    unit = match["ago_u"].lower()
    if not published:
        return [_mention(match, None, unit, "relative", "unresolved")]
    n = _count(match["span_n"])
    if unit in ("day", "week"):
        value = published - timedelta(days=n * (7 if unit == "week" else 1))
    else:
        value = _period_start(published, unit, -n)
    return [_mention(match, value, unit, "relative", "publication")]


def _years_ago(match, text, published, fallback_year):
    if not published:
        return [_mention(match, None, "year", "relative", "unresolved")]
    return [
        _mention(
            match,
            _period_start(published, "year", -_count(match["ay_n"] or match["ay_m"])),
            "year",
            "relative",
            "publication",
        )
    ]


def _anniversary(match, text, published, fallback_year):
    """ "Cela fait deux ans que ... a été libérée", "Two years have gone by since ...", "the second anniversary of":
    the day so many years before the article, which marks the anniversary (see _on_stated_day for a day or year
    the sentence states)."""
    if match["an_times"] and not _ANNIVERSARY_VERB.search(text, 0, match.start()):
        return []  # "zum dritten Mal" without "jährt sich": the third time something happens
    if not published:
        return [_mention(match, None, "day", "relative", "unresolved")]
    n = _anniversary_years(match)
    day = min(published.day, monthrange(published.year - n, published.month)[1])  # 29 February
    return [_mention(match, published.replace(year=published.year - n, day=day), "day", "relative", "publication")]


def _anniversary_years(match: re.Match[str]) -> int:
    if match["an_ord"]:
        return _ANNIVERSARY_ORDINALS[match["an_ord"].lower()]
    return _count(match["anb_n"] or match["ana_n"])


def _on_stated_day(
    text: str, match: re.Match[str], mentions: list[DateMention], published: date | None
) -> list[DateMention]:
    """ "Today, November 25, marks three years since ...", "marks on December 1 the first anniversary of the 2020
    liberation": an anniversary falls on the day the sentence names with it, and dates its event that day so many
    years before, or in the year the phrase gives the event. That day is the anniversary's, no date of its own
    (a story of 2023 names "November 25" for the liberation of 2020), so it takes the same date."""
    anniversary = next(m for m in mentions if m.char_start == match.start())
    day = _commemorated_day(text, match, mentions, published)
    stated = _STATED_YEAR.match(text, match.end())
    year = int(stated["year"]) if stated else None
    if day is not None and (year or day.anchor == "publication"):
        value = _date(year or day.value.year - _anniversary_years(match), day.value.month, day.value.day)
    elif year and published:
        value = _date(year, published.month, published.day)
    else:
        return mentions
    if value is None:
        return mentions
    anchor = "explicit" if year else day.anchor
    return [m._replace(value=value, anchor=anchor) if m is anniversary or m is day else m for m in mentions]


def _commemorated_day(
    text: str, match: re.Match[str], mentions: list[DateMention], published: date | None
) -> DateMention | None:
    """The day without its year nearest an anniversary phrase that names when it falls: beside it in its clause
    (at most _BESIDE_WORDS words between), or the article's own day ("November 25 is the town's day, which marks
    five years since ...")."""
    days = [
        m
        for m in mentions
        if m.precision == "day" and m.kind == "absolute" and m.anchor in ("publication", "corpus") and m.value
    ]
    for day in sorted(days, key=lambda m: min(abs(m.char_end - match.start()), abs(m.char_start - match.end()))):
        between = text[min(day.char_end, match.end()) : max(day.char_start, match.start())]
        if day.value == published or (
            len(_WORD_RE.findall(between)) <= _BESIDE_WORDS and not _CLAUSE_END.search(between)
        ):
            return day
    return None


def _units_ago(match: re.Match[str], count: str, unit: str, published: date | None) -> list[DateMention]:
    """Days or weeks before the article, in any language: "il y a cinq jours", "cinque giorni fa"."""
    if (span := _span(count, unit)) is None:
        return []
    n, days = span
    precision = "day" if days == 1 else "week"
    if not published:
        return [_mention(match, None, precision, "relative", "unresolved")]
    return [_mention(match, published - timedelta(days=n * days), precision, "relative", "publication")]


def _end(match, text, published, fallback_year):
    unit = match["end_u"].lower()
    value = _period_end(published, unit, _PERIOD_OFFSETS[match["end_rel"].lower()]) if published else None
    return [_mention(match, value, unit, "relative", "publication", deadline=True)]


def _period(match, text, published, fallback_year):
    words = match["per_rel"].lower().split()
    if len(words) == 1 and _words_before(text, match.start())[1] == "the":
        return []  # "over the last week" is a span, not a date
    unit = match["per_u"].lower()
    value = _period_start(published, unit, _PERIOD_OFFSETS[words[-1]]) if published else None
    return [_mention(match, value, unit, "relative", "publication")]


def _day_word(match, text, published, fallback_year):
    word = match.group()
    if word == "Today" and _CAPITALISED_WORD_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        return []
    value = published + timedelta(days=_DAY_OFFSETS[word.lower()]) if published else None
    return [_mention(match, value, "day", "relative", "publication")]


# One handler per named alternative of _DATE_RE: (match, text, published, fallback_year) -> mentions,
# none when the context rules the match out.
_HANDLERS = {
    "iso": _iso,
    "dotted": _dotted,
    "day_month": _month_name,
    "month_name": _month_name,
    "first_day": _first_day,
    "paired_day": _paired_day,
    "range": _range,
    "year": _year,
    "weekday": _weekday,
    "span": _ago,
    "end": _end,
    "period": _period,
    "day_word": _day_word,
    "anniversary": _anniversary,
    "ago_year": _years_ago,
}
