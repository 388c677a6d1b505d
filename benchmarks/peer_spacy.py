"""The peer a Python developer would write instead: spaCy's blank English pipeline with a sentencizer and a
PhraseMatcher over the same alias list, numbers by regex, rows into DuckDB. Benchmark-only (needs spacy).

Usage: python benchmarks/peer_spacy.py ARTICLES_DIR DUCKDB_PATH
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import duckdb
import polars as pl
import spacy
from spacy.matcher import PhraseMatcher

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def main(articles: Path, database: Path) -> int:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    with open(ROOT / "seeds" / "reference" / "entities.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            matcher.add(row["canonical"], [nlp.make_doc(row["alias"])])
    paths = sorted(articles.glob("*.txt"))
    texts = (path.read_text(encoding="utf-8") for path in paths)
    entities, numbers = [], []
    for path, doc in zip(paths, nlp.pipe(texts, batch_size=256)):
        for sentence_id, sentence in enumerate(doc.sents):
            for match_id, start, end in matcher(sentence):
                span = sentence[start:end]
                entities.append((path.name, sentence_id, span.start_char, span.end_char, nlp.vocab.strings[match_id]))
            for match in NUMBER.finditer(sentence.text):
                numbers.append((path.name, sentence_id, sentence.start_char + match.start(), match.group()))
    with duckdb.connect(str(database)) as connection:
        connection.register(
            "entities", pl.DataFrame(entities, schema=["file", "sentence", "start", "end", "entity"], orient="row")
        )
        connection.register(
            "numbers", pl.DataFrame(numbers, schema=["file", "sentence", "start", "text"], orient="row")
        )
        connection.execute("create or replace table entity_mentions as select * from entities")
        connection.execute("create or replace table numbers as select * from numbers")
    print(f"peer: {len(paths)} articles, {len(entities)} entity mentions, {len(numbers)} numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
