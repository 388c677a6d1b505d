"""Reference data: every CSV under seeds/reference becomes a table reference.<name>."""

import polars as pl
from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, multi_asset

from orchestration.assets import source_file
from orchestration.duckdb_io import ensure_sources
from orchestration.reference import REFERENCE_DIR, reference_digest, reference_tables
from orchestration.rewrites import note_rewritten
from orchestration.warehouse import Warehouse


def reference_key(name: str) -> AssetKey:
    return AssetKey(["reference", name])


@multi_asset(
    specs=[
        AssetSpec(
            reference_key(name),
            group_name="reference",
            kinds={"csv", "duckdb"},
            code_version=reference_digest(name),
            description=f"seeds/reference/{name}.csv, loaded as is.",
            metadata=source_file(REFERENCE_DIR / f"{name}.csv", "reference data"),
        )
        for name in reference_tables()
    ],
    can_subset=True,
)
def reference_data(context: AssetExecutionContext, warehouse: Warehouse):
    """Reloaded whole each time: reference files are small and reviewed like code."""
    with warehouse.connect() as connection:
        ensure_sources(connection)
        for key in sorted(context.selected_asset_keys, key=lambda k: k.path):
            name = key.path[-1]
            frame = pl.read_csv(REFERENCE_DIR / f"{name}.csv", infer_schema=False)
            connection.register("_reference", frame)
            connection.execute(f"create or replace table reference.{name} as select * from _reference")
            note_rewritten(connection, [f"reference.{name}"])
            connection.unregister("_reference")
            yield MaterializeResult(asset_key=key, metadata={"rows": frame.height})
