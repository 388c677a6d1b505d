"""Shared fixtures: a built warehouse of the seed articles, in a temporary folder, built once per session."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.build import build
from orchestration.warehouse import PROJECT_ROOT


@pytest.fixture(scope="session", autouse=True)
def own_dagster_home(tmp_path_factory: pytest.TempPathFactory):
    """Builds that tests start as `make run` does (child processes) record their runs in a throwaway Dagster
    instance, not in the UI's history (`make test` exports DAGSTER_HOME=.dagster_home)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("DAGSTER_HOME", str(tmp_path_factory.mktemp("dagster_home")))
        yield


def folder(tmp_path: Path, files: dict[str, str]) -> Path:
    """An articles folder holding `files` (name -> text)."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in files.items():
        (articles / name).write_text(text)
    return articles


def build_warehouse(monkeypatch: pytest.MonkeyPatch, articles: Path, warehouse: Path) -> Path:
    """Point the pipeline at `articles` and `warehouse`, run one build, return the published path."""
    monkeypatch.setenv("NEWS_ARTICLES_DIR", str(articles))
    monkeypatch.setenv("NEWS_WAREHOUSE_PATH", str(warehouse))
    assert build(), "the build failed"
    return warehouse


@pytest.fixture(scope="session")
def seeds_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return build_warehouse(
            monkeypatch, PROJECT_ROOT / "seeds" / "articles", tmp_path_factory.mktemp("seeds") / "news.duckdb"
        )


@pytest.fixture
def seeds_db(seeds_warehouse: Path):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as connection:
        yield connection


def mart_snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every mart as sorted rows: equal snapshots mean identical mart contents."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = [
            r[0]
            for r in connection.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
            ).fetchall()
        ]
        return {t: sorted(connection.execute(f"select * from marts.{t}").fetchall(), key=repr) for t in tables}


def same_rows(connection: duckdb.DuckDBPyConnection, left: str, right: str) -> bool:
    """Whether two tables (or views) hold the very rows, as multisets."""
    return not connection.execute(
        f"select exists ((from {left} except all from {right}) union all (from {right} except all from {left}))"
    ).fetchone()[0]


def facts(warehouse: Path) -> dict[str, set]:
    """Events, actors and figures in the terms a reader compares across formats."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return {
            "events": set(
                connection.execute("select district, event_type, event_date from marts.handover_events").fetchall()
            ),
            "actors": set(connection.execute("select actor from marts.actor_mentions").fetchall()),
            "figures": set(
                connection.execute("select value, is_approximate, subject from marts.figures_by_source").fetchall()
            ),
            "articles": set(connection.execute("select outlet, published_date from staging.articles").fetchall()),
        }
