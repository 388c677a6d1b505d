"""Optional CSV files beside the articles, read like any other input (a bad row is skipped with a reason).

- manifest.csv (file_name, outlet, url, published_date): overrides what the text says.
- retractions.csv (file_name or article_id, reason): takes articles out of every mart; delete the row to
  bring the article back.

A file name that would leave the articles folder is refused.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

MANIFEST_NAME = "manifest.csv"
RETRACTIONS_NAME = "retractions.csv"
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


def read_manifest(root: Path) -> tuple[list[ManifestRow], list[str]]:
    """(rows, problems) of `root/manifest.csv`; both empty when there is none."""
    path = root / MANIFEST_NAME
    if not path.is_file():
        return [], []
    rows, problems = [], []
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for number, record in enumerate(csv.DictReader(handle), start=2):
            name = _safe_name(root, record.get("file_name") or "")
            if name is None:
                problems.append(f"{MANIFEST_NAME} line {number}: file name {record.get('file_name')!r} leaves the articles folder")
                continue
            published = (record.get("published_date") or "").strip()
            try:
                day = date.fromisoformat(published) if published else None
            except ValueError:
                problems.append(f"{MANIFEST_NAME} line {number}: published_date {published!r} is not YYYY-MM-DD")
                continue
            rows.append(ManifestRow(name, (record.get("outlet") or "").strip() or None,
                                    (record.get("url") or "").strip() or None, day))
    return rows, problems


def read_retractions(root: Path) -> tuple[list[Retraction], list[str]]:
    """(rows, problems) of `root/retractions.csv`; both empty when there is none."""
    path = root / RETRACTIONS_NAME
    if not path.is_file():
        return [], []
    rows, problems = [], []
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for number, record in enumerate(csv.DictReader(handle), start=2):
            article_id = (record.get("article_id") or "").strip() or None
            raw_name = (record.get("file_name") or "").strip()
            name = _safe_name(root, raw_name) if raw_name else None
            if raw_name and name is None:
                problems.append(f"{RETRACTIONS_NAME} line {number}: file name {raw_name!r} leaves the articles folder")
                continue
            if not (name or article_id):
                problems.append(f"{RETRACTIONS_NAME} line {number}: needs a file_name or an article_id")
                continue
            rows.append(Retraction(name, article_id, (record.get("reason") or "").strip() or "retracted"))
    return rows, problems
