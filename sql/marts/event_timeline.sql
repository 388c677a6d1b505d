-- Every dated statement in the corpus: each date mention that resolves to a date, with what it dates. A date
-- that a handover statement uses (same sentence, same date) is that handover: handover_entered,
-- handover_scheduled or handover_postponed, its districts as subject. Otherwise the words around it type it
-- (intermediate.date_event_cues: truce_signed, fighting_began, control_since, phone_call, meeting, handover
-- where no dated handover event was read, statement), else it is 'other'; an event type whose scope is a
-- district (reference.timeline_event_types) takes the district when the sentence names exactly one. The
-- evidence is the sentence; date_start, date_end and date_text locate the date in it. source_id is the
-- syndication cluster (marts.syndication_clusters), and n_sources counts the independent sources that give
-- the same event type, subject, date and precision.
-- grain: one row per article_id, date_start
-- audit: unique(article_id, date_start)
-- audit: not_null(article_id, sentence_id, event_type, event_date, date_precision, source_id, source, evidence)
-- audit: accepted_values(date_precision, day, week, month, year)
-- audit: evidence
-- audit: traces_to_article
-- audit: not_empty
with dates as (
    select *
    from staging.date_mentions
    where value is not null
),

handovers as (
    select
        dates.article_id,
        dates.char_start,
        'handover_' || min(statements.event_type) as event_type,
        string_agg(distinct statements.district, ', ' order by statements.district) as subject,
        arg_min(statements.trigger_text, [statements.trigger_start, statements.segment_start]) as cue_text
    from dates
    inner join intermediate.handover_statements as statements
        on
            dates.article_id = statements.article_id
            and dates.sentence_id = statements.sentence_id
            and dates.value = statements.event_date
    where statements.date_source = 'sentence'
    group by dates.article_id, dates.char_start
),

sentence_districts as (
    select
        article_id,
        sentence_id,
        min(district) as district
    from staging.district_mentions
    group by article_id, sentence_id
    having count(distinct district) = 1
),

typed as (
    select
        dates.*,
        coalesce(handovers.event_type, cues.event_type, 'other') as event_type,
        case
            when handovers.event_type is not null then handovers.subject
            when types.scope = 'district' then sentence_districts.district
        end as subject,
        coalesce(handovers.cue_text, cues.cue_text) as cue_text
    from dates
    left join handovers using (article_id, char_start)
    left join intermediate.date_event_cues as cues using (article_id, char_start)
    left join reference.timeline_event_types as types on cues.event_type = types.event_type
    left join sentence_districts using (article_id, sentence_id)
)

select
    typed.article_id,
    typed.sentence_id,
    typed.event_type,
    typed.subject,
    typed.value as event_date,
    typed.precision as date_precision,
    typed.kind as date_kind,
    typed.text as date_text,
    typed.char_start as date_start,
    typed.char_end as date_end,
    typed.cue_text,
    clusters.cluster_id as source_id,
    clusters.source,
    articles.outlet,
    articles.published_date,
    count(distinct clusters.cluster_id) over (
        partition by typed.event_type, typed.subject, typed.value, typed.precision
    ) as n_sources,
    sentences.char_start,
    sentences.char_end,
    sentences.text as evidence
from typed
inner join staging.sentences as sentences using (article_id, sentence_id)
inner join staging.articles as articles using (article_id)
inner join marts.syndication_clusters as clusters using (article_id)
