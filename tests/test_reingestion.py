"""Articles keep arriving: new facts follow, reruns change nothing, edits replace, removals lose nothing."""

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from orchestration.assets import models
from orchestration.assets.models import MODELS
from orchestration.warehouse import PROJECT_ROOT
from tests.conftest import build_warehouse, facts, mart_snapshot

FORMATS = PROJECT_ROOT / "tests" / "fixtures" / "formats"
UNSEEN = PROJECT_ROOT / "tests" / "fixtures" / "unseen"
SECOND_REPORT = """Lachin back under Baku's control

Posted on December 2, 2020 by Mira Kask

Azerbaijan's army entered Lachin on Tuesday, the last of the three districts to be returned, the Azerbaijani Defence Ministry said.
"""


def lachin(warehouse: Path) -> tuple:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(
            "select status, handed_over_date, n_articles, n_outlets "
            "from marts.district_handover_status where district = 'Lachin'"
        ).fetchone()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(PROJECT_ROOT / "seeds" / "articles", folder)
    return folder


def test_new_articles_reach_the_marts_and_a_rerun_changes_nothing(corpus, tmp_path, monkeypatch):
    warehouse = build_warehouse(monkeypatch, corpus, tmp_path / "news.duckdb")
    status, handed_over, n_articles, n_outlets = lachin(warehouse)
    assert (status, handed_over) == ("pending", None)

    shutil.copy(FORMATS / "lachin_handover.txt", corpus / "plateau.txt")
    (corpus / "kask.txt").write_text(SECOND_REPORT)
    build_warehouse(monkeypatch, corpus, warehouse)
    assert lachin(warehouse) == ("handed_over", date(2020, 12, 1), n_articles + 2, n_outlets + 2)

    before = mart_snapshot(warehouse)
    build_warehouse(monkeypatch, corpus, warehouse)
    assert mart_snapshot(warehouse) == before


def model_tables(warehouse: Path) -> dict[str, list[tuple]]:
    """Every SQL model's table as sorted rows."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return {m.name: sorted(connection.execute(f"select * from {m.name}").fetchall(), key=repr) for m in MODELS}


def test_incremental_models_end_where_a_full_build_does(corpus, tmp_path, monkeypatch):
    assert any(model.incremental_key for model in MODELS)
    warehouse = build_warehouse(monkeypatch, corpus, tmp_path / "news.duckdb")
    retracted, relabelled = sorted(path.name for path in corpus.iterdir())[:2]
    (corpus / "retractions.csv").write_text(f"file_name,reason\n{retracted},withdrawn\n")
    (corpus / "manifest.csv").write_text(f"file_name,outlet,url,published_date\n{relabelled},Relabelled Outlet,,\n")
    for path in sorted(UNSEEN.glob("*.txt"))[:4]:
        shutil.copy(path, corpus / path.name)
    processed: dict[str, int | None] = {}
    real_build_model = models.build_model

    def spy(connection, model, *args):
        built = real_build_model(connection, model, *args)
        processed[model.name] = built.articles
        return built

    monkeypatch.setattr(models, "build_model", spy)
    build_warehouse(monkeypatch, corpus, warehouse)
    assert processed["intermediate.narrative_shingles"] == 4 + 1  # the new articles and the relabelled one
    assert processed["marts.district_handover_status"] is None  # corpus-wide models are rebuilt whole
    assert model_tables(warehouse) == model_tables(build_warehouse(monkeypatch, corpus, tmp_path / "full.duckdb"))


def test_an_edit_replaces_facts_and_a_removal_loses_nothing(corpus, tmp_path, monkeypatch):
    (corpus / "kask.txt").write_text(SECOND_REPORT)
    warehouse = build_warehouse(monkeypatch, corpus, tmp_path / "news.duckdb")
    assert lachin(warehouse)[:2] == ("handed_over", date(2020, 12, 1))

    (corpus / "kask.txt").write_text(
        SECOND_REPORT.replace("entered Lachin on Tuesday", "will enter Lachin on 5 December")
    )
    build_warehouse(monkeypatch, corpus, warehouse)
    assert lachin(warehouse)[:2] == ("overdue", None)  # due 1 December, newest article 2 December
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert (
            connection.execute("select count(*) from staging.article_versions where file_name = 'kask.txt'").fetchone()[
                0
            ]
            == 2
        )
        assert connection.execute("select count(*) from raw.documents").fetchone()[0] == 7
        events = connection.execute(
            "select event_type, event_date from marts.handover_events e join staging.article_files f "
            "using (article_id) where f.file_name = 'kask.txt'"
        ).fetchall()
    assert events == [("scheduled", date(2020, 12, 5))]

    before = mart_snapshot(warehouse)
    for path in corpus.iterdir():
        path.unlink()
    build_warehouse(monkeypatch, corpus, warehouse)
    assert mart_snapshot(warehouse) == before


def test_a_retraction_takes_an_article_out_and_back(corpus, tmp_path, monkeypatch):
    (corpus / "kask.txt").write_text(SECOND_REPORT)
    warehouse = build_warehouse(monkeypatch, corpus, tmp_path / "news.duckdb")
    before = mart_snapshot(warehouse)
    (corpus / "retractions.csv").write_text("file_name,reason\nkask.txt,outlet withdrew the story\n")
    build_warehouse(monkeypatch, corpus, warehouse)
    assert lachin(warehouse)[:2] == ("pending", None)  # the newest remaining article is of 25 November
    (corpus / "retractions.csv").write_text("file_name,reason\n")
    build_warehouse(monkeypatch, corpus, warehouse)
    assert mart_snapshot(warehouse) == before


def test_html_and_jsonl_give_the_same_facts_as_text(tmp_path, monkeypatch):
    found = {}
    for suffix in ("txt", "html", "jsonl"):
        folder = tmp_path / suffix
        folder.mkdir()
        shutil.copy(FORMATS / f"lachin_handover.{suffix}", folder)
        found[suffix] = facts(build_warehouse(monkeypatch, folder, tmp_path / f"{suffix}.duckdb"))
    assert found["txt"]["events"] == {("Lachin", "entered", date(2020, 12, 1))}
    assert found["txt"]["articles"] == {("The Plateau Herald", date(2020, 12, 2))}
    assert found["html"] == found["txt"]
    assert found["jsonl"] == found["txt"]


def test_ingest_and_parse_batches_give_the_same_warehouse(seeds_warehouse, corpus, tmp_path, monkeypatch):
    """Big folders are read and parsed in batches (memory bounded by a batch); batches change nothing."""
    from orchestration.assets import ingest, staging

    monkeypatch.setattr(ingest, "WRITE_BATCH", 2)
    monkeypatch.setattr(staging, "PARSE_BATCH", 2)
    batched = build_warehouse(monkeypatch, corpus, tmp_path / "news.duckdb")
    assert mart_snapshot(batched) == mart_snapshot(seeds_warehouse)
