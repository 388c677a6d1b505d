"""Publish: after every other asset of the run succeeded, atomically replace NEWS_WAREHOUSE_PATH."""

import time

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, asset

from orchestration.assets.models import MODELS, model_key
from orchestration.snapshots import written_by
from orchestration.warehouse import Warehouse

PUBLISHED = AssetKey(["published_warehouse"])


@asset(key=PUBLISHED, group_name="publish", kinds={"duckdb", "parquet"}, deps=[model_key(m.name) for m in MODELS])
def published_warehouse(context: AssetExecutionContext, warehouse: Warehouse) -> MaterializeResult:
    """The file analysts open: a catalog of views over the build's Parquet segments, renamed over the previous
    one. Its metadata says what the publish cost: seconds, and the segments (files, bytes) it wrote."""
    started = time.perf_counter()
    build = warehouse.publish()
    seconds = time.perf_counter() - started
    written = written_by(build)
    return MaterializeResult(
        metadata={
            "path": str(warehouse.published_path),
            "build_id": build.build_id,
            "publish_seconds": round(seconds, 3),
            "segments_written": len(written),
            "bytes_written": sum(path.stat().st_size for path in written),
            "catalog_bytes": warehouse.published_path.stat().st_size,
        }
    )
