"""Small DuckDB helpers shared by the Python assets: schema, its declaration (sql/sources.sql), table comments,
frame inserts, per-article deletion."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import NamedTuple

import duckdb
import polars as pl
import sqlglot
from sqlglot import exp

from orchestration.rewrites import changed_rows

SOURCES_SQL = Path(__file__).resolve().parents[1] / "sql" / "sources.sql"
# The line above a table of sources.sql that says which assets write it and whether it holds per-article rows.
WRITTEN_BY = re.compile(r"written by: (?P<assets>\w+(?:, \w+)*)(?P<per_article>; per article)?")
POLARS_TYPES = {
    "VARCHAR": pl.String,
    "INTEGER": pl.Int32,
    "BIGINT": pl.Int64,
    "UBIGINT": pl.UInt64,
    "DOUBLE": pl.Float64,
    "DATE": pl.Date,
    "TIMESTAMP": pl.Datetime,
    "BOOLEAN": pl.Boolean,
}
# Every comment the current database holds, keyed as comment_statements keys them.
HELD_COMMENTS_SQL = """
select schema_name || '.' || table_name, comment from duckdb_tables()
where database_name = current_database() and comment is not null
union all
select schema_name || '.' || view_name, comment from duckdb_views()
where database_name = current_database() and comment is not null
union all
select schema_name || '.' || table_name || '.' || column_name, comment from duckdb_columns()
where database_name = current_database() and comment is not null
"""


class TableDoc(NamedTuple):
    """What a table holds and what each of its columns (name: description) is: DuckDB COMMENTs that analysts
    read with duckdb_columns(), and the UI's column schema."""

    description: str
    columns: dict[str, str]


class SourceTable(NamedTuple):
    """A table a Python asset writes, as sql/sources.sql declares it: the one place that says what it holds,
    its columns' types (the asset's Polars schema follows from them) and which asset writes it."""

    doc: TableDoc
    types: dict[str, str]  # column: DuckDB type, as DuckDB spells it (VARCHAR, VARCHAR[]...)
    schema: dict[str, pl.DataType]  # the same columns as Polars types: what the asset builds its frames with
    writers: tuple[str, ...]  # the Dagster multi-assets that write it
    per_article: bool  # holds rows of active articles only: purge_inactive deletes an inactive article's rows


def comment_statements(table: str, doc: TableDoc) -> list[tuple[tuple[str, str], str]]:
    """The COMMENT ON statements that describe a table and its columns, each keyed by (object, comment)."""
    wanted = [(table, doc.description, "table")] + [(f"{table}.{c}", text, "column") for c, text in doc.columns.items()]
    return [
        ((name, text), f"comment on {kind} {name} is {exp.Literal.string(text).sql()}")
        for name, text, kind in wanted
        if text
    ]


def ensure_sources(connection: duckdb.DuckDBPyConnection) -> None:
    """Create the schemas and the tables the Python assets write (idempotent), and comment them. Every asset
    runs this first, so only comments the database lacks are set: a COMMENT ON statement takes 0.3 ms, and
    setting all 150 in each asset would cost a run a quarter of a second."""
    connection.execute(SOURCES_SQL.read_text(encoding="utf-8"))
    held = set(connection.execute(HELD_COMMENTS_SQL).fetchall())
    missing = [
        sql for table, doc in source_docs().items() for key, sql in comment_statements(table, doc) if key not in held
    ]
    if missing:
        connection.execute(";\n".join(missing))


def _comment(comments: list[str] | None) -> str:
    return " ".join(line.strip() for line in comments or [] if not WRITTEN_BY.fullmatch(line.strip()))


@cache  # parsed once per process, not once per asset
def _declarations() -> dict[str, exp.Create]:
    """The CREATE TABLE and CREATE VIEW statements of sql/sources.sql, by table name."""
    statements = sqlglot.parse(SOURCES_SQL.read_text(encoding="utf-8"), read="duckdb")
    return {
        f"{s.find(exp.Table).db}.{s.find(exp.Table).name}": s
        for s in statements
        if isinstance(s, exp.Create) and s.kind in ("TABLE", "VIEW")
    }


def _columns(statement: exp.Create) -> list[exp.Expression]:
    return (
        statement.expression.selects
        if statement.kind == "VIEW"
        else [c for c in statement.this.expressions if isinstance(c, exp.ColumnDef)]
    )


@cache
def source_docs() -> dict[str, TableDoc]:
    """Each table and view declared in sql/sources.sql: its description is the comment above its DDL (the
    `written by:` line aside), a column's the comment after it (a view's: after the column in its first SELECT)."""
    return {
        name: TableDoc(
            _comment(statement.comments), {c.alias_or_name: _comment(c.comments) for c in _columns(statement)}
        )
        for name, statement in _declarations().items()
    }


def polars_type(duckdb_type: str) -> pl.DataType:
    """The Polars type whose Arrow form DuckDB stores as `duckdb_type` (a list type ends in [])."""
    return pl.List(polars_type(duckdb_type[:-2])) if duckdb_type.endswith("[]") else POLARS_TYPES[duckdb_type]


@cache
def written_tables() -> dict[str, SourceTable]:
    """Each table of sql/sources.sql (its views aside) with its types and writer, from its DDL and the
    `written by:` line above it, which every table must have."""
    tables = {}
    for name, statement in _declarations().items():
        if statement.kind != "TABLE":
            continue
        found = [m for line in statement.comments or [] if (m := WRITTEN_BY.fullmatch(line.strip()))]
        if len(found) != 1:
            raise ValueError(f"{SOURCES_SQL}: {name} needs one '-- written by: <asset>' line above it")
        # DuckDB's own spelling of each type, not sqlglot's (TEXT for VARCHAR)
        types = {c.name: str(duckdb.sqltype(c.kind.sql("duckdb"))) for c in _columns(statement)}
        tables[name] = SourceTable(
            source_docs()[name],
            types,
            {c: polars_type(t) for c, t in types.items()},
            tuple(found[0]["assets"].split(", ")),
            bool(found[0]["per_article"]),
        )
    return tables


def source_tables() -> set[str]:
    """Names of the tables and views declared in sql/sources.sql."""
    return set(source_docs())


def insert_frame(connection: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Append a Polars frame to a table, matching columns by name (data goes through Arrow, never SQL text)."""
    if frame.is_empty():
        return 0
    connection.register("_frame", frame)
    try:
        columns = ", ".join(frame.columns)
        connection.execute(f"insert into {table} ({columns}) select {columns} from _frame")
    finally:
        connection.unregister("_frame")
    return frame.height


@contextmanager
def article_ids_as(connection: duckdb.DuckDBPyConnection, name: str, article_ids: list[str]) -> Iterator[None]:
    """The given article ids as a one-column view `name` (article_id) while the block runs."""
    connection.register(name, pl.DataFrame({"article_id": article_ids}, schema={"article_id": pl.String}))
    try:
        yield
    finally:
        connection.unregister(name)


def delete_articles(connection: duckdb.DuckDBPyConnection, tables: list[str], article_ids: list[str]) -> None:
    """Delete the given articles' rows from each table before a step writes them anew: reruns never duplicate.
    Once per step, not per batch: each delete scans its table, so per batch the cost grows with the square of
    the corpus."""
    if article_ids:
        with article_ids_as(connection, "_ids", article_ids):
            for table in tables:
                changed_rows(
                    connection, table, f"delete from {table} where article_id in (select article_id from _ids)"
                )


def frame_of(rows: list, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """A typed frame from dataclass rows or dicts; empty but typed when there are none."""
    records = [row if isinstance(row, dict) else vars(row) for row in rows]
    return pl.DataFrame([{name: record[name] for name in schema} for record in records], schema=schema)
