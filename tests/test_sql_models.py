import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration import model_builds
from orchestration.duckdb_io import ensure_sources
from orchestration.model_builds import Build, build_model, fingerprint_articles
from orchestration.sql_models import ModelError, incremental_audit_sql, load_models, materialize_sql, referenced_tables
from orchestration.warehouse import PROJECT_ROOT, SQL_DIR
from tests.conftest import build_warehouse, same_rows

HEADER = "-- A model.\n-- grain: one row per thing\n"


def write(root: Path, layer: str, name: str, sql: str) -> None:
    (root / layer).mkdir(parents=True, exist_ok=True)
    (root / layer / f"{name}.sql").write_text(HEADER + sql)


def with_project_audits(root: Path) -> Path:
    """A model tree reads its audit kinds from its own `audits/`: a temporary tree gets the project's."""
    shutil.copytree(SQL_DIR / "audits", root / "audits")
    return root


def test_cte_names_are_not_tables():
    sql = "with recent as (select * from staging.articles), x as (select * from recent) select * from x join reference.entities using (id)"
    assert referenced_tables(sql) == {"staging.articles", "reference.entities"}


def test_subquery_and_alias_do_not_hide_tables():
    sql = "select * from (select * from staging.sentences) as s where exists (select 1 from staging.articles a where a.id = s.id)"
    assert referenced_tables(sql) == {"staging.sentences", "staging.articles"}


def test_models_come_in_dependency_order(tmp_path):
    write(tmp_path, "marts", "b", "select * from intermediate.a")
    write(tmp_path, "intermediate", "a", "select * from staging.articles")
    models = load_models(tmp_path, {"staging.articles"})
    assert [m.name for m in models] == ["intermediate.a", "marts.b"]
    assert models[1].depends_on == ("intermediate.a",)


def test_unknown_table_fails_loudly(tmp_path):
    write(tmp_path, "marts", "b", "select * from staging.nowhere")
    with pytest.raises(ModelError, match="unknown table.*staging.nowhere"):
        load_models(tmp_path, {"staging.articles"})


def test_cycle_fails_loudly(tmp_path):
    write(tmp_path, "intermediate", "a", "select * from marts.b")
    write(tmp_path, "marts", "b", "select * from intermediate.a")
    with pytest.raises(ModelError, match="cycle"):
        load_models(tmp_path, set())


def test_duplicate_name_fails_loudly(tmp_path):
    write(tmp_path, "staging", "articles", "select 1 as x")
    with pytest.raises(ModelError, match="duplicate"):
        load_models(tmp_path, {"staging.articles"})


def test_header_needs_grain(tmp_path):
    (tmp_path / "marts").mkdir()
    (tmp_path / "marts" / "x.sql").write_text("-- no grain here\nselect 1")
    with pytest.raises(ModelError, match="grain"):
        load_models(tmp_path, set())


@pytest.mark.parametrize(
    ("setting", "error"),
    [
        ("-- materialized: view\n-- incremental: article_id\n", "cannot also be incremental"),
        ("-- materialized: cte\n", "'view'"),
    ],
)
def test_a_view_model_is_not_incremental_and_no_other_kind_is_read(tmp_path, setting, error):
    (tmp_path / "marts").mkdir()
    (tmp_path / "marts" / "x.sql").write_text(HEADER + setting + "select article_id from staging.articles")
    with pytest.raises(ModelError, match=error):
        load_models(tmp_path, {"staging.articles"})


def test_a_model_turns_from_table_to_view_and_back(tmp_path):
    """DuckDB replaces a table only by a table: a model whose kind changed drops its old object (and the ledger of
    what an incremental table held) instead of failing every build after the change."""
    write(tmp_path, "marts", "x", "-- incremental: article_id\nselect article_id from staging.articles")
    (table,) = load_models(tmp_path, {"staging.articles"})
    write(tmp_path, "marts", "x", "-- materialized: view\nselect article_id from staging.articles")
    (view,) = load_models(tmp_path, {"staging.articles"})
    kinds = "select table_type from information_schema.tables where table_name = 'x'"
    with duckdb.connect() as connection:
        ensure_sources(connection)
        connection.execute("insert into staging.articles (article_id) values ('a'), ('b')")
        fingerprint_articles(connection)
        for model, kind in [(table, "BASE TABLE"), (view, "VIEW"), (table, "BASE TABLE")]:
            build_model(connection, model, "v1", full_refresh=False)
            assert connection.execute(kinds).fetchall() == [(kind,)]
            assert connection.execute("select count(*) from marts.x").fetchone() == (2,)
            ledger = connection.execute("select count(*) from staging.model_articles").fetchone()[0]
            assert ledger == (2 if kind == "BASE TABLE" else 0)


def test_a_column_description_runs_on_over_the_lines_after_it(tmp_path):
    (tmp_path / "marts").mkdir()
    (tmp_path / "marts" / "x.sql").write_text(
        "-- X, one line\n-- and another.\n-- grain: one row per id\n-- column id: the id, which\n-- goes on here\n"
        "-- column n: a count\n\n-- a comment on the query\nselect 1 as id, 2 as n"
    )
    (model,) = load_models(tmp_path, set())
    assert model.description == "X, one line and another."
    assert model.columns == {"id": "the id, which goes on here", "n": "a count"}


def test_audits_are_read_from_the_header(tmp_path):
    write(tmp_path, "marts", "x", "select 1 as id")
    path = tmp_path / "marts" / "x.sql"
    path.write_text(
        "-- X.\n-- grain: one row per id\n-- audit: unique(id)\n-- audit: accepted_values(id, 1, 2)\nselect 1 as id"
    )
    (model,) = load_models(with_project_audits(tmp_path), set())
    assert [a.name for a in model.audits] == ["unique", "accepted_values_id"]
    assert "having count(*) > 1" in model.audits[0].sql


def test_unique_audit_returns_each_repeated_key_with_its_count(tmp_path):
    (tmp_path / "marts").mkdir()
    (tmp_path / "marts" / "x.sql").write_text(
        "-- X.\n-- grain: one row per a, b\n-- audit: unique(a, b)\nselect 1 as a, 1 as b"
    )
    (model,) = load_models(with_project_audits(tmp_path), set())
    connection = duckdb.connect()
    connection.execute("create schema marts")
    connection.execute(
        "create table marts.x as select * from (values (1, 'p'), (1, 'p'), (1, 'q'), (2, 'p'), "
        "(2, null), (2, null), (null, null), (3, 'r'), (3, 'r'), (3, 'r')) as t(a, b)"
    )
    bad = connection.execute(f"select a, b, n from ({model.audits[0].sql}) order by all").fetchall()
    assert bad == [(1, "p", 2), (2, None, 2), (3, "r", 3)]


def test_an_incremental_audit_reads_only_the_rows_its_build_wrote(tmp_path):
    """Old rows passed their audits when they were written: an incremental run's audit finds a duplicate among
    its own rows and not one it did not write."""
    (tmp_path / "intermediate").mkdir()
    (tmp_path / "intermediate" / "titles.sql").write_text(
        "-- Titles.\n-- grain: one row per article_id, title\n-- incremental: article_id\n-- audit: unique(article_id, title)\n"
        "select article_id, title from staging.articles"
    )
    (model,) = load_models(with_project_audits(tmp_path), {"staging.articles"})
    connection = duckdb.connect()
    ensure_sources(connection)

    def add_article_and_build(article_id: str) -> Build:
        connection.execute("insert into staging.articles (article_id, title) values (?, 'a title')", [article_id])
        fingerprint_articles(connection)
        return build_model(connection, model, "v1", full_refresh=False)

    def bad_rows(built: Build) -> list[tuple]:
        return connection.execute(
            f"select * from ({incremental_audit_sql(model, model.audits[0], built.last_old_row)})"
        ).fetchall()

    assert add_article_and_build("a1").articles is None  # the first build creates the table whole
    connection.execute("insert into intermediate.titles values ('a1', 'a title')")  # an old duplicate
    connection.begin()
    built = add_article_and_build("a2")
    assert built.articles == 1 and bad_rows(built) == []
    connection.execute("insert into intermediate.titles values ('a2', 'a title')")  # a duplicate of this run's
    assert bad_rows(built) == [("a2", "a title", 2)]


def audited(root: Path, audit_lines: str, rows: str) -> tuple[duckdb.DuckDBPyConnection, list]:
    """Model marts.x of `rows` (columns a, b) with the audits of `audit_lines`, built: (connection, audits)."""
    write(root, "marts", "x", f"{audit_lines}select * from (values {rows}) as t(a, b)")
    (model,) = load_models(root, set())
    connection = duckdb.connect()
    connection.execute("create schema marts")
    connection.execute(materialize_sql(model))
    return connection, model.audits


def test_a_new_audit_kind_is_a_file_and_needs_no_python(tmp_path):
    (tmp_path / "audits").mkdir()
    (tmp_path / "audits" / "positive.sql").write_text(
        "-- positive(a, b): every listed column is above zero.\n-- blocking: no\n-- A warning, for the test.\n"
        "select @columns from @this_model where @any(@column <= 0)\n"
    )
    connection, (audit,) = audited(tmp_path, "-- audit: positive(a, b)\n", "(1, 2), (0, 5), (3, -1), (4, null)")
    assert (audit.name, audit.blocking, audit.whole_table) == ("positive", False, False)
    assert audit.sql == "select a, b from marts.x where a <= 0 or b <= 0"
    assert connection.execute(audit.sql).fetchall() == [(0, 5), (3, -1)]
    model = load_models(tmp_path, set())[0]
    assert connection.execute(incremental_audit_sql(model, audit, 1)).fetchall() == [(3, -1)]  # rows 2 and 3


def test_the_project_audits_take_their_parameters_from_the_header(tmp_path):
    """A value is a quoted literal, never a placeholder; not_null checks every column it names; not_empty warns
    and reads the whole table on an incremental run."""
    connection, (values, not_null, not_empty) = audited(
        with_project_audits(tmp_path),
        "-- audit: accepted_values(a, it's, x@y)\n-- audit: not_null(a, b)\n-- audit: not_empty\n",
        "('it''s', 1), ('x@y', null), ('z', 2), (null, 3)",
    )
    assert connection.execute(values.sql).fetchall() == [("z", 2)]
    assert connection.execute(not_null.sql).fetchall() == [("x@y", None), (None, 3)]
    assert (values.blocking, not_null.blocking, not_empty.blocking, not_empty.whole_table) == (True, True, False, True)
    model = load_models(tmp_path, set())[0]
    assert incremental_audit_sql(model, not_empty, 0) == not_empty.sql


@pytest.mark.parametrize(
    ("audit_file", "error"),
    [
        (None, r"unknown audit kind 'odd' \(no file .*audits/odd.sql\)"),
        ("-- odd: no blocking line.\nselect * from @this_model", "blocking: yes"),
        ("-- blocking: yes\nselect * from @table", "odd.sql: unknown placeholder '@table'"),
        ("-- blocking: yes\nselect (1 from @this_model", "odd.sql: audit 'odd' of marts.x does not parse"),
    ],
)
def test_a_missing_or_broken_audit_file_fails_loading_with_the_file_named(tmp_path, audit_file, error):
    if audit_file is not None:
        (tmp_path / "audits").mkdir()
        (tmp_path / "audits" / "odd.sql").write_text(audit_file)
    write(tmp_path, "marts", "x", "-- audit: odd(a)\nselect 1 as a")
    with pytest.raises(ModelError, match=error):
        load_models(tmp_path, set())


def test_no_model_matches_words_with_ascii_only_classes():
    """DuckDB's regular expressions read \\w, \\W and \\b as ASCII: "подписано" has no word character and "ı" ends
    a word. Models write letters of every script as [\\pL\\pN_]."""
    offenders = [
        f"{path.relative_to(SQL_DIR)}:{number}"
        for path in sorted(SQL_DIR.rglob("*.sql"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if not line.lstrip().startswith("--") and any(token in line for token in ("\\w", "\\W", "\\b"))
    ]
    assert offenders == []
    assert duckdb.sql(r"select regexp_extract_all('подписано ночью', '[\pL\pN_]+')").fetchone()[0] == [
        "подписано",
        "ночью",
    ]


def test_an_incremental_model_built_whole_in_batches_has_the_rows_of_one_statement(
    tmp_path, monkeypatch, seeds_warehouse
):
    """A full build of an incremental model runs batch by batch of articles (memory and time stay linear at
    100,000 articles); its rows are those of one statement over all articles, here in batches of two."""
    monkeypatch.setattr(model_builds, "FULL_BUILD_BATCH", 2)
    batched = build_warehouse(monkeypatch, PROJECT_ROOT / "seeds" / "articles", tmp_path / "news.duckdb")
    with duckdb.connect() as connection:
        connection.execute(f"attach '{seeds_warehouse}' as whole (read_only)")
        connection.execute(f"attach '{batched}' as batched (read_only)")
        names = [
            f"{schema}.{name}"
            for schema, name in connection.execute(
                "select schema_name, view_name from duckdb_views() where database_name = 'whole' "
                "and schema_name in ('intermediate', 'marts') order by 1, 2"
            ).fetchall()
        ]
        assert "intermediate.handover_statements" in names
        for name in names:
            assert same_rows(connection, f"whole.{name}", f"batched.{name}"), f"{name}: built in batches, rows differ"
