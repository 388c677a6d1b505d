"""Publish: after every other asset of the run succeeded, atomically replace NEWS_WAREHOUSE_PATH."""

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, asset

from orchestration.assets.models import MODELS, model_key
from orchestration.warehouse import Warehouse

PUBLISHED = AssetKey(["published_warehouse"])


@asset(key=PUBLISHED, group_name="publish", kinds={"duckdb"}, deps=[model_key(m.name) for m in MODELS])
def published_warehouse(context: AssetExecutionContext, warehouse: Warehouse) -> MaterializeResult:
    """The file analysts open: a complete copy of the build, renamed over the previous one."""
    path = warehouse.publish()
    return MaterializeResult(metadata={"path": str(path), "bytes": path.stat().st_size})
