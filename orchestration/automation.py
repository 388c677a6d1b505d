"""Jobs, the article-folder sensor and the daily schedule.

A Dagster run costs seconds, so the sensor never asks for a run per file: each tick asks for at most one
run covering every file created or changed since its cursor, keyed by their content hashes.
"""

from __future__ import annotations

import hashlib
import json
import os

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    ScheduleDefinition,
    SensorEvaluationContext,
    SkipReason,
    define_asset_job,
    sensor,
)

from orchestration.article_files import content_hash, list_article_files
from orchestration.sidecars import SIDECAR_NAMES
from orchestration.warehouse import Warehouse

SENSOR_INTERVAL_SECONDS = 15
ingest_new_job = define_asset_job(
    "ingest_new",
    selection=AssetSelection.all(),
    description="Ingest new or changed article files, extract them, rebuild the SQL models and publish. "
    "What the sensor and the schedule run.",
)
_FULL_REFRESH = {"config": {"full_refresh": True}}
rebuild_everything_job = define_asset_job(
    "rebuild_everything",
    selection=AssetSelection.all(),
    config={"ops": {"parse_articles": _FULL_REFRESH, "extract_mentions": _FULL_REFRESH, "sql_models": _FULL_REFRESH}},
    description="Re-parse and re-extract every current article, rebuild every SQL model whole and publish: "
    "after changes to reference data, parsing or extraction rules.",
)
daily_schedule = ScheduleDefinition(
    name="daily_reingest",
    job=ingest_new_job,
    cron_schedule=os.environ.get("NEWS_REINGEST_CRON", "0 6 * * *"),
    default_status=DefaultScheduleStatus.RUNNING,
    description="Fallback re-ingestion once a day.",
)


def changed_files(warehouse: Warehouse, after_ns: int) -> tuple[list[str], int]:
    """Content hashes of files whose inode changed after `after_ns` (creation, copy or edit), and the newest ctime.
    A file over ingest's size cap is not read: its name, size and ctime stand for its content."""
    root = warehouse.articles_path
    hashes, newest = [], after_ns
    sidecars = [root / name for name in sorted(SIDECAR_NAMES) if (root / name).is_file()]
    for path in (list_article_files(root) + sidecars) if root.is_dir() else []:
        stat = path.stat()
        if stat.st_ctime_ns > after_ns:
            hashes.append(
                content_hash(path.read_bytes())
                if stat.st_size <= warehouse.max_file_bytes
                else content_hash(f"{path}:{stat.st_size}:{stat.st_ctime_ns}".encode())
            )
            newest = max(newest, stat.st_ctime_ns)
    return sorted(hashes), newest


@sensor(
    job=ingest_new_job,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=DefaultSensorStatus.RUNNING,
    description="One run for all new or changed files in NEWS_ARTICLES_DIR.",
)
def article_folder_sensor(context: SensorEvaluationContext):
    cursor = json.loads(context.cursor) if context.cursor else {"ctime_ns": 0}
    hashes, newest = changed_files(Warehouse.from_env(), cursor["ctime_ns"])
    if not hashes:
        return SkipReason("no new or changed article files")
    context.update_cursor(json.dumps({"ctime_ns": newest}))
    run_key = hashlib.sha256("\n".join(hashes).encode()).hexdigest()[:32]
    return RunRequest(run_key=run_key, tags={"news/files": str(len(hashes))})
