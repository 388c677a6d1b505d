"""Running one SQL model: a full rebuild, or for an incremental model only the articles that came or went."""

from __future__ import annotations

import hashlib
from typing import NamedTuple

import duckdb

from orchestration.duckdb_io import TableDoc, comment_statements
from orchestration.reference import reference_digest
from orchestration.rewrites import changed_rows, note_rewritten
from orchestration.sql_models import ModelError, SqlModel, incremental_sql, materialize_sql

PENDING = "_pending_articles"
FINGERPRINTS = "_article_fingerprints"
BATCH = "_batch_articles"
# Articles per statement when an incremental model is built whole: its rows of an article depend on that article
# alone, so batches give the same rows, and a statement over all 100,000 articles at once outgrew DuckDB's memory
# and ran 3.4 times slower per article than over 20,000 (intermediate.handover_statements: 338 s against 20 s).
FULL_BUILD_BATCH = 20_000


class Build(NamedTuple):
    """What build_model did: how many articles an incremental run processed (None: the table was rebuilt whole),
    and the largest rowid the table held before it (rows above it are the ones this build wrote)."""

    articles: int | None
    last_old_row: int = -1


def model_versions(models: list[SqlModel]) -> dict[str, str]:
    """Each model's version: its SQL, the reference data it reads and its upstream models' versions, so an
    incremental model is rebuilt whole when anything its rows were computed from has changed."""
    versions: dict[str, str] = {}
    for model in models:  # dependency order: upstream versions are known
        digest = hashlib.sha256(model.code_version.encode())
        for table in model.depends_on:
            schema, name = table.split(".")
            part = reference_digest(name) if schema == "reference" else versions.get(table, "")
            digest.update(f"{table}={part};".encode())
        versions[model.name] = digest.hexdigest()[:16]
    return versions


def _held_versions(connection: duckdb.DuckDBPyConnection, model: SqlModel) -> set[str]:
    exists = connection.execute(
        "select count(*) from duckdb_tables() where schema_name = ? and table_name = ?", model.name.split(".")
    ).fetchone()[0]
    if not exists:
        return set()
    rows = connection.execute("select distinct version from staging.model_articles where model = ?", [model.name])
    return {version for (version,) in rows.fetchall()}


def fingerprint_articles(connection: duckdb.DuckDBPyConnection) -> None:
    """Hash every article's row once per run: an incremental model redoes an article whose row changed."""
    connection.execute(
        f"create or replace temp table {FINGERPRINTS} as "
        "select article_id, hash(articles) as fingerprint from staging.articles as articles"
    )


def _forget_articles(connection: duckdb.DuckDBPyConnection, model: SqlModel) -> None:
    """Empty the ledger of the articles the model's table holds (staging.model_articles)."""
    changed_rows(
        connection, "staging.model_articles", "delete from staging.model_articles where model = ?", [model.name]
    )


def _drop_other_kind(connection: duckdb.DuckDBPyConnection, model: SqlModel) -> None:
    """Drop the model's table when it is now a view, or its view when it is now a table (DuckDB replaces an
    object only by one of its kind), with the ledger of what an incremental table held."""
    held = connection.execute(
        "select table_type from information_schema.tables "
        "where table_catalog = current_database() and table_schema || '.' || table_name = ?",
        [model.name],
    ).fetchone()
    if held and (held[0] == "VIEW") != model.view:
        connection.execute(f"drop {'table' if model.view else 'view'} {model.name}")
        if model.view:
            _forget_articles(connection, model)


def _build_whole(connection: duckdb.DuckDBPyConnection, model: SqlModel) -> None:
    """(Re)build a model's table from all articles: an incremental model's in batches of FULL_BUILD_BATCH."""
    articles = connection.execute(f"select count(*) from {FINGERPRINTS}").fetchone()[0] if model.incremental_key else 0
    if articles <= FULL_BUILD_BATCH:
        connection.execute(materialize_sql(model))
    else:
        select = incremental_sql(model, BATCH)
        for first in range(0, articles, FULL_BUILD_BATCH):
            connection.execute(
                f"create or replace temp table {BATCH} as select article_id from {FINGERPRINTS} "
                "order by article_id limit ? offset ?",
                [FULL_BUILD_BATCH, first],
            )
            connection.execute(
                f"create or replace table {model.name} as\n{select}"
                if first == 0
                else f"insert into {model.name} by name {select}"
            )
    note_rewritten(connection, [model.name])


def build_model(connection: duckdb.DuckDBPyConnection, model: SqlModel, version: str, full_refresh: bool) -> Build:
    """Bring a model's table up to date, or define its view, in the caller's transaction. Needs
    fingerprint_articles first."""
    _drop_other_kind(connection, model)
    if model.view:
        connection.execute(materialize_sql(model))
        return Build(None)
    if not model.incremental_key or full_refresh or _held_versions(connection, model) != {version}:
        _build_whole(connection, model)
        if model.incremental_key:
            _forget_articles(connection, model)
            connection.execute(
                f"insert into staging.model_articles select ?, ?, article_id, fingerprint from {FINGERPRINTS}",
                [model.name, version],
            )
        return Build(None)
    held = "(select article_id, fingerprint from staging.model_articles where model = $model)"
    connection.execute(
        f"create or replace temp table {PENDING} as select article_id, fingerprint "
        f"from {FINGERPRINTS} anti join {held} using (article_id, fingerprint)",
        {"model": model.name},
    )
    # The table only holds rows of articles in the ledger, so the ledger says which of them are stale (changed
    # or gone); a run that only adds articles then never scans the model's table to delete nothing.
    stale = (
        f"article_id in (select article_id from {PENDING}) or article_id not in (select article_id from {FINGERPRINTS})"
    )
    connection.execute(
        f"create or replace temp table _stale_articles as select article_id "
        f"from staging.model_articles where model = ? and ({stale})",
        [model.name],
    )
    if connection.execute("select count(*) from _stale_articles").fetchone()[0]:
        connection.execute(f"delete from {model.name} where article_id in (select article_id from _stale_articles)")
        connection.execute(
            "delete from staging.model_articles where model = ? and article_id in "
            "(select article_id from _stale_articles)",
            [model.name],
        )
        note_rewritten(connection, [model.name, "staging.model_articles"])
    last_old_row = connection.execute(f"select coalesce(max(rowid), -1) from {model.name}").fetchone()[0]
    connection.execute(f"insert into {model.name} by name {incremental_sql(model, PENDING)}")
    connection.execute(
        f"insert into staging.model_articles select ?, ?, article_id, fingerprint from {PENDING}", [model.name, version]
    )
    return Build(connection.execute(f"select count(*) from {PENDING}").fetchone()[0], last_old_row)


def document_model(connection: duckdb.DuckDBPyConnection, model: SqlModel) -> dict[str, str]:
    """Comment a model's table and its columns from its header, in one batch (a rebuilt table has lost its
    comments), and return its columns' types. A described column the table lacks, misspelt or dropped from
    the SELECT, fails the build."""
    types = {name: data_type for name, data_type, *_ in connection.execute(f"describe {model.name}").fetchall()}
    if unknown := sorted(set(model.columns) - set(types)):
        raise ModelError(f"{model.path}: describes column(s) {', '.join(unknown)}, which {model.name} does not have")
    statements = comment_statements(model.name, TableDoc(model.summary, model.columns))
    connection.execute(";\n".join(sql for _, sql in statements))
    return types
