"""Staging: parse new documents into articles, sentences with offsets, and flagged page furniture (Polars)."""

from collections import Counter
from datetime import datetime, timezone

import polars as pl
from dagster import AssetExecutionContext, AssetKey, AssetSpec, Config, MaterializeResult, multi_asset

from orchestration.article_parsing import ParsedArticle, parse_article
from orchestration.assets.ingest import DOCUMENTS, MANIFEST
from orchestration.duckdb_io import ensure_sources, frame_of, replace_articles
from orchestration.parallel import map_chunks
from orchestration.publication import infer_published_date
from orchestration.warehouse import SQL_DIR, Warehouse

APPLY_MANIFEST_SQL = SQL_DIR / "operations" / "apply_manifest.sql"

ARTICLES = AssetKey(["staging", "articles"])
SENTENCES = AssetKey(["staging", "sentences"])
FURNITURE = AssetKey(["staging", "page_furniture"])

_ARTICLE_SCHEMA = {"article_id": pl.String, "file_name": pl.String, "title": pl.String, "outlet": pl.String,
                   "outlet_source": pl.String, "url": pl.String, "format": pl.String, "published_date": pl.Date, "published_source": pl.String,
                   "published_confidence": pl.Float64, "byline": pl.String, "wires": pl.List(pl.String),
                   "text": pl.String, "ingested_at": pl.Datetime}
_SENTENCE_SCHEMA = {"article_id": pl.String, "sentence_id": pl.Int32, "paragraph_id": pl.Int32, "text": pl.String,
                    "char_start": pl.Int32, "char_end": pl.Int32, "is_title": pl.Boolean}
_FURNITURE_SCHEMA = {"article_id": pl.String, "line_no": pl.Int32, "text": pl.String, "reason": pl.String,
                     "char_start": pl.Int32, "char_end": pl.Int32}


class RefreshConfig(Config):
    """full_refresh re-reads every current article: for changed parsing rules or reference data."""

    full_refresh: bool = False


def apply_format_metadata(article: ParsedArticle, title, outlet, url, published) -> ParsedArticle:
    """Metadata that HTML or JSON carry beats what the text suggests (the manifest beats both, later)."""
    if title:
        article.title = title
    if outlet:
        article.outlet, article.outlet_source = outlet, "metadata"
    if url:
        article.url = url
    if published:
        article.published_date, article.published_source, article.published_confidence = published, "metadata", 1.0
    return article


def parse_chunk(rows: list[tuple]) -> list[tuple[tuple, ParsedArticle]]:
    """(document row, parsed article) for a chunk of raw.documents rows: one worker's share."""
    return [(row, apply_format_metadata(parse_article(row[3]), *row[4:])) for row in rows]


def corpus_year(connection) -> int | None:
    """The most common publication year in the warehouse: the year for dates of articles that give none
    (the mode, so one late look-back article does not move every undated article a year on)."""
    return connection.execute("select mode(year(published_date)) from staging.articles").fetchone()[0]


@multi_asset(
    specs=[
        AssetSpec(ARTICLES, group_name="staging", deps=[DOCUMENTS, MANIFEST], kinds={"polars", "duckdb"},
                  description="One row per article: title, outlet, publication date (with source and confidence), byline, text."),
        AssetSpec(SENTENCES, group_name="staging", deps=[DOCUMENTS, MANIFEST], kinds={"polars", "duckdb"},
                  description="Body sentences with char offsets into staging.articles.text; furniture excluded."),
        AssetSpec(FURNITURE, group_name="staging", deps=[DOCUMENTS, MANIFEST], kinds={"polars", "duckdb"},
                  description="Page furniture lines (menus, share bars, captions, footers...) with the reason they were flagged."),
    ],
)
def parse_articles(context: AssetExecutionContext, config: RefreshConfig, warehouse: Warehouse):
    """Documents not yet parsed are parsed once (all of them on a full refresh); an article's rows are replaced
    as a whole."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    with warehouse.connect() as connection:
        ensure_sources(connection)
        if config.full_refresh:
            connection.execute("delete from staging.articles")
        new = connection.execute(
            "select d.article_id, d.file_name, d.format, d.text, d.title, d.outlet, d.url, d.published_date "
            "from raw.documents d anti join staging.articles a using (article_id) "
            "where d.article_id not in (select article_id from staging.inactive_articles) order by d.article_id").fetchall()
        parsed = [pair for chunk in map_chunks(parse_chunk, new) for pair in chunk]
        explicit_years = [p.published_date.year for _, p in parsed if p.published_date]
        year_counts = Counter(explicit_years) + Counter(dict(connection.execute(
            "select year(published_date), count(*) from staging.articles where published_date is not null group by 1").fetchall()))
        fallback = year_counts.most_common(1)[0][0] if year_counts else None
        articles, sentences, furniture = [], [], []
        for (article_id, file_name, fmt, text, *_), article in parsed:
            if article.published_date is None:
                body = [s.text for s in article.sentences if not s.is_title]
                article.published_date, article.published_confidence = infer_published_date(body, fallback)
                article.published_source = "inferred" if article.published_date else None
            articles.append({**vars(article), "article_id": article_id, "file_name": file_name, "format": fmt,
                             "text": text, "ingested_at": now})
            sentences += [{**vars(s), "article_id": article_id} for s in article.sentences]
            furniture += [{**vars(f), "article_id": article_id} for f in article.furniture]
        ids = [row[0] for row in new]
        articles_frame = frame_of(articles, _ARTICLE_SCHEMA).with_columns(
            word_count=pl.col("text").str.count_matches(r"\S+").cast(pl.Int32))
        replace_articles(connection, "staging.articles", articles_frame, ids)
        replace_articles(connection, "staging.sentences", frame_of(sentences, _SENTENCE_SCHEMA), ids)
        replace_articles(connection, "staging.page_furniture", frame_of(furniture, _FURNITURE_SCHEMA), ids)
        connection.execute(APPLY_MANIFEST_SQL.read_text(encoding="utf-8"))
        total = connection.execute("select count(*) from staging.articles").fetchone()[0]
    yield MaterializeResult(asset_key=ARTICLES, metadata={"new_articles": len(articles), "articles": total})
    yield MaterializeResult(asset_key=SENTENCES, metadata={"new_sentences": len(sentences)})
    yield MaterializeResult(asset_key=FURNITURE, metadata={"new_furniture_lines": len(furniture)})
