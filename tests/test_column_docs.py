"""Column descriptions: every mart and staging column is commented in the published file, a description of a
column the model lacks fails its build, and the UI gets each table's column schema and row count."""

import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import AssetKey, DagsterInstance, materialize

from orchestration.assets.models import sql_models
from orchestration.build import build
from orchestration.definitions import defs
from orchestration.duckdb_io import written_tables
from orchestration.model_builds import build_model, document_model
from orchestration.sql_models import ModelError, load_model
from orchestration.warehouse import PROJECT_ROOT, Warehouse

DOCUMENTED = "schema_name in ('raw', 'staging', 'marts')"


def test_every_mart_and_staging_column_and_table_has_a_comment(seeds_db):
    undocumented = seeds_db.execute(
        "select schema_name || '.' || table_name || '.' || column_name from duckdb_columns() "
        f"where {DOCUMENTED} and coalesce(trim(comment), '') = '' order by 1"
    ).fetchall()
    assert undocumented == []
    tables = seeds_db.execute(
        f"select schema_name || '.' || table_name, comment from duckdb_tables() where {DOCUMENTED} "
        f"union all select schema_name || '.' || view_name, comment from duckdb_views() where {DOCUMENTED}"
    ).fetchall()
    assert len(tables) > 20 and [name for name, comment in tables if not comment] == []
    assert seeds_db.execute(
        "select comment from duckdb_columns() where schema_name = 'marts' and "
        "table_name = 'district_handover_status' and column_name = 'district'"
    ).fetchone() == ("the district's canonical name",)


def _model(tmp_path: Path, header: str) -> Path:
    path = tmp_path / "marts" / "tiny.sql"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        f"-- A tiny model. Its second sentence is left out of the table comment.\n-- grain: one row\n"
        f"{header}select 1 as district, 'x' as status\n",
        encoding="utf-8",
    )
    return path


def test_column_descriptions_become_comments_and_a_missing_column_fails_the_build(tmp_path):
    documented = load_model(_model(tmp_path, "-- column district: the district's name\n"), "marts")
    misspelt = load_model(_model(tmp_path, "-- column district: its name\n-- column distrcit: a typo\n"), "marts")
    with duckdb.connect() as connection:
        connection.execute("create schema marts")
        build_model(connection, documented, "v1", full_refresh=True)
        assert document_model(connection, documented) == {"district": "INTEGER", "status": "VARCHAR"}
        assert connection.execute(
            "select column_name, comment from duckdb_columns() where table_name = 'tiny'"
        ).fetchall() == [("district", "the district's name"), ("status", None)]
        assert connection.execute("select comment from duckdb_tables() where table_name = 'tiny'").fetchone() == (
            "A tiny model.",
        )
        build_model(connection, misspelt, "v2", full_refresh=True)
        with pytest.raises(ModelError, match="tiny.sql: describes column.s. distrcit"):
            document_model(connection, misspelt)


@pytest.mark.parametrize("line", ["-- column district the name\n", "-- column district: a\n-- column district: b\n"])
def test_an_unreadable_or_repeated_column_line_fails_loading(tmp_path, line):
    with pytest.raises(ModelError, match="column <name>: <description>"):
        load_model(_model(tmp_path, line), "marts")


def test_asset_definitions_carry_every_built_column_with_its_description(seeds_db):
    graph = defs.get_repository_def().asset_graph
    keys = [key for key in graph.materializable_asset_keys if key.path[0] in ("raw", "staging", "marts")]
    assert len(keys) > 20
    for key in keys:
        schema = graph.get(key).metadata["dagster/column_schema"].schema
        built = seeds_db.execute(
            "select column_name, comment from duckdb_columns() where schema_name = ? and table_name = ?", key.path
        ).fetchall()
        assert {column.name: column.description for column in schema.columns} == dict(built), key
        if ".".join(key.path) in written_tables():  # declared in sql/sources.sql: typed before any build
            types = seeds_db.execute(
                "select column_name, data_type from duckdb_columns() where schema_name = ? and table_name = ?",
                key.path,
            ).fetchall()
            assert {column.name: column.type for column in schema.columns} == dict(types), key


def test_a_model_materialization_reports_its_row_count_and_typed_columns(seeds_warehouse, tmp_path):
    shutil.copyfile(seeds_warehouse, tmp_path / "news.duckdb")  # the build starts from this copy, not the seeds'
    timeline = AssetKey(["marts", "handover_timeline"])
    result = materialize(
        [sql_models],
        selection=[timeline],
        instance=DagsterInstance.ephemeral(),
        resources={"warehouse": Warehouse(warehouse_path=str(tmp_path / "news.duckdb"))},
    )
    [materialization] = result.asset_materializations_for_node("sql_models")
    with duckdb.connect(str(seeds_warehouse), read_only=True) as connection:
        rows = connection.execute("select count(*) from marts.handover_timeline").fetchone()[0]
    assert materialization.metadata["dagster/row_count"].value == rows > 0
    columns = materialization.metadata["dagster/column_schema"].schema.columns
    assert [(c.name, c.type) for c in columns][:3] == [
        ("district", "VARCHAR"),
        ("event_type", "VARCHAR"),
        ("event_date", "DATE"),
    ]
    assert all(column.description for column in columns)


def test_a_python_written_table_materialization_reports_its_row_count_and_typed_columns(tmp_path, monkeypatch):
    """The UI shows the row count and the described columns of ingest, parse and extraction tables too."""
    monkeypatch.setenv("NEWS_ARTICLES_DIR", str(PROJECT_ROOT / "seeds" / "articles"))
    monkeypatch.setenv("NEWS_WAREHOUSE_PATH", str(tmp_path / "news.duckdb"))
    instance = DagsterInstance.ephemeral()
    assert build(instance)
    with duckdb.connect(str(tmp_path / "news.duckdb"), read_only=True) as connection:
        for name in ("raw.documents", "staging.sentences", "staging.date_mentions"):
            event = instance.get_latest_materialization_event(AssetKey(name.split(".")))
            metadata = event.asset_materialization.metadata
            rows = connection.execute(f"select count(*) from {name}").fetchone()[0]
            assert metadata["dagster/row_count"].value == rows > 0, name
            columns = metadata["dagster/column_schema"].schema.columns
            assert all(column.type != "?" and column.description for column in columns), name
