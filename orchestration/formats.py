"""Article formats: plain text, HTML (through trafilatura), JSON and JSON lines.

Every format becomes the same thing: records of text plus whatever metadata the format carries (title,
outlet, URL, publication date). A record whose structured title is missing from its text gets the title
as its first line, so the title is parsed the same way whatever the format.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
MIN_HTML_WORDS = 8  # fewer words of main text is a menu or an empty page, not an article
_ISO_DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
_TEXT_KEYS = ("text", "body", "content", "article")
_OUTLET_KEYS = ("outlet", "source", "site_name", "sitename", "publisher")
_DATE_KEYS = ("published", "published_date", "date", "published_at")


class FormatError(ValueError):
    """A record that cannot become an article; the message is the reason shown in quarantine."""

    def __init__(self, message: str, part: int | None = None) -> None:
        super().__init__(message)
        self.part = part


@dataclass(frozen=True)
class SourceRecord:
    part: int | None  # position inside a multi-record file (JSON lines, JSON arrays), None for a whole file
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_date: date | None = None


def iso_day(value: object) -> date | None:
    """The calendar day at the start of an ISO date or timestamp string, else None."""
    match = _ISO_DAY.match(str(value or ""))
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def with_title(text: str, title: str | None) -> str:
    if title and not text.lstrip().startswith(title.strip()):
        return f"{title.strip()}\n\n{text}"
    return text


def _first(record: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            return value["name"].strip()
    return None


def _json_record(record: object, part: int | None) -> SourceRecord:
    if not isinstance(record, dict):
        raise FormatError("JSON value is not an object with a text or body field")
    text = _first(record, _TEXT_KEYS)
    if not text:
        raise FormatError(f"JSON object has no text ({', '.join(_TEXT_KEYS)})")
    title = _first(record, ("title", "headline"))
    return SourceRecord(
        part,
        with_title(text, title),
        title,
        _first(record, _OUTLET_KEYS),
        _first(record, ("url", "link")),
        iso_day(_first(record, _DATE_KEYS)),
    )


def parse_html(markup: str) -> SourceRecord:
    import trafilatura  # here, not at the top: its 0.1 s import is paid by every run, and most have no HTML

    extracted = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, favor_precision=True)
    if extracted is None:
        raise FormatError("HTML with no extractable article text")
    record = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = (record.get("text") or "").strip()
    if len(text.split()) < MIN_HTML_WORDS:
        raise FormatError(f"HTML with no extractable article text (found {len(text.split())} words of main text)")
    title = record.get("title")
    return SourceRecord(
        None, with_title(text, title), title, record.get("sitename"), record.get("url"), iso_day(record.get("date"))
    )


def parse_records(fmt: str, text: str) -> list[SourceRecord | FormatError]:
    """The records of one decoded file; a malformed record of a multi-record file fails alone."""
    if fmt == "txt":
        return [SourceRecord(None, text)]
    if fmt == "html":
        try:
            return [parse_html(text)]
        except FormatError as error:
            return [error]
    if fmt == "json":
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            return [FormatError(f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}")]
        if isinstance(value, list):
            return [_record_or_error(lambda item=item: item, i) for i, item in enumerate(value, start=1)]
        return [_record_or_error(lambda: value, None)]
    return [
        _record_or_error(lambda line=line: json.loads(line), number)
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]


def _record_or_error(load, part: int | None) -> SourceRecord | FormatError:
    try:
        return _json_record(load(), part)
    except json.JSONDecodeError as error:
        return FormatError(f"malformed JSON: {error.msg} at column {error.colno}", part)
    except RecursionError:
        return FormatError("JSON nested too deep to read", part)
    except FormatError as error:
        return FormatError(str(error), part)
