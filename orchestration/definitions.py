"""The Dagster code location: assets by layer, audits as checks, the sensor, the schedule and the jobs."""

from __future__ import annotations

import warnings

from dagster import (
    AssetSpec,
    BetaWarning,
    Definitions,
    MetadataValue,
    in_process_executor,
    map_asset_specs,
    with_source_code_references,
)

from orchestration.assets import column_schema
from orchestration.assets.charts import handover_timeline_chart
from orchestration.assets.extraction import extract_mentions
from orchestration.assets.ingest import ingest_article_files
from orchestration.assets.models import MODELS, sql_models
from orchestration.assets.publish import published_warehouse
from orchestration.assets.reference import reference_data
from orchestration.assets.staging import parse_articles
from orchestration.automation import article_folder_sensor, daily_schedule, ingest_new_job, rebuild_everything_job
from orchestration.duckdb_io import TableDoc, source_docs, written_tables
from orchestration.warehouse import Warehouse

TABLE_DOCS = {**source_docs(), **{model.name: TableDoc(model.summary, model.columns) for model in MODELS}}
TABLE_TYPES = {name: table.types for name, table in written_tables().items()}


def with_column_schema(spec: AssetSpec) -> AssetSpec:
    """A table's described columns (SQL model headers, sql/sources.sql) as its column schema in the UI. A
    Python-written table's types are declared in sql/sources.sql; a model's are '?' here, since only the built
    table knows them, and its materialization carries them."""
    name = ".".join(spec.key.path)
    doc = TABLE_DOCS.get(name)
    if doc is None:
        return spec
    types = TABLE_TYPES.get(name) or {column: "?" for column, text in doc.columns.items() if text}
    if not types:
        return spec
    return spec.merge_attributes(
        metadata={"dagster/column_schema": MetadataValue.table_schema(column_schema(types, doc.columns))}
    )


# Each asset links to the Python that builds it (SQL models and reference tables also to their file): the UI
# opens it from the asset's page. Local links only: the repository has no hosting URL that
# link_code_references_to_git could point at.
with warnings.catch_warnings(action="ignore", category=BetaWarning):  # a beta API, stable enough for a link
    ASSETS = with_source_code_references(
        [
            ingest_article_files,
            parse_articles,
            extract_mentions,
            reference_data,
            sql_models,
            handover_timeline_chart,
            published_warehouse,
        ]
    )
ASSETS = map_asset_specs(with_column_schema, ASSETS)

# In-process: every step writes the same DuckDB build file, which admits one writer at a time.
defs = Definitions(
    assets=ASSETS,
    jobs=[ingest_new_job, rebuild_everything_job],
    sensors=[article_folder_sensor],
    schedules=[daily_schedule],
    resources={"warehouse": Warehouse.from_env()},
    executor=in_process_executor,
)
