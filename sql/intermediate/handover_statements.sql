-- Each district paired with the handover trigger that governs it and with that trigger's date.
-- A district's own segment supplies its triggers (the first segment also takes the verb just before it:
-- "troops entered Lachin"); a segment with none borrows the nearest trigger of the
-- sentence (lists such as "Agdam before 20 November, Kalbajar before 15 November"), unless a reporting
-- verb ("said") stands between them and opens another statement. A future cue turns
-- "entered" into "scheduled"; a negation drops the statement. Dates: the nearest after the trigger in the
-- segment, then any in the segment; for "entered" also a date before the first district (the reporting
-- clause) and finally the publication date. A day beats a vaguer week or month wherever it stands. A date
-- never crosses a trigger of another type ("the deadline was extended to 25 November" dates the extension).
-- A weekday in a deadline ("is due on Tuesday") is the next such day, not the last one.
-- grain: one row per article_id, sentence_id, segment_start, trigger_start
-- incremental: article_id
-- audit: unique(article_id, sentence_id, segment_start, trigger_start)
-- audit: accepted_values(event_type, scheduled, postponed, entered)
-- audit: evidence
-- audit: traces_to_article
with sentence_triggers as (
    -- positions only: the strings (district, trigger text, sentence) join once at the end instead of riding
    -- through every join and window (30% faster, same rows)
    select
        segments.article_id,
        segments.sentence_id,
        segments.segment_start,
        segments.segment_end,
        segments.first_segment_start,
        segments.clause_end,
        triggers.char_start as trigger_start,
        triggers.char_end as trigger_end,
        triggers.trigger_type,
        exists (
            select 1 from staging.modality_cues as cues
            where
                cues.article_id = segments.article_id
                and cues.sentence_id = segments.sentence_id
                and cues.modality = 'reporting'
                and cues.char_start between least(triggers.char_end, segments.segment_start)
                and greatest(triggers.char_start, segments.segment_start)
        ) as reporting_between
    from intermediate.district_segments as segments
    inner join staging.handover_triggers as triggers
        on
            segments.article_id = triggers.article_id
            and segments.sentence_id = triggers.sentence_id
),

segment_triggers as (
    -- a verb after "while"/"but" is the district's only when the district has a verb before it too ("was due on
    -- 15 November but the deadline was postponed"), not in "Kelbajar on 25 November, while others were retaken"
    select * from sentence_triggers as candidates
    where
        trigger_start >= segment_start and trigger_start < segment_end
        and (
            trigger_start < clause_end
            or exists (
                select 1 from sentence_triggers as earlier
                where
                    earlier.article_id = candidates.article_id
                    and earlier.sentence_id = candidates.sentence_id
                    and earlier.segment_start = candidates.segment_start
                    and earlier.trigger_start >= earlier.segment_start
                    and earlier.trigger_start < earlier.clause_end
            )
        )
),

leading_triggers as (
    select * from sentence_triggers
    where trigger_start < segment_start and segment_start = first_segment_start and not reporting_between
    qualify row_number() over (
        partition by article_id, sentence_id, segment_start order by trigger_start desc
    ) = 1
),

own_triggers as (
    select * from segment_triggers
    union all
    select * from leading_triggers
),

borrowed_triggers as (
    select * from sentence_triggers as candidates
    where
        not reporting_between
        and not exists (
            select 1 from own_triggers as own
            where
                own.article_id = candidates.article_id
                and own.sentence_id = candidates.sentence_id
                and own.segment_start = candidates.segment_start
        )
    qualify row_number() over (
        partition by article_id, sentence_id, segment_start
        order by case when trigger_start < segment_start then 0 else 1 end, abs(trigger_start - segment_start)
    ) = 1
),

paired as (
    select * from own_triggers
    union all
    select * from borrowed_triggers
),

modality_near_triggers as (
    -- a future cue governs a trigger just after it, or further on in the same clause: no punctuation and no
    -- other trigger between them ("muss Armenien den Bezirk bis zum 1. Dezember übergeben")
    select
        paired.article_id,
        paired.sentence_id,
        paired.segment_start,
        paired.trigger_start,
        bool_or(cues.modality = 'negation' and paired.trigger_start - cues.char_end <= 30) as is_negated,
        bool_or(
            cues.modality = 'future'
            and (
                paired.trigger_start - cues.char_end <= 25
                or (
                    not regexp_matches(
                        substr(sentences.text, cues.char_end - sentences.char_start + 1, paired.trigger_start - cues.char_end),
                        '[,;:()–—]'
                    )
                    and not exists (
                        select 1 from staging.handover_triggers as other
                        where
                            other.article_id = paired.article_id
                            and other.sentence_id = paired.sentence_id
                            and other.char_start >= cues.char_end
                            and other.char_end <= paired.trigger_start
                    )
                )
            )
        ) as is_future
    from paired
    inner join staging.modality_cues as cues
        on
            paired.article_id = cues.article_id
            and paired.sentence_id = cues.sentence_id
            and cues.char_end <= paired.trigger_start
            and paired.trigger_start - cues.char_end <= 100
    inner join staging.sentences as sentences
        on
            paired.article_id = sentences.article_id
            and paired.sentence_id = sentences.sentence_id
    group by paired.article_id, paired.sentence_id, paired.segment_start, paired.trigger_start
),

with_modality as (
    select
        paired.*,
        coalesce(near.is_negated, false) as is_negated,
        coalesce(near.is_future, false) as is_future
    from paired
    left join modality_near_triggers as near
        on
            paired.article_id = near.article_id
            and paired.sentence_id = near.sentence_id
            and paired.segment_start = near.segment_start
            and paired.trigger_start = near.trigger_start
),

statements as (
    select
        *,
        case when trigger_type = 'entered' and is_future then 'scheduled' else trigger_type end as event_type
    from with_modality
    where not is_negated
),

dash_dates as (
    -- "by 22 November – Aghdam region": a date joined by a dash to the district after it is that district's
    select
        dates.article_id,
        dates.sentence_id,
        dates.char_start as date_start,
        segments.segment_start as owner_start
    from staging.date_mentions as dates
    inner join intermediate.district_segments as segments
        on
            dates.article_id = segments.article_id
            and dates.sentence_id = segments.sentence_id
            and segments.segment_start > dates.char_end
            and segments.segment_start - dates.char_end <= 5
    where regexp_full_match(
        substr(segments.sentence, dates.char_end - segments.sentence_start + 1, segments.segment_start - dates.char_end),
        '\s*[–—-]\s*'
    )
),

listed_segments as (
    -- districts of a sentence that says "respectively"
    select
        segments.article_id,
        segments.sentence_id,
        segments.segment_start,
        row_number() over (partition by segments.article_id, segments.sentence_id order by segments.segment_start) as k,
        count(*) over (partition by segments.article_id, segments.sentence_id) as n,
        max(segments.segment_start) over (partition by segments.article_id, segments.sentence_id) as last_start
    from intermediate.district_segments as segments
    where
        segments.match_methods <> 'carried'
        and exists (
            select 1 from staging.modality_cues as cues
            where
                cues.article_id = segments.article_id
                and cues.sentence_id = segments.sentence_id
                and cues.modality = 'respectively'
        )
),

listed_dates as (
    -- the days named after the last of those districts, in order
    select
        dates.article_id,
        dates.sentence_id,
        dates.char_start as date_start,
        row_number() over (partition by dates.article_id, dates.sentence_id order by dates.char_start) as k,
        count(*) over (partition by dates.article_id, dates.sentence_id) as n
    from staging.date_mentions as dates
    semi join (select distinct article_id, sentence_id, last_start from listed_segments) as lists
        on
            dates.article_id = lists.article_id
            and dates.sentence_id = lists.sentence_id
            and dates.char_start > lists.last_start
    where dates.precision = 'day'
),

owned_dates as (
    select * from dash_dates
    union all
    -- "Kelbajar and Aghdam were returned on 26 and 22 November respectively": the k-th district, the k-th day
    select
        segments.article_id,
        segments.sentence_id,
        dates.date_start,
        segments.segment_start as owner_start
    from listed_segments as segments
    inner join listed_dates as dates
        on
            segments.article_id = dates.article_id
            and segments.sentence_id = dates.sentence_id
            and segments.k = dates.k
            and segments.n = dates.n
),

date_markers as (
    select
        word,
        category
    from reference.date_words
    where category in ('from_marker', 'to_marker', 'year_context_after')
),

words_around_dates as (
    select
        dates.*,
        lower(regexp_extract(substr(sentences.text, 1, dates.char_start - sentences.char_start), '(\S+)\s+$', 1))
            as word_before,
        lower(regexp_extract(
            substr(sentences.text, dates.char_end - sentences.char_start + 1, 40), '^\s+([^\s,.;:]+)', 1
        )) as word_after
    from staging.date_mentions as dates
    inner join staging.sentences as sentences using (article_id, sentence_id)
    where dates.value is not null
),

dates_in_context as (
    -- each date with what the word before it says ("from", "until"); a date followed by "agreement" ("under
    -- the November 10 agreement") dates the agreement, not a handover, and is left out
    select
        * exclude (word_before, word_after),
        word_before in (select word from date_markers where category = 'from_marker') as after_from,
        word_before in (select word from date_markers where category = 'to_marker') as after_until
    from words_around_dates
    where word_after not in (select word from date_markers where category = 'year_context_after')
),

date_choices as (
    select
        statements.article_id,
        statements.sentence_id,
        statements.segment_start,
        statements.trigger_start,
        case
            when dates.kind = 'weekday' and statements.event_type = 'scheduled' and dates.value < articles.published_date
                then dates.value + 7
            else dates.value
        end as event_date,
        dates.precision as date_precision,
        dates.text as date_text,
        case
            when owned.owner_start = statements.segment_start then 0
            when
                dates.char_start >= greatest(statements.trigger_end, statements.segment_start)
                and dates.char_start < statements.segment_end
                then 1
            when
                dates.char_start >= statements.segment_start and dates.char_start < statements.segment_end
                and statements.event_type <> 'postponed'
                and (dates.char_start > statements.trigger_start or statements.trigger_start - dates.char_end <= 25)
                then 2
            -- "bis zum 25. November zu verzögern": a new deadline may come before the verb, after "until"
            when
                statements.event_type = 'postponed'
                and dates.char_start >= statements.segment_start and dates.char_end <= statements.trigger_start
                and dates.after_until
                then 2
            when dates.char_end <= statements.first_segment_start and statements.event_type = 'entered' then 3
        end as date_rank,
        abs(dates.char_start - statements.trigger_end) as distance
    from statements
    inner join dates_in_context as dates
        on
            statements.article_id = dates.article_id
            and statements.sentence_id = dates.sentence_id
    inner join staging.articles as articles on statements.article_id = articles.article_id
    left join owned_dates as owned
        on
            dates.article_id = owned.article_id
            and dates.sentence_id = owned.sentence_id
            and dates.char_start = owned.date_start
    where
        (owned.owner_start is null or owned.owner_start = statements.segment_start)
        and (
            owned.owner_start is not null
            -- "moved from 15 November to 25 November": the deadline before the move, across the verb that moved it
            or (statements.event_type = 'scheduled' and dates.after_from)
            or not exists (
                select 1 from staging.handover_triggers as other
                where
                    other.article_id = statements.article_id
                    and other.sentence_id = statements.sentence_id
                    and other.trigger_type <> statements.trigger_type
                    and other.char_start >= least(statements.trigger_end, dates.char_end)
                    and other.char_end <= greatest(statements.trigger_start, dates.char_start)
            )
        )
        and (
            statements.event_type = 'entered'
            or (dates.precision = 'day' and dates.kind in ('absolute', 'weekday'))
            or dates.is_deadline_end
        )
        -- "auf den 25. November verschoben": a date after "until" right before a postponement verb is the new deadline
        and not (
            statements.event_type = 'scheduled'
            and dates.after_until
            and exists (
                select 1 from staging.handover_triggers as postponement
                where
                    postponement.article_id = statements.article_id
                    and postponement.sentence_id = statements.sentence_id
                    and postponement.trigger_type = 'postponed'
                    and postponement.char_start >= dates.char_end
                    and postponement.char_start - dates.char_end <= 30
            )
        )
        -- "moved from 15 November to 25 November": the date after "from" is the old deadline, not the new one
        and not (statements.event_type = 'postponed' and dates.after_from)
),

delays as (
    -- "was delayed for 10 days": the nearest count of days or weeks after a postponement's trigger
    select
        statements.article_id,
        statements.sentence_id,
        statements.segment_start,
        statements.trigger_start,
        arg_min(
            figures.value::integer * case figures.subject when 'weeks' then 7 else 1 end,
            figures.char_start
        ) as delay_days
    from statements
    inner join staging.figure_mentions as figures
        on
            statements.article_id = figures.article_id
            and statements.sentence_id = figures.sentence_id
            and figures.char_start > statements.trigger_start
            and figures.subject in ('days', 'weeks')
    where statements.event_type = 'postponed'
    group by statements.article_id, statements.sentence_id, statements.segment_start, statements.trigger_start
),

best_dates as (
    select *
    from date_choices
    where date_rank is not null
    qualify row_number() over (
        partition by article_id, sentence_id, segment_start, trigger_start
        order by date_precision <> 'day', date_rank, distance
    ) = 1
),

resolved as (
    select
        statements.article_id,
        statements.sentence_id,
        segments.district,
        segments.match_methods,
        statements.event_type,
        statements.trigger_type,
        triggers.trigger_text,
        statements.is_future,
        statements.segment_start,
        statements.trigger_start,
        segments.sentence_start as char_start,
        segments.sentence_end as char_end,
        segments.sentence as evidence,
        coalesce(best_dates.event_date, case when statements.event_type = 'entered' then articles.published_date end)
            as event_date,
        coalesce(best_dates.date_precision, case when statements.event_type = 'entered' and articles.published_date
            is not null then 'day' end) as date_precision,
        case
            when best_dates.event_date is not null then 'sentence'
            when statements.event_type = 'entered' and articles.published_date is not null then 'publication'
        end as date_source,
        best_dates.date_text,
        delays.delay_days
    from statements
    inner join intermediate.district_segments as segments using (article_id, sentence_id, segment_start)
    inner join staging.handover_triggers as triggers
        on
            statements.article_id = triggers.article_id
            and statements.sentence_id = triggers.sentence_id
            and statements.trigger_start = triggers.char_start
    inner join staging.articles as articles on statements.article_id = articles.article_id
    left join best_dates using (article_id, sentence_id, segment_start, trigger_start)
    left join delays using (article_id, sentence_id, segment_start, trigger_start)
),

original_deadlines as (
    -- a district's earliest dated deadline in the article: what a delay of N days is counted from
    select
        article_id,
        district,
        min(event_date) as deadline
    from resolved
    where event_type = 'scheduled' and date_source = 'sentence'
    group by article_id, district
)

select
    resolved.* exclude (event_date, date_precision, date_source, delay_days),
    coalesce(resolved.event_date, original_deadlines.deadline + resolved.delay_days) as event_date,
    case
        when resolved.event_date is null and original_deadlines.deadline is not null and resolved.delay_days is not null
            then 'day'
        else resolved.date_precision
    end as date_precision,
    case
        when resolved.event_date is null and original_deadlines.deadline is not null and resolved.delay_days is not null
            then 'delay'
        else resolved.date_source
    end as date_source
from resolved
left join original_deadlines
    on
        resolved.article_id = original_deadlines.article_id
        and resolved.district = original_deadlines.district
        and resolved.event_type = 'postponed'
