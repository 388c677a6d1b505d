-- Tables written by the Python assets (ingest, staging, extraction, reference data).
-- The SQL model loader parses this file to know which tables exist besides the models.
create schema if not exists raw;
create schema if not exists staging;
create schema if not exists intermediate;
create schema if not exists marts;
create schema if not exists reference;

create table if not exists staging.article_files (
    file_name varchar primary key, article_id varchar not null, content_hash varchar not null, bytes bigint,
    mtime_ns bigint, format varchar, encoding varchar, first_seen timestamp, last_seen timestamp
);

-- stage: read, decode or parse; error_class: the exception's, when reading raised rather than refused.
-- A rejected file is read again when its size or mtime_ns changes, or the code_version does.
create table if not exists staging.rejected_files (
    file_name varchar primary key, reason varchar not null, bytes bigint, content_hash varchar,
    first_seen timestamp, last_seen timestamp, stage varchar, error_class varchar, mtime_ns bigint,
    code_version varchar
);
alter table staging.rejected_files add column if not exists stage varchar;
alter table staging.rejected_files add column if not exists error_class varchar;
alter table staging.rejected_files add column if not exists mtime_ns bigint;
alter table staging.rejected_files add column if not exists code_version varchar;

-- Articles whose parse or extraction raised (orchestration/quarantine.py): out of every mart until their
-- text or the code_version changes.
create table if not exists staging.failed_articles (
    article_id varchar primary key, stage varchar not null, error_class varchar not null, message varchar,
    code_version varchar not null, failed_at timestamp
);

create table if not exists raw.documents (
    article_id varchar primary key, file_name varchar not null, format varchar, text varchar not null,
    title varchar, outlet varchar, url varchar, published_date date, ingested_at timestamp
);

create table if not exists staging.article_versions (
    file_name varchar, article_id varchar, content_hash varchar, format varchar, first_seen timestamp,
    primary key (file_name, article_id)
);

create table if not exists staging.retractions (
    file_name varchar, article_id varchar, reason varchar
);

create table if not exists staging.articles (
    article_id varchar primary key, file_name varchar, title varchar, outlet varchar, outlet_source varchar,
    published_date date, published_source varchar, published_confidence double, byline varchar, wires varchar[],
    url varchar, format varchar, text varchar, word_count integer, ingested_at timestamp
);

create table if not exists staging.sentences (
    article_id varchar, sentence_id integer, paragraph_id integer, text varchar, char_start integer,
    char_end integer, is_title boolean, primary key (article_id, sentence_id)
);

create table if not exists staging.page_furniture (
    article_id varchar, line_no integer, text varchar, reason varchar, char_start integer, char_end integer,
    primary key (article_id, line_no)
);

create table if not exists staging.entity_mentions (
    article_id varchar, sentence_id integer, char_start integer, char_end integer, text varchar,
    entity_id varchar, canonical varchar, entity_type varchar, match_method varchar, score double
);

create table if not exists staging.name_candidates (
    article_id varchar, sentence_id integer, char_start integer, char_end integer, text varchar,
    name varchar, looks_like varchar
);

create table if not exists staging.date_mentions (
    article_id varchar, sentence_id integer, char_start integer, char_end integer, text varchar,
    value date, precision varchar, kind varchar, anchor varchar, is_deadline_end boolean
);

create table if not exists staging.figure_mentions (
    article_id varchar, sentence_id integer, char_start integer, char_end integer, text varchar,
    value double, is_approximate boolean, qualifier varchar, bound varchar, subject varchar,
    subject_text varchar, unit varchar
);

create table if not exists staging.cue_mentions (
    article_id varchar, sentence_id integer, char_start integer, char_end integer, text varchar,
    cue_kind varchar, label varchar
);

-- Which articles each incremental SQL model holds: under which version of the model and its inputs, and
-- from which state of the article's row in staging.articles (a manifest edit changes it in place).
create table if not exists staging.model_articles (
    model varchar, version varchar, article_id varchar, fingerprint ubigint, primary key (model, article_id)
);

create table if not exists staging.extracted_articles (
    article_id varchar primary key, extracted_at timestamp
);

create table if not exists staging.manifest (
    file_name varchar primary key, outlet varchar, url varchar, published_date date
);

-- Articles out of the marts: replaced by a newer version of their file, retracted, or failed (quarantined).
-- Their text stays in raw.documents and their history in staging.article_versions.
create or replace view staging.inactive_articles as
select versions.article_id, 'superseded' as reason
from staging.article_versions as versions
where versions.article_id not in (select files.article_id from staging.article_files as files)
union
select coalesce(retractions.article_id, files.article_id) as article_id, 'retracted: ' || retractions.reason as reason
from staging.retractions as retractions
left join staging.article_files as files using (file_name)
where coalesce(retractions.article_id, files.article_id) is not null
union
select failed.article_id, 'failed at ' || failed.stage || ': ' || failed.error_class as reason
from staging.failed_articles as failed;
