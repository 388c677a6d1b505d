"""Small DuckDB helpers shared by the Python assets: schema, frame inserts, per-article deletion."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl
import sqlglot
from sqlglot import exp

SOURCES_SQL = Path(__file__).resolve().parents[1] / "sql" / "sources.sql"


def ensure_sources(connection: duckdb.DuckDBPyConnection) -> None:
    """Create the schemas and the tables the Python assets write (idempotent)."""
    connection.execute(SOURCES_SQL.read_text(encoding="utf-8"))


def source_tables() -> set[str]:
    """Names of the tables and views declared in sql/sources.sql, read by parsing it."""
    names = set()
    for statement in sqlglot.parse(SOURCES_SQL.read_text(encoding="utf-8"), read="duckdb"):
        if isinstance(statement, exp.Create) and statement.kind in ("TABLE", "VIEW"):
            table = statement.find(exp.Table)
            names.add(f"{table.db}.{table.name}")
    return names


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
                connection.execute(f"delete from {table} where article_id in (select article_id from _ids)")


def frame_of(rows: list, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """A typed frame from dataclass rows or dicts; empty but typed when there are none."""
    records = [row if isinstance(row, dict) else vars(row) for row in rows]
    return pl.DataFrame([{name: record[name] for name in schema} for record in records], schema=schema)
