"""marts.actor_mentions on given rows: listed actors and titled people, with evidence that slices the article."""

from pathlib import Path

import duckdb
import pytest

from orchestration.duckdb_io import ensure_sources
from orchestration.extraction.entities import ArticleEntityMatcher

ACTOR_MENTIONS = Path(__file__).resolve().parents[1] / "sql" / "marts" / "actor_mentions.sql"
TEXT = "Defence Minister Levon Arakelyan met Russian officers. Arakelyan and Nikol Pashinyan spoke. The farmer Anush Grigoryan left."


def _warehouse_with(text: str) -> duckdb.DuckDBPyConnection:
    """Staging rows of one article whose sentences are split at '. ', extracted as the pipeline does."""
    connection = duckdb.connect()
    ensure_sources(connection)
    connection.execute("insert into staging.articles (article_id, outlet, text) values ('a1', 'Own Wire', ?)", [text])
    matcher, start = ArticleEntityMatcher(), 0
    for sentence_id, sentence in enumerate(text.split(". ")):
        connection.execute(
            "insert into staging.sentences (article_id, sentence_id, text, char_start, char_end) "
            "values ('a1', ?, ?, ?, ?)",
            [sentence_id, sentence, start, start + len(sentence)],
        )
        mentions, candidates = matcher.match_sentence(sentence_id, sentence, start)
        for m in mentions:
            connection.execute(
                "insert into staging.entity_mentions values ('a1', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    sentence_id,
                    m.char_start,
                    m.char_end,
                    m.text,
                    m.entity_id,
                    m.canonical,
                    m.entity_type,
                    m.match_method,
                    m.score,
                ],
            )
        for c in candidates:
            connection.execute(
                "insert into staging.name_candidates values ('a1', ?, ?, ?, ?, ?, ?)",
                [sentence_id, c.char_start, c.char_end, c.text, c.name, c.looks_like],
            )
        start += len(sentence) + 2
    return connection


def test_titled_people_are_person_actors_not_in_the_reference_list():
    connection = _warehouse_with(TEXT)
    rows = connection.execute(
        f"select actor, actor_type, in_reference, mentions, char_start, char_end, evidence "
        f"from ({ACTOR_MENTIONS.read_text()}) order by actor"
    ).fetchall()
    assert [row[:4] for row in rows] == [
        ("Levon Arakelyan", "person", False, 2),
        ("Nikol Pashinyan", "person", True, 1),
        ("Russia", "country", True, 1),
    ]
    for *_, char_start, char_end, evidence in rows:
        assert TEXT[char_start:char_end] == evidence


def test_a_person_introduced_by_a_rank_is_an_actor():
    connection = _warehouse_with("Il caporale Marco Bianchi era al posto di blocco. Bianchi è poi tornato a Roma.")
    rows = connection.execute(f"select actor, actor_type, in_reference, mentions from ({ACTOR_MENTIONS.read_text()})")
    assert rows.fetchall() == [("Marco Bianchi", "person", False, 2)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sözcü Yarbay Kemal Durmaz açıklama yaptı.", "Kemal Durmaz"),  # a Turkish rank
        ("Il senatore Marco Bellini ha visitato la diga.", "Marco Bellini"),
    ],
)
def test_ranks_and_offices_of_more_languages_introduce_actors(text, name):
    connection = _warehouse_with(text)
    rows = connection.execute(f"select actor, actor_type, in_reference, mentions from ({ACTOR_MENTIONS.read_text()})")
    assert rows.fetchall() == [(name, "person", False, 1)]
