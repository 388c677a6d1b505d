"""The published snapshot: views over Parquet segments that hold what the build holds, written incrementally,
with the last NEWS_KEEP_BUILDS builds queryable; and the journal that makes the incremental writes exact."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import duckdb

from orchestration import warehouse
from orchestration.rewrites import changed_rows, forget_rewritten, rewritten_tables
from orchestration.warehouse import PROJECT_ROOT, Warehouse
from tests.conftest import build_warehouse, mart_snapshot, same_rows

UNSEEN = PROJECT_ROOT / "tests" / "fixtures" / "unseen"
SEEDS = PROJECT_ROOT / "seeds" / "articles"


def readme_history_queries() -> list[str]:
    """The README's queries of the history: what the warehouse said on a day, what changed between builds."""
    section = (
        (PROJECT_ROOT / "README.md").read_text(encoding="utf-8").split("### What the warehouse said on a given day")[1]
    )
    block = re.search(r"```sql\n(.*?)```", section, re.DOTALL).group(1)
    return [statement for statement in block.split(";") if statement.strip()]


def tables_of(connection: duckdb.DuckDBPyConnection, database: str, kind: str) -> list[str]:
    catalog = "duckdb_tables()" if kind == "table" else "duckdb_views()"
    name = "table_name" if kind == "table" else "view_name"
    return [
        row[0]
        for row in connection.execute(
            f"select schema_name || '.' || {name} from {catalog} where database_name = ? "
            "and schema_name not in ('publish', 'history') and not internal order by 1",
            [database],
        ).fetchall()
    ]


def assert_published_equals_build(published: Path) -> None:
    """Every table and view of the build file, as a multiset of rows, is its view in the published catalog."""
    with duckdb.connect() as connection:
        connection.execute(f"attach '{Warehouse().build_path}' as build (read_only)")
        connection.execute(f"attach '{published}' as snapshot (read_only)")
        tables = tables_of(connection, "build", "table") + tables_of(connection, "build", "view")
        assert "marts.event_timeline" in tables and set(tables) <= set(tables_of(connection, "snapshot", "view"))
        for table in tables:
            assert same_rows(connection, f"build.{table}", f"snapshot.{table}"), f"{table}: the published view differs"


def segments(published: Path, table: str) -> list[str]:
    with duckdb.connect(str(published), read_only=True) as connection:
        return connection.execute(
            "select segments from history.tables where table_name = ? and build_id = "
            "(select max(build_id) from history.builds)",
            [table],
        ).fetchone()[0]


def test_incremental_publishes_equal_a_full_build_after_adds_edits_removals_and_retractions(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    published = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    assert_published_equals_build(published)
    sentences = segments(published, "staging.sentences")

    for path in sorted(UNSEEN.glob("0*.txt")):  # adds only: appended rows, new segments for them alone
        shutil.copy(path, articles)
    build_warehouse(monkeypatch, articles, published)
    assert_published_equals_build(published)
    assert segments(published, "staging.sentences")[:-1] == sentences, "an add-only run rewrote a per-article table"

    first_seed = sorted(articles.glob("000_*.txt"))[0]
    first_seed.write_text(first_seed.read_text() + "\nAzerbaijani troops entered Lachin on 1 December 2020.\n")
    removed = sorted(UNSEEN.glob("0*.txt"))[0]
    (articles / removed.name).unlink()  # removes nothing: the warehouse is the archive (README)
    build_warehouse(monkeypatch, articles, published)  # an edit and a removal
    assert_published_equals_build(published)

    retracted = sorted(p.name for p in SEEDS.glob("*.txt"))[1]
    (articles / "retractions.csv").write_text(f"file_name,reason\n{retracted},test\n")
    build_warehouse(monkeypatch, articles, published)
    assert_published_equals_build(published)

    shutil.copytree(articles, tmp_path / "archive")
    shutil.copy(removed, tmp_path / "archive")
    full = build_warehouse(monkeypatch, tmp_path / "archive", tmp_path / "full" / "news.duckdb")
    assert mart_snapshot(published) == mart_snapshot(full)


def test_the_last_builds_stay_queryable_and_older_segments_go(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_KEEP_BUILDS", "2")
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    published = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    first_status = segments(published, "marts.district_handover_status")
    for path in sorted(UNSEEN.glob("*.txt")):
        shutil.copy(path, articles)
    build_warehouse(monkeypatch, articles, published)
    (articles / "retractions.csv").write_text(
        "file_name,reason\n" + "".join(f"{p.name},test\n" for p in sorted(UNSEEN.glob("*.txt")))
    )
    build_warehouse(monkeypatch, articles, published)

    with duckdb.connect(str(published), read_only=True) as connection:
        builds = connection.execute("select build_id, articles from history.builds order by build_id").fetchall()
        assert [b for b, _ in builds] == [2, 3], "two builds kept"
        assert builds[0][1] > builds[1][1] == len(list(SEEDS.glob("*.txt")))
        held = connection.execute("select build_id, count(*) from history.articles group by 1 order by 1").fetchall()
        assert held == builds
        per_build = dict(
            connection.execute(
                "select build_id, count(*) from history.handover_events group by 1 order by 1"
            ).fetchall()
        )
        assert (
            per_build[2]
            > per_build[3]
            == connection.execute("select count(*) from marts.handover_events").fetchone()[0]
        )
        as_of, changes = readme_history_queries()
        tomorrow = connection.execute("select max(built_at)::date + 1 from history.builds").fetchone()[0]
        as_of_tomorrow = as_of.replace("date '2020-11-23'", f"date '{tomorrow}'")
        assert as_of_tomorrow != as_of
        assert (
            connection.execute(as_of_tomorrow).fetchall()
            == connection.execute(
                "select district, status, scheduled_date, handed_over_date from marts.district_handover_status "
                "order by district"
            ).fetchall()
        )
        assert connection.execute(as_of).fetchall() == [], "no build was published before 23 November 2020"
        changed = connection.execute(changes).fetchall()
        assert {side for side, *_ in changed} == {"before", "last"}, "retractions changed the status"
        described = connection.execute(
            "select count(*) from duckdb_columns() where schema_name = 'history' and comment is null"
        ).fetchone()[0]
        assert described == 0, "every history column is described"
    assert not any(Path(segment).exists() for segment in first_status), "the first build's status is gone"
    on_disk = {str(p) for p in published.with_name("news.duckdb.parts").glob("*/*.parquet")}
    with duckdb.connect(str(published), read_only=True) as connection:
        read = {s for (files,) in connection.execute("select segments from history.tables").fetchall() for s in files}
    assert on_disk == read, "only the kept builds' segments are on disk"


def test_a_view_mart_is_kept_as_each_build_computed_it(tmp_path, monkeypatch):
    """marts.event_timeline and marts.claim_statements are views (their sources and counts move with the
    clusters): their history reads each build's own segments through that build's own SQL, not today's tables."""
    views = ("event_timeline", "claim_statements")
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    published = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    first = mart_snapshot(published)
    for path in sorted(UNSEEN.glob("*.txt")):
        shutil.copy(path, articles)
    build_warehouse(monkeypatch, articles, published)
    now = mart_snapshot(published)
    with duckdb.connect(str(published), read_only=True) as connection:
        kept = {name for (name,) in connection.execute("select view_name from history.views").fetchall()}
        assert {f"marts.{view}" for view in views} <= kept
        for view in views:
            assert connection.execute(
                "select count(*) from duckdb_views() where schema_name = 'marts' and view_name = ?", [view]
            ).fetchone() == (1,)
            history = [
                sorted(
                    connection.execute(
                        f"select * exclude (build_id) from history.{view} where build_id = ?", [b]
                    ).fetchall(),
                    key=repr,
                )
                for b in (1, 2)
            ]
            assert history == [first[view], now[view]] and first[view] != now[view], view


def test_reference_tables_are_reloaded_only_when_their_file_changed(tmp_path, monkeypatch):
    """A reloaded table counts as rewritten, and the publish compares it with its published rows: 25 tables each
    run. An unchanged file keeps its table; a changed one (here: its recorded digest no longer matches the file)
    is reloaded, and only that one reaches the journal the publish acts on."""
    acted_on: list[set[str]] = []

    def forget(connection, tables):
        acted_on.append(set(tables))
        forget_rewritten(connection, tables)

    monkeypatch.setattr(warehouse, "forget_rewritten", forget)
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    published = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    with duckdb.connect(str(Warehouse().build_path)) as connection:
        connection.execute("update publish.reference_digests set digest = 'an older file' where name = 'era_phrases'")
    shutil.copy(sorted(UNSEEN.glob("*.txt"))[0], articles)  # a run with something to do
    build_warehouse(monkeypatch, articles, published)
    first, second = ({name for name in tables if name.startswith("reference.")} for tables in acted_on)
    assert len(first) > 20 and second == {"reference.era_phrases"}
    assert_published_equals_build(published)


def test_a_file_published_whole_by_an_earlier_version_is_carried_over(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    published = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    build_file = Warehouse().build_path
    shutil.copyfile(build_file, tmp_path / "legacy.duckdb")
    shutil.rmtree(build_file.parent)
    shutil.rmtree(published.with_name("news.duckdb.parts"))
    (tmp_path / "legacy.duckdb").replace(published)  # a complete database, as the copy-and-rename publish left it
    shutil.copy(sorted(UNSEEN.glob("*.txt"))[0], articles)
    build_warehouse(monkeypatch, articles, published)
    with duckdb.connect(str(published), read_only=True) as connection:
        assert connection.execute("select count(*) from staging.articles").fetchone()[0] == 6
        assert connection.execute("select count(*) from history.builds").fetchone()[0] == 1


# Statements that change rows other than by appending them: each must note its table (orchestration/rewrites.py).
CHANGING = re.compile(
    r"\b(delete\s+from|update\s+[\w.]+(\s+as\s+\w+)?\s+set|do\s+update|create\s+or\s+replace\s+table|drop\s+table|"
    r"truncate|alter\s+table)\b",
    re.IGNORECASE,
)
NOTING = {"note_rewritten", "changed_rows", "run_operation"}


def called(function: ast.FunctionDef) -> set[str]:
    return {
        node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        for node in ast.walk(function)
        if isinstance(node, ast.Call)
    }


def changes_rows(function: ast.FunctionDef) -> bool:
    texts = [n.value for n in ast.walk(function) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return any(CHANGING.search(text) for text in texts)


def test_every_statement_that_changes_rows_notes_its_table():
    """A function that runs a changing statement (its own text, one a helper composes, or an operations file)
    notes the table in it."""
    modules = [
        ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted((PROJECT_ROOT / "orchestration").rglob("*.py"))
        if path.name != "rewrites.py"  # the journal itself
    ]
    functions = [(tree, n) for tree in modules for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    running = {"execute", "executemany"}
    composers = {f.name for _, f in functions if changes_rows(f) and not called(f) & (running | NOTING)}
    unnoted = []
    for tree, function in functions:
        operations = {  # names of sql/operations files: only run_operation may run them
            target.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and "operations" in ast.unparse(node.value)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        runs_operation = any(isinstance(n, ast.Name) and n.id in operations for n in ast.walk(function))
        calls = called(function)
        changing = (changes_rows(function) and calls & running) or calls & composers or runs_operation
        if changing and not calls & NOTING:
            unnoted.append(function.name)
    assert unnoted == [], "statements that change rows without noting their table"


def test_a_change_is_noted_with_the_lowest_rowid_it_touched():
    connection = duckdb.connect()
    connection.execute("create schema s; create table s.t as select range as i from range(10)")
    update = "update s.t as a set i = -1 from (select 7 as k) as d where a.i = d.k"
    assert changed_rows(connection, "s.t", update) == 1
    assert rewritten_tables(connection) == {"s.t": 7}, "only rows from rowid 7 on changed"
    assert changed_rows(connection, "s.t", "delete from s.t where i > 100") == 0
    assert changed_rows(connection, "s.t", "delete from s.t where i = ? or i = 3", [-1]) == 2
    assert rewritten_tables(connection) == {"s.t": 3}
