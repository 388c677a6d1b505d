-- Every dated statement in the corpus: each date mention that resolves to a date, with what it dates (typed
-- per article in intermediate.dated_statements: a handover, an event its words name, or 'other'). The evidence
-- is the sentence; date_start, date_end and date_text locate the date in it. source_id is the syndication
-- cluster (marts.syndication_clusters), and n_sources counts the independent sources that give the same event
-- type, subject, date and precision. It is a view: the per-article rows (intermediate.dated_statements, built
-- incrementally and audited there) are joined to the clusters when read, so a run that adds articles neither
-- rebuilds nor republishes the rows of the others, whose sources and counts still move with the clusters.
-- grain: one row per article_id, date_start
-- materialized: view
-- audit: not_null(source_id, source, n_sources)
-- audit: not_empty
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence the date is in
-- column event_type: what it dates: handover_entered, handover_scheduled, truce_signed, phone_call... or other
-- column subject: a handover's district(s), or the district of an event of a district; null otherwise
-- column event_date: the day the date resolves to (its period's first day; a deadline's end: the last)
-- column date_precision: day, week, month or year
-- column date_kind: absolute, weekday ("on Tuesday") or relative ("yesterday")
-- column date_text: the date as written
-- column date_start: offset of the date in the article's text
-- column date_end: offset just past the date
-- column cue_text: the words that typed it (a handover verb, a timeline cue); null for 'other'
-- column source_id: the syndication cluster (marts.syndication_clusters): copies of one story are one source
-- column source: the cluster's outlets, joined with ' + '
-- column outlet: the article's outlet; null when unknown
-- column published_date: the article's publication date
-- column n_sources: independent sources giving the same event type, subject, date and precision
-- column char_start: offset of the sentence in the article's text
-- column char_end: offset just past the sentence
-- column evidence: the sentence
with sourced as (
    select
        statements.*,
        clusters.cluster_id as source_id,
        clusters.source,
        articles.outlet,
        articles.published_date
    from intermediate.dated_statements as statements
    inner join staging.articles as articles using (article_id)
    inner join marts.syndication_clusters as clusters using (article_id)
),

-- an aggregate joined back, not a window: a window would sort every row, evidence and all, by its partition
source_counts as (
    select
        event_type,
        subject,
        event_date,
        date_precision,
        count(distinct source_id) as n_sources
    from sourced
    group by all
)

select
    sourced.article_id,
    sourced.sentence_id,
    sourced.event_type,
    sourced.subject,
    sourced.event_date,
    sourced.date_precision,
    sourced.date_kind,
    sourced.date_text,
    sourced.date_start,
    sourced.date_end,
    sourced.cue_text,
    sourced.source_id,
    sourced.source,
    sourced.outlet,
    sourced.published_date,
    source_counts.n_sources,
    sourced.char_start,
    sourced.char_end,
    sourced.evidence
from sourced
inner join source_counts
    on
        sourced.event_type = source_counts.event_type
        and sourced.subject is not distinct from source_counts.subject
        and sourced.event_date = source_counts.event_date
        and sourced.date_precision = source_counts.date_precision
