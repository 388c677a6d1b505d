"""Publishing a build as a snapshot: Parquet segments behind a small DuckDB catalog file.

The published file (NEWS_WAREHOUSE_PATH) holds no rows. Each table of the build is a view of the same name over
its Parquet segments in the `<file name>.parts` folder beside it, so an analyst opens one DuckDB file, read-only,
from anywhere (the views name the segments by absolute path), and queries what was a table before. Segments are
never changed once written: a table that only gained rows since the last publish keeps its segments and adds one
for the new rows, a table whose rows changed otherwise (orchestration/rewrites.py) is written whole again. So a
publish writes what the run changed, not the archive, and swapping the catalog (a rename) is the atomic step.

The build's views (a mart computed when read, `materialized: view`) are views of the catalog too, over the
published tables. The last NEWS_KEEP_BUILDS (default 7) builds stay queryable: `history.builds` lists them, and
`history.<name>` holds every mart and `staging.articles` as each kept build had it, with its `build_id` (a view
mart as that build's own SQL over that build's segments). Segments no kept build
reads are deleted; a reader still holding a catalog older than that loses its rows.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb
import polars as pl
import sqlglot
from sqlglot import exp

from orchestration.duckdb_io import TableDoc, comment_statements, ensure_sources
from orchestration.rewrites import rewritten_tables
from orchestration.sql_models import DIALECT, read_tables, replace_tables, table_name

DEFAULT_KEEP_BUILDS = 7
# a rewritten table this small is compared with its published rows, and keeps its segments when they are the same
# (the reference tables, reloaded each run, and most corpus-wide marts of a run that changed nothing)
COMPARED_ROWS = 50_000
MAX_SEGMENTS = 32  # a table with more is written whole again, so a reader never opens hundreds of small files
HISTORY_TABLES = ("staging.articles",)  # kept per build with every mart: the articles each build held
PRIVATE_SCHEMA = "publish"  # the build's own bookkeeping (the journal, the build file's identity): never published
_IDENTITY = f"{PRIVATE_SCHEMA}.build_file"
_BUILD_ID = "the build (history.builds) that held this row"
_LEDGER_DOCS = {
    "history.builds": TableDoc(
        "One row per published build still queryable (the last NEWS_KEEP_BUILDS): when it was built and what it held.",
        {
            "build_id": "the build's number, counting up from 1; history.<name> views carry it",
            "built_at": "when the build was published (UTC)",
            "articles": "how many articles the build held (rows of staging.articles; history.articles lists them)",
            "tables": "how many tables the build published",
            "build_file": "the identity of the private build file it was published from (a restored build file "
            "gets a new one)",
        },
    ),
    "history.tables": TableDoc(
        "One row per table of each kept build: its rows and the Parquet segments (files) they are in.",
        {
            "build_id": "the build (history.builds)",
            "table_name": "schema.table, as the analyst queries it",
            "rows": "rows the table held in that build",
            "last_rowid": "the build file's largest rowid of the table when published: rows above it are new next time",
            "segments": "the table's Parquet files, absolute paths, in the order the view reads them",
        },
    ),
    "history.views": TableDoc(
        "One row per view of each kept build (a mart computed when read): the SQL it was defined by.",
        {
            "build_id": "the build (history.builds)",
            "view_name": "schema.view, as the analyst queries it",
            "sql": "the CREATE VIEW statement, over the tables of that build",
            "position": "the order the build created its views in: a view after the views it reads",
        },
    ),
}


def keep_builds() -> int:
    """How many published builds stay queryable (NEWS_KEEP_BUILDS, default 7, at least 1)."""
    return max(1, int(os.environ.get("NEWS_KEEP_BUILDS") or DEFAULT_KEEP_BUILDS))


def parts_dir(published: Path) -> Path:
    return published.with_name(f"{published.name}.parts")


@dataclass
class PublishedTable:
    rows: int
    last_rowid: int
    segments: list[str]


@dataclass
class Build:
    build_id: int
    built_at: datetime
    articles: int
    build_file: str  # the identity of the build file the marks (last_rowid) refer to
    tables: dict[str, PublishedTable] = field(default_factory=dict)
    views: dict[str, str] = field(default_factory=dict)  # name -> CREATE VIEW statement, in the order to create them


def published_builds(published: Path) -> list[Build]:
    """The builds the published catalog keeps, oldest first; none when there is no catalog (no file yet, or a
    file published whole by an earlier version of the pipeline)."""
    if not published.exists():
        return []
    with duckdb.connect(str(published), read_only=True) as catalog:
        ledger = {
            name
            for (name,) in catalog.execute(
                "select table_name from duckdb_tables() where schema_name = 'history'"
            ).fetchall()
        }
        if "builds" not in ledger:
            return []
        builds = {
            build_id: Build(build_id, built_at, articles, build_file)
            for build_id, built_at, articles, build_file in catalog.execute(
                "select build_id, built_at, articles, build_file from history.builds order by build_id"
            ).fetchall()
        }
        for build_id, name, rows, last_rowid, segments in catalog.execute(
            "select build_id, table_name, rows, last_rowid, segments from history.tables"
        ).fetchall():
            builds[build_id].tables[name] = PublishedTable(rows, last_rowid, segments)
        if "views" in ledger:  # a catalog written before view marts has none
            for build_id, name, sql in catalog.execute(
                "select build_id, view_name, sql from history.views order by build_id, position"
            ).fetchall():
                builds[build_id].views[name] = sql
    return list(builds.values())


def write_snapshot(
    connection: duckdb.DuckDBPyConnection, published: Path, staging: Path
) -> tuple[list[Build], dict[str, int]]:
    """Write the build's new segments and a catalog at `staging` (renamed over `published` by the caller).
    Returns the builds the catalog keeps, the new one last, and the journal's tables it acted on."""
    builds = published_builds(published)
    kept = builds[max(0, len(builds) - keep_builds() + 1) :]  # with the new one, keep_builds() in all
    previous = builds[-1] if builds else None  # its segments serve the new build even when it is not kept
    build_file = _build_file_identity(connection)
    rewritten = rewritten_tables(connection)
    build = Build((previous.build_id if previous else 0) + 1, datetime.now(UTC).replace(tzinfo=None), 0, build_file)
    folder = parts_dir(published)
    for name in _tables(connection):
        before = previous.tables.get(name) if previous else None
        appended_only = (  # no statement changed a row this table had published (rewritten: its lowest rowid)
            before is not None
            and previous.build_file == build_file
            and rewritten.get(name, before.last_rowid + 1) > before.last_rowid
        )
        build.tables[name] = _publish_table(connection, name, before, appended_only, folder, build)
    build.articles = build.tables["staging.articles"].rows if "staging.articles" in build.tables else 0
    build.views = _views(connection)
    _write_catalog(connection, staging, [*kept, build])
    return [*kept, build], rewritten


def written_by(build: Build) -> list[Path]:
    """The segments the build wrote (the others it reads were written by earlier builds)."""
    prefix = f"{build.build_id:06d}-"
    return [Path(s) for table in build.tables.values() for s in table.segments if Path(s).name.startswith(prefix)]


def remove_unread_segments(published: Path, builds: list[Build]) -> None:
    """Delete the segments none of `builds` reads (and folders left empty)."""
    read = {segment for build in builds for table in build.tables.values() for segment in table.segments}
    for path in parts_dir(published).glob("*/*.parquet"):
        if str(path) not in read:
            path.unlink(missing_ok=True)
    for folder in parts_dir(published).glob("*"):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def restore_build(published: Path, build_path: Path) -> None:
    """Make a build file from the published catalog's latest build: every table as its view reads it, with its
    comments. The copy gets a new identity, so its first publish writes every table whole."""
    partial = build_path.with_name(f".{build_path.name}.restoring-{os.getpid()}")
    partial.unlink(missing_ok=True)
    with duckdb.connect(str(partial)) as connection:
        connection.execute(f"attach '{_quoted(published)}' as snapshot (read_only)")
        tables = [
            name
            for (name,) in connection.execute(
                "select table_name from snapshot.history.tables "
                "where build_id = (select max(build_id) from snapshot.history.builds) order by table_name"
            ).fetchall()
        ]
        ensure_sources(connection)  # the tables the Python assets write, with their keys, as sql/sources.sql has them
        declared = set(_tables(connection))
        for name in tables:
            connection.execute(f"create schema if not exists {name.split('.')[0]}")
            if name in declared:
                connection.execute(f"insert into {name} by name select * from snapshot.{name}")
            else:
                connection.execute(f"create table {name} as select * from snapshot.{name}")
        if comments := _comment_statements(connection, "snapshot", tables):
            connection.execute(";\n".join(comments))
        connection.execute("detach snapshot")
    os.replace(partial, build_path)


def _build_file_identity(connection: duckdb.DuckDBPyConnection) -> str:
    """A random name the build file keeps for life: marks taken from another file (a restored copy) are void."""
    connection.execute(f"create schema if not exists {PRIVATE_SCHEMA}")
    connection.execute(f"create table if not exists {_IDENTITY} (id varchar)")
    found = connection.execute(f"select id from {_IDENTITY}").fetchone()
    if found:
        return found[0]
    identity = uuid.uuid4().hex
    connection.execute(f"insert into {_IDENTITY} values (?)", [identity])
    return identity


def _tables(connection: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        f"{schema}.{name}"
        for schema, name in connection.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database() "
            "and not temporary and schema_name <> ? order by 1, 2",
            [PRIVATE_SCHEMA],
        ).fetchall()
    ]


def _views(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The build's views, each after the views it reads (the order to create them in)."""
    views = {
        f"{schema}.{name}": sql.rstrip(";")
        for schema, name, sql in connection.execute(
            "select schema_name, view_name, sql from duckdb_views() where database_name = current_database() "
            "and not internal and schema_name <> ?",
            [PRIVATE_SCHEMA],
        ).fetchall()
    }
    reads = {
        name: set(map(table_name, read_tables(sqlglot.parse_one(sql, read=DIALECT)))) for name, sql in views.items()
    }
    order = TopologicalSorter({name: reads[name] & set(views) for name in sorted(views)}).static_order()
    return {name: views[name] for name in order}


def _publish_table(
    connection: duckdb.DuckDBPyConnection,
    name: str,
    before: PublishedTable | None,
    appended_only: bool,
    folder: Path,
    build: Build,
) -> PublishedTable:
    """The table's rows in this build. When its rows only grew since the last publish (`appended_only`: the
    journal names it not, and its row count agrees), the earlier segments plus one of the rows above the last
    mark; when a small table was rewritten with the rows it had, the earlier segments; else one new segment."""
    rows, last_rowid = connection.execute(f"select count(*), coalesce(max(rowid), -1) from {name}").fetchone()
    if before is not None and len(before.segments) < MAX_SEGMENTS:
        if appended_only:
            appended = connection.execute(f"select count(*) from {name} where rowid > {before.last_rowid}").fetchone()[
                0
            ]
            if rows == before.rows + appended:
                if not appended:
                    return before
                query = f"select * from {name} where rowid > {before.last_rowid}"
                return PublishedTable(
                    rows, last_rowid, [*before.segments, _write_segment(connection, query, folder, name, build)]
                )
        elif rows == before.rows and rows <= COMPARED_ROWS and _same_rows(connection, name, before.segments):
            return PublishedTable(rows, last_rowid, before.segments)
    return PublishedTable(rows, last_rowid, [_write_segment(connection, f"select * from {name}", folder, name, build)])


def _same_rows(connection: duckdb.DuckDBPyConnection, name: str, segments: list[str]) -> bool:
    """Whether the table holds the very rows (as a multiset) of the segments."""
    published = f"select * from {_read(segments)}"
    return not connection.execute(
        f"select exists (({published} except all select * from {name}) "
        f"union all (select * from {name} except all {published}))"
    ).fetchone()[0]


def _write_segment(connection: duckdb.DuckDBPyConnection, query: str, folder: Path, name: str, build: Build) -> str:
    path = folder / name / f"{build.build_id:06d}-{uuid.uuid4().hex[:8]}.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    connection.execute(f"copy ({query}) to '{_quoted(path)}' (format parquet, compression zstd)")
    return str(path)


def _write_catalog(connection: duckdb.DuckDBPyConnection, path: Path, builds: list[Build]) -> None:
    """The catalog: a view per table of the newest build, the build's views (sql/sources.sql declares some), the
    history schema, and every comment the build holds."""
    path.unlink(missing_ok=True)
    newest = builds[-1]
    statements = [
        f"create schema if not exists {schema}" for schema in sorted({n.split(".")[0] for n in newest.tables})
    ]
    statements += [
        f"create view {name} as select * from {_read(table.segments)}" for name, table in newest.tables.items()
    ]
    statements += list(newest.views.values())
    statements += _history_statements(builds)
    statements += _comment_statements(connection, connection.execute("select current_database()").fetchone()[0], None)
    with duckdb.connect(str(path)) as catalog:
        catalog.execute("begin")  # one commit: 500 statements committed one by one took twice as long
        catalog.execute("create schema history")
        for name, frame in _ledger(builds).items():
            catalog.register("_ledger", frame).execute(f"create table history.{name} as select * from _ledger")
            catalog.unregister("_ledger")
        catalog.execute(";\n".join(statements))
        _describe_history(catalog)
        catalog.execute("commit")
        catalog.execute("checkpoint")
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


_BUILDS_SCHEMA = {
    "build_id": pl.Int32,
    "built_at": pl.Datetime,
    "articles": pl.Int64,
    "tables": pl.Int32,
    "build_file": pl.String,
}
_VIEWS_SCHEMA = {"build_id": pl.Int32, "view_name": pl.String, "sql": pl.String, "position": pl.Int32}
_TABLES_SCHEMA = {
    "build_id": pl.Int32,
    "table_name": pl.String,
    "rows": pl.Int64,
    "last_rowid": pl.Int64,
    "segments": pl.List(pl.String),
}


def _ledger(builds: list[Build]) -> dict[str, pl.DataFrame]:
    """The rows of history.builds and history.tables."""
    return {
        "builds": pl.DataFrame(
            [[b.build_id, b.built_at, b.articles, len(b.tables), b.build_file] for b in builds],
            schema=_BUILDS_SCHEMA,
            orient="row",
        ),
        "tables": pl.DataFrame(
            [[b.build_id, name, t.rows, t.last_rowid, t.segments] for b in builds for name, t in b.tables.items()],
            schema=_TABLES_SCHEMA,
            orient="row",
        ),
        "views": pl.DataFrame(
            [[b.build_id, name, sql, i] for b in builds for i, (name, sql) in enumerate(b.views.items())],
            schema=_VIEWS_SCHEMA,
            orient="row",
        ),
    }


def _history_statements(builds: list[Build]) -> list[str]:
    newest = builds[-1]
    statements = [sql for table, doc in _LEDGER_DOCS.items() for _, sql in comment_statements(table, doc)]
    for name in sorted(n for n in [*newest.tables, *newest.views] if n.startswith("marts.") or n in HISTORY_TABLES):
        parts = [
            f"select {b.build_id} as build_id, * from "
            + (_read(b.tables[name].segments) if name in b.tables else f"({_as_built(b, name)})")
            for b in builds
            if name in b.tables or name in b.views
        ]
        statements.append(f"create view history.{name.split('.')[1]} as " + " union all by name ".join(parts))
    return statements


def _as_built(build: Build, view: str) -> str:
    """The SELECT of one of the build's views, reading that build's segments (and views) where it named tables."""

    def source(name: str) -> str | None:
        if name in build.tables:
            return f"select * from {_read(build.tables[name].segments)}"
        return _as_built(build, name) if name in build.views else None

    return replace_tables(sqlglot.parse_one(build.views[view], read=DIALECT).expression, source)


def _describe_history(catalog: duckdb.DuckDBPyConnection) -> None:
    """Each history view takes the comments of the table it keeps, and says what build_id is."""
    statements = []
    for view, source, comment in catalog.execute(
        "select 'history.' || h.view_name, t.schema_name || '.' || t.view_name, t.comment from duckdb_views() h "
        "join duckdb_views() t on t.view_name = h.view_name and t.schema_name <> 'history' "
        "where h.schema_name = 'history' and t.comment is not null"
    ).fetchall():
        statements.append(f"comment on view {view} is {_literal(comment + ' As each kept build had it.')}")
        statements.append(f"comment on column {view}.build_id is {_literal(_BUILD_ID)}")
        statements += [
            f"comment on column {view}.{column} is {_literal(text)}"
            for column, text in catalog.execute(
                "select column_name, comment from duckdb_columns() where schema_name || '.' || table_name = ? "
                "and comment is not null",
                [source],
            ).fetchall()
        ]
    if statements:
        catalog.execute(";\n".join(statements))


def _comment_statements(connection: duckdb.DuckDBPyConnection, database: str, tables: list[str] | None) -> list[str]:
    """COMMENT ON statements for the tables' and columns' comments in `database` (every table's when None),
    as views of the catalog when `tables` is None, as tables otherwise."""
    kind = "view" if tables is None else "table"
    found = connection.execute(
        "select schema_name || '.' || table_name, comment from duckdb_tables() "
        "where database_name = ? and comment is not null and schema_name <> ? "
        "union all select schema_name || '.' || view_name, comment from duckdb_views() "
        "where database_name = ? and comment is not null and not internal and schema_name <> ? ",
        [database, PRIVATE_SCHEMA, database, PRIVATE_SCHEMA],
    ).fetchall()
    columns = connection.execute(
        "select schema_name || '.' || table_name, column_name, comment from duckdb_columns() "
        "where database_name = ? and comment is not null and schema_name <> ?",
        [database, PRIVATE_SCHEMA],
    ).fetchall()
    wanted = set(tables) if tables is not None else None
    statements = [
        f"comment on {kind} {name} is {_literal(text)}" for name, text in found if wanted is None or name in wanted
    ]
    statements += [
        f"comment on column {name}.{column} is {_literal(text)}"
        for name, column, text in columns
        if wanted is None or name in wanted
    ]
    return statements


def _read(segments: list[str]) -> str:
    return "read_parquet([" + ", ".join(f"'{_quoted(s)}'" for s in segments) + "])"


def _quoted(path: Path | str) -> str:
    return str(path).replace("'", "''")


def _literal(text: str) -> str:
    return exp.Literal.string(text).sql()
