"""Finding article files, decoding them and deciding which ones cannot become articles.

An article's identity is its decoded, normalised text: the same text under two names (or re-saved
with another encoding or line ending) is one article. Every file that cannot become an article gets a
rejection with a reason a person can act on, and the stage (read, decode, parse) that refused it; nothing
here raises for bad input: a file whose reading raises (a JSON nested too deep to parse, say) is rejected
with the exception's class and first line.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from charset_normalizer import from_bytes

from orchestration.formats import FORMATS, FormatError, parse_records
from orchestration.quarantine import failure
from orchestration.sidecars import SIDECAR_NAMES

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Document:
    """One article read from a file (a JSON-lines file holds several: their names get '#line')."""

    file_name: str
    article_id: str
    content_hash: str
    n_bytes: int
    format: str
    encoding: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_date: date | None = None


@dataclass(frozen=True)
class Rejection:
    """A file that cannot become an article, and why: at which stage, and the exception's class if it raised."""

    file_name: str
    reason: str
    n_bytes: int
    content_hash: str
    stage: str
    error_class: str | None = None


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def article_id_for(text: str) -> str:
    """Derived from the normalised text, so renames and re-encodings keep the id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def list_article_files(root: Path) -> list[Path]:
    """Regular, non-hidden files under `root`, sorted (a folder's files before its subfolders); symlinks that
    leave `root` are not followed. Directory entries carry their type, so a plain file costs no system call."""
    root = root.resolve()
    found: list[Path] = []
    folders = [str(root)]
    while folders:
        with os.scandir(folders.pop()) as listing:
            entries = sorted((entry for entry in listing if not entry.name.startswith(".")), key=lambda e: e.name)
        subfolders = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(entry.path)
            elif entry.name not in SIDECAR_NAMES and _is_file_inside(entry, root):
                found.append(Path(entry.path))
        folders += reversed(subfolders)  # depth first, in name order
    return found


def _is_file_inside(entry: os.DirEntry, root: Path) -> bool:
    """A regular file, or a symlink to one inside `root`; a symlink loop or a dangling link is no file."""
    try:
        return entry.is_file() and (
            not entry.is_symlink() or Path(entry.path).resolve(strict=True).is_relative_to(root)
        )
    except (OSError, RuntimeError):
        return False


_CYRILLIC = "\u0400-\u04ff"
_CYRILLIC_VOWEL = "аеёиоуыэюяАЕЁИОУЫЭЮЯ"
# Stress marks on Russian words: a combining accent after the vowel ("Лачи́н") or, as some agencies print it
# for speech, a plus before the vowel ("Лач+ин", "+Агдам"). They are reading aids, not spelling.
_STRESS_MARK = re.compile(
    rf"(?<=[{_CYRILLIC}])[\u0300\u0301]|(?:(?<=[{_CYRILLIC}])|(?<![\w+]))\+(?=[{_CYRILLIC_VOWEL}])"
)


def normalise_text(text: str) -> str:
    """One form for every input: NFC, LF line endings, no stress marks, no trailing whitespace at the end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _STRESS_MARK.sub("", text)).rstrip()


def decode_bytes(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) or None when the bytes are not text in any encoding we can trust."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding


# Unicode's control characters (category Cc) but tab, line feed, form feed and carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _is_binary(text: str) -> bool:
    return "\x00" in text or len(_CONTROL.findall(text, 0, 4096)) > 8


def read_article_file(root: Path, path: Path, max_bytes: int) -> list[Document | Rejection]:
    """Decode one file into its Documents, or say in words why (a part of) it cannot be one."""
    file_name = path.relative_to(root).as_posix()
    progress = {"stage": "read", "size": 0, "digest": ""}
    try:
        return _read(file_name, path, max_bytes, progress)
    except Exception as error:  # noqa: BLE001 - whatever one file raises, the other files go on
        found = failure(file_name, progress["stage"], error)
        return [
            Rejection(
                file_name,
                f"{found.stage} failed: {found.error_class}: {found.message}",
                progress["size"],
                progress["digest"],
                found.stage,
                found.error_class,
            )
        ]


def _read(file_name: str, path: Path, max_bytes: int, progress: dict) -> list[Document | Rejection]:
    """read_article_file's work; `progress` says how far it got, for the rejection of a file that raises."""
    size = progress["size"] = path.stat().st_size
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return [
            Rejection(
                file_name,
                f"unsupported file type '{path.suffix or '(none)'}': expected one of {', '.join(sorted(FORMATS))}",
                size,
                "",
                "read",
            )
        ]
    if size > max_bytes:
        return [Rejection(file_name, f"file is {size} bytes, over the limit of {max_bytes} bytes", size, "", "read")]
    data = path.read_bytes()
    digest = progress["digest"] = content_hash(data)
    progress["stage"] = "decode"
    decoded = decode_bytes(data)
    if decoded is None or _is_binary(decoded[0]):
        return [
            Rejection(
                file_name, "binary or undecodable content (NUL bytes or no text encoding fits)", size, digest, "decode"
            )
        ]
    if not decoded[0].strip("\ufeff \t\r\n"):
        return [Rejection(file_name, "empty or whitespace-only file", size, digest, "decode")]
    progress["stage"] = "parse"
    outcomes: list[Document | Rejection] = []
    for record in parse_records(fmt, decoded[0].lstrip("\ufeff")):
        name = file_name if getattr(record, "part", None) is None else f"{file_name}#{record.part}"
        if isinstance(record, FormatError):
            outcomes.append(Rejection(name, str(record), size, digest, "parse"))
            continue
        text = normalise_text(record.text)
        if not text.strip():
            outcomes.append(Rejection(name, "empty article text", size, digest, "parse"))
            continue
        outcomes.append(
            Document(
                name,
                article_id_for(text),
                digest,
                size,
                fmt,
                decoded[1],
                text,
                record.title,
                record.outlet,
                record.url,
                record.published_date,
            )
        )
    return outcomes


def read_article_files(root: Path, max_bytes: int, paths: list[Path]) -> list[list[Document | Rejection]]:
    """read_article_file for each of a chunk of paths, in order: one worker's share."""
    return [read_article_file(root, path, max_bytes) for path in paths]


def read_crashed(root: Path, path: Path, error: BaseException) -> list[list[Rejection]]:
    """read_article_files' result for a file whose worker process died reading it. Its size is recorded, so it is
    read again only when it changes (or the code does), like any other rejected file."""
    found = failure(path.relative_to(root).as_posix(), "read", error)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return [
        [
            Rejection(
                found.item,
                f"read failed: the worker process died: {found.message}",
                size,
                "",
                "read",
                found.error_class,
            )
        ]
    ]
