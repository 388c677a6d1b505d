"""The SQL models of sql/: one Dagster asset per model, run in dependency order on one connection."""

import time

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    MaterializeResult,
    MetadataValue,
    multi_asset,
)

from orchestration.assets import materialization_metadata, source_file
from orchestration.assets.staging import RefreshConfig
from orchestration.duckdb_io import ensure_sources, source_tables
from orchestration.model_builds import build_model, document_model, fingerprint_articles, model_versions
from orchestration.reference import reference_tables
from orchestration.sql_models import SqlModel, incremental_audit_sql, load_models
from orchestration.warehouse import SQL_DIR, Warehouse


def model_key(table: str) -> AssetKey:
    return AssetKey(table.split("."))


def known_sources() -> set[str]:
    """Tables that exist before any model runs: the Python assets' tables and the reference tables."""
    return source_tables() | {f"reference.{name}" for name in reference_tables()}


MODELS: list[SqlModel] = load_models(SQL_DIR, known_sources())
VERSIONS: dict[str, str] = model_versions(MODELS)


def _spec(model: SqlModel) -> AssetSpec:
    return AssetSpec(
        model_key(model.name),
        group_name=model.layer,
        kinds={"sql", "duckdb"},
        code_version=VERSIONS[model.name],
        description=f"{model.description}\n\nGrain: {model.grain}",
        deps=[model_key(d) for d in model.depends_on],
        metadata={
            "sql": MetadataValue.md(f"```sql\n{model.sql}\n```"),
            "path": str(model.path.relative_to(SQL_DIR.parent)),
            "grain": model.grain,
            "incremental": bool(model.incremental_key),
            **source_file(model.path, "SQL model"),
        },
    )


@multi_asset(
    specs=[_spec(model) for model in MODELS],
    check_specs=[
        AssetCheckSpec(audit.name, asset=model_key(model.name), blocking=audit.blocking, description=audit.sql)
        for model in MODELS
        for audit in model.audits
    ],
    can_subset=True,
)
def sql_models(context: AssetExecutionContext, config: RefreshConfig, warehouse: Warehouse):
    """Selected models in dependency order (incremental ones only for articles that came or went; all of it on
    a full refresh). Each model is its own transaction, committed once its audits pass: the next model then
    reads committed tables rather than the whole step's uncommitted writes, which at 100,000 articles no longer
    fit DuckDB's memory (the step took 80 s instead of 63). A failed blocking audit rolls its model back (an
    incremental model retries those rows next run) and stops the step before any model downstream reads it,
    so nothing gets published."""
    selected = context.selected_asset_keys
    with warehouse.connect() as connection:
        ensure_sources(connection)
        fingerprint_articles(connection)
        for model in MODELS:
            key = model_key(model.name)
            if key not in selected:
                continue
            started = time.perf_counter()
            built = build_model(connection, model, VERSIONS[model.name], config.full_refresh)
            types = document_model(connection, model)
            seconds = round(time.perf_counter() - started, 3)
            run = "full" if built.articles is None else f"incremental: {built.articles} articles"
            described = materialization_metadata(connection, model.name, types, model.columns)
            yield MaterializeResult(asset_key=key, metadata={**described, "run": run, "seconds": seconds})
            failed: list[str] = []
            for audit in model.audits:
                sql = audit.sql if built.articles is None else incremental_audit_sql(model, audit, built.last_old_row)
                bad = connection.execute(f"select count(*) from ({sql})").fetchone()[0]
                if bad and audit.blocking:
                    failed.append(f"{model.name}:{audit.name} ({bad} bad rows)")
                severity = AssetCheckSeverity.ERROR if audit.blocking else AssetCheckSeverity.WARN
                yield AssetCheckResult(
                    asset_key=key, check_name=audit.name, passed=bad == 0, severity=severity, metadata={"bad_rows": bad}
                )
            if failed:  # inside the model's transaction: it rolls back, so its rows are retried and re-audited
                raise RuntimeError(f"audits failed: {', '.join(failed)}")
            connection.commit()
            connection.begin()
