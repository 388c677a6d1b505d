"""Publication dates as pages print them: header lines, publish statements and datelines.

A page states its own date in its chrome, not in its sentences: "Published 01:34 IST, November 21st 2020",
"23 November 2020    Read: 232", "Dünya | IHA2 | 25.11.2020 - 10:55:14", "ДНД – 20 ноября 2020", a footer
"Bu haber 25 Kasım 2020 'de eklendi", or a dateline opening the first paragraph. A header line holds one
day-precision date and otherwise only what headers carry: clock times, time zones, weekdays, publish labels,
reader counts, a source credit, short section names. A date inside a sentence ("the deal signed on
9 November") never qualifies. Each language's words are in seeds/reference/date_words.csv.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from orchestration.extraction.dates import find_dates
from orchestration.extraction.entities import alias_index, tokenize
from orchestration.extraction.jit_regex import ScanPattern
from orchestration.reference import load_reference


def _alternation(category: str) -> str:
    """One date_words category as a regex alternation, longest first; a space in a word matches any run of
    spaces, an apostrophe either apostrophe; an empty category matches nothing."""
    words = sorted(
        {row["word"] for row in load_reference("date_words") if row["category"] == category}, key=len, reverse=True
    )
    return "|".join(re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]") for word in words) or "(?!)"


_LABELS = _alternation("published_label")
PUBLISH_LINE = re.compile(rf"^\s*(?:{_LABELS})(?!\w)\s*:?\s*(?=\S)", re.IGNORECASE)
_LABEL = re.compile(rf"(?<!\w)(?i:{_LABELS})(?!\w)")
_COUNT = _alternation("count_label")
# "Read: 531", "Просмотров: 15041", "( 1 izlenme )": a page's own counter, header noise; a date beside one is
# the article's
VIEW_COUNTER = re.compile(rf"(?<!\w)(?i:{_COUNT})\s*:?\s*\d[\d.,]*|\b\d[\d.,]*\s*(?i:{_COUNT})(?!\w)")
_HEADER_NOISE = re.compile(
    # clock time: 09:40, 9.40 pm, 14h30; with a bare view count after it at the line's end ("10:32 262")
    r"\b\d{1,2}(?:[:.]|\s?h\s?)\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\d{1,7}\s*$)?"
    r"|\(?\b(?:GMT|UTC|MSK|CET|EET|AZT|AMT|[A-Z]{1,4}T)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?\)?"  # zone: UTC+4, (UTC +04:00)
    rf"|(?<!\w)(?i:{_alternation('weekday')}|{_LABELS}|{_alternation('time_word')})(?!\w)"
    rf"|{VIEW_COUNTER.pattern}"
    rf"|(?i:{_alternation('source_label')})\s*:\s*[^|]{{1,40}}$"  # "Source: AP", glued to a zone or not
    r"|(?i:\b(?:seite|page|pagina|página|sayfa|страница)\s*\d{1,3}(?:\s*/\s*[^\W\d_]+)?)"  # print page: "Seite 6 / Ausland"
)
# an empty byline label before the date ("by | Sat, Nov 21 2020"): not the deadline "by <date>"
_EMPTY_BYLINE = re.compile(r"^\s*by\s*\|", re.IGNORECASE)
_WEEKDAY = re.compile(rf"(?<!\w)(?i:{_alternation('weekday')})(?!\w)")
_WEEKDAY_NUMBERS = {
    row["word"]: int(row["value"]) for row in load_reference("date_words") if row["category"] == "weekday"
}
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_CLOCK_AFTER = re.compile(r"[\s,]*\d{1,2}[:.]\d{2}(?!\d)")  # a date's clock time: "3 Mar 2021, 09:15"
_RUBRIC_WORDS = 5  # words of a story rubric before a timed date line: "Armenia and Azerbaijan: conflict,"
_WIDE_SPACE = re.compile(r"\s{2,}")
_SEPARATORS = re.compile(r"[\s,;:.|/•·()\[\]'’\"–—#-]+")  # "#": a markdown heading's mark
_NUMERIC_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\w/-])")
# a stamp with a two-digit year, read only before its clock time: "01.12.20 11:55"
_SHORT_YEAR_STAMP = re.compile(r"(?<![\w/.-])(\d{1,2})([./])(\d{1,2})\2(\d{2})(?=[\s,]+\d{1,2}:\d{2}(?!\d))")
# a name, or a site's one-word user handle ("Posted on 3 March 2021 by riverwatch_2")
_TRAILING_BYLINE = re.compile(r"\s+by\s+(?P<name>[A-Z][^|\n]{2,60}|[\w.]{3,40})$")
# an author after a pipe closing a line: "<headline> 03/03/2021 | Jane van Doe"
_PIPED_BYLINE = re.compile(r"\s\|\s*(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’.-]+){1,3})\s*$")
# Asked of every line of every article: PCRE2 skips to where a suffix may start, re tried each position (5x)
_PUBLISH_STATEMENT = ScanPattern(rf"(?i:{_alternation('published_suffix')})(?!\w)")
_SHAPE_YEAR = 2000  # a leap year: any day and month make a date in it
_DATE_WINDOW = 60  # characters that hold a date with its clock time
_DATELINE = re.compile(
    r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{1,40},\s+(?P<date>[^()\-–—]{3,40}?)\s*"
    r"(?:(?:\((?P<wire>[^)]{2,40})\))?\s*[-–—]+|\.?\s*/(?P<slashed_wire>[^/]{2,40})/\.?)(?:\s+|$)"
    # a city in mixed case needs the wire in parentheses and the dash: "Milano, 10 nov. (askanews) - ..."
    # ... or a colon, and a country may follow the city, the comma may be missing: "Baku (Azerbaijan), Nov. 25
    # (PTI/AP): ...", "Lachin, Azerbaijan, Nov 30 (AFP):...", "Latchin 1 déc 2020 (AFP) - ..."
    r"|^\s*[A-Z][\w .'’-]{1,40}?(?:\s*\([A-Z][\w .'’-]{1,30}\)|,\s+[A-Z][\w.'’-]{1,30})?,?\s+"
    r"(?P<date_wired>[^()\-–—,]{3,40}?)\s*\((?P<paren_wire>[^)]{2,40})\)\.?\s*(?:[-–—]+(?:\s+|$)|:\s*)"  # "(EFE).-"
    # ... or city, numeric date and wire between slashes, the year perhaps in two digits: "Tbilisi/ 03.03.21/Wire:"
    r"|^\s*[^\W\d_][\w .'’-]{1,40}?/\s*(?P<date_numeric>\d{1,2}\.\d{1,2}\.\d{2}(?:\d{2})?)\s*/"
    r"\s*(?P<numeric_wire>[^/:]{2,40}?)\s*:\s"
)
_TWO_DIGIT_YEAR = re.compile(r"(?<=\.)(\d{2})$")  # "03.03.21": this century's
# A place and a date with its year in parentheses opening the paragraph: "(Milano 3 dicembre 2020). Il ..."
_PAREN_DATELINE = re.compile(r"^\s*\(\s*[^\W\d_][\w .'’-]{1,40}?,?\s+(?P<date>[^()]{3,40}?)\s*\)\.?\s")
# A place and a date with its year closed by a stop: "Sevilla, 3 de marzo de 2021. La presa ..."
_STOP_DATELINE = re.compile(r"^\s*[^\W\d_][\w .'’-]{1,40}?,\s+(?P<date>[^,()]{3,40}?\d{4})\.\s")
# A dateline standing as a line of its own: "BAKU, NOVEMBER 20, AGENCY." or "Baku, 15. November, AZERTAC"
_DATELINE_LINE = re.compile(
    r"^\s*[^\W\d_][\w .'’-]{1,40},\s+(?P<date>[^,]{3,40}?)(?:,|\s+[-–—])\s+(?P<wire>[\w .&'’-]{2,40}?)\.?\s*$"
)
_TEASER_STAMP = re.compile(r"\w\s?(?:…|\.\.\.)\s*(?P<stamp>[^.…]*\d[^…]{0,60})$")
# What may follow a date that opens the first paragraph: a dash, or text glued to it by the scraper (not an
# apostrophe: "3 Mart 2021'de ..." is a Turkish sentence on that day)
_AFTER_LEADING_DATE = re.compile(r"\s*[-–—]+\s|[\"“«„]|[^\W\d_]")


class _Day(NamedTuple):
    start: int
    end: int
    value: date


def _days(text: str, fallback_year: int | None) -> list[_Day]:
    """Resolved day-precision dates in `text`, with slashed and dashed numbers read day first ("15-11-2020",
    "01/12/2020"), month first only when the second number cannot be a month; a two-digit year only in a stamp
    with its clock time ("01.12.20 11:55")."""
    numeric = [
        _Day(m.start(), m.end(), value)
        for pattern, century in ((_NUMERIC_DATE, 0), (_SHORT_YEAR_STAMP, 2000))
        for m in pattern.finditer(text)
        if (value := _day_first(int(m[1]), int(m[3]), century + int(m[4])))
    ]
    named = [
        _Day(d.char_start, d.char_end, d.value)
        for d in find_dates(text, None, fallback_year)
        if d.precision == "day"
        and d.kind == "absolute"
        and d.value
        and not any(n.start < d.char_end and d.char_start < n.end for n in numeric)
    ]
    return sorted(numeric + named)


def _day_first(first: int, second: int, year: int) -> date | None:
    day_first = second <= 12
    try:
        return date(year, second if day_first else first, first if day_first else second)
    except ValueError:
        return None


def _is_source(text: str, timed: bool) -> bool:
    """A source, place or author before a date: up to three words and a dash or bullet ("ДНД – ", "AFP — ",
    "France 24 • "), up to three capitalised words and a comma ("Jane Doe, "), or a listed news medium with no
    separator ("Euronews 3 Mar 2021": its name cannot be a headline's words). Before a date with its clock time
    (`timed`), also a story's rubric of a few words and a comma ("Floods in the north: rivers, 3 Mar 2021,
    09:15"), or up to three capitalised section names with no separator ("Общество Материалы 20 октября 2025
    09:41"): a headline carries no clock time."""
    text = text.strip()
    words = text[:-1].split()
    capitalised = all(word[0].isupper() for word in text.split())
    return (
        0 < len(words)
        and words[0][0].isalpha()
        and (
            len(words) <= 3
            and (text[-1] in "-–—•·" or text[-1] == "," and capitalised)
            or timed
            and (len(words) <= _RUBRIC_WORDS and text[-1] == "," or len(text.split()) <= 3 and capitalised)
        )
    ) or _is_medium(text)


def _is_medium(text: str) -> bool:
    """Whether the whole text is a news medium's name in the alias list (entity type `media`)."""
    return any(alias.entity_type == "media" for alias in alias_index()[0].get(tuple(tokenize(text).norms), ()))


def _is_chrome(text: str, header_zone: bool, timed: bool) -> bool:
    """Whether what is left of a line around its dates (marked \\0, noise words removed) is only separators and
    pipe-separated sections of up to three words after the dates. Above the first paragraph also a source
    before the date (a rubric too when the date has its clock time: `timed`), such sections before it, and one
    upper-case section name; lower down, lines of those shapes are lists and tables ("Agdam – 20 November",
    "Agdam | 20 November 2020")."""
    source, medium = text.partition("\0")[0], text.rpartition("\0")[2]
    if header_zone and _is_source(source, timed):
        text = text[len(source) :]
    if header_zone and medium.lstrip().startswith(",") and _is_medium(medium.strip(" ,")):
        text = text[: len(text) - len(medium)]  # "27.08.2022, Sputnik International"
    segments = [section for segment in text.split("|") for section in _sections(segment, header_zone)]
    last_dated = max(index for index, segment in enumerate(segments) if "\0" in segment)
    kept = [
        segment
        for index, segment in enumerate(segments)
        if "\0" in segment or len(segment.split()) > 3 or index < last_dated and not header_zone
    ]
    words = _SEPARATORS.sub(" ", " ".join(kept).replace("\0", " ")).split()
    return not words or header_zone and len(words) == 1 and _is_section_name(words[0])


def _sections(segment: str, header_zone: bool) -> list[str]:
    """A pipe-separated segment, or above the first paragraph its parts set off by wide spaces when all but the
    dated one are lower case: topic tags after the date ("3 March 2021    rivers   dams")."""
    parts = _WIDE_SPACE.split(segment)
    tags = [part for part in parts if "\0" not in part and part.strip()]
    return parts if header_zone and tags and all(tag.islower() for tag in tags) else [segment]


def _is_section_name(word: str) -> bool:
    return word.isupper() and word.isalpha() and len(word) >= 3  # "DÜNYA", "POLITIK"


def only_a_date(text: str, fallback_year: int | None, header_zone: bool = False) -> date | None:
    """The date of a header line: one date and nothing else but chrome (see _is_chrome; `header_zone` when the
    line stands above the first paragraph). Several dates only when a publish label stands between each two
    ("GİRİŞ 30.11.2020 23:25 GÜNCELLEME 01.12.2020 01:18"): the earliest is the publication, the others updates."""
    text = _EMPTY_BYLINE.sub(lambda label: " " * len(label[0]), text)
    days = _days(text, fallback_year)
    if not days or any(not _LABEL.search(text, a.end, b.start) for a, b in zip(days, days[1:])):
        return None
    rest, position = [], 0
    for day in days:
        rest += [text[position : day.start], "\0"]
        position = day.end
    rest.append(text[position:])
    timed = _CLOCK_AFTER.match(text, days[-1].end) is not None
    if not _is_chrome(_HEADER_NOISE.sub(" ", "".join(rest)), header_zone, timed) or not _weekdays_fit(text, days):
        return None
    return min(day.value for day in days)


def _weekdays_fit(text: str, days: list[_Day]) -> bool:
    """A date read without its year, in the corpus year, beside a weekday it does not have there is another
    year's: a site's live widget ("четверг, 14 ноября" over a story of November 2020)."""
    if _YEAR.search(text):
        return True
    weekdays = {_WEEKDAY_NUMBERS.get(found[0].lower()) for found in _WEEKDAY.finditer(text)} - {None}
    return all(day.value.weekday() in weekdays for day in days) if weekdays else True


def teaser_date(text: str, fallback_year: int | None) -> date | None:
    """The date stamp closing a page's teaser (its description, cut off by an ellipsis): "... voicing his
    satisfaction over... 27.08.2022, Sputnik International"."""
    match = _TEASER_STAMP.search(text)
    return only_a_date(match.group("stamp"), fallback_year, header_zone=True) if match else None


def header_date(text: str, fallback_year: int | None) -> tuple[date, str | None] | None:
    """(date, byline) of what follows a publish label ("November 26, 2020 by Jane Doe", "01/12/2020 09:40"):
    the label makes it a header wherever it stands. Its year must be written: read in an assumed year, an update's
    "7 March, 14:12" would outrank "15 November 2020" above it as the earlier publish line (the line may still
    date the page as a plain date line)."""
    byline = None
    if match := _TRAILING_BYLINE.search(text):
        text, byline = text[: match.start()], match.group("name").strip()
    if not _YEAR.search(text):
        return None
    return (day, byline) if (day := only_a_date(text, fallback_year, header_zone=True)) else None


def headline_date(text: str, fallback_year: int | None) -> tuple[date, str] | None:
    """(date, byline) of a headline line that closes with its date, a pipe and its author ("Troops enter Agdam
    20/11/2020 | Jane Doe"): the page's date line run into the headline above it."""
    if not (match := _PIPED_BYLINE.search(text)):
        return None
    head = text[: match.start()]
    days = _days(head, fallback_year)
    if days and not head[days[-1].end :].strip() and (day := only_a_date(head[days[-1].start :], fallback_year)):
        return day, match.group("name")
    return None


def publish_statement(text: str, fallback_year: int | None) -> date | None:
    """The date a line says the page was written or added on: a date, perhaps with its clock time, right
    before a publish suffix ("... haberi, 20 Kasım 2020 tarihinde yazılmıştır")."""
    for suffix in _PUBLISH_STATEMENT.finditer(text):
        window = text[max(0, suffix.start() - _DATE_WINDOW) : suffix.start()]
        if (days := _days(window, fallback_year)) and (day := only_a_date(window[days[-1].start :], fallback_year)):
            return day
    return None


def dateline_line(text: str, fallback_year: int | None) -> tuple[date | None, str] | None:
    """(date, wire) of a dateline standing as a line of its own ("Baku, 15. November, AZERTAC"). Without a
    year to read it with, a day and month still make the line a dateline, its date None: the article is dated
    later with the corpus year, and the line's numbers must not read as figures meanwhile."""
    match = _DATELINE_LINE.match(text)
    if not match:
        return _dateline_alone(text, fallback_year)
    if _is_clause(match.group("wire")):  # "Three years ago, on 10 November 2020, the statement was signed."
        return None
    written, year = match.group("date"), fallback_year or _SHAPE_YEAR
    # as written ("1er décembre"), else in title case ("NOVEMBER 20" is "November 20")
    if day := only_a_date(written, year) or only_a_date(written.title(), year):
        return (day if fallback_year else None), match.group("wire").strip()
    return None


def _is_clause(wire: str) -> bool:
    """Lower-case words after a dateline's date are a sentence going on, not a wire: wires are names ("AZERTAC",
    "РИА Новости", "agence France-Presse"), or one lower-case acronym ("dpa")."""
    words = wire.split()
    return words[0][0].islower() and (len(words) > 2 or len(words) == 2 and words[1][0].islower())


def _dateline_alone(text: str, fallback_year: int | None) -> tuple[date | None, str] | None:
    """(date, wire) of a wire's dateline on a line of its own before its paragraph: "MADRID, 18 Nov. (AGENCY) -"."""
    match = _DATELINE.match(text)
    if not match or match.end() < len(text.rstrip()):
        return None
    day, wire = dateline(text, fallback_year or _SHAPE_YEAR)
    return ((day if fallback_year else None), wire) if day and wire else None


def dateline(text: str, fallback_year: int | None) -> tuple[date | None, str | None]:
    """(date, wire) of a dateline opening a paragraph: "BAKU, Nov 20 (Agency) - ...", "BAKU, November 15.
    /TASS/. ...", "BAKU/ 20.11.20/Agency: ...", "(Roma 18 novembre 2020). ...", or a date with its year before a
    dash or glued text ("December 1, 2020 - The deal ..."), or a place and a full date closed by a stop
    ("Sevilla, 3 de marzo de 2021. La presa ...")."""
    for shape in (_PAREN_DATELINE, _STOP_DATELINE):
        if (match := shape.match(text)) and (day := only_a_date(match.group("date"), None)):
            return day, None
    if match := _DATELINE.match(text):
        written = (
            match.group("date")
            or match.group("date_wired")
            or _TWO_DIGIT_YEAR.sub(r"20\1", match.group("date_numeric"))
        )
        day = only_a_date(written, fallback_year)
        if day or not match.group("date_wired"):  # mixed case without a date is a sentence: "Paris, he said (...) -"
            wire = (
                match.group("wire")
                or match.group("slashed_wire")
                or match.group("paren_wire")
                or match.group("numeric_wire")
            )
            return day, wire.strip() if wire else None
    found = find_dates(text[:_DATE_WINDOW], None, fallback_year)
    if (
        found
        and found[0].char_start == 0
        and found[0].precision == "day"
        and found[0].kind == "absolute"
        and found[0].anchor == "explicit"
        and _AFTER_LEADING_DATE.match(text, found[0].char_end)
    ):
        return found[0].value, None
    return None, None
