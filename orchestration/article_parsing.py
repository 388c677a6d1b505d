"""Turning one scraped article text into header fields, flagged page furniture and sentences.

Scraped pages keep their menus, share bars, repeated image captions, comment forms and footers. Each line
is classified by general rules (a lexicon of furniture words, repetition, shape, position), never by the
sentences of particular articles. Furniture is kept with its reason so nothing is silently dropped, and
every sentence carries offsets into the article text, so any fact found in it can be sliced back out.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import NamedTuple

from orchestration.extraction.dates import MONTH_WORDS
from orchestration.header_dates import (
    PUBLISH_LINE,
    VIEW_COUNTER,
    dateline,
    dateline_line,
    header_date,
    headline_date,
    only_a_date,
    publish_statement,
    teaser_date,
)
from orchestration.reference import load_reference

_WORD = re.compile(r"[\w'’-]+")
_TERMINAL = re.compile(r"[.!?:;\"”’')\]…]$")
# A stored page's first line may open with its date ("date 2020-11-15 The transfer of ..."): the date is a
# header line of its own, whatever follows it on that line
_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d\d(?:-\d\d)?(?=\s|$)", re.IGNORECASE)
# 2000..2100 not inside a longer number ("01.12.2020" is a date); led by its first digit so re skips ahead to a 2
# (4x faster)
_YEAR_IN_TEXT = re.compile(r"2(?<!\d.)(?:0\d\d|100)(?![\d.,]\d)")
# what makes a year part of a date: a numeric day and month before it, a month name and a day shortly before it
# ("1 December 2020", "Nov. 25, 2020", "20 ноября 2020 года"), or an ISO month after it
_NUMERIC_DAY_BEFORE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]$")
_ISO_REST = re.compile(r"-\d\d(?!\d)")
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")  # "en mai 1992" is a month of history, "le 1er mai 1992" a date
_MONTH_WINDOW = 16
_DATE_LIST_WORDS = 6  # a date line of a list of news items: the date alone, perhaps with its time
_MONTH_ONLY = re.compile(r"^\s*date\s+\d{4}-\d\d\s*$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# "[Share]", "Mehr ▸", "Weiter »"; a bracketed label is a button only at either end of its line, since inside a
# sentence it is a gloss ("Tavush [Tovuz] and ..."), and a "»" only ends a button of a few words, since it also
# closes a quote
_BRACKETED = r"\[[A-Z][\w ]{0,20}\]"
_BUTTON = re.compile(rf"^\s*{_BRACKETED}|{_BRACKETED}\s*$|[▸►]\s*$|^(?:[^\s«]+\s+){{0,3}}[^\s«]*»\s*$")
_IDENTIFIER_LINE = re.compile(
    r"^\s*(?:story|article|news)?\s*(?:code|id|no\.?|number|ref)\s*:\s*[\w-]+\s*$", re.IGNORECASE
)
_BYLINE = re.compile(
    r"^\s*(?:by|written by|author:)\s+(?P<name>[^|\n]{3,80}?)\s*(?:[|,–—-]\s*(?P<rest>.*))?$", re.IGNORECASE
)
_NAME_LINE = re.compile(r"^\s*(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+\s*$")
_CAPTION_START = re.compile(
    r"^\s*(?:FILE\s*[-–—:]|FILE PHOTO|(?:Photo|Foto|Фото)\s*:|Image\s*:|Picture\s*:|\(?Photo(?:graph)?\s+by|Credit\s*:)"
)
_ELLIPSIS = re.compile(r"(?:…|\.\.\.)\s*$")
# a photo credit anywhere in a line makes it a caption: "..., April 8, 2016. REUTERS/Staff/File Photo", "(AP Photo/...)"
_PHOTO_CREDIT = re.compile(
    r"\b[A-Z]{2,}(?:/[\w .-]{1,30}){0,3}/(?:File )?Photo\b|\((?:AP|AFP|Reuters|EPA) Photo\b|\bFile Photo\b"
)


@cache
def _related_link() -> re.Pattern[str]:
    """A line opening with a related-link label and a headline ("Read more: ...", "Leggi anche: ...", "Читайте
    также: ...") links to another story, whatever its length (related_link_labels.csv)."""
    labels = sorted((row["label"] for row in load_reference("related_link_labels")), key=len, reverse=True)
    return re.compile(r"^\s*(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：»›|-]\s*\S", re.IGNORECASE)


_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?:\s+|(?=[^\W\d_]))")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt st jr sr prof rev fr msgr gov sen rep jan feb mar apr jun jul aug sep sept oct "
    "nov dec no vs etc e.g i.e u.s u.n u.k approx est dept inc ltd co corp".split()
)
_CONFIDENCE = {"publish_line": 1.0, "byline": 1.0, "dateline": 0.9, "date_line": 0.9, "publish_statement": 0.9}
_BREADCRUMB = re.compile(r"\s[/»›|>]\s")  # "News / World", "Home » Politics"
_TIME_ZONE = re.compile(r"(?:[A-Z][\w-]+ time|GMT|UTC)\b")  # after "a.m." / "p.m.": the clock's zone
_INITIALS = frozenset(string.ascii_lowercase)  # one lower-cased letter before a dot: "J. Smith"
# A wire's dateline that gives the day of the month only: "MADRID, 13 (EUROPA PRESS)"
_DAY_DATELINE = re.compile(
    r"^\s*[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,3},\s+\d{1,2}\s*\((?P<wire>[^()]{2,40})\)\.?\s*$"
)
# "-0.6°", "12 °C"; not an Italian ordinal day ("il 1° dicembre")
_TEMPERATURE = re.compile(r"[-+−]?\d{1,2}(?:[.,]\d)?\s?°(?:\s?[CF]\b|(?!\s?[^\W\d_]))")
# "USD 91.87 +0.12 EUR 99.40": an exchange-rate ticker, whose day is the widget's
_TICKER = re.compile(r"\b(?:USD|EUR|RUB|GBP|CHF|TRY|AZN|AMD|GEL|CNY|JPY)\s?[:=]?\s?\d+[.,]\d+")
FOOTER_ZONE = 0.6
MAX_SENTENCE_CHARS = 2000
SHORT_LINE_CHARS = 500  # header, credit and furniture rules only look at lines this short


class Line(NamedTuple):
    line_no: int
    char_start: int
    char_end: int
    text: str
    after_blank: bool = False  # a blank line comes before it: a paragraph starts, whatever its first word


class Sentence(NamedTuple):
    sentence_id: int
    paragraph_id: int
    char_start: int
    char_end: int
    text: str
    is_title: bool


class Furniture(NamedTuple):
    line_no: int
    char_start: int
    char_end: int
    text: str
    reason: str


@dataclass
class ParsedArticle:
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None
    wires: list[str] = field(default_factory=list)
    url: str | None = None
    published_date: date | None = None
    published_source: str | None = None
    published_confidence: float | None = None
    sentences: list[Sentence] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets (whitespace trimmed, offsets kept exact); a stored page's "date
    2020-12-03" opening a line (the first, or one under the menu and headline) is a line of its own."""
    lines: list[Line] = []
    position, blank = 0, False
    for raw in text.split("\n"):
        if (prefix := _DATE_PREFIX.match(raw)) and raw[prefix.end() :].strip():
            lines.append(
                Line(
                    len(lines), position + len(raw) - len(raw.lstrip()), position + prefix.end(), prefix.group().strip()
                )
            )
            position += prefix.end()
            raw = raw[prefix.end() :]
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            lines.append(Line(len(lines), start, start + len(stripped), stripped, blank))
        blank = not stripped and bool(lines)
        position += len(raw) + 1
    return lines


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@cache
def _furniture_phrases() -> tuple[frozenset[tuple[str, ...]], int]:
    """The furniture lexicon as a set of word tuples, and the longest phrase length."""
    phrases = frozenset(tuple(_words(row["phrase"])) for row in load_reference("page_furniture"))
    return phrases, max(len(p) for p in phrases)


def furniture_share(text: str) -> float:
    """The share of a line's words that are page-furniture words (share, print, your email...)."""
    words = _words(text)
    if not words:
        return 0.0
    phrases, longest = _furniture_phrases()
    covered = [False] * len(words)
    for start in range(len(words)):
        for n in range(min(longest, len(words) - start), 0, -1):
            if tuple(words[start : start + n]) in phrases:
                covered[start : start + n] = [True] * n
                break
    return sum(covered) / len(words)


def _credit(text: str) -> tuple[str, str] | None:
    """(role, name) for a credit line such as 'Originally published on X' or 'With reporting by Reuters'."""
    lowered = text.lower()
    for row in load_reference("credit_phrases"):
        phrase = row["phrase"]
        at = lowered.find(phrase)
        if at == -1 or at > 40:
            continue
        name = text[at + len(phrase) :].strip(' .:;,-–—"“”')
        if phrase == "©":
            name = re.sub(r"^(?:\d{4}\s*[-–]?\s*)+", "", name).split(". ")[0].strip(" .")
        if name and len(name.split()) <= 8:
            return row["role"], name
    return None


def _date_found(parsed: ParsedArticle, day: date, source: str) -> None:
    """The first date found stands, except that publish lines beat every other source and that among publish
    lines, or among date lines, the earliest wins: a later one is an update, or the site's "today" above the
    article ("20 Nisan 2024 Cumartesi" over "16 Kasım 2020 Pazartesi, 16:00")."""
    current = parsed.published_source
    if (
        current is None
        or source == "publish_line"
        and (current != source or day < parsed.published_date)
        or source == current == "date_line"
        and day < parsed.published_date
    ):
        parsed.published_date, parsed.published_source, parsed.published_confidence = day, source, _CONFIDENCE[source]


def _classify_lines(
    lines: list[Line], text_length: int, parsed: ParsedArticle, fallback_year: int | None
) -> dict[int, str]:
    """Reason per furniture line number; header fields are filled into `parsed` as they are found."""
    reasons: dict[int, str] = {}
    seen: dict[str, int] = {}
    header_zone = True  # until the first paragraph
    for index, line in enumerate(lines):
        body = line.text
        previous = lines[index - 1].text if index else None
        if previous and lines[index - 1].line_no not in reasons and not _is_title_shaped(previous):
            header_zone = False
        following = lines[index + 1].text if index + 1 < len(lines) else None
        if body in seen:
            reasons[line.line_no] = "repeated"
            if previous == body and not _is_doubled_headline(body, lines[: index - 1], reasons):
                reasons[lines[index - 1].line_no] = "caption"
            continue
        seen[body] = line.line_no
        short = len(body) <= SHORT_LINE_CHARS
        few_words = short and len(body.split()) <= 12
        if day := publish_statement(body, fallback_year):
            _date_found(parsed, day, "publish_statement")
        if header_zone and short and (day := teaser_date(body, fallback_year)):
            _date_found(parsed, day, "date_line")
        if header_zone and short and (dated := headline_date(body, fallback_year)):
            _date_found(parsed, dated[0], "byline")
            parsed.byline = parsed.byline or dated[1]
        if _MONTH_ONLY.match(body):
            reasons[line.line_no] = "metadata"
        elif short and (dateline := dateline_line(body, fallback_year)):
            reasons[line.line_no] = "metadata"
            if dateline[0]:
                _date_found(parsed, dateline[0], "dateline")
            parsed.wires.append(dateline[1])
        elif short and PUBLISH_LINE.match(body) and (header := header_date(PUBLISH_LINE.sub("", body), fallback_year)):
            reasons[line.line_no] = "metadata"
            _date_found(parsed, header[0], "publish_line")
            parsed.byline = parsed.byline or header[1]
        elif short and (day_dateline := _DAY_DATELINE.match(body)) and body.split(",")[0].isupper():
            reasons[line.line_no] = "metadata"
            parsed.wires.append(day_dateline.group("wire").strip())
        elif not short:
            continue
        elif _IDENTIFIER_LINE.match(body):
            reasons[line.line_no] = "metadata"
        elif (byline := _BYLINE.match(body)) and len(body.split()) <= 12 and not _opens_with_a_date(byline["name"]):
            reasons[line.line_no] = "byline"
            parsed.byline = byline.group("name").strip()
            rest = byline.group("rest") or ""
            if rest and (day := only_a_date(rest, fallback_year)):
                _date_found(parsed, day, "byline")
        elif (
            few_words
            and _DIGIT.search(body)
            and (day := only_a_date(_after_repeat(body, previous, header_zone), fallback_year, header_zone)) is not None
        ):
            reasons[line.line_no] = "metadata"
            # next to "-0.6°" or an exchange-rate ticker it is a widget's today; among other date lines, a list of
            # news items' days
            if (VIEW_COUNTER.search(body) or not _is_widget_day(lines, index)) and not _in_a_date_list(
                lines, index, day, fallback_year
            ):
                _date_found(parsed, day, "date_line")
            if previous and index >= 1 and _NAME_LINE.match(previous) and lines[index - 1].line_no not in reasons:
                reasons[lines[index - 1].line_no] = "byline"
                parsed.byline = previous
        elif credit := _credit(body):
            reasons[line.line_no] = "credit"
            role, name = credit
            if role == "outlet" and parsed.outlet is None:
                parsed.outlet, parsed.outlet_source = name, "credit"
            elif role == "wire":
                parsed.wires.extend(w.strip() for w in re.split(r",\s*(?:and\s+)?|\s+and\s+", name) if w.strip())
        elif _BUTTON.search(body) or "cookie" in body.lower():
            reasons[line.line_no] = "banner"
        elif parsed.byline and body.startswith(parsed.byline + " ") and line.char_start >= FOOTER_ZONE * text_length:
            reasons[line.line_no] = "bio"
        elif _CAPTION_START.match(body) or _is_caption_credit(body):
            reasons[line.line_no] = "caption"
        elif previous and _captions_again(body, previous):
            reasons[line.line_no] = "caption"
            reasons.setdefault(lines[index - 1].line_no, "caption")
        elif _related_link().match(body) or len(_GLUED_LIST_MARKER.findall(body)) >= 2:
            reasons[line.line_no] = "related"
        elif few_words and furniture_share(body) >= 0.5 or header_zone and _is_menu(body):
            reasons[line.line_no] = "menu"
        elif _ELLIPSIS.search(body) and following is not None:
            stem = _ELLIPSIS.sub("", body).strip().rsplit(" ", 1)[0]
            if any(other.text.startswith(stem) and other is not line for other in lines):
                reasons[line.line_no] = "teaser"
        elif len(body) <= 3 and len(body.split()) == 1:
            reasons[line.line_no] = "fragment"
    _flag_footer(lines, reasons, text_length)
    _flag_trailing_links(lines, reasons, text_length)
    return reasons


# "1.Transfer fee paid 2.Eight arrested": headlines numbered with no space after the number, run into one line
_GLUED_LIST_MARKER = re.compile(r"(?:^|\s)\d{1,2}\.[^\W\d_]")
# "- Eight dead after storm hits coastal town": a bulleted headline of another story, no sentence of this one
_LINK_BULLET = re.compile(r"^[-–—•·]\s+\S+(?:\s+\S+){5,}$")
_CLOSED = re.compile(r"[.!?:;…\"”»]\s*$")
_MENU_ITEMS = 3
_MENU_ITEM_WORDS = 3


def _is_menu(text: str) -> bool:
    """A navigation line: three or more short items between "|" ("Home | World | Armenia"), no sentence in any;
    whatever its words, the countries and sections it names are links, not what the article says."""
    items = [item.split() for item in text.split("|")]
    return len(items) >= _MENU_ITEMS and all(
        1 <= len(words) <= _MENU_ITEM_WORDS and not _CLOSED.search(words[-1]) for words in items
    )


def _flag_trailing_links(lines: list[Line], reasons: dict[int, str], text_length: int) -> None:
    """Two or more bulleted headlines (six words or more, no full stop) that end the page's text, late in it,
    are links to other stories, not a list of this one's."""
    trailing = []
    for line in reversed(lines):
        if line.line_no in reasons:
            continue
        if not _LINK_BULLET.match(line.text) or _CLOSED.search(line.text):
            break
        trailing.append(line)
    if len(trailing) >= 2 and trailing[-1].char_start >= FOOTER_ZONE * text_length:
        for line in trailing:
            reasons[line.line_no] = "related"


def _flag_footer(lines: list[Line], reasons: dict[int, str], text_length: int) -> None:
    """After a share bar or comment form late in the page, the rest is site footer."""
    body_seen = False
    for index, line in enumerate(lines):
        reason = reasons.get(line.line_no)
        if reason is None and len(line.text.split()) > 8:
            body_seen = True
        if body_seen and reason == "menu" and line.char_start >= FOOTER_ZONE * text_length:
            for later in lines[index + 1 :]:
                reasons.setdefault(later.line_no, "footer")
            return


def _is_heading(text: str) -> bool:
    return (
        len(text.split()) <= 8
        and not _TERMINAL.search(text.rstrip("'’\"”"))
        or (len(text.split()) <= 8 and text[:1] in "'‘\"“" and text[-1:] in "'’\"”")
    )


_INNER_STOP = re.compile(r"[.!?…]\s")
_SUBHEAD_WORDS = 3


def _is_subhead(content: list[Line], index: int, title: str | None) -> bool:
    """Whether a heading-shaped content line stands between two body paragraphs: a subhead, part of the
    article's text like its headline ("2000 troops to keep the peace"), not a label ("Analysis"), a credit
    ("J. Doe/Agency"), a form's or a caption's line with a stop inside ("I accept the rules. 600 characters
    left") or furniture words ("3 comments")."""
    text = content[index].text
    return (
        0 < index < len(content) - 1
        and len(text.split()) >= _SUBHEAD_WORDS
        and "/" not in text
        and not _INNER_STOP.search(text)
        and not furniture_share(text)
        and all(near.text != title and not _is_heading(near.text) for near in (content[index - 1], content[index + 1]))
    )


def _title(content: list[Line], wrapped: set[int]) -> str | None:
    """The first content line, when shaped like a title; the second, when the first is a site name or section
    label (one word: "IQNA", "World"; a breadcrumb: "News / More") and the second is shaped like a title too."""
    shaped = [line for line in content[:2] if line.line_no not in wrapped and _is_title_shaped(line.text)]
    if not shaped or shaped[0] is not content[0]:
        return None
    label = len(shaped[0].text.split()) < 2 or _BREADCRUMB.search(shaped[0].text)
    return shaped[1].text if label and len(shaped) == 2 else shaped[0].text


def _is_doubled_headline(text: str, before: list[Line], reasons: dict[int, str]) -> bool:
    """Whether a line printed twice in a row after `before` is the headline (title and heading), which counts
    once, not a caption: the page's first content line, or the second after a one-word site name, shaped like
    a title and longer than a site's name or logo text ("Vision Logo Circle")."""
    content = [line for line in before if line.line_no not in reasons]
    return (
        (not content or len(content) == 1 and len(content[0].text.split()) < 2)
        and _is_title_shaped(text)
        and len(text.split()) > _MENU_ITEM_WORDS
    )


def _is_title_shaped(text: str) -> bool:
    return len(text.split()) <= 25 and not re.search(r"[.!?]$", text)


def _bounded(spans: list[tuple[int, int]], text: str, offset: int) -> list[tuple[int, int]]:
    """Cut any span longer than MAX_SENTENCE_CHARS at a space: a 'sentence' that long is not one (a page
    without punctuation), and every per-sentence join downstream must stay small for the build to stay linear."""
    bounded: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", start - offset, start - offset + MAX_SENTENCE_CHARS) + offset
            cut = cut if cut > start else start + MAX_SENTENCE_CHARS
            bounded.append((start, cut))
            start = cut + 1 if text[cut - offset : cut - offset + 1] == " " else cut
        if end > start:
            bounded.append((start, end))
    return bounded


def _next_word(text: str, start: int) -> str:
    found = _WORD.match(text, start)
    return found.group().lower() if found else ""


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans in one paragraph: split after . ! ? unless the word before is an abbreviation or initial.
    Scraped pages glue paragraphs together ("was reported.Troops entered"): a stop between a lower-case word
    and a capital with no space is a sentence end too, but not in "U.S" or "t.co"."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if end >= len(text):
            break
        last = text[max(start, text.rfind(" ", start, match.start()) + 1) : match.start() + 1].lower().rstrip(".")
        nxt = text[end : end + 1]
        if not text[end - 1].isspace() and not (text[match.start() - 2 : match.start()].islower() and nxt.isupper()):
            continue
        if text[match.start()] == "." and (last.strip('("“') in _ABBREVIATIONS or last in _INITIALS):
            continue
        if text[match.start()] == "." and last.strip("(").isdigit() and _next_word(text, end) in MONTH_WORDS:
            continue  # "am 20. November": a German day, not a sentence end
        if last in ("a.m", "p.m") and _TIME_ZONE.match(text, end):
            continue  # "at 12:00 a.m. Yerevan time, ..."
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'(["):
            continue
        stripped = text[start:end].rstrip()
        spans.append((offset + start, offset + start + len(stripped)))
        start = end
    tail = text[start:].rstrip()
    if tail:
        spans.append((offset + start, offset + start + len(tail)))
    return _bounded(spans, text, offset)


def _lead_lines(body: list[Line], reasons: dict[int, str]) -> list[Line]:
    """The lines a dateline may open: the first three of the body, the first after a byline, and the first
    paragraph (the first line not shaped like a title)."""
    byline = min((line_no for line_no, reason in reasons.items() if reason == "byline"), default=None)
    after_byline = next((line for line in body if byline is not None and line.line_no > byline), None)
    paragraph = next((line for line in body if not _is_title_shaped(line.text)), None)
    return list(dict.fromkeys(line for line in (*body[:3], after_byline, paragraph) if line))


def _dateline(paragraph: Line, parsed: ParsedArticle, fallback_year: int | None) -> None:
    day, wire = dateline(paragraph.text, fallback_year)
    if wire and wire not in parsed.wires:
        parsed.wires.append(wire)
    if day:
        _date_found(parsed, day, "dateline")


def newest_year(text: str) -> int | None:
    """The newest year (2000 to 2100) the article writes in a full date ("1 December 2020", "01.12.2020",
    "2020-12-01"): the year of a dateline that gives none. Years alone ("in 1992-1994", "since 2019") are history,
    and would date a wire story's "MOSCOW, December 1." to 1994; so are full dates of the last century ("seized
    on May 18, 1992"), written in a page of the web era only as history. Without such a year the run's own
    year dates the page."""
    years = [
        int(match.group())
        for match in _YEAR_IN_TEXT.finditer(text)
        if _in_a_date(text, match.start(), match.end()) and not _in_a_caption(text, match.start())
    ]
    return max(years, default=None)


def _in_a_caption(text: str, at: int) -> bool:
    """Whether the line holding text[at] credits a photo: a file photo's date is no date of the report."""
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    return _is_caption_credit(line)


# a photo's caption printed again under its credit, perhaps with the agency and a stamp after a dash:
# "© Agency / J. Doe Ruins of a village" then "Ruins of a village - Agency, 1920, 24.11.2021"
_CAPTION_TAIL = re.compile(r"\s+[-–—]\s+.*$")


def _captions_again(text: str, previous: str) -> bool:
    """Whether `text` repeats the caption ending the photo credit above it (a line opening with ©)."""
    caption = _CAPTION_TAIL.sub("", text)
    return previous.startswith("©") and len(caption.split()) >= 2 and previous.endswith(caption)


def _is_caption_credit(line: str) -> bool:
    return "Photo" in line and _PHOTO_CREDIT.search(line) is not None


def _in_a_date(text: str, start: int, end: int) -> bool:
    """Whether the year at text[start:end] ends a date with its day ("1 December 2020", "Nov. 25, 2020"), follows
    a numeric day and month ("01.12.2020") or opens an ISO date or month ("2020-12-01", "date 2020-11")."""
    if _NUMERIC_DAY_BEFORE.search(text, max(0, start - 6), start) or _ISO_REST.match(text, end):
        return True
    before = text[max(0, start - _MONTH_WINDOW) : start]
    return bool(MONTH_WORDS.intersection(_words(before))) and _DAY_NUMBER.search(before) is not None


def parse_article(text: str, fallback_year: int | None = None) -> ParsedArticle:
    """Header fields, furniture and sentences of one article (publication date not yet inferred)."""
    parsed = ParsedArticle()
    lines = split_lines(text)
    fallback_year = fallback_year or newest_year(text)
    reasons = _classify_lines(lines, len(text), parsed, fallback_year)
    content = [line for line in lines if line.line_no not in reasons]
    wrapped = {line.line_no for pair in zip(content, content[1:]) if _continued_by(*pair) for line in pair}
    parsed.title = _title(content, wrapped)
    for index, line in enumerate(content):
        if (
            line.text != parsed.title
            and line.line_no not in wrapped
            and _is_heading(line.text)
            and not _is_subhead(content, index, parsed.title)
        ):
            reasons[line.line_no] = "heading"
    parsed.furniture = [
        Furniture(line.line_no, line.char_start, line.char_end, line.text, reasons[line.line_no])
        for line in lines
        if line.line_no in reasons
    ]
    body = [line for line in lines if line.line_no not in reasons]
    for line in _lead_lines(body, reasons):
        _dateline(line, parsed, fallback_year)
    for paragraph_id, lines_of_paragraph in enumerate(_paragraphs(body, parsed.title)):
        first, last = lines_of_paragraph[0], lines_of_paragraph[-1]
        is_title = first.text == parsed.title and paragraph_id == 0
        for start, end in split_sentences(text[first.char_start : last.char_end], first.char_start):
            parsed.sentences.append(
                Sentence(len(parsed.sentences), paragraph_id, start, end, text[start:end], is_title)
            )
    return parsed


def _after_repeat(body: str, previous: str | None, header_zone: bool) -> str:
    """A header line without the short line above it that it opens with ("Channel 9" / "Channel 9 3 Mar 2021"):
    the source of the date, repeated, whatever its words."""
    if header_zone and previous and len(previous.split()) <= 3 and body.startswith(previous + " "):
        return body[len(previous) :]
    return body


def _opens_with_a_date(name: str) -> bool:
    """ "By November 2020, troops had ...", "By 25 November, ..." open a sentence with a deadline, not a byline with a
    name ("By May Jones" is one)."""
    words = [word.strip(",.").lower() for word in name.split()[:2]]
    return bool(words) and (
        words[0][:1].isdigit() or words[0] in MONTH_WORDS and len(words) > 1 and words[1][:1].isdigit()
    )


def _is_widget_day(lines: list[Line], index: int) -> bool:
    """A date line that is a weather or exchange-rate widget's today: the short line with a number nearest to a
    temperature ("Baku 6°C") or a ticker, within three lines. Another such line nearer to the widget is its day
    ("• среда, 20 Марта, 07:02" right above "Баку 6°C", the article's "29 января 2021" two lines below)."""
    for widget in range(max(0, index - 3), min(len(lines), index + 4)):
        if not (_TEMPERATURE.search(lines[widget].text) or _TICKER.search(lines[widget].text)):
            continue
        distance = abs(index - widget)
        if not any(
            _DIGIT.search(near.text) and len(near.text.split()) <= _DATE_LIST_WORDS
            for near in lines[max(0, widget - distance + 1) : widget + distance]
            if near is not lines[index] and near is not lines[widget]
        ):
            return True
    return False


def _in_a_date_list(lines: list[Line], index: int, own: date, fallback_year: int | None) -> bool:
    """A date line next to another line that is only another date: the days of a list of headlines ("Последние
    новости / 13 декабря 2025 / 12 декабря 2025"), not the article's; or one of three such lines or more, each
    over its headline ("24.10.2021, 03:36 / <headline> / 16.11.2021, 11:32 / <headline>"). The same date twice is
    the page's date printed again (an aggregator's "05:05 25 November 2020 Source: ...")."""

    def other_date(near: Line) -> bool:
        return len(near.text.split()) <= _DATE_LIST_WORDS and only_a_date(near.text, fallback_year) not in (None, own)

    return any(map(other_date, lines[max(0, index - 1) : index] + lines[index + 1 : index + 2])) or (
        sum(map(other_date, lines[max(0, index - 4) : index] + lines[index + 1 : index + 5])) >= 2
    )


_SHORT_LAST_WORD = re.compile(r"(?:^|\s)[^\W\d_]{1,3}$")


def _continued_by(line: Line, following: Line) -> bool:
    """Whether `following` goes on with the sentence of `line`: pages wrapped at a fixed width ("... il
    distretto di" / "Kalbajar il 25 novembre") go on in lower case, or after a short lower-case word ("di",
    "из", "the") with no stop after it, never across a blank line. Such lines are neither titles nor headings."""
    return (
        following.line_no == line.line_no + 1
        and not following.after_blank
        and (following.text[:1].islower() or (line.text[-1:].islower() and bool(_SHORT_LAST_WORD.search(line.text))))
    )


def _paragraphs(body: list[Line], title: str | None) -> list[list[Line]]:
    """Body lines grouped into paragraphs: a wrapped line joins the one before it."""
    paragraphs: list[list[Line]] = []
    for line in body:
        if paragraphs and paragraphs[-1][-1].text != title and _continued_by(paragraphs[-1][-1], line):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs
