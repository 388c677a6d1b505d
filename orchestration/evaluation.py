"""Scoring the marts against a hand-annotated gold file (tests/gold/*.json, see docs/annotation-guide.md).

`python -m orchestration.evaluation [GOLD ...]` builds each gold file's articles into a temporary
warehouse and prints precision, recall and F1 per category: events, actors, figures, outlet, published date,
plus actors without countries and figures written in digits; a gold file whose articles carry a `language`
gets a line per language. A gold file may list the `categories` it scores (the real-news set has no outlet as
the text shows it). Its articles folder may be absent: the real-news texts belong to their publishers and are
kept out of the repository, so that set is scored only where someone has the folder (it is then said so).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb

from orchestration.reference import load_reference
from orchestration.warehouse import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
CATEGORIES = ("events", "actors", "figures", "outlet", "published_date")
VARIANTS = {"actors": "actors (no countries)", "figures": "figures (digits)"}
LANGUAGE_CATEGORIES = ("events", "actors", "figures")


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


@cache
def _countries() -> frozenset[str]:
    return frozenset(row["canonical"] for row in load_reference("entities") if row["entity_type"] == "country")


def _variant_items(article: dict, category: str, found: Counter) -> tuple[Counter, Counter]:
    """(gold, found) of a variant: actors without countries; figures of the gold written in digits, and the
    found figures whose value no gold figure in words has (the pipeline does not say how a number was written)."""
    gold = _gold_items(article, category)
    if category == "actors":
        countries = _countries()
        return (
            Counter({a: n for a, n in gold.items() if a not in countries}),
            Counter({a: n for a, n in found.items() if a not in countries}),
        )
    in_words = {float(f["value"]) for f in article["figures"] if f.get("words")}
    digits = Counter(
        (float(f["value"]), bool(f["approximate"]), f["subject"]) for f in article["figures"] if not f.get("words")
    )
    return digits, Counter({item: n for item, n in found.items() if item[0] not in in_words})


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
    for file_name, article_id in connection.execute(
        "select file_name, article_id from staging.article_files"
    ).fetchall():
        result[file_name] = {
            c: Counter(tuple(r) if len(r) > 1 else r[0] for r in connection.execute(q, [article_id]).fetchall())
            for c, q in queries.items()
        }
    return result


def score(
    gold: dict, found: dict[str, dict[str, Counter]], language: str | None = None, construction: str | None = None
) -> dict[str, Score]:
    """Scores per category of the gold file (and per variant), over its articles in `language` or using
    `construction` if given."""
    categories = gold.get("categories", CATEGORIES)
    scores = {name: Score() for name in (*categories, *(VARIANTS[c] for c in categories if c in VARIANTS))}
    for file_name, article in gold["articles"].items():
        if language and article.get("language") != language:
            continue
        if construction and construction not in article.get("constructions", ()):
            continue
        mine = found.get(file_name, {})
        for category in categories:
            scores[category].add(_gold_items(article, category), mine.get(category, Counter()))
            if category in VARIANTS:
                scores[VARIANTS[category]].add(*_variant_items(article, category, mine.get(category, Counter())))
    return scores


def languages(gold: dict) -> list[str]:
    return sorted({article["language"] for article in gold["articles"].values() if article.get("language")})


def constructions(gold: dict, least: int = 3) -> list[tuple[str, int]]:
    """The annotated constructions used by at least `least` articles, most used first."""
    counts = Counter(c for article in gold["articles"].values() for c in article.get("constructions", ()))
    return [(c, n) for c, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if n >= least]


def differences(gold: dict, found: dict[str, dict[str, Counter]], category: str) -> list[str]:
    """Readable misses (-) and false alarms (+) per article, to see what to fix."""
    lines = []
    for file_name, article in gold["articles"].items():
        expected, got = _gold_items(article, category), found.get(file_name, {}).get(category, Counter())
        lines += [f"{file_name}: - {item}" for item in (expected - got)]
        lines += [f"{file_name}: + {item}" for item in (got - expected)]
    return lines


def articles_dir(gold: dict) -> Path:
    return PROJECT_ROOT / gold["articles_dir"]


def present(gold: dict) -> dict:
    """The gold narrowed to the articles whose text is in its folder: a local copy of a development set may
    lack some texts, and a missing text is not a miss of the pipeline."""
    folder = articles_dir(gold)
    return {**gold, "articles": {name: a for name, a in gold["articles"].items() if (folder / name).is_file()}}


def build_and_score(gold_path: Path) -> tuple[dict[str, Score], dict, dict]:
    """Build the gold file's articles into a throwaway warehouse and score the result (the articles whose text
    is there)."""
    from orchestration.build import build

    gold = present(json.loads(gold_path.read_text(encoding="utf-8")))
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


def _print_scores(scores: dict[str, Score]) -> None:
    print(f"{'category':<24}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    for category, s in scores.items():
        print(f"{category:<24}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(GOLD_DIR.glob("*.json"))
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not articles_dir(gold).is_dir():
            print(
                f"\n{path.name}: skipped, its articles folder {gold['articles_dir']} is not here "
                "(third parties' texts are kept out of the repository: docs/annotation-guide.md)"
            )
            continue
        annotated = len(gold["articles"])
        scores, gold, found = build_and_score(path)
        missing = annotated - len(gold["articles"])
        print(
            f"\n{path.name}  ({len(gold['articles'])} articles"
            + (f"; {missing} more in the gold have no text in {gold['articles_dir']}, not scored)" if missing else ")")
        )
        _print_scores(scores)
        if langs := languages(gold):
            print(f"{'language':<10}{'articles':>9}" + "".join(f"{c + ' F1':>12}" for c in LANGUAGE_CATEGORIES))
            for language in langs:
                by_language = score(gold, found, language)
                n = sum(a.get("language") == language for a in gold["articles"].values())
                print(f"{language:<10}{n:>9}" + "".join(f"{by_language[c].f1:>12.3f}" for c in LANGUAGE_CATEGORIES))
        if used := constructions(gold):
            print(f"{'construction (articles using it)':<44}{'events F1':>10}{'tp':>5}{'fp':>5}{'fn':>5}")
            for construction, n in used:
                events = score(gold, found, construction=construction)["events"]
                print(
                    f"{construction[:36] + f' ({n})':<44}{events.f1:>10.3f}{events.tp:>5}{events.fp:>5}{events.fn:>5}"
                )
        if os.environ.get("EVALUATE_VERBOSE"):
            for category in gold.get("categories", CATEGORIES):
                for line in differences(gold, found, category):
                    print(f"  {category}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
