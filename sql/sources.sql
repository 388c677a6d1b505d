-- Tables written by the Python assets (ingest, staging, extraction, reference data).
-- The SQL model loader parses this file to know which tables exist besides the models. The comment above a
-- table describes it and the comment after a column describes that column: both become DuckDB COMMENTs
-- (orchestration/duckdb_io.py) and the UI's column schema. Offsets (char_start, char_end) everywhere are
-- 0-based character offsets into staging.articles.text, the end exclusive.
-- The last line above a table, `-- written by: <asset>[, <asset>][; per article]`, names the Dagster multi-asset
-- (orchestration/assets) that writes it; `per article` says it holds rows of active articles only, so
-- purge_inactive (orchestration/quarantine.py) deletes an article's rows from it once the article is inactive.
-- The assets take their Polars schemas and their descriptions from here (orchestration/duckdb_io.py).
create schema if not exists raw;
create schema if not exists staging;
create schema if not exists intermediate;
create schema if not exists marts;
create schema if not exists reference;

-- Every file name seen and the article its current content is (two names, one article).
-- written by: ingest_article_files
create table if not exists staging.article_files (
    file_name varchar primary key, -- path relative to the articles folder; a JSON-lines record: 'feed.jsonl#7'
    article_id varchar not null, -- the article its current content is (raw.documents)
    content_hash varchar not null, -- SHA-256 of the file's bytes, hex
    bytes bigint, -- the file's size in bytes
    mtime_ns bigint, -- modification time, ns since the epoch; a change of it or of bytes reads the file again
    format varchar, -- txt, html, json or jsonl
    encoding varchar, -- the encoding its bytes were decoded from (utf-8, utf-16, cp1252...)
    first_seen timestamp, -- when a run first read this name (UTC)
    last_seen timestamp -- when a run last read it, that is last found it changed (UTC)
);

-- Files (or JSON-lines records) that cannot become articles, and why. A rejected file is read again when
-- its size or mtime_ns changes, or the code_version does.
-- written by: ingest_article_files
create table if not exists staging.rejected_files (
    file_name varchar primary key, -- path relative to the articles folder; a JSON-lines record: 'feed.jsonl#7'
    reason varchar not null, -- why it cannot be an article, in words a person can act on
    bytes bigint, -- the file's size in bytes
    content_hash varchar, -- SHA-256 of the file's bytes, hex; empty when it was not read (over the size cap)
    first_seen timestamp, -- when a run first rejected this name (UTC)
    last_seen timestamp, -- when a run last read and rejected it (UTC)
    stage varchar, -- where it failed: read, decode or parse
    error_class varchar, -- the exception's class when reading raised rather than refused; null otherwise
    mtime_ns bigint, -- modification time when rejected, ns since the epoch
    code_version varchar -- the pipeline's code version that rejected it; another one reads the file again
);
alter table staging.rejected_files add column if not exists stage varchar;
alter table staging.rejected_files add column if not exists error_class varchar;
alter table staging.rejected_files add column if not exists mtime_ns bigint;
alter table staging.rejected_files add column if not exists code_version varchar;

-- Articles whose parse or extraction raised (orchestration/quarantine.py): out of every mart until their
-- text or the code_version changes.
-- written by: parse_articles, extract_mentions
create table if not exists staging.failed_articles (
    article_id varchar primary key, -- the quarantined article
    stage varchar not null, -- the step that raised: parse or extract
    error_class varchar not null, -- the exception's class; BrokenProcessPool when its worker process died
    message varchar, -- the first line of the exception's message
    code_version varchar not null, -- the code version (Python and reference data) it failed under
    failed_at timestamp -- when it failed (UTC)
);

-- Decoded text and format metadata of every distinct article (by content), old versions included.
-- written by: ingest_article_files
create table if not exists raw.documents (
    article_id varchar primary key, -- 16 hex digits of the SHA-256 of the normalised text: renames keep it
    file_name varchar not null, -- the file it was first read from, relative to the articles folder
    format varchar, -- txt, html, json or jsonl
    text varchar not null, -- the decoded text, NFC with LF line ends (HTML, JSON: the main text with its title)
    title varchar, -- the title the HTML or JSON metadata gives; null for plain text
    outlet varchar, -- the outlet the HTML or JSON metadata gives
    url varchar, -- the URL the HTML or JSON metadata gives
    published_date date, -- the publication date the HTML or JSON metadata gives
    ingested_at timestamp -- when a run first read it (UTC)
);

-- Every (file name, article) pair ever seen: a file edited in place has several versions.
-- written by: ingest_article_files
create table if not exists staging.article_versions (
    file_name varchar, -- path relative to the articles folder
    article_id varchar, -- the article the file held in this version
    content_hash varchar, -- SHA-256 of the file's bytes in this version, hex
    format varchar, -- txt, html, json or jsonl
    first_seen timestamp, -- when a run first read this version (UTC)
    primary key (file_name, article_id)
);

-- retractions.csv beside the articles: articles taken out of every mart.
-- written by: ingest_article_files
create table if not exists staging.retractions (
    file_name varchar, -- the retracted file, relative to the articles folder; null when the row names an article
    article_id varchar, -- the retracted article, when the row names one
    reason varchar -- the reason the row gives ('retracted' when it gives none)
);

-- Every parsed article: its text and the metadata read from it, its format or the manifest.
-- written by: parse_articles; per article
create table if not exists staging.articles (
    article_id varchar primary key, -- 16 hex digits of the SHA-256 of the normalised text
    file_name varchar, -- the file it was read from, relative to the articles folder
    title varchar, -- its headline; null when none was found
    outlet varchar, -- the outlet that published it; null when unknown
    outlet_source varchar, -- where outlet comes from: manifest, metadata (HTML, JSON) or credit (a credit line)
    published_date date, -- its publication date; null when nothing states or implies one
    published_source varchar, -- manifest, metadata, publish_line, byline, dateline, date_line, publish_statement, inferred
    published_confidence double, -- 1.0 stated, 0.9 a dateline, date line or statement, 0.7 one without its year, 0.6 inferred
    byline varchar, -- the author as the byline names them
    wires varchar[], -- news agencies its credit line or dateline names (Reuters, AFP...)
    url varchar, -- its URL (manifest or metadata)
    format varchar, -- txt, html, json or jsonl
    text varchar, -- the whole text: every char_start and char_end in the warehouse is an offset into it
    word_count integer, -- whitespace-separated words in text
    ingested_at timestamp -- when a run parsed it (UTC)
);

-- The sentences of each article's title and body, page furniture left out: the evidence of every mart.
-- written by: parse_articles; per article
create table if not exists staging.sentences (
    article_id varchar, -- the article (staging.articles)
    sentence_id integer, -- its position in the article, from 0
    paragraph_id integer, -- its paragraph's position in the article, from 0
    text varchar, -- the sentence: the article's text between char_start and char_end
    char_start integer, -- offset of its first character in the article's text
    char_end integer, -- offset just past its last character
    is_title boolean, -- true for the headline
    primary key (article_id, sentence_id)
);

-- Lines of a scraped page that are not the article (menus, captions, share bars, footers), with the reason.
-- written by: parse_articles; per article
create table if not exists staging.page_furniture (
    article_id varchar, -- the article (staging.articles)
    line_no integer, -- the line's position in the article's text, from 0
    text varchar, -- the line
    reason varchar, -- why it is furniture: menu, caption, related, repeated, metadata, byline, credit, footer, teaser...
    char_start integer, -- offset of the line in the article's text
    char_end integer, -- offset just past the line
    primary key (article_id, line_no)
);

-- Every mention of an entity of the alias list (seeds/reference/entities.csv).
-- written by: extract_mentions; per article
create table if not exists staging.entity_mentions (
    article_id varchar, -- the article (staging.articles)
    sentence_id integer, -- the sentence it is in (staging.sentences)
    char_start integer, -- offset of the mention in the article's text
    char_end integer, -- offset just past the mention
    text varchar, -- the mention as written
    entity_id varchar, -- the entity's id in the alias list
    canonical varchar, -- the entity's canonical name
    entity_type varchar, -- person, organisation, country, district, place or media
    match_method varchar, -- exact, surname (alone), fuzzy (a close spelling), context (an institution of a country)
    score double -- similarity to the alias, 0 to 100; 100 unless fuzzy
);

-- Capitalised names that match no alias: people the list does not know yet, or other names.
-- written by: extract_mentions; per article
create table if not exists staging.name_candidates (
    article_id varchar, -- the article (staging.articles)
    sentence_id integer, -- the sentence it is in (staging.sentences)
    char_start integer, -- offset of the name in the article's text
    char_end integer, -- offset just past the name
    text varchar, -- the name as written
    name varchar, -- the name without a possessive ending
    looks_like varchar -- titled_person (introduced by a title: an actor), person or name
);

-- Every date expression in the sentences, and the day it resolves to.
-- written by: extract_mentions; per article
create table if not exists staging.date_mentions (
    article_id varchar, -- the article (staging.articles)
    sentence_id integer, -- the sentence it is in (staging.sentences)
    char_start integer, -- offset of the date in the article's text
    char_end integer, -- offset just past the date
    text varchar, -- the date as written ("15 November", "last week")
    value date, -- the first day of the period it names (the last when is_deadline_end); null when unresolved
    precision varchar, -- day, week, month or year
    kind varchar, -- absolute, weekday ("on Tuesday") or relative ("yesterday")
    anchor varchar, -- where its year or reference day comes from: explicit, publication, corpus, narrative, unresolved
    is_deadline_end boolean -- true when a deadline makes value the period's last day ("by the end of November")
);

-- Every figure that counts something ("almost 2,000 Russian troops"), with its qualifier and counted noun.
-- written by: extract_mentions; per article
create table if not exists staging.figure_mentions (
    article_id varchar, -- the article (staging.articles)
    sentence_id integer, -- the sentence it is in (staging.sentences)
    char_start integer, -- offset of the figure's text in the article's text
    char_end integer, -- offset just past the figure's text
    text varchar, -- the figure as written, from its qualifier to its counted noun ("Almost 2,000 Russian troops")
    value double, -- the number ("almost 2,000": 2000)
    is_approximate boolean, -- true when a qualifier makes it approximate (about, some, thousands of)
    qualifier varchar, -- the qualifier as written (almost, more than, about); null when none
    bound varchar, -- what the number bounds: exact, lower (more than), upper (almost) or approximate
    subject varchar, -- the category of what it counts (troops, deaths, people...); null without a counted noun
    subject_text varchar, -- the counted noun as written
    unit varchar -- count for counted things, else the measure (years, weeks, km...)
);

-- Every handover verb (trigger) and every word that changes what a statement says (modality cue).
-- written by: extract_mentions; per article
create table if not exists staging.cue_mentions (
    article_id varchar, -- the article (staging.articles)
    sentence_id integer, -- the sentence it is in (staging.sentences)
    char_start integer, -- offset of the cue in the article's text
    char_end integer, -- offset just past the cue
    text varchar, -- the cue as written
    cue_kind varchar, -- trigger or modality
    label varchar -- a trigger's event type (entered, scheduled, postponed) or a modality (future, negation...)
);

-- Which articles each incremental SQL model holds: under which version of the model and its inputs, and
-- from which state of the article's row in staging.articles (a manifest edit changes it in place).
-- written by: sql_models
create table if not exists staging.model_articles (
    model varchar, -- the incremental model's table (marts.handover_events)
    version varchar, -- the version of the model and its inputs its rows were built under
    article_id varchar, -- an article whose rows the model holds
    fingerprint ubigint, -- hash of the article's staging.articles row then: a changed row redoes its rows
    primary key (model, article_id)
);

-- Articles whose mentions have been extracted: the others are extracted by the next run.
-- written by: extract_mentions; per article
create table if not exists staging.extracted_articles (
    article_id varchar primary key, -- the article (staging.articles)
    extracted_at timestamp -- when its mentions were extracted (UTC)
);

-- manifest.csv beside the articles: overrides the outlet, URL and publication date read from the text.
-- written by: ingest_article_files
create table if not exists staging.manifest (
    file_name varchar primary key, -- the file the row is about, relative to the articles folder
    outlet varchar, -- its outlet; null keeps the one read from the text
    url varchar, -- its URL; null keeps the one read
    published_date date -- its publication date; null keeps the one read
);

-- Articles out of the marts: replaced by a newer version of their file, retracted, or failed (quarantined).
-- Their text stays in raw.documents and their history in staging.article_versions.
create or replace view staging.inactive_articles as
select
    versions.article_id, -- the article out of the marts
    'superseded' as reason -- superseded, 'retracted: <reason>' or 'failed at <stage>: <error class>'
from staging.article_versions as versions
where versions.article_id not in (select files.article_id from staging.article_files as files)
union
select
    coalesce(retractions.article_id, files.article_id) as article_id,
    'retracted: ' || retractions.reason as reason
from staging.retractions as retractions
left join staging.article_files as files using (file_name)
where coalesce(retractions.article_id, files.article_id) is not null
union
select
    failed.article_id,
    'failed at ' || failed.stage || ': ' || failed.error_class as reason
from staging.failed_articles as failed;
