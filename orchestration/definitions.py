"""The Dagster code location: assets by layer, audits as checks, the sensor, the schedule and the jobs."""

from __future__ import annotations

from dagster import Definitions, in_process_executor

from orchestration.assets.charts import handover_timeline_chart
from orchestration.assets.extraction import extract_mentions
from orchestration.assets.ingest import ingest_article_files
from orchestration.assets.models import sql_models
from orchestration.assets.publish import published_warehouse
from orchestration.assets.reference import reference_data
from orchestration.assets.staging import parse_articles
from orchestration.automation import article_folder_sensor, daily_schedule, ingest_new_job, rebuild_everything_job
from orchestration.warehouse import Warehouse

# In-process: every step writes the same DuckDB build file, which admits one writer at a time.
defs = Definitions(
    assets=[ingest_article_files, parse_articles, extract_mentions, reference_data, sql_models, handover_timeline_chart,
            published_warehouse],
    jobs=[ingest_new_job, rebuild_everything_job],
    sensors=[article_folder_sensor],
    schedules=[daily_schedule],
    resources={"warehouse": Warehouse.from_env()},
    executor=in_process_executor,
)
