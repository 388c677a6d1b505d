"""The journal of tables whose rows changed other than by appending: deleted, updated or replaced.

The publish (orchestration/snapshots.py) writes each table's rows as Parquet segments. DuckDB gives appended
rows rowids above every older one, so a table whose published rows (those up to the last publish's mark) no
statement changed only needs a segment of the rows above that mark; a table whose published rows changed is
written again whole. So every statement that deletes, updates or replaces rows notes its table here, in the
same transaction, with the lowest rowid it touched (tests/test_snapshots.py fails on one that does not note):
a purge that deletes nothing, or an update of rows the run itself appended, costs no rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import duckdb
import sqlglot
from sqlglot import exp

JOURNAL = "publish.rewritten_tables"
_STATEMENT_END = re.compile(r";\s*$", re.MULTILINE)


def note_rewritten(connection: duckdb.DuckDBPyConnection, tables: Iterable[str], first_rowid: int = -1) -> None:
    """Record that rows of `tables` (schema.name) from rowid `first_rowid` on changed in this transaction
    (-1, the default: the table was replaced, or any row may have changed)."""
    tables = sorted(set(tables))
    if tables:
        connection.execute(
            "create schema if not exists publish; "
            f"create table if not exists {JOURNAL} (table_name varchar, first_rowid bigint)"
        )
        connection.executemany(f"insert into {JOURNAL} values (?, ?)", [[table, first_rowid] for table in tables])


def changed_rows(connection: duckdb.DuckDBPyConnection, table: str, statement: str, parameters=None) -> int:
    """Run a DELETE or UPDATE on `table`, noting the table with the lowest rowid it touches; the number of rows
    touched. A statement that would touch no row (the usual purge) is not run: the look-up said so already."""
    first_rowid = connection.execute(_first_rowid_sql(statement), parameters).fetchone()[0]
    if first_rowid is None:
        return 0
    touched = connection.execute(statement, parameters).fetchone()[0]
    note_rewritten(connection, [table], first_rowid)
    return touched


def _first_rowid_sql(statement: str) -> str:
    """The SELECT of the lowest rowid a DELETE or UPDATE touches: its table, its FROM (an UPDATE's, joins in
    parentheses so they stay one operand) and its WHERE."""
    tree = sqlglot.parse_one(statement, read="duckdb")
    target = tree.this
    sql = f"select min({target.alias_or_name}.rowid) from {target.sql('duckdb')}"
    if isinstance(tree, exp.Update) and (source := tree.args.get("from_")):
        joined = source.this.sql("duckdb")
        sql += f", ({joined})" if source.this.args.get("joins") else f", {joined}"
    if tree.args.get("where"):
        sql += f" where {tree.args['where'].this.sql('duckdb')}"
    return sql


def rewritten_tables(connection: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The tables noted since the journal was last cleared, each with the lowest rowid noted."""
    if not connection.execute(
        "select count(*) from duckdb_tables() where database_name = current_database() "
        "and schema_name = 'publish' and table_name = 'rewritten_tables'"
    ).fetchone()[0]:
        return set()
    return dict(connection.execute(f"select table_name, min(first_rowid) from {JOURNAL} group by 1").fetchall())


def forget_rewritten(connection: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> None:
    """Clear the notes a publish has acted on (the published snapshot now holds those tables whole)."""
    if tables := sorted(set(tables)):
        connection.execute(f"delete from {JOURNAL} where table_name in (select unnest(?))", [tables])


def run_operation(connection: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Run an operations file (sql/operations/): its DELETE and UPDATE statements one by one, each noting the
    table it changed."""
    for statement in filter(str.strip, _STATEMENT_END.split(sql)):
        target = sqlglot.parse_one(statement, read="duckdb").this.find(exp.Table)
        changed_rows(connection, f"{target.db}.{target.name}", statement)
