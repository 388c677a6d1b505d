-- Handover events as each article states them: a district entered, scheduled for a date, or postponed.
-- Several statements of the same event in one article become one row (the first sentence is the
-- evidence); a row dated only by the publication date (or not at all) is dropped when a sentence of the
-- article dates the same event. A scheduled event needs a date, and is dropped when the article gives the same
-- date as the district's postponed deadline. Every dated statement is kept, history
-- included; marts.data_quality flags dates outside the conflict's window for the status marts to skip.
-- grain: one row per article_id, district, event_type, event_date
-- incremental: article_id
-- audit: unique(article_id, district, event_type, event_date)
-- audit: not_null(article_id, district, event_type, sentence_id, evidence)
-- audit: accepted_values(event_type, scheduled, postponed, entered)
-- audit: evidence
-- audit: not_empty
-- column article_id: the article (staging.articles)
-- column district: the district's canonical name
-- column event_type: entered (handed over), scheduled (a deadline set) or postponed (a deadline moved)
-- column event_date: the event's date as the article gives it; null when nothing dates it, or only a year does (or,
-- for a completion, only a month)
-- column date_precision: day, week or month
-- column date_source: sentence (a date in it), publication (the article's day), delay (deadline plus delay), nearby
-- column sentence_id: the first sentence that states it
-- column char_start: offset of that sentence in the article's text
-- column char_end: offset just past that sentence
-- column evidence: that sentence
-- column trigger_text: the handover verb as written in it
-- column match_methods: how the district was read: exact, fuzzy or carried (from an earlier sentence), comma-separated
-- column n_statements: statements of this event in the article
-- column outlet: the article's outlet; null when unknown
-- column published_date: the article's publication date
with year_only as (
    -- "lost control of Fuzuli after the war of 2020": a year alone does not date a handover, nor does a month
    -- alone date one that took place ("by November 2020 the districts had been freed"); a deadline keeps its month
    select
        * replace (
            case when not_a_day then null else event_date end as event_date,
            case when not_a_day then null else date_precision end as date_precision,
            case when not_a_day then null else date_source end as date_source
        )
    from (
        select
            *,
            coalesce(date_precision = 'year' or event_type = 'entered' and date_precision = 'month', false)
                as not_a_day
        from intermediate.handover_statements
    ) as flagged
),

statements as (
    select
        *,
        count(*) filter (where date_source in ('sentence', 'delay', 'nearby'))
            over (partition by article_id, district, event_type)
            as n_dated
    from year_only as statements
    where
        (event_type <> 'scheduled' or event_date is not null)
        -- "Baku granted Armenia until 25 November": the new deadline is the postponement, not a schedule
        and not (
            event_type = 'scheduled'
            and exists (
                select 1 from year_only as moved
                where
                    moved.article_id = statements.article_id
                    and moved.district = statements.district
                    and moved.event_type = 'postponed'
                    and moved.event_date = statements.event_date
            )
        )
        -- "today, 4 October, is the day Jabrayil was freed" beside "on 4 October 2020 ... freed": the article's own day
        -- marks the anniversary of the completion that an earlier year dates
        and not (
            event_type = 'entered'
            and exists (
                select 1 from year_only as earlier
                inner join staging.articles as articles using (article_id)
                where
                    earlier.article_id = statements.article_id
                    and earlier.district = statements.district
                    and earlier.event_type = 'entered'
                    and statements.event_date = articles.published_date
                    and regexp_matches(earlier.date_text, '\d{4}')  -- the earlier year written out
                    and year(earlier.event_date) < year(statements.event_date)
                    and month(earlier.event_date) = month(statements.event_date)
                    and day(earlier.event_date) = day(statements.event_date)
            )
        )
),

events as (
    select
        article_id,
        district,
        event_type,
        event_date,
        arg_min(date_precision, [sentence_id, trigger_start, segment_start]) as date_precision,
        arg_min(date_source, [sentence_id, trigger_start, segment_start]) as date_source,
        arg_min(sentence_id, [sentence_id, trigger_start, segment_start]) as sentence_id,
        arg_min(char_start, [sentence_id, trigger_start, segment_start]) as char_start,
        arg_min(char_end, [sentence_id, trigger_start, segment_start]) as char_end,
        arg_min(evidence, [sentence_id, trigger_start, segment_start]) as evidence,
        arg_min(trigger_text, [sentence_id, trigger_start, segment_start]) as trigger_text,
        string_agg(distinct match_methods, ',' order by match_methods) as match_methods,
        count(*) as n_statements
    from statements
    where date_source in ('sentence', 'delay', 'nearby') or n_dated = 0
    group by article_id, district, event_type, event_date
)

select
    events.*,
    articles.outlet,
    articles.published_date
from events
inner join staging.articles as articles using (article_id)
