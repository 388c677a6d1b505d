"""Ingest: read new or changed files in NEWS_ARTICLES_DIR, decode and hash them, quarantine what cannot be read."""

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import polars as pl
from dagster import AssetExecutionContext, AssetKey, MaterializeResult, multi_asset

from orchestration.article_files import Document, list_article_files, read_article_files, read_crashed
from orchestration.assets import table_metadata, table_specs
from orchestration.duckdb_io import ensure_sources, frame_of, insert_frame, written_tables
from orchestration.parallel import map_batches
from orchestration.quarantine import code_version, forget_stale_failures, purge_inactive
from orchestration.rewrites import changed_rows, note_rewritten
from orchestration.sidecars import read_manifest, read_retractions
from orchestration.warehouse import Warehouse

DOCUMENTS = AssetKey(["raw", "documents"])
ARTICLE_FILES = AssetKey(["staging", "article_files"])
ARTICLE_VERSIONS = AssetKey(["staging", "article_versions"])
REJECTED_FILES = AssetKey(["staging", "rejected_files"])
MANIFEST = AssetKey(["staging", "manifest"])
RETRACTIONS = AssetKey(["staging", "retractions"])
INGEST_KEYS = (DOCUMENTS, ARTICLE_FILES, ARTICLE_VERSIONS, REJECTED_FILES, MANIFEST, RETRACTIONS)
WRITE_BATCH = 4000

TABLES = written_tables()


@multi_asset(specs=table_specs(INGEST_KEYS, "ingest", {"python", "duckdb"}))
def ingest_article_files(context: AssetExecutionContext, warehouse: Warehouse):
    """Only files whose size or modification time changed since the last run are read again; a rejected file
    also when the code version changed.

    A removed file removes nothing (the warehouse is the archive); an edited file's old article leaves the
    marts but keeps its text in raw.documents and its history in staging.article_versions. Articles that
    failed under an older code version are forgotten here, so this run parses them again."""
    root = warehouse.articles_path.resolve()
    now = datetime.now(UTC).replace(tzinfo=None)
    with warehouse.connect() as connection:
        ensure_sources(connection)
        forget_stale_failures(connection)
        known = {
            name.split("#")[0]: (size, mtime)
            for name, size, mtime in connection.execute(
                "select file_name, bytes, mtime_ns from staging.article_files union all "
                "select file_name, bytes, mtime_ns from staging.rejected_files where code_version = ?",
                [code_version()],
            ).fetchall()
        }
        known_ids = {row[0] for row in connection.execute("select article_id from raw.documents").fetchall()}
        changed = _changed_files(root, known)
        # Batches of files are read by the workers (the texts of a batch, not of the whole folder, stay in memory)
        batches = [changed[start : start + WRITE_BATCH] for start in range(0, len(changed), WRITE_BATCH)]
        reads = map_batches(
            partial(read_article_files, root, warehouse.max_file_bytes),
            ([path for path, _ in batch] for batch in batches),
            partial(read_crashed, root),
        )
        rejected = []
        n_files = n_documents = 0
        for batch, chunks in zip(batches, reads):
            files, documents = [], []
            for (_, mtime_ns), outcomes in zip(batch, (outcomes for chunk in chunks for outcomes in chunk)):
                for outcome in outcomes:
                    seen = {"bytes": outcome.n_bytes, "first_seen": now, "last_seen": now}
                    if not isinstance(outcome, Document):
                        rejected.append({**vars(outcome), **seen, "mtime_ns": mtime_ns, "code_version": code_version()})
                        continue
                    files.append({**vars(outcome), **seen, "mtime_ns": mtime_ns})
                    if outcome.article_id not in known_ids:
                        known_ids.add(outcome.article_id)
                        documents.append({**vars(outcome), "ingested_at": now})
            n_files, n_documents = n_files + len(files), n_documents + len(documents)
            _write_files(connection, files, documents)
        _upsert(
            connection,
            "staging.rejected_files",
            frame_of(rejected, TABLES["staging.rejected_files"].schema),
            ["reason", "bytes", "content_hash", "last_seen", "stage", "error_class", "mtime_ns", "code_version"],
        )
        manifest, manifest_problems = read_manifest(root)
        retractions, retraction_problems = read_retractions(root)
        changed_rows(connection, "staging.manifest", "delete from staging.manifest")
        insert_frame(connection, "staging.manifest", frame_of(manifest, TABLES["staging.manifest"].schema))
        changed_rows(connection, "staging.retractions", "delete from staging.retractions")
        insert_frame(connection, "staging.retractions", frame_of(retractions, TABLES["staging.retractions"].schema))
        purge_inactive(connection)
        described = table_metadata(connection, INGEST_KEYS)  # with each table's row count
        n_inactive = connection.execute("select count(*) from staging.inactive_articles").fetchone()[0]
    totals = {key: described[key]["dagster/row_count"] for key in INGEST_KEYS}
    for reject in rejected:
        context.log.warning(f"quarantined {reject['file_name']}: {reject['reason']}")
    for problem in manifest_problems + retraction_problems:
        context.log.warning(problem)
    yield MaterializeResult(
        asset_key=DOCUMENTS,
        metadata={**described[DOCUMENTS], "new_documents": n_documents, "documents": totals[DOCUMENTS]},
    )
    yield MaterializeResult(
        asset_key=ARTICLE_FILES,
        metadata={**described[ARTICLE_FILES], "changed_files": n_files, "files": totals[ARTICLE_FILES]},
    )
    yield MaterializeResult(
        asset_key=ARTICLE_VERSIONS,
        metadata={
            **described[ARTICLE_VERSIONS],
            "versions": totals[ARTICLE_VERSIONS],
            "inactive_articles": n_inactive,
        },
    )
    yield MaterializeResult(
        asset_key=REJECTED_FILES,
        metadata={**described[REJECTED_FILES], "new_rejections": len(rejected), "rejected": totals[REJECTED_FILES]},
    )
    yield MaterializeResult(
        asset_key=MANIFEST,
        metadata={**described[MANIFEST], "rows": len(manifest), "skipped_rows": len(manifest_problems)},
    )
    yield MaterializeResult(
        asset_key=RETRACTIONS,
        metadata={**described[RETRACTIONS], "rows": len(retractions), "skipped_rows": len(retraction_problems)},
    )


def _changed_files(root: Path, known: dict[str, tuple[int, int]]) -> list[tuple[Path, int]]:
    """(path, mtime_ns) of the files whose (size, mtime_ns) is not the one recorded under their name."""
    changed = []
    for path in list_article_files(root) if root.is_dir() else []:
        try:
            stat = path.stat()
        except FileNotFoundError:  # removed since the folder was listed: a removal, which removes nothing
            continue
        if known.get(path.relative_to(root).as_posix()) != (stat.st_size, stat.st_mtime_ns):
            changed.append((path, stat.st_mtime_ns))
    return changed


def _write_files(connection, files: list[dict], documents: list[dict]) -> None:
    """Record a batch of read files (names, versions) and their new documents; a name that reads well now
    leaves the quarantine."""
    _upsert(
        connection,
        "staging.article_files",
        frame_of(files, TABLES["staging.article_files"].schema),
        ["article_id", "content_hash", "bytes", "mtime_ns", "format", "encoding", "last_seen"],
    )
    connection.register("_versions", frame_of(files, TABLES["staging.article_versions"].schema))
    connection.execute("insert or ignore into staging.article_versions select * from _versions")
    changed_rows(
        connection,
        "staging.rejected_files",
        "delete from staging.rejected_files where file_name in (select file_name from _versions)",
    )
    connection.unregister("_versions")
    insert_frame(connection, "raw.documents", frame_of(documents, TABLES["raw.documents"].schema))


def _upsert(connection, table: str, frame: pl.DataFrame, update: list[str]) -> None:
    """Insert rows keyed by file_name, keeping first_seen of names seen before."""
    if frame.is_empty():
        return
    connection.register("_rows", frame)
    try:
        assignments = ", ".join(f"{column} = excluded.{column}" for column in update)
        columns = ", ".join(frame.columns)
        if connection.execute(f"select count(*) from {table} semi join _rows using (file_name)").fetchone()[0]:
            note_rewritten(connection, [table])  # names seen before: their rows are updated in place
        connection.execute(
            f"insert into {table} ({columns}) select {columns} from _rows "
            f"on conflict (file_name) do update set {assignments}"
        )
    finally:
        connection.unregister("_rows")
