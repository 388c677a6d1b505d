"""Scoring the marts against a hand-annotated gold file (tests/gold/*.json, see docs/annotation-guide.md).

`python -m orchestration.evaluation [GOLD ...]` builds each gold file's articles into a temporary
warehouse and prints precision, recall and F1 per category: events, actors, figures, outlet, published date.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.warehouse import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
CATEGORIES = ("events", "actors", "figures", "outlet", "published_date")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: Counter, found: Counter) -> None:
        overlap = sum((gold & found).values())
        self.tp += overlap
        self.fp += sum(found.values()) - overlap
        self.fn += sum(gold.values()) - overlap


def _gold_items(article: dict, category: str) -> Counter:
    if category == "events":
        return Counter((e["district"], e["event_type"], e["date"]) for e in article["events"])
    if category == "actors":
        return Counter(set(article["actors"]))
    if category == "figures":
        return Counter((float(f["value"]), bool(f["approximate"]), f["subject"]) for f in article["figures"])
    value = article.get(category)
    return Counter([value] if value else [])


def extracted(connection: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Counter]]:
    """What the marts say, per file name and category, in the gold's terms."""
    queries = {
        "events": "select district, event_type, strftime(event_date, '%Y-%m-%d') from marts.handover_events where article_id = ?",
        "actors": "select actor from marts.actor_mentions where article_id = ?",
        "figures": "select value, is_approximate, subject from marts.figures_by_source where article_id = ?",
        "outlet": "select outlet from staging.articles where article_id = ? and outlet is not null",
        "published_date": "select strftime(published_date, '%Y-%m-%d') from staging.articles "
                          "where article_id = ? and published_source <> 'inferred'",
    }
    result: dict[str, dict[str, Counter]] = {}
    for file_name, article_id in connection.execute("select file_name, article_id from staging.article_files").fetchall():
        result[file_name] = {c: Counter(tuple(r) if len(r) > 1 else r[0] for r in connection.execute(q, [article_id]).fetchall())
                             for c, q in queries.items()}
    return result


def score(gold: dict, found: dict[str, dict[str, Counter]]) -> dict[str, Score]:
    scores = {category: Score() for category in CATEGORIES}
    for file_name, article in gold["articles"].items():
        mine = found.get(file_name, {})
        for category in CATEGORIES:
            scores[category].add(_gold_items(article, category), mine.get(category, Counter()))
    return scores


def differences(gold: dict, found: dict[str, dict[str, Counter]], category: str) -> list[str]:
    """Readable misses (-) and false alarms (+) per article, to see what to fix."""
    lines = []
    for file_name, article in gold["articles"].items():
        expected, got = _gold_items(article, category), found.get(file_name, {}).get(category, Counter())
        lines += [f"{file_name}: - {item}" for item in (expected - got)]
        lines += [f"{file_name}: + {item}" for item in (got - expected)]
    return lines


def build_and_score(gold_path: Path) -> tuple[dict[str, Score], dict, dict]:
    """Build the gold file's articles into a throwaway warehouse and score the result."""
    from orchestration.build import build

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        warehouse = Path(scratch) / "evaluation.duckdb"
        saved = {k: os.environ.get(k) for k in ("NEWS_ARTICLES_DIR", "NEWS_WAREHOUSE_PATH")}
        os.environ["NEWS_ARTICLES_DIR"] = str(PROJECT_ROOT / gold["articles_dir"])
        os.environ["NEWS_WAREHOUSE_PATH"] = str(warehouse)
        try:
            if not build():
                raise RuntimeError(f"the build of {gold['articles_dir']} failed")
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        with duckdb.connect(str(warehouse), read_only=True) as connection:
            found = extracted(connection)
    return score(gold, found), gold, found


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(GOLD_DIR.glob("*.json"))
    for path in paths:
        scores, gold, found = build_and_score(path)
        print(f"\n{path.name}  ({len(gold['articles'])} articles)")
        print(f"{'category':<16}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
        for category, s in scores.items():
            print(f"{category:<16}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
        if os.environ.get("EVALUATE_VERBOSE"):
            for category in CATEGORIES:
                for line in differences(gold, found, category):
                    print(f"  {category}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
