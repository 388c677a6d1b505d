"""Staging: parse new documents into articles, sentences with offsets, and flagged page furniture (Polars)."""

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from functools import partial
from operator import attrgetter
from typing import NamedTuple

import polars as pl
from dagster import AssetExecutionContext, AssetKey, Config, MaterializeResult, multi_asset

from orchestration.article_parsing import ParsedArticle, Sentence, newest_year, parse_article
from orchestration.assets import table_metadata, table_specs
from orchestration.assets.ingest import DOCUMENTS, MANIFEST
from orchestration.duckdb_io import (
    article_ids_as,
    delete_articles,
    ensure_sources,
    frame_of,
    insert_frame,
    written_tables,
)
from orchestration.parallel import map_batches
from orchestration.progress import Progress
from orchestration.publication import DatingEvidence, date_from_evidence, dating_evidence
from orchestration.quarantine import Failure, PipelineBug, failure, log_failures, quarantine
from orchestration.rewrites import changed_rows, run_operation
from orchestration.warehouse import SQL_DIR, Warehouse

APPLY_MANIFEST_SQL = SQL_DIR / "operations" / "apply_manifest.sql"
PARSE_BATCH = 4000

ARTICLES = AssetKey(["staging", "articles"])
SENTENCES = AssetKey(["staging", "sentences"])
FURNITURE = AssetKey(["staging", "page_furniture"])

TABLES = written_tables()
# word_count is counted on the frame, not read from the parsed article
_ARTICLE_SCHEMA = {c: t for c, t in TABLES["staging.articles"].schema.items() if c != "word_count"}
_SENTENCE_SCHEMA = TABLES["staging.sentences"].schema
_FURNITURE_SCHEMA = TABLES["staging.page_furniture"].schema


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


class ParsedDocument(NamedTuple):
    """A worker's result for one document: its sentences and furniture as table rows, which cross the process
    boundary and become frames far faster than dataclasses do; the article keeps only its metadata."""

    row: tuple  # the raw.documents row
    article: ParsedArticle
    sentences: list[tuple]  # in _SENTENCE_SCHEMA order
    furniture: list[tuple]  # in _FURNITURE_SCHEMA order
    dating: DatingEvidence | None  # when the article states no date: what the inference reads


_SENTENCE_VALUES = attrgetter(*list(_SENTENCE_SCHEMA)[1:])
_FURNITURE_VALUES = attrgetter(*list(_FURNITURE_SCHEMA)[1:])


def parse_chunk(rows: list[tuple]) -> list[ParsedDocument | Failure]:
    """Parsed documents for a chunk of raw.documents rows: one worker's share. A document whose parse raises
    becomes a Failure: it alone is quarantined."""
    parsed = []
    for row in rows:
        try:
            parsed.append(_parse_document(row))
        except PipelineBug:
            raise
        except Exception as error:  # noqa: BLE001 - one article's failure must not stop the others
            parsed.append(failure(row[0], "parse", error))
    return parsed


def parse_crashed(row: tuple, error: BaseException) -> list[Failure]:
    """parse_chunk's result for a document whose worker process died parsing it."""
    return [failure(row[0], "parse", error)]


def _parse_document(row: tuple) -> ParsedDocument:
    article_id, article = row[0], apply_format_metadata(parse_article(row[3]), *row[4:])
    check_sentence_offsets(article_id, row[3], article.sentences)
    undated = (
        _evidence((s.text for s in article.sentences if not s.is_title), row[3])
        if article.published_date is None
        else None
    )
    sentences = [(article_id, *_SENTENCE_VALUES(s)) for s in article.sentences]
    furniture = [(article_id, *_FURNITURE_VALUES(f)) for f in article.furniture]
    article.sentences, article.furniture = [], []
    return ParsedDocument(row, article, sentences, furniture, undated)


EARLIEST_PUBLICATION_YEAR = 1980  # earliest_plausible of sql/intermediate/corpus_dates.sql, built after this step


def plausible_years() -> tuple[int, int]:
    """Publication years that may set the corpus year: a '0001-01-01' in a manifest or a '9999-12-31' in a
    feed's metadata stays the article's date, but must not date every other article's day-and-month dates."""
    return EARLIEST_PUBLICATION_YEAR, date.today().year + 1


def corpus_year(connection) -> int | None:
    """The most common plausible publication year in the warehouse: the year for dates of articles that give
    none (the mode, so one late look-back article does not move every undated article a year on)."""
    return connection.execute(
        "select mode(year(published_date)) from staging.articles where year(published_date) between ? and ?",
        list(plausible_years()),
    ).fetchone()[0]


@multi_asset(
    specs=table_specs((ARTICLES, SENTENCES, FURNITURE), "staging", {"polars", "duckdb"}, deps=[DOCUMENTS, MANIFEST]),
)
def parse_articles(context: AssetExecutionContext, config: RefreshConfig, warehouse: Warehouse):
    """Documents not yet parsed are parsed once (all of them on a full refresh), in batches so memory stays
    bounded by a batch; an article's rows are replaced as a whole. Undated articles get their inferred date
    last, once the years of the whole run are known."""
    now = datetime.now(UTC).replace(tzinfo=None)
    with warehouse.connect() as connection:
        ensure_sources(connection)
        if config.full_refresh:
            changed_rows(connection, "staging.articles", "delete from staging.articles")
        new_ids = [
            row[0]
            for row in connection.execute(
                "select d.article_id from raw.documents d anti join staging.articles a using (article_id) "
                "where d.article_id not in (select article_id from staging.inactive_articles) order by d.article_id"
            ).fetchall()
        ]
        earliest, latest = plausible_years()
        earlier_years = Counter(
            dict(
                connection.execute(
                    "select year(published_date), count(*) from staging.articles where year(published_date) between ? and ? "
                    "group by 1",
                    [earliest, latest],
                ).fetchall()
            )
        )
        years, undated, counts = Counter(), {}, Counter()
        # Rows left from an earlier version of these articles (a changed file, a full refresh) go first.
        delete_articles(connection, ["staging.sentences", "staging.page_furniture"], new_ids)
        batches = [new_ids[start : start + PARSE_BATCH] for start in range(0, len(new_ids), PARSE_BATCH)]
        documents = (_documents(connection, ids) for ids in batches)  # read as the workers take them
        progress = Progress(context.log.info, "parsed", len(new_ids))
        for chunks, ids in zip(map_batches(parse_chunk, documents, parse_crashed), batches):
            batch = _write_batch(connection, chunks, now)
            progress.advance(len(ids))
            years.update(year for year in batch.years if earliest <= year <= latest)
            undated |= batch.undated
            counts.update(batch.counts)
        fallback = (years + earlier_years).most_common(1)[0][0] if years or earlier_years else None
        _infer_publication_dates(connection, undated, fallback)
        run_operation(connection, APPLY_MANIFEST_SQL.read_text(encoding="utf-8"))
        log_failures(context, connection, "parse", now)
        described = table_metadata(connection, (ARTICLES, SENTENCES, FURNITURE))
    yield MaterializeResult(
        asset_key=ARTICLES,
        metadata={
            **described[ARTICLES],
            "new_articles": counts["articles"],
            "articles": described[ARTICLES]["dagster/row_count"],
            "failed_articles": counts["failed"],
        },
    )
    yield MaterializeResult(
        asset_key=SENTENCES, metadata={**described[SENTENCES], "new_sentences": counts["sentences"]}
    )
    yield MaterializeResult(
        asset_key=FURNITURE, metadata={**described[FURNITURE], "new_furniture_lines": counts["furniture"]}
    )


class ParsedBatch(NamedTuple):
    years: list[int]  # explicit publication years, in article order
    undated: dict[str, DatingEvidence]  # of articles that state no date
    counts: Counter


def _documents(connection, ids: list[str]) -> list[tuple]:
    """The raw.documents rows of a batch, in parse_chunk's order of columns."""
    with article_ids_as(connection, "_batch", ids):
        return connection.execute(
            "select d.article_id, d.file_name, d.format, d.text, d.title, d.outlet, d.url, d.published_date "
            "from raw.documents d semi join _batch using (article_id) order by d.article_id"
        ).fetchall()


def _write_batch(connection, chunks: list[list[ParsedDocument]], now: datetime) -> ParsedBatch:
    """Write one parsed batch's articles, sentences and furniture rows."""
    articles, sentences, furniture, years, undated, failures = [], [], [], [], {}, []
    for document in (parsed for chunk in chunks for parsed in chunk):
        if isinstance(document, Failure):
            failures.append(document)
            continue
        (article_id, file_name, fmt, text, *_), article = document.row, document.article
        if document.dating is not None:
            undated[article_id] = document.dating
        else:
            years.append(article.published_date.year)
        articles.append(
            {
                **vars(article),
                "article_id": article_id,
                "file_name": file_name,
                "format": fmt,
                "text": text,
                "ingested_at": now,
            }
        )
        sentences += document.sentences
        furniture += document.furniture
    articles_frame = frame_of(articles, _ARTICLE_SCHEMA).with_columns(
        word_count=pl.col("text").str.count_matches(r"\S+").cast(pl.Int32)
    )
    insert_frame(connection, "staging.articles", articles_frame)
    insert_frame(connection, "staging.sentences", pl.DataFrame(sentences, _SENTENCE_SCHEMA, orient="row"))
    insert_frame(connection, "staging.page_furniture", pl.DataFrame(furniture, _FURNITURE_SCHEMA, orient="row"))
    quarantine(connection, failures, now)
    return ParsedBatch(
        years,
        undated,
        Counter(articles=len(articles), sentences=len(sentences), furniture=len(furniture), failed=len(failures)),
    )


def check_sentence_offsets(article_id: str, text: str, sentences: list[Sentence]) -> None:
    """Fail the run (its transactions roll back) on a parser bug rather than publish false evidence: a sentence
    that is not its article's text at its offsets. A PipelineBug, not a quarantine: it says nothing about the
    article, and quarantining would let a broken parser empty the warehouse one article at a time. Checked in
    the worker, where the text is at hand: the evidence audits of the SQL models check evidence against its
    sentence, so the sentence must be exact."""
    misplaced = [
        (article_id, s.sentence_id, s.char_start, s.char_end)
        for s in sentences
        if not 0 <= s.char_start < s.char_end <= len(text) or text[s.char_start : s.char_end] != s.text
    ]
    if misplaced:
        raise PipelineBug(
            f"{len(misplaced)} sentences are not their article's text at their offsets, "
            f"first (article_id, sentence_id, char_start, char_end): {misplaced[0]}"
        )


def infer_chunk(
    fallback: int | None, undated: Sequence[tuple[str, DatingEvidence]]
) -> list[tuple[str, date, float, str]]:
    """(article_id, date, confidence, source) of the undated articles that can be dated: one worker's share."""
    return [(article_id, *found) for article_id, evidence in undated if (found := _dated(evidence, fallback))[0]]


def _stays_undated(item: tuple[str, DatingEvidence], error: BaseException) -> list:
    """infer_chunk's result for an article whose worker process died dating it: no date."""
    return []


YEAR_GUESSED = 0.7  # the confidence of a header date read without its year, in the corpus year


def _dated(evidence: DatingEvidence, fallback: int | None) -> tuple[date | None, float | None, str]:
    """A header date the parse could not read for want of a year, read with the corpus year (its confidence
    YEAR_GUESSED); else the inference from weekdays and stated dates."""
    if evidence.text is not None and fallback and (header := parse_article(evidence.text, fallback)).published_date:
        return header.published_date, YEAR_GUESSED, header.published_source
    return *date_from_evidence(evidence, fallback), "inferred"


def date_again(connection, article_ids: list[str], year: int) -> None:
    """Date the undated articles again, as _infer_publication_dates does, with `year` for their days without one
    (the year the corpus writes those days in: see extraction's _years_the_corpus_writes); an article that no
    weekday then agrees with stays undated."""
    with article_ids_as(connection, "_again", article_ids):
        texts = connection.execute(
            "select article_id, text from staging.articles semi join _again using (article_id)"
        ).fetchall()
        body: dict[str, list[str]] = {article_id: [] for article_id, _ in texts}
        for article_id, text in connection.execute(
            "select article_id, text from staging.sentences semi join _again using (article_id) "
            "where not is_title order by article_id, sentence_id"
        ).fetchall():
            body[article_id].append(text)
    rows = []
    for article_id, text in texts:
        day, confidence, source = _dated(_evidence(body[article_id], text), year)
        rows.append((article_id, day, confidence if day else None, source if day else None))
    _set_publication_dates(connection, rows)


def _infer_publication_dates(connection, undated: dict[str, DatingEvidence], fallback: int | None) -> None:
    """Date the articles that state no date, in place: a header date without a year gets the corpus year, the
    rest is inferred from the text (weekday and date agreement)."""
    datable = [
        (article_id, evidence)
        for article_id, evidence in undated.items()
        if evidence.sentences or evidence.text is not None
    ]
    inferred = [
        row
        for chunks in map_batches(partial(infer_chunk, fallback), [datable], _stays_undated)
        for chunk in chunks
        for row in chunk
    ]
    if inferred:
        _set_publication_dates(connection, inferred)


def _evidence(body: Iterable[str], text: str) -> DatingEvidence:
    """An undated article's dating evidence from its body sentences; its whole text too when it writes no year, for
    a header date without one."""
    return dating_evidence(body, None if newest_year(text) else text)


def _set_publication_dates(connection, rows: list[tuple]) -> None:
    """Write (article_id, published_date, published_confidence, published_source) rows over those articles'."""
    columns = ("article_id", "published_date", "published_confidence", "published_source")
    connection.register("_dates", pl.DataFrame(rows, schema={c: _ARTICLE_SCHEMA[c] for c in columns}, orient="row"))
    changed_rows(
        connection,
        "staging.articles",
        "update staging.articles as a set published_date = d.published_date, "
        "published_confidence = d.published_confidence, published_source = d.published_source "
        "from _dates as d where a.article_id = d.article_id",
    )
    connection.unregister("_dates")
