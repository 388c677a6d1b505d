-- What is confirmed and what is disputed: one row per claim (marts.claim_statements) that at least two
-- independent sources state, or that sources state differently. n_sources counts syndication clusters, so
-- outlets running one agency story count once. low and high (low_date, high_date for dates) are the lowest
-- and highest values a statement allows, a bound standing for its number; best is the value most sources
-- give (ties: the narrowest statement, then the lowest value). verdict: 'agree' when every statement gives the
-- same best value ("some 30,000" and "30,000"; "entered on 25 November" and "had entered, it said on 25
-- November", done by that day); 'consistent' when they differ but one value fits every
-- statement's range (1,960 and "about 2,000"; "late September" and "September 27"); 'conflict' when none does
-- ("since 1992" against "since 1994"). Differing deadlines of a district whose handover sources report
-- postponed are consistent: the deadline moved (15 November, then 25 November). gap is how far apart the two
-- sides are (days for dates, the counted unit for figures); a conflict within a day or within 10% is a
-- near-conflict, and the explanation says why it may arise. low_side holds the statements with the lowest
-- upper limit and high_side those with the highest lower limit: in a conflict, the evidence of each side
-- (source, article_id, char offsets, sentence, stated text); a side is null when no statement sets that limit
-- ("at least 1,000" has no upper one). A figure is compared only within its frame: what it counts, where (a
-- district its sentence names, else the whole conflict) and when (its decade), as marts.claim_statements keys it.
-- A running count (deaths, refugees... reported day by day) is a series: when every statement of the larger
-- figure is read as of a later day than every statement of the smaller one, the larger is an update
-- ('consistent'); a later, smaller figure stays a conflict, flagged as a count that fell. A running count no
-- day dates (an undated article's) stays in claim_statements but is not compared. A day written without its year
-- states only its day and month: it takes the year in which another statement of the claim gives that day (the
-- latest before its own), so a report of 2024 recalling "on November 20" agrees with "20 November 2020" (stated as
-- '20 November (no year written)'), as does an undated report's "December 1" read in the corpus's year.
-- reason says why, in a few words, for every verdict.
-- grain: one row per claim
-- audit: unique(claim)
-- audit: not_null(claim, claim_kind, subject, n_sources, n_statements, verdict, is_near_conflict, explanation, reason)
-- audit: accepted_values(verdict, agree, consistent, conflict)
-- audit: accepted_values(claim_kind, handover, event, figure)
-- audit: not_empty
-- column claim: what is claimed ('Agdam entered', 'deaths (1990s)'), as in marts.claim_statements
-- column claim_kind: handover, event or figure
-- column subject: a handover's district, an event's type, or what a figure counts
-- column context: a handover's event type; an event's district and decade; a figure's decade or 'undated'
-- column verdict: agree (one value), consistent (one value fits every statement) or conflict
-- column is_near_conflict: true for a conflict within a day (days: not a year or month against the next) or within 10%
-- (figures)
-- column gap: how far apart a conflict's sides are: days for dates, the counted unit for figures
-- column n_sources: independent sources stating it (syndication clusters)
-- column n_statements: statements of it
-- column sources: the sources stating it, each its cluster's outlets
-- column stated_values: each stated value with its number of sources ('1,960 (1 source); about 2,000 (2 sources)')
-- column low: a figure's lowest value any statement allows; null for dates
-- column best: the figure most sources give (ties: the narrowest statement, then the lowest); null for dates
-- column high: a figure's highest value any statement allows; null for dates
-- column low_date: a date's first day any statement allows; null for figures
-- column best_date: the day most sources give; null for figures
-- column high_date: a date's last day any statement allows; null for figures
-- column explanation: the verdict in words, with the values of each side
-- column low_side: statements with the lowest upper limit, with source and evidence; null when none has one
-- column high_side: statements with the highest lower limit, with source and evidence; null when none has one
-- column frame_place: the district a figure claim is about; null for the whole conflict and for dates
-- column is_running: true for a running count compared as a series
-- column reason: why the verdict: same value, overlapping ranges, a moved deadline, a running count updated or fallen, values apart, or a near-conflict
with stated_days as (
    -- the days statements of the claim give
    select distinct
        claim,
        best_date
    from marts.claim_statements
    where best_date is not null
),

read_statements as (
    -- a day whose year the text does not write ("on November 20" in a report of 2024 that looks back) states only its
    -- day and month: it takes the latest year before the one read from the article's date in which another statement
    -- of the claim gives that day
    select
        statements.* replace (
            cast(coalesce(statements.low_date - to_years(shift.years), statements.low_date) as date) as low_date,
            cast(coalesce(statements.best_date - to_years(shift.years), statements.best_date) as date) as best_date,
            cast(coalesce(statements.high_date - to_years(shift.years), statements.high_date) as date) as high_date,
            case
                when shift.years is not null then strftime(statements.best_date, '%-d %B') || ' (no year written)'
                else statements.stated_value
            end as stated_value
        )
    from marts.claim_statements as statements
    left join lateral (
        select min(year(statements.best_date) - year(stated.best_date)) as years
        from stated_days as stated
        where
            not statements.year_stated
            and stated.claim = statements.claim
            and month(stated.best_date) = month(statements.best_date)
            and day(stated.best_date) = day(statements.best_date)
            and stated.best_date < statements.best_date
    ) as shift on true
),

statements as (
    select
        *,
        coalesce(low, date_diff('day', date '1970-01-01', low_date)) as lower_limit,
        coalesce(high, date_diff('day', date '1970-01-01', high_date)) as upper_limit,
        coalesce(best, date_diff('day', date '1970-01-01', best_date)) as best_value,
        {
            'source': source, 'article_id': article_id, 'sentence_id': sentence_id, 'char_start': char_start,
            'char_end': char_end, 'evidence': evidence, 'stated_text': stated_text, 'stated_value': stated_value
        } as statement
    from read_statements
    -- a running count read as of no day cannot take its place in the series: listed there, not compared here
    where not coalesce(is_running and as_of is null, false)
),

claims as (
    select
        claim,
        min(claim_kind) as claim_kind,
        min(subject) as subject,
        min(context) as context,
        count(distinct source_id) as n_sources,
        count(*) as n_statements,
        list(distinct source order by source) as sources,
        max(lower_limit) as floor,
        min(upper_limit) as ceiling,
        min(coalesce(lower_limit, best_value)) as low_value,
        max(coalesce(upper_limit, best_value)) as high_value,
        -- every statement gives the same value, a completion "by" a day (any day up to it) giving that day; or every
        -- statement the same span ("November 2020" twice)
        count(distinct coalesce(best_value, upper_limit)) = 1
        and bool_and(best_value is not null or lower_limit is null and upper_limit is not null)
        or count(distinct [lower_limit, upper_limit]) = 1
        and bool_and(lower_limit is not null and upper_limit is not null) as same_best,
        string_agg(distinct stated_value, ' / ' order by stated_value) as stated_as,
        any_value(frame_place) as frame_place,
        bool_and(is_running) as is_running
    from statements
    group by claim
    having count(distinct source_id) >= 2 or count(distinct stated_value) >= 2
),

postponements as (
    select
        events.district as subject,
        count(distinct clusters.cluster_id) as n_sources
    from marts.handover_events as events
    inner join marts.syndication_clusters as clusters using (article_id)
    anti join marts.data_quality using (article_id, district, event_type, event_date)
    where events.event_type = 'postponed'
    group by events.district
),

best_values as (
    select
        claim,
        best_value
    from statements
    where best_value is not null
    group by claim, best_value
    qualify row_number() over (
        partition by claim
        order by
            count(distinct source_id) desc,
            min(coalesce(upper_limit, best_value) - coalesce(lower_limit, best_value)),
            best_value
    ) = 1
),

stated_values as (
    select
        claim,
        stated_value,
        count(distinct source_id) as n_sources,
        min(lower_limit) as lower_limit,
        max(upper_limit) as upper_limit
    from statements
    group by claim, stated_value
),

value_lists as (
    select
        claim,
        string_agg(
            stated_value || ' (' || n_sources || ' source' || case when n_sources > 1 then 's' else '' end || ')', '; '
            order by lower_limit nulls first, upper_limit nulls last, stated_value
        ) as stated_values
    from stated_values
    group by claim
),

sides as (
    select
        claims.claim,
        list(
            statements.statement order by statements.article_id, statements.stated_start
        ) filter (where statements.upper_limit = claims.ceiling) as low_side,
        list(
            statements.statement order by statements.article_id, statements.stated_start
        ) filter (where statements.lower_limit = claims.floor) as high_side,
        string_agg(
            distinct statements.stated_value, ', ' order by statements.stated_value
        ) filter (where statements.upper_limit = claims.ceiling) as low_side_values,
        string_agg(
            distinct statements.stated_value, ', ' order by statements.stated_value
        ) filter (where statements.lower_limit = claims.floor) as high_side_values,
        -- a running count: the latest day the smaller figure is read as of, the earliest the larger one is
        max(statements.as_of) filter (where statements.upper_limit = claims.ceiling) as low_side_as_of,
        min(statements.as_of) filter (where statements.lower_limit = claims.floor) as high_side_as_of,
        min(statements.as_of) filter (where statements.upper_limit = claims.ceiling) as low_side_first,
        max(statements.as_of) filter (where statements.lower_limit = claims.floor) as high_side_last,
        -- whether both sides state days: "1992" against "1993" are a day apart only at their edges
        bool_and(statements.best_value is not null) filter (
            where statements.upper_limit = claims.ceiling or statements.lower_limit = claims.floor
        ) as sides_state_days
    from claims
    inner join statements using (claim)
    group by claims.claim
),

judged as (
    select
        claims.*,
        best_values.best_value,
        postponements.n_sources as n_postponing_sources,
        coalesce(claims.is_running and sides.high_side_as_of > sides.low_side_as_of, false) as is_update,
        coalesce(claims.is_running and sides.low_side_first > sides.high_side_last, false) as has_fallen,
        case
            when claims.same_best then 'agree'
            when claims.floor > claims.ceiling and claims.is_running and sides.high_side_as_of > sides.low_side_as_of
                then 'consistent'
            when claims.floor > claims.ceiling and postponements.n_sources is null then 'conflict'
            else 'consistent'
        end as verdict,
        case when claims.floor > claims.ceiling then claims.floor - claims.ceiling end as gap,
        case
            when claims.claim_kind = 'figure' then 0.1 * claims.floor
            when sides.sides_state_days then 1
            else 0
        end as near_gap,
        list_transform(
            [claims.low_value, best_values.best_value, claims.high_value],
            day -> date '1970-01-01' + cast(day as integer)
        ) as days,
        list_transform(
            [claims.floor, claims.ceiling, best_values.best_value, claims.floor - claims.ceiling],
            x -> case
                when claims.claim_kind = 'figure' then format('{:,.0f}', x)
                else strftime(date '1970-01-01' + cast(x as integer), '%-d %B %Y')
            end
        ) as shown
    from claims
    inner join sides using (claim)
    left join best_values using (claim)
    left join postponements
        on claims.claim_kind = 'handover' and claims.context = 'scheduled' and claims.subject = postponements.subject
),

explained as (
    select
        *,
        case
            when floor is null then 'at most ' || shown[2]
            when ceiling is null then 'at least ' || shown[1]
            when floor = ceiling then shown[1]
            else shown[1] || ' to ' || shown[2]
        end as common_range,
        case
            when claim_kind = 'figure' then shown[4]
            else cast(gap as bigint) || ' day' || case when gap > 1 then 's' else '' end
        end as gap_text,
        case
            when claim_kind = 'figure' then '; a near-conflict (within 10%): rounding, or a figure updated'
            else
                '; a near-conflict (a day apart): often one event dated across midnight or a time zone, dated by '
                || 'its announcement, or a deadline counted with or without its last day'
        end as near_note,
        coalesce(verdict = 'conflict' and gap <= near_gap, false) as is_near_conflict
    from judged
)

select
    explained.claim,
    explained.claim_kind,
    explained.subject,
    explained.context,
    explained.verdict,
    explained.is_near_conflict,
    explained.gap,
    explained.n_sources,
    explained.n_statements,
    explained.sources,
    value_lists.stated_values,
    case when explained.claim_kind = 'figure' then explained.low_value end as low,
    case when explained.claim_kind = 'figure' then explained.best_value end as best,
    case when explained.claim_kind = 'figure' then explained.high_value end as high,
    case when explained.claim_kind <> 'figure' then explained.days[1] end as low_date,
    case when explained.claim_kind <> 'figure' then explained.days[2] end as best_date,
    case when explained.claim_kind <> 'figure' then explained.days[3] end as high_date,
    case
        when explained.verdict = 'agree'
            then
                -- (a span has no best value: "every source gives November 2020")
                'every source gives ' || coalesce(explained.shown[3], explained.stated_as)
                || case
                    when explained.stated_as <> explained.shown[3] then ' (stated as ' || explained.stated_as || ')'
                    else ''
                end
        when explained.verdict = 'consistent' and explained.gap is null
            then 'the statements differ but fit together: every one allows ' || explained.common_range
        when explained.verdict = 'consistent' and explained.is_update
            then
                'a running count read on different days: ' || sides.low_side_values || ' as of '
                || strftime(sides.low_side_as_of, '%-d %B %Y') || ', then ' || sides.high_side_values || ' as of '
                || strftime(sides.high_side_as_of, '%-d %B %Y') || ': the later figure updates the earlier one'
        when explained.verdict = 'consistent'
            then
                'the deadline moved: ' || sides.low_side_values || ', then ' || sides.high_side_values
                || '; the handover is reported postponed by ' || explained.n_postponing_sources || ' source'
                || case when explained.n_postponing_sources > 1 then 's' else '' end
        else
            'no single value fits every source: ' || sides.low_side_values || ' against ' || sides.high_side_values
            || ', ' || explained.gap_text || ' apart'
            || case when explained.is_near_conflict then explained.near_note else '' end
    end as explanation,
    sides.low_side,
    sides.high_side,
    explained.frame_place,
    explained.is_running,
    case
        when explained.verdict = 'agree' then 'same value'
        when explained.verdict = 'consistent' and explained.gap is null then 'ranges overlap'
        when explained.verdict = 'consistent' and explained.is_update then 'running count updated'
        when explained.verdict = 'consistent' then 'deadline moved'
        when explained.has_fallen then 'running count fell'
        when explained.is_near_conflict and explained.claim_kind = 'figure' then 'near-conflict: within 10%'
        when explained.is_near_conflict then 'near-conflict: a day apart'
        else 'same frame, values apart'
    end as reason
from explained
inner join sides using (claim)
inner join value_lists using (claim)
