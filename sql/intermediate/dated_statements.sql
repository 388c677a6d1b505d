-- Every date mention that resolves to a date, typed by what it dates, with its sentence as evidence: the
-- per-article part of marts.event_timeline. A date that a handover statement uses (same sentence, same date)
-- is that handover: handover_entered, handover_scheduled or handover_postponed, its districts as subject.
-- Otherwise the words around it type it (intermediate.date_event_cues: truce_signed, fighting_began,
-- control_since, phone_call, meeting, handover where no dated handover event was read, statement), else it is
-- 'other'; an event type whose scope is a district (reference.timeline_event_types) takes the district when the
-- sentence names exactly one. The article's own dateline dates the report: a cue after it types no event with it,
-- and an event told only once it happened (reference.timeline_event_types.in_the_past) is none after the report.
-- Every column comes from the article's own rows, so a run only types the dates of new articles; the mart
-- adds what depends on the corpus (the syndication cluster, how many sources give the same event).
-- grain: one row per article_id, date_start
-- incremental: article_id
-- audit: unique(article_id, date_start)
-- audit: not_null(article_id, sentence_id, event_type, event_date, date_precision, evidence)
-- audit: accepted_values(date_precision, day, week, month, year)
-- audit: evidence
-- audit: traces_to_article
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence the date is in
-- column event_type: what it dates: handover_entered, handover_scheduled, truce_signed, phone_call... or other
-- column subject: a handover's district(s), or the district of an event of a district; null otherwise
-- column event_date: the day the date resolves to
-- column date_precision: day, week, month or year
-- column date_kind: absolute, weekday or relative
-- column date_text: the date as written
-- column date_start: offset of the date in the article's text
-- column date_end: offset just past the date
-- column cue_text: the words that typed it (a handover verb, a timeline cue); null for 'other'
-- column char_start: offset of the sentence in the article's text
-- column char_end: offset just past the sentence
-- column evidence: the sentence
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

datelines as (
    -- the article's own dateline ("BAKU, Nov 24 (Reuters) - ... a truce brokered two weeks ago"): the day of the
    -- report, never of an event its sentence names
    select
        dates.article_id,
        dates.char_start
    from dates
    inner join staging.articles as articles using (article_id)
    inner join staging.sentences as sentences using (article_id, sentence_id)
    where
        articles.published_source = 'dateline'
        and dates.value = articles.published_date
        and dates.char_start - sentences.char_start <= 40
        and sentences.sentence_id = (
            select min(body.sentence_id) from staging.sentences as body
            where body.article_id = dates.article_id and not body.is_title
        )
),

told_events as (
    -- an event that can only be told once it happened, dated after the report, is none: "due to pass to
    -- Azerbaijan under the November 25 agreement" in a report of 24 November names a deadline, not a signing
    select cues.*
    from intermediate.date_event_cues as cues
    where not exists (
        select 1
        from dates
        inner join staging.articles as articles using (article_id)
        inner join reference.timeline_event_types as event_types on event_types.in_the_past = 'true'
        where
            dates.article_id = cues.article_id
            and dates.char_start = cues.char_start
            and event_types.event_type = cues.event_type
            and dates.value > articles.published_date
    )
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
        coalesce(
            handovers.event_type, case when datelines.char_start is null then cues.event_type end, 'other'
        ) as event_type,
        case
            when handovers.event_type is not null then handovers.subject
            when datelines.char_start is null and event_types.scope = 'district' then sentence_districts.district
        end as subject,
        coalesce(handovers.cue_text, case when datelines.char_start is null then cues.cue_text end) as cue_text
    from dates
    left join datelines using (article_id, char_start)
    left join handovers using (article_id, char_start)
    left join told_events as cues using (article_id, char_start)
    left join reference.timeline_event_types as event_types on cues.event_type = event_types.event_type
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
    sentences.char_start,
    sentences.char_end,
    sentences.text as evidence
from typed
inner join staging.sentences as sentences using (article_id, sentence_id)
