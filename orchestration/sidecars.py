"""Optional CSV files beside the articles, read like any other input (a bad row is skipped with a reason).

- manifest.csv (file_name, outlet, url, published_date): overrides what the text says.
- retractions.csv (file_name or article_id, reason): takes articles out of every mart; delete the row to
  bring the article back.

A file name that would leave the articles folder is refused, and so is a sidecar that is a link out of it; a
sidecar that cannot be read as UTF-8 CSV is skipped whole with the reason.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TypeVar

MANIFEST_NAME = "manifest.csv"
RETRACTIONS_NAME = "retractions.csv"
Row = TypeVar("Row")
SIDECAR_NAMES = frozenset({MANIFEST_NAME, RETRACTIONS_NAME})


@dataclass(frozen=True)
class ManifestRow:
    file_name: str
    outlet: str | None
    url: str | None
    published_date: date | None


@dataclass(frozen=True)
class Retraction:
    file_name: str | None
    article_id: str | None
    reason: str


def _safe_name(root: Path, name: str) -> str | None:
    """The name relative to `root` when it stays inside it, else None."""
    relative = PurePosixPath(name.strip().replace("\\", "/"))
    if not relative.parts or relative.is_absolute() or ".." in relative.parts:
        return None
    return relative.as_posix() if (root / relative).resolve().is_relative_to(root.resolve()) else None


def _read(root: Path, file_name: str, convert: Callable[[Path, dict[str, str]], Row]) -> tuple[list[Row], list[str]]:
    """(rows, problems) of one sidecar CSV: `convert` raises ValueError with the reason for a bad row."""
    path = root / file_name
    if not path.is_file():
        return [], []
    if _safe_name(root, file_name) is None:
        return [], [f"{file_name} links out of the articles folder: not read"]
    rows, problems = [], []
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for number, record in enumerate(csv.DictReader(handle), start=2):
                try:
                    rows.append(convert(root, {key: (value or "").strip() for key, value in record.items() if key}))
                except ValueError as reason:
                    problems.append(f"{file_name} line {number}: {reason}")
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return [], [f"{file_name} cannot be read ({type(error).__name__}: {error}): not applied"]
    return rows, problems


def _inside(root: Path, name: str) -> str:
    safe = _safe_name(root, name)
    if safe is None:
        raise ValueError(f"file name {name!r} leaves the articles folder")
    return safe


def _manifest_row(root: Path, record: dict[str, str]) -> ManifestRow:
    published = record.get("published_date", "")
    try:
        day = date.fromisoformat(published) if published else None
    except ValueError:
        raise ValueError(f"published_date {published!r} is not YYYY-MM-DD") from None
    return ManifestRow(
        _inside(root, record.get("file_name", "")), record.get("outlet") or None, record.get("url") or None, day
    )


def _retraction(root: Path, record: dict[str, str]) -> Retraction:
    name = _inside(root, record["file_name"]) if record.get("file_name") else None
    if not (name or record.get("article_id")):
        raise ValueError("needs a file_name or an article_id")
    return Retraction(name, record.get("article_id") or None, record.get("reason") or "retracted")


def read_manifest(root: Path) -> tuple[list[ManifestRow], list[str]]:
    """(rows, problems) of `root/manifest.csv`; both empty when there is none."""
    return _read(root, MANIFEST_NAME, _manifest_row)


def read_retractions(root: Path) -> tuple[list[Retraction], list[str]]:
    """(rows, problems) of `root/retractions.csv`; both empty when there is none."""
    return _read(root, RETRACTIONS_NAME, _retraction)
