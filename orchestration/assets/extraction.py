"""Extraction: entity, date, figure and cue mentions per sentence of newly parsed articles."""

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime
from operator import attrgetter

import polars as pl
from dagster import AssetExecutionContext, AssetKey, MaterializeResult, multi_asset

from orchestration.assets import table_metadata, table_specs
from orchestration.assets.staging import (
    ARTICLES,
    SENTENCES,
    YEAR_GUESSED,
    RefreshConfig,
    corpus_year,
    date_again,
    plausible_years,
)
from orchestration.duckdb_io import article_ids_as, delete_articles, ensure_sources, insert_frame, written_tables
from orchestration.extraction.cues import find_cues
from orchestration.extraction.dates import DateMention, dates_a_decree, find_dates
from orchestration.extraction.entities import ArticleEntityMatcher
from orchestration.extraction.figures import find_figures, last_count
from orchestration.parallel import map_batches
from orchestration.progress import Progress
from orchestration.publication import INFERRED_CONFIDENCE
from orchestration.quarantine import Failure, failure, log_failures, quarantine
from orchestration.reference import REFERENCE_DIR
from orchestration.rewrites import changed_rows
from orchestration.warehouse import Warehouse

ENTITY_MENTIONS = AssetKey(["staging", "entity_mentions"])
NAME_CANDIDATES = AssetKey(["staging", "name_candidates"])
DATE_MENTIONS = AssetKey(["staging", "date_mentions"])
FIGURE_MENTIONS = AssetKey(["staging", "figure_mentions"])
CUE_MENTIONS = AssetKey(["staging", "cue_mentions"])
MENTION_KEYS = (ENTITY_MENTIONS, NAME_CANDIDATES, DATE_MENTIONS, FIGURE_MENTIONS, CUE_MENTIONS)
BATCH_ARTICLES = 4000
MAX_COUNT_AGE = 2  # sentences back that a count's noun may be left out after

TABLES = written_tables()
# In the order _extract returns their rows and the assets are listed
SCHEMAS = {table: TABLES[table].schema for table in (".".join(key.path) for key in MENTION_KEYS)}


def lexicon_version() -> str:
    """Extraction output changes when the reference data does: it is part of the code version."""
    digest = hashlib.sha256()
    for path in sorted(REFERENCE_DIR.glob("*.csv")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


HISTORY_YEARS = 5  # an article whose newest full date is older than the corpus year by more only recalls history


def newest_written_day(dates: Iterable[list[DateMention]], corpus_year: int | None) -> date | None:
    """The newest day an undated article writes out in full ("1 December 2020"), whose year its dates without one
    take (and not far ahead of it: find_dates), unless that is only history ("occupied on 18 May 1992") next to the
    corpus year: None then, and they take the corpus year. The article's own year comes first: one misdated page
    must not move every undated article's dates."""
    days = [d.value for found in dates for d in found if d.anchor == "explicit" and d.precision == "day"]
    newest = max(days, default=None)
    if newest is None or (corpus_year is not None and newest.year < corpus_year - HISTORY_YEARS):
        return None
    return newest


def in_told_year(found: DateMention, told_year: int | None) -> DateMention:
    """A day or month written without its year, in the year the article is telling (`told_year`, see _in_told_years)
    when that is up to HISTORY_YEARS earlier than the year inferred: a report of 2022 that tells "the counter-offensive
    ended on 9 November 2020 ... Kalbajar was to be handed back by November 15" means November 2020, not 2022 (a 2020
    report that recalls "occupied on 18 May 1992" keeps its own year for "20 November")."""
    if (
        told_year is None
        or found.value is None
        or found.kind != "absolute"
        or found.anchor not in ("publication", "corpus")
        or not 0 < found.value.year - told_year <= HISTORY_YEARS
    ):
        return found
    try:
        return found._replace(value=found.value.replace(year=told_year), anchor="narrative")
    except ValueError:  # 29 February in a year without it
        return found


_OWN_COLUMNS = {
    table: {c: t for c, t in schema.items() if c not in ("article_id", "sentence_id")}
    for table, schema in SCHEMAS.items()
}
_VALUES = {table: attrgetter(*columns) for table, columns in _OWN_COLUMNS.items()}
_ROW_SCHEMAS = {
    table: {"article_id": schema["article_id"], "sentence_id": schema["sentence_id"], "shift": pl.Int32}
    | _OWN_COLUMNS[table]
    for table, schema in SCHEMAS.items()
}


def extract_chunk(work: list[tuple]) -> tuple[dict[str, list[tuple]], list[Failure]]:
    """Mention rows of a chunk of (article_id, published, fallback_year, sentences): one worker's share, and the
    articles whose extraction raised. Each row is (article_id, sentence_id, shift, *the table's other columns),
    where `shift` turns the mention's offsets into the article's (dates and figures are found per sentence text;
    entities and cues know their sentence's start). `sentences` are (sentence_id, char_start, text, is_title) in
    order. When the chunk raises, it is done again article by article, so only the article that raised is
    quarantined and the chunk's fast path costs nothing while none does.

    Each extractor goes over the whole chunk in turn, not all four over each sentence: its code and lookup
    tables then stay in the CPU's caches, and the chunk takes a fifth less time for the same rows. Plain
    rows, no frames: the worker is a fork, and Polars' thread pool inherited from the parent can deadlock it."""
    try:
        return _extract(work), []
    except Exception:  # noqa: BLE001 - found again below, article by article
        rows: dict[str, list[tuple]] = {table: [] for table in SCHEMAS}
        failures = []
        for article in work:
            try:
                for table, found in _extract([article]).items():
                    rows[table] += found
            except Exception as error:  # noqa: BLE001 - one article's failure must not stop the others
                failures.append(failure(article[0], "extract", error))
        return rows, failures


def extract_crashed(article: tuple, error: BaseException) -> tuple[dict[str, list[tuple]], list[Failure]]:
    """extract_chunk's result for an article whose worker process died extracting it."""
    return {table: [] for table in SCHEMAS}, [failure(article[0], "extract", error)]


def _extract(work: list[tuple]) -> dict[str, list[tuple]]:
    entities, candidates = _entity_rows(work)
    dates, date_spans = _date_rows(work)
    return dict(zip(SCHEMAS, (entities, candidates, dates, _figure_rows(work, date_spans), _cue_rows(work))))


def _entity_rows(work: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Entity mentions and name candidates: a matcher per article, since what it learns (a person's surname
    once named in full) holds within the article."""
    entities, candidates = [], []
    entity_values, candidate_values = _VALUES["staging.entity_mentions"], _VALUES["staging.name_candidates"]
    for article_id, _, _, sentences in work:
        matcher = ArticleEntityMatcher()
        for sentence_id, start, text, is_title in sentences:
            found, found_candidates = matcher.match_sentence(sentence_id, text, start, find_candidates=not is_title)
            entities += [(article_id, sentence_id, 0, *entity_values(mention)) for mention in found]
            candidates += [(article_id, sentence_id, 0, *candidate_values(candidate)) for candidate in found_candidates]
    return entities, candidates


def _in_told_years(found: list[DateMention], told_year: int | None, text: str) -> tuple[list[DateMention], int | None]:
    """A sentence's dates in the year told so far, which each date with its year written out moves on for the dates
    after it ("signed on 10 November 2020 ... was to be handed back on November 15", "осенью 2020 года", "five years
    ago, on September 27", "the fifth anniversary of the liberation", after a sentence dated 2023); a date before the sentence's first year takes that year
    ("returned on 1 December under the statement signed on 10 November 2020"). A decree's date moves nothing on
    ("under a decree of July 31, 2023, City Day is November 25" in a look-back at 2020). Also the year told at the
    sentence's end."""
    years = _years_told(found, text)
    told = []
    for mention in found:
        before = [year for start, year in years if start < mention.char_start]
        told.append(in_told_year(mention, before[-1] if before else years[0][1] if years else told_year))
    return told, years[-1][1] if years else told_year


def _years_told(found: list[DateMention], text: str) -> list[tuple[int, int]]:
    """(offset, year) of the dates that tell a year, in text order: a year written out or counted back from the
    article's day, not a decree's."""
    return sorted(
        (d.char_start, d.value.year)
        for d in found
        if d.value is not None
        and (d.anchor == "explicit" or d.kind == "relative" and d.precision in ("year", "day"))
        and not dates_a_decree(text, d)
    )


def _date_rows(work: list[tuple]) -> tuple[list[tuple], list[list[tuple[int, int]]]]:
    """Date mention rows, and each sentence's date spans in chunk order (figures skip numbers inside them)."""
    rows, spans = [], []
    values = _VALUES["staging.date_mentions"]
    for article_id, published, fallback_year, sentences in work:
        undated, newest = {}, None  # an undated article's dates read without a year: they give the article's year
        if published is None:
            undated = {sentence_id: find_dates(text, None, None) for sentence_id, _, text, _ in sentences}
            newest = newest_written_day(undated.values(), fallback_year)
            fallback_year = newest.year if newest else fallback_year
        article = _article_dates(sentences, published, fallback_year, undated, newest)
        anniversary = _anniversary_year(article, sentences, published)
        if anniversary:
            article = _article_dates(sentences, published, fallback_year, undated, newest, anniversary)
        for sentence_id, start, found in article:
            rows += [(article_id, sentence_id, start, *values(mention)) for mention in found]
            spans.append([(mention.char_start, mention.char_end) for mention in found])
    return rows, spans


def _article_dates(
    sentences: list[tuple],
    published: date | None,
    fallback_year: int | None,
    undated: dict[int, list[DateMention]],
    newest: date | None,
    anniversary: tuple[int, int] | None = None,
) -> list[tuple[int, int, list[DateMention]]]:
    """(sentence_id, start, dates) of each sentence in order; `newest` is an undated article's newest full date
    (newest_written_day); with `anniversary` (k, year), the article's own day written without its year in its first
    k sentences is that day of `year` (see _anniversary_year)."""
    previous_day = None  # the last day of the sentence before: "Five days later, ..." counts from it
    told_year = None  # the year last written out before: the year the article is telling
    article = []
    for k, (sentence_id, start, text, _) in enumerate(sentences):
        found = undated.get(sentence_id)
        if found is None or any(d.anchor == "unresolved" for d in found) or previous_day:  # year, anchor needed
            found = find_dates(text, published, fallback_year, previous_day, newest)
        found, told_year = _in_told_years(found, told_year, text)
        if anniversary and k < anniversary[0]:
            found = [in_told_year(d, anniversary[1]) if _is_own_day(d, published) else d for d in found]
        article.append((sentence_id, start, found))
        previous_day = next((d for d in reversed(found) if d.precision == "day" and d.value), None)
    return article


def _anniversary_year(
    article: list[tuple[int, int, list[DateMention]]], sentences: list[tuple], published: date | None
) -> tuple[int, int] | None:
    """(k, year) when the article's own day, written without its year, comes before its k-th sentence, the first to
    tell an earlier year ("Le 4 octobre, la région a été libérée. ... Il y a un an ...", in a report of 4 October
    2021): that day is the anniversary's, in the year told, as it would be after that sentence (in_told_year)."""
    if published is None:
        return None
    told = next(
        (
            (k, year)
            for k, ((_, _, found), (_, _, text, _)) in enumerate(zip(article, sentences))
            if (year := _told_year(found, text)) and 0 < published.year - year <= HISTORY_YEARS
        ),
        None,
    )
    if told is None or not any(_is_own_day(d, published) for _, _, found in article[: told[0]] for d in found):
        return None
    return told


def _told_year(found: list[DateMention], text: str) -> int | None:
    """The first year a sentence's dates tell, as _in_told_years reads them."""
    return next((year for _, year in _years_told(found, text)), None)


def _is_own_day(mention: DateMention, published: date | None) -> bool:
    """A day written without its year that the article's date made its own day."""
    return (
        mention.kind == "absolute"
        and mention.precision == "day"
        and mention.anchor == "publication"
        and mention.value == published
    )


def _figure_rows(work: list[tuple], date_spans: list[list[tuple[int, int]]]) -> list[tuple]:
    """Figure mention rows; `date_spans` are _date_rows' spans, one list per sentence in chunk order."""
    rows = []
    values, spans = _VALUES["staging.figure_mentions"], iter(date_spans)
    for article_id, _, _, sentences in work:
        counted, age = None, 0  # the last count of the two sentences before: "seven districts. Four were retaken"
        for sentence_id, start, text, _ in sentences:
            figures = find_figures(text, next(spans), counted if age <= MAX_COUNT_AGE else None)
            rows += [(article_id, sentence_id, start, *values(figure)) for figure in figures]
            found = last_count(figures)
            counted, age = (found, 1) if found else (counted, age + 1)
    return rows


def _cue_rows(work: list[tuple]) -> list[tuple]:
    """Trigger and modality cue rows."""
    rows = []
    values = _VALUES["staging.cue_mentions"]
    for article_id, _, _, sentences in work:
        for sentence_id, start, text, _ in sentences:
            rows += [(article_id, sentence_id, 0, *values(cue)) for cue in find_cues(sentence_id, text, start)]
    return rows


def mention_frame(table: str, rows: list[tuple]) -> pl.DataFrame:
    """A table's rows as a typed frame, offsets shifted to the article's."""
    frame = pl.DataFrame(rows, schema=_ROW_SCHEMAS[table], orient="row")
    return frame.with_columns(pl.col("char_start", "char_end") + pl.col("shift")).select(list(SCHEMAS[table]))


def _extraction_work(connection, batch: list[tuple], fallback: int | None) -> list[tuple]:
    """extract_chunk's input for a batch of (article_id, published_date): each article with its sentences."""
    with article_ids_as(connection, "_batch", [article_id for article_id, _ in batch]):
        sentence_rows = connection.execute(
            "select s.article_id, s.sentence_id, s.char_start, s.text, s.is_title from staging.sentences s "
            "semi join _batch using (article_id) order by s.article_id, s.sentence_id"
        ).fetchall()
    by_article: dict[str, list[tuple]] = {}
    for article_id, *sentence in sentence_rows:
        by_article.setdefault(article_id, []).append(tuple(sentence))
    return [(article_id, published, fallback, by_article.get(article_id, [])) for article_id, published in batch]


def _write_batch(connection, chunks: list[tuple[dict[str, list[tuple]], list[Failure]]]) -> dict[str, pl.DataFrame]:
    """Write one batch's mention rows: memory stays bounded by the batch, not the corpus."""
    frames = {table: mention_frame(table, [row for rows, _ in chunks for row in rows[table]]) for table in SCHEMAS}
    for table, frame in frames.items():
        insert_frame(connection, table, frame)
    return frames


def fallback_year(connection) -> int | None:
    """The year of the dates of articles that state none: the year the corpus writes its full dates in (a report
    dated 2022 that looks back still writes "20 November 2020"), else its most common publication year."""
    written = connection.execute(
        "select mode(year(value)) from staging.date_mentions "
        "where anchor = 'explicit' and precision = 'day' and year(value) between ? and ?",
        list(plausible_years()),
    ).fetchone()[0]
    return written or corpus_year(connection)


# an article's id and the day its dates are read from: none for a publication date whose year is a guess ("24 Мая"
# on a page of a later year), whose days take the fallback year, like an undated article's
_PUBLISHED = "article_id, if(published_confidence = ?, null, published_date)"
MIN_WRITTEN_DAYS = 2  # days written with their year elsewhere that an undated article's days must match to move


def _dates_of(connection, article_ids: list[str]) -> list[tuple]:
    """(article_id, publication day its dates are read from) of the articles, as extract_mentions reads them."""
    with article_ids_as(connection, "_read", article_ids):
        return connection.execute(
            f"select {_PUBLISHED} from staging.articles semi join _read using (article_id) order by article_id",
            [YEAR_GUESSED],
        ).fetchall()


def _years_the_corpus_writes(connection, article_ids: list[str]) -> dict[int, list[str]]:
    """{year: articles} of the run's articles with no date of their own (none, or one inferred or read without its
    year) whose days without a year the other articles write out in another year than theirs were read in: an
    undated report's "November 15", "December 1" belong to the year the corpus writes "15 November", "1 December"
    in, whatever year most of the corpus is published in (a corpus of look-backs from 2021 would move a 2020 report a
    year on). At least MIN_WRITTEN_DAYS written days must agree with its days."""
    earliest, latest = plausible_years()
    with article_ids_as(connection, "_run", article_ids):
        rows = connection.execute(
            """
            with own as (
                select mentions.article_id, month(mentions.value) as month, day(mentions.value) as day,
                    year(mentions.value) as year
                from staging.date_mentions as mentions
                semi join _run using (article_id)
                inner join staging.articles as articles using (article_id)
                where mentions.kind = 'absolute' and mentions.precision = 'day'
                    and mentions.anchor in ('publication', 'corpus')
                    and (articles.published_date is null or articles.published_confidence in (?, ?))
            ),
            written as (
                select article_id, month(value) as month, day(value) as day, year(value) as year
                from staging.date_mentions
                where anchor = 'explicit' and precision = 'day' and year(value) between ? and ?
            )
            select own.article_id, mode(written.year)
            from own
            inner join written
                on own.month = written.month and own.day = written.day and own.article_id <> written.article_id
            group by own.article_id
            having count(*) >= ? and mode(written.year) <> mode(own.year)
            """,
            [INFERRED_CONFIDENCE, YEAR_GUESSED, earliest, latest, MIN_WRITTEN_DAYS],
        ).fetchall()
    moved: dict[int, list[str]] = {}
    for article_id, year in rows:
        moved.setdefault(year, []).append(article_id)
    return moved


def _reading_the_fallback(connection, articles: list[tuple]) -> list[tuple]:
    """The articles among `articles` whose dates took the fallback year or found none."""
    with article_ids_as(connection, "_run", [article_id for article_id, _ in articles]):
        dependent = {
            article_id
            for (article_id,) in connection.execute(
                "select distinct article_id from staging.date_mentions semi join _run using (article_id) "
                "where anchor in ('corpus', 'unresolved')"
            ).fetchall()
        }
    return [article for article in articles if article[0] in dependent]


def _extract_articles(context, connection, articles: list[tuple], fallback: int | None):
    """Extract (article_id, published_date) pairs in batches, replacing their rows: (rows per table, failures)."""
    delete_articles(connection, list(SCHEMAS), [article_id for article_id, _ in articles])
    counts = dict.fromkeys(SCHEMAS, 0)
    batches = [articles[start : start + BATCH_ARTICLES] for start in range(0, len(articles), BATCH_ARTICLES)]
    work = (_extraction_work(connection, batch, fallback) for batch in batches)  # read as the workers take them
    failures = []
    progress = Progress(context.log.info, "extracted", len(articles))
    for chunks, batch in zip(map_batches(extract_chunk, work, extract_crashed), batches):
        for table, frame in _write_batch(connection, chunks).items():
            counts[table] += frame.height
        failures += [found for _, failed in chunks for found in failed]
        progress.advance(len(batch))
    return counts, failures


@multi_asset(
    specs=table_specs(
        MENTION_KEYS,
        "staging",
        {"python", "duckdb"},
        deps=[ARTICLES, SENTENCES],
    ),
    code_version=lexicon_version(),
)
def extract_mentions(context: AssetExecutionContext, config: RefreshConfig, warehouse: Warehouse):
    """Articles not yet extracted are processed once (all on a full refresh); an article's rows are replaced whole.
    An undated article whose days the other articles write out in another year is dated again in staging.articles
    (its publication columns: date_again) and read again with that year: the one write this asset makes outside its
    own tables, since only the whole run's dates tell that year."""
    with warehouse.connect() as connection:
        ensure_sources(connection)
        if config.full_refresh:
            changed_rows(connection, "staging.extracted_articles", "delete from staging.extracted_articles")
        fallback = fallback_year(connection)
        # a publication date whose year is a guess ("24 Мая" on a page of a later year) dates no day of the text:
        # those take the fallback year, like an undated article's
        articles = connection.execute(
            f"select {_PUBLISHED} from staging.articles anti join staging.extracted_articles using (article_id) "
            "order by article_id",
            [YEAR_GUESSED],
        ).fetchall()
        ids = [article_id for article_id, _ in articles]
        counts, failures = _extract_articles(context, connection, articles, fallback)
        if (year := fallback_year(connection)) != fallback:  # the run's own full dates gave the year: the rows
            # of the articles that read the fallback are replaced, so they are not counted again
            dependent = _reading_the_fallback(connection, articles)
            context.log.info(f"{len(dependent)} articles read again with the year {year}")
            _extract_articles(context, connection, dependent, year)
        for year, moved in _years_the_corpus_writes(connection, ids).items():
            date_again(connection, moved, year)
            context.log.info(f"{len(moved)} undated articles read again with the year the corpus writes their days in")
            _extract_articles(context, connection, _dates_of(connection, moved), year)
        now = datetime.now(UTC).replace(tzinfo=None)
        insert_frame(
            connection,
            "staging.extracted_articles",
            pl.DataFrame(
                {"article_id": ids, "extracted_at": [now] * len(ids)},
                schema=TABLES["staging.extracted_articles"].schema,
            ),
        )
        quarantine(connection, failures, now)
        log_failures(context, connection, "extract", now)
        described = table_metadata(connection, MENTION_KEYS)
    for key, table in zip(MENTION_KEYS, SCHEMAS):
        yield MaterializeResult(
            asset_key=key,
            metadata={
                **described[key],
                "new_rows": counts[table],
                "articles": len(ids),
                "failed_articles": len(failures),
            },
        )
