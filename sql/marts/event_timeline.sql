-- Every dated statement in the corpus: each date mention that resolves to a date, with what it dates (typed
-- per article in intermediate.dated_statements: a handover, an event its words name, or 'other'). The evidence
-- is the sentence; date_start, date_end and date_text locate the date in it. source_id is the syndication
-- cluster (marts.syndication_clusters), and n_sources counts the independent sources that give the same event
-- type, subject, date and precision.
-- grain: one row per article_id, date_start
-- audit: unique(article_id, date_start)
-- audit: not_null(article_id, sentence_id, event_type, event_date, date_precision, source_id, source, evidence)
-- audit: accepted_values(date_precision, day, week, month, year)
-- audit: evidence
-- audit: traces_to_article
-- audit: not_empty
select
    statements.article_id,
    statements.sentence_id,
    statements.event_type,
    statements.subject,
    statements.event_date,
    statements.date_precision,
    statements.date_kind,
    statements.date_text,
    statements.date_start,
    statements.date_end,
    statements.cue_text,
    clusters.cluster_id as source_id,
    clusters.source,
    articles.outlet,
    articles.published_date,
    count(distinct clusters.cluster_id) over (
        partition by statements.event_type, statements.subject, statements.event_date, statements.date_precision
    ) as n_sources,
    statements.char_start,
    statements.char_end,
    statements.evidence
from intermediate.dated_statements as statements
inner join staging.articles as articles using (article_id)
inner join marts.syndication_clusters as clusters using (article_id)
