"""Reference data (aliases, lexicons) lives as CSV under seeds/reference: read it once per process."""

from __future__ import annotations

import csv
import hashlib
from functools import cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "seeds" / "reference"


@cache
def load_reference(name: str) -> tuple[dict[str, str], ...]:
    """Rows of `seeds/reference/<name>.csv` as dicts, in file order."""
    with open(REFERENCE_DIR / f"{name}.csv", newline="", encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


def reference_tables() -> list[str]:
    """Every reference CSV: each becomes a table `reference.<name>` in the warehouse."""
    return sorted(path.stem for path in REFERENCE_DIR.glob("*.csv"))


def reference_digest(name: str) -> str:
    """A short hash of one reference CSV: versions whatever is derived from it."""
    return hashlib.sha256((REFERENCE_DIR / f"{name}.csv").read_bytes()).hexdigest()[:16]
