"""The optional manifest.csv beside the articles: file_name, outlet, url, published_date per file.

Its values override what the text says. A row is skipped, with a reason, when its file name would leave
the articles folder or its date is not ISO (YYYY-MM-DD): the manifest is input like any other.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

MANIFEST_NAME = "manifest.csv"


@dataclass(frozen=True)
class ManifestRow:
    file_name: str
    outlet: str | None
    url: str | None
    published_date: date | None


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
