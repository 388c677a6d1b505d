-- Every statement of a claim in an article, as marts.claim_statements gives it but for what moves with the rest
-- of the corpus: its source (the syndication cluster), a figure's decade where only the corpus dates it, and
-- whether marts.data_quality flags a handover's date. Those the view adds when read, so this table is built per
-- article and a run only adds the rows of new articles. A figure's claim and context are null here: they name
-- its decade.
-- grain: one row per statement: its claim_kind, article_id and stated_start, and for a date its claim
-- incremental: article_id
-- audit: not_null(claim_kind, subject, article_id, sentence_id, stated_value, evidence)
-- audit: accepted_values(claim_kind, handover, event, figure)
-- audit: evidence
-- audit: traces_to_article
-- column claim: what is claimed, as marts.claim_statements keys it; null for a figure (the view names its decade)
-- column claim_kind: handover, event or figure
-- column subject: a handover's district, an event's type, or what a figure counts
-- column context: a handover's event type; an event's district and decade; null for a figure
-- column article_id: the article that states it (staging.articles)
-- column sentence_id: the sentence that states it
-- column stated_start: offset of the stated date or figure in the article's text
-- column stated_text: the date or figure as written
-- column stated_value: the value in a standard form ('15 November 2020', 'at most 2,000')
-- column low: a figure's lowest value the statement allows; null for dates and 'almost'
-- column best: the figure as stated; null for dates
-- column high: a figure's highest value the statement allows; null for dates and 'more than'
-- column low_date: a date's first possible day; null for a completion "by" a day
-- column best_date: the day of a day-precision date; null otherwise
-- column high_date: a date's last possible day
-- column char_start: offset of the sentence in the article's text
-- column char_end: offset just past the sentence
-- column evidence: the sentence that states it
-- column frame_place: the district a figure is about; null for the whole conflict or a date
-- column frame_words: the words that frame a figure: its district and its date or era as written
-- column is_running: true for a running count (deaths, refugees...)
-- column as_of: the day a figure is read as of; null for dates
-- column year_stated: false for a day or month written without its year; null for figures
-- column handover_date: a handover's date, to match marts.data_quality's flags; null otherwise
-- column decade: a figure's decade (intermediate.figure_claims); null for dates and for a figure nothing dates
-- column span: 'day' for a count of one day, 'incident' for one incident's; null otherwise
with written_dates as (
    -- a day or month written without its year takes it from the article's date (or the corpus's)
    select
        *,
        kind = 'absolute' and anchor in ('publication', 'corpus') as is_yearless
    from staging.date_mentions
),

first_date_mentions as (
    select
        article_id,
        sentence_id,
        value,
        min(char_start) as char_start,
        arg_min(text, char_start) as text,
        arg_min(is_yearless, char_start) as is_yearless
    from written_dates
    group by article_id, sentence_id, value
),

handover_dates as (
    select
        events.district || ' ' || events.event_type as claim,
        'handover' as claim_kind,
        events.district as subject,
        events.event_type as context,
        events.article_id,
        events.sentence_id,
        coalesce(mentions.char_start, events.char_start) as stated_start,
        coalesce(mentions.text, strftime(events.event_date, '%-d %B %Y')) as stated_text,
        events.event_date as value,
        events.date_precision,
        -- "were vacated by December 1": done on that day or before it; so is one dated by the day it was reported
        -- ("Fuzuli is ours again, he said on Tuesday"): the report bounds the handover, it does not date it
        events.event_type = 'entered' and coalesce(contexts.after_deadline or contexts.after_reporting, false) as is_by,
        not coalesce(mentions.is_yearless, false) as year_stated
    from marts.handover_events as events
    left join first_date_mentions as mentions
        on
            events.article_id = mentions.article_id
            and events.sentence_id = mentions.sentence_id
            and events.event_date = mentions.value
    left join intermediate.date_contexts as contexts
        on
            mentions.article_id = contexts.article_id
            and mentions.sentence_id = contexts.sentence_id
            and mentions.char_start = contexts.char_start
    where events.date_source = 'sentence'
),

compared_events as (
    select
        timeline.*,
        year(timeline.event_date) // 10 * 10 || 's' as decade
    from intermediate.dated_statements as timeline  -- marts.event_timeline's rows, without their sources
    inner join reference.timeline_event_types as event_types using (event_type)
    -- an event of a district ("held since 1992") is compared only where its sentence names the district: "held
    -- since 1994" of "the territories" or of Karabakh as a whole frames no area that another source's year is of
    where event_types.compare_sources = 'true' and (event_types.scope <> 'district' or timeline.subject is not null)
),

event_dates as (
    select
        event_type || coalesce(' in ' || subject, '') || ' (' || decade || ')' as claim,
        'event' as claim_kind,
        event_type as subject,
        concat_ws(', ', subject, decade) as context,
        article_id,
        sentence_id,
        date_start as stated_start,
        date_text as stated_text,
        event_date as value,
        date_precision,
        false as is_by,
        not coalesce(
            (
                select written_dates.is_yearless from written_dates
                where
                    written_dates.article_id = compared_events.article_id
                    and written_dates.char_start = compared_events.date_start
            ),
            false
        ) as year_stated
    from compared_events
),

dates as (
    select * from handover_dates
    union all
    select * from event_dates
),

date_statements as (
    select
        claim,
        claim_kind,
        subject,
        context,
        article_id,
        sentence_id,
        stated_start,
        stated_text,
        case when is_by then 'by ' else '' end || case date_precision
            when 'day' then strftime(value, '%-d %B %Y')
            when 'week' then 'week of ' || strftime(value, '%-d %B %Y')
            when 'month' then strftime(value, '%B %Y')
            else strftime(value, '%Y')
        end as stated_value,
        null::double as low,
        null::double as best,
        null::double as high,
        case
            when is_by then null
            when date_precision = 'day' then value
            when date_precision = 'week' then value - 6
            when date_precision = 'month' then date_trunc('month', value)
            else date_trunc('year', value)
        end::date as low_date,
        case when date_precision = 'day' and not is_by then value end as best_date,
        case date_precision
            when 'day' then value
            when 'week' then value + 6
            when 'month' then last_day(value)
            else date_trunc('year', value) + interval 1 year - interval 1 day
        end::date as high_date,
        null::varchar as frame_place,
        null::varchar as frame_words,
        false as is_running,
        null::date as as_of,
        year_stated,
        case when claim_kind = 'handover' then value end as handover_date,
        null::bigint as decade,
        null::varchar as span
    from dates
),

spanned_claims as (
    -- a count of one day or of one incident is compared only with counts of that span read as of the same day
    select
        *,
        case when is_one_day then 'day' when is_one_incident then 'incident' end as span
    from intermediate.figure_claims
),

figure_statements as (
    select
        null::varchar as claim,
        'figure' as claim_kind,
        claims.claim_subject as subject,
        null::varchar as context,
        figures.article_id,
        figures.sentence_id,
        figures.char_start as stated_start,
        figures.evidence as stated_text,
        case
            when figures.bound = 'upper' then 'at most '
            when figures.bound = 'lower' then 'at least '
            when figures.is_approximate then 'about '
            else ''
        end || format('{:,.0f}', figures.value) as stated_value,
        case
            when figures.bound = 'upper' then null
            when figures.bound = 'lower' then figures.value
            when figures.is_approximate then figures.value * 0.9
            else figures.value
        end as low,
        figures.value as best,
        case
            when figures.bound = 'lower' then null
            when figures.bound = 'upper' then figures.value
            when figures.is_approximate then figures.value * 1.1
            else figures.value
        end as high,
        null::date as low_date,
        null::date as best_date,
        null::date as high_date,
        claims.place as frame_place,
        nullif(concat_ws('; ', claims.place_text, claims.period_text), '') as frame_words,
        claims.is_running,
        claims.as_of,
        null::boolean as year_stated,
        null::date as handover_date,
        claims.decade,
        claims.span
    from marts.figures_by_source as figures
    inner join spanned_claims as claims using (article_id, char_start)
),

statements as (
    select * from date_statements
    union all
    select * from figure_statements
)

select
    statements.claim,
    statements.claim_kind,
    statements.subject,
    statements.context,
    statements.article_id,
    statements.sentence_id,
    statements.stated_start,
    statements.stated_text,
    statements.stated_value,
    statements.low,
    statements.best,
    statements.high,
    statements.low_date,
    statements.best_date,
    statements.high_date,
    sentences.char_start,
    sentences.char_end,
    sentences.text as evidence,
    statements.frame_place,
    statements.frame_words,
    statements.is_running,
    statements.as_of,
    statements.year_stated,
    statements.handover_date,
    statements.decade,
    statements.span
from statements
inner join staging.sentences as sentences using (article_id, sentence_id)
