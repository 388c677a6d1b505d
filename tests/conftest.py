"""Shared fixtures: a built warehouse of the seed articles, in a temporary folder, built once per session."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.build import build
from orchestration.warehouse import PROJECT_ROOT


def build_warehouse(monkeypatch: pytest.MonkeyPatch, articles: Path, warehouse: Path) -> Path:
    """Point the pipeline at `articles` and `warehouse`, run one build, return the published path."""
    monkeypatch.setenv("NEWS_ARTICLES_DIR", str(articles))
    monkeypatch.setenv("NEWS_WAREHOUSE_PATH", str(warehouse))
    assert build(), "the build failed"
    return warehouse


@pytest.fixture(scope="session")
def seeds_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return build_warehouse(monkeypatch, PROJECT_ROOT / "seeds" / "articles",
                               tmp_path_factory.mktemp("seeds") / "news.duckdb")


@pytest.fixture
def seeds_db(seeds_warehouse: Path):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as connection:
        yield connection
