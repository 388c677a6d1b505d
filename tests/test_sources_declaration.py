"""sql/sources.sql is the one declaration of the Python-written tables: the assets that write them, their Polars
schemas, their descriptions and the purge of inactive articles all follow from it."""

import shutil

import duckdb
import polars as pl
from dagster import AssetKey, AssetsDefinition

from orchestration.definitions import defs
from orchestration.duckdb_io import written_tables
from orchestration.quarantine import purge_inactive


def test_every_table_names_the_assets_that_write_it_and_gives_their_description():
    assets = {a.node_def.name: a for a in defs.assets if isinstance(a, AssetsDefinition)}
    for name, table in written_tables().items():
        assert set(table.writers) <= set(assets), name
        key = AssetKey(name.split("."))
        owners = [node for node, a in assets.items() if key in a.keys]
        if owners:  # a table that is an asset itself: its writer materialises it, described as sources.sql says
            assert owners[0] in table.writers, name
            assert assets[owners[0]].specs_by_key[key].description == table.doc.description


def test_polars_schemas_are_the_types_of_the_built_tables(seeds_db):
    with duckdb.connect() as connection:
        for name, table in written_tables().items():
            connection.register("frame", pl.DataFrame(schema=table.schema))
            as_stored = connection.execute("select column_name, column_type from (describe select * from frame)")
            built = seeds_db.execute(
                "select column_name, data_type from duckdb_columns() where schema_name = ? and "
                "table_name = ? order by column_index",
                name.split("."),
            ).fetchall()
            assert as_stored.fetchall() == built == list(table.types.items()), name


def test_the_purge_empties_exactly_the_per_article_tables(seeds_warehouse, tmp_path):
    """With every article retracted, the per-article tables are emptied and the others keep every row. On a copy
    of the build file: the published one is a catalog of views."""
    shutil.copyfile(seeds_warehouse.parent / ".build" / seeds_warehouse.name, tmp_path / "news.duckdb")
    tables = written_tables()

    def counts(connection) -> dict[str, int]:
        return {name: connection.execute(f"select count(*) from {name}").fetchone()[0] for name in tables}

    with duckdb.connect(str(tmp_path / "news.duckdb")) as connection:
        before = counts(connection)
        connection.execute("insert into staging.retractions select null, article_id, 'test' from staging.articles")
        purge_inactive(connection)
        after = counts(connection)
    per_article = {name for name, table in tables.items() if table.per_article}
    assert per_article and all(before[name] for name in per_article)
    assert {name for name in tables if after[name] != before[name]} - {"staging.retractions"} == per_article
    assert all(after[name] == 0 for name in per_article)
