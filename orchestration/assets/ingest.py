"""Ingest: read new or changed files in NEWS_ARTICLES_DIR, decode and hash them, quarantine what cannot be read."""

from datetime import datetime, timezone

import polars as pl
from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, multi_asset

from orchestration.article_files import Document, list_article_files, read_article_file
from orchestration.duckdb_io import ensure_sources, frame_of, insert_frame
from orchestration.manifest import read_manifest
from orchestration.warehouse import Warehouse

DOCUMENTS = AssetKey(["raw", "documents"])
ARTICLE_FILES = AssetKey(["staging", "article_files"])
REJECTED_FILES = AssetKey(["staging", "rejected_files"])
MANIFEST = AssetKey(["staging", "manifest"])

_FILE_SCHEMA = {"file_name": pl.String, "article_id": pl.String, "content_hash": pl.String, "bytes": pl.Int64,
                "mtime_ns": pl.Int64, "format": pl.String, "encoding": pl.String, "first_seen": pl.Datetime,
                "last_seen": pl.Datetime}
_REJECTED_SCHEMA = {"file_name": pl.String, "reason": pl.String, "bytes": pl.Int64, "content_hash": pl.String,
                    "first_seen": pl.Datetime, "last_seen": pl.Datetime}
_MANIFEST_SCHEMA = {"file_name": pl.String, "outlet": pl.String, "url": pl.String, "published_date": pl.Date}
_DOCUMENT_SCHEMA = {"article_id": pl.String, "file_name": pl.String, "format": pl.String, "text": pl.String,
                    "ingested_at": pl.Datetime}


@multi_asset(
    specs=[
        AssetSpec(DOCUMENTS, group_name="ingest", kinds={"python", "duckdb"},
                  description="Decoded text of every distinct article (by content), first file name kept."),
        AssetSpec(ARTICLE_FILES, group_name="ingest", kinds={"python", "duckdb"},
                  description="Every file name seen, with its content hash and article_id (two names, one article)."),
        AssetSpec(REJECTED_FILES, group_name="ingest", kinds={"python", "duckdb"},
                  description="Files that cannot become articles, with a reason a person can act on."),
        AssetSpec(MANIFEST, group_name="ingest", kinds={"csv", "duckdb"},
                  description="manifest.csv beside the articles (file_name, outlet, url, published_date): overrides the text."),
    ],
)
def ingest_article_files(context: AssetExecutionContext, warehouse: Warehouse):
    """Only files whose size or modification time changed since the last run are read again."""
    root = warehouse.articles_path
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    with warehouse.connect() as connection:
        ensure_sources(connection)
        known = {name: (size, mtime) for name, size, mtime in
                 connection.execute("select file_name, bytes, mtime_ns from staging.article_files").fetchall()}
        known_ids = {row[0] for row in connection.execute("select article_id from raw.documents").fetchall()}
        files, rejected, documents = [], [], []
        for path in list_article_files(root) if root.is_dir() else []:
            stat = path.stat()
            name = path.relative_to(root.resolve()).as_posix() if path.is_relative_to(root.resolve()) else path.name
            if known.get(name) == (stat.st_size, stat.st_mtime_ns):
                continue
            outcome = read_article_file(root.resolve(), path)
            if not isinstance(outcome, Document):
                rejected.append({**vars(outcome), "bytes": outcome.n_bytes, "first_seen": now, "last_seen": now})
                continue
            files.append({**vars(outcome), "bytes": outcome.n_bytes, "mtime_ns": stat.st_mtime_ns,
                          "first_seen": now, "last_seen": now})
            if outcome.article_id not in known_ids:
                known_ids.add(outcome.article_id)
                documents.append({**vars(outcome), "ingested_at": now})
        _upsert(connection, "staging.article_files", frame_of(files, _FILE_SCHEMA),
                ["article_id", "content_hash", "bytes", "mtime_ns", "format", "encoding", "last_seen"])
        _upsert(connection, "staging.rejected_files", frame_of(rejected, _REJECTED_SCHEMA),
                ["reason", "bytes", "content_hash", "last_seen"])
        if files:
            connection.register("_changed", pl.DataFrame({"file_name": [f["file_name"] for f in files]}))
            connection.execute("delete from staging.rejected_files where file_name in (select file_name from _changed)")
            connection.unregister("_changed")
        insert_frame(connection, "raw.documents", frame_of(documents, _DOCUMENT_SCHEMA))
        manifest, problems = read_manifest(root)
        connection.execute("delete from staging.manifest")
        insert_frame(connection, "staging.manifest", frame_of(manifest, _MANIFEST_SCHEMA))
        totals = dict(zip(("documents", "files", "rejected"), connection.execute(
            "select (select count(*) from raw.documents), (select count(*) from staging.article_files), "
            "(select count(*) from staging.rejected_files)").fetchone()))
    for reject in rejected:
        context.log.warning(f"quarantined {reject['file_name']}: {reject['reason']}")
    for problem in problems:
        context.log.warning(problem)
    yield MaterializeResult(asset_key=DOCUMENTS, metadata={"new_documents": len(documents), "documents": totals["documents"]})
    yield MaterializeResult(asset_key=ARTICLE_FILES, metadata={"changed_files": len(files), "files": totals["files"]})
    yield MaterializeResult(asset_key=REJECTED_FILES, metadata={"new_rejections": len(rejected), "rejected": totals["rejected"]})
    yield MaterializeResult(asset_key=MANIFEST, metadata={"rows": len(manifest), "skipped_rows": len(problems)})


def _upsert(connection, table: str, frame: pl.DataFrame, update: list[str]) -> None:
    """Insert rows keyed by file_name, keeping first_seen of files seen before."""
    if frame.is_empty():
        return
    connection.register("_rows", frame)
    try:
        assignments = ", ".join(f"{column} = excluded.{column}" for column in update)
        columns = ", ".join(frame.columns)
        connection.execute(f"insert into {table} ({columns}) select {columns} from _rows "
                           f"on conflict (file_name) do update set {assignments}")
    finally:
        connection.unregister("_rows")
