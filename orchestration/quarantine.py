"""Quarantine: one article whose parse or extraction raises is set aside with its reason; the run goes on.

A failed article is recorded in `staging.failed_articles` under the code version that failed on it, and
`staging.inactive_articles` lists it, so it leaves every per-article table and mart like a retracted one.
It is tried again when its content changes (a new text is a new article) or when the code version does:
the failures recorded under another version are forgotten at the start of the next run.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import NamedTuple

import duckdb
import polars as pl

from orchestration.duckdb_io import delete_articles, insert_frame, written_tables
from orchestration.reference import REFERENCE_DIR
from orchestration.rewrites import changed_rows

_CODE_DIR = Path(__file__).resolve().parent
_MESSAGE_CHARS = 300


class PipelineBug(RuntimeError):
    """A broken invariant of the pipeline itself, not of one input: it fails the run instead of quarantining."""


class Failure(NamedTuple):
    """An item (an article, or a file) that raised: where, the exception's class and its first line."""

    item: str
    stage: str
    error_class: str
    message: str


def failure(item: str, stage: str, error: BaseException) -> Failure:
    lines = str(error).strip().splitlines()
    return Failure(item, stage, type(error).__name__, (lines[0] if lines else "")[:_MESSAGE_CHARS])


@cache
def code_version() -> str:
    """The pipeline's Python code and reference data: what decides whether a failed item is worth a retry."""
    digest = hashlib.sha256()
    for path in sorted([*_CODE_DIR.rglob("*.py"), *REFERENCE_DIR.glob("*.csv")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def forget_stale_failures(connection: duckdb.DuckDBPyConnection) -> int:
    """Failures recorded under another code version are forgotten, so their articles are parsed again."""
    return changed_rows(
        connection,
        "staging.failed_articles",
        "delete from staging.failed_articles where code_version <> ?",
        [code_version()],
    )


def purge_inactive(connection: duckdb.DuckDBPyConnection) -> None:
    """Take superseded, retracted and failed articles out of every per-article table (sql/sources.sql marks
    them), so no mart shows them; raw.documents keeps their text and staging.article_versions their history."""
    inactive = "select article_id from staging.inactive_articles"
    for name, table in written_tables().items():
        if table.per_article:
            changed_rows(connection, name, f"delete from {name} where article_id in ({inactive})")


def quarantine(connection: duckdb.DuckDBPyConnection, failures: list[Failure], now: datetime) -> None:
    """Record failed articles and take every row they already have out of the per-article tables."""
    if not failures:
        return
    rows = [(f.item, f.stage, f.error_class, f.message, code_version(), now) for f in failures]
    delete_articles(connection, ["staging.failed_articles"], [f.item for f in failures])
    schema = written_tables()["staging.failed_articles"].schema
    insert_frame(connection, "staging.failed_articles", pl.DataFrame(rows, schema=schema, orient="row"))
    purge_inactive(connection)


def log_failures(context, connection: duckdb.DuckDBPyConnection, stage: str, since: datetime) -> None:
    """A warning in the run's log for each article this step quarantined."""
    for article_id, error_class, message in connection.execute(
        "select article_id, error_class, message from staging.failed_articles where stage = ? and failed_at >= ? "
        "order by article_id",
        [stage, since],
    ).fetchall():
        context.log.warning(f"quarantined article {article_id} at {stage}: {error_class}: {message}")
