-- Where each district stands, across all articles: handed over (with the date most sources give), still
-- pending, overdue (its deadline passed before the newest article without a handover), or captured: taken in
-- the fighting, not handed over under the truce (no source gives it a handover deadline, and it was entered
-- before the first deadline any source gives for any district). as_of_date is
-- the newest plausible publication date in the corpus (intermediate.corpus_dates), so the answer is
-- reproducible. An article whose outlet is unknown counts as an outlet of its own. n_independent_sources counts syndication clusters instead
-- (marts.syndication_clusters: outlets running one agency story are one source). sources_disagree is true
-- when sources give conflicting dates for one of its handover events (marts.source_agreement), and
-- disputed_dates lists them with how many sources give each ("entered: 1 December 2020 (2 sources);
-- 3 December 2020 (1 source)"). Events that marts.data_quality flags (dated outside the conflict's window)
-- are left out.
-- grain: one row per district
-- audit: unique(district)
-- audit: not_null(district, status, status_reason, n_articles, n_independent_sources, sources_disagree)
-- audit: accepted_values(status, handed_over, pending, overdue, captured)
-- audit: not_empty
-- column district: the district's canonical name
-- column status: handed_over, pending, overdue (its deadline passed before as_of_date with no handover), or captured (taken in the fighting)
-- column scheduled_date: the handover deadline most articles give (ties: the earliest)
-- column revised_date: the postponed deadline most articles give (ties: the latest)
-- column handed_over_date: the handover date most articles give (ties: the earliest)
-- column n_articles: articles stating a handover event of the district
-- column n_outlets: outlets among those articles (an article of unknown outlet counts as one of its own)
-- column as_of_date: the newest plausible publication date in the corpus: the day the status holds on
-- column n_independent_sources: syndication clusters among those articles: copies of one story count once
-- column sources_disagree: true when sources give conflicting dates for one of its handover events
-- column disputed_dates: the conflicting dates with their number of sources; null when none
-- column status_reason: why the district has its status, with the dates it rests on
with corpus as (
    select newest_published as as_of_date from intermediate.corpus_dates
),

events as (
    select
        events.*,
        coalesce(articles.outlet, 'article:' || events.article_id) as source,
        clusters.cluster_id
    from marts.handover_events as events
    inner join staging.articles as articles using (article_id)
    inner join marts.syndication_clusters as clusters using (article_id)
    anti join marts.data_quality using (article_id, district, event_type, event_date)
),

date_support as (
    select
        district,
        event_type,
        event_date,
        count(distinct article_id) as n_articles
    from events
    where event_date is not null
    group by district, event_type, event_date
),

best_dates as (
    select
        district,
        event_type,
        event_date
    from date_support
    qualify row_number() over (
        partition by district, event_type
        order by n_articles desc, case when event_type = 'postponed' then event_date end desc, event_date
    ) = 1
),

districts as (
    select
        district,
        count(distinct article_id) as n_articles,
        count(distinct source) as n_outlets,
        count(distinct cluster_id) as n_independent_sources,
        bool_or(event_type = 'entered') as was_entered,
        bool_or(event_type in ('scheduled', 'postponed')) as has_deadline,
        max(event_date) filter (where event_type = 'entered') as last_entered
    from events
    group by district
),

-- the first handover deadline any source gives: the truce's handovers start there; a district entered before it
-- with no deadline of its own was taken in the fighting
first_deadline as (
    select min(event_date) as first_deadline
    from events
    where event_type in ('scheduled', 'postponed')
),

disputes as (
    select
        subject as district,
        string_agg(context || ': ' || stated_values, ' | ' order by context) as disputed_dates
    from marts.source_agreement
    where claim_kind = 'handover' and verdict = 'conflict'
    group by subject
),

dated as (
    select
        districts.*,
        scheduled.event_date as scheduled_date,
        revised.event_date as revised_date,
        entered.event_date as handed_over_date,
        corpus.as_of_date,
        first_deadline.first_deadline,
        disputes.disputed_dates
    from districts
    cross join corpus
    cross join first_deadline
    left join disputes using (district)
    left join best_dates as scheduled
        on districts.district = scheduled.district and scheduled.event_type = 'scheduled'
    left join best_dates as revised
        on districts.district = revised.district and revised.event_type = 'postponed'
    left join best_dates as entered
        on districts.district = entered.district and entered.event_type = 'entered'
),

status as (
    select
        *,
        case
            when
                was_entered and not has_deadline and first_deadline is not null
                and coalesce(last_entered < first_deadline, true)
                then 'captured'
            when was_entered then 'handed_over'
            when coalesce(revised_date, scheduled_date) < as_of_date then 'overdue'
            else 'pending'
        end as status
    from dated
)

select
    district,
    status,
    scheduled_date,
    revised_date,
    handed_over_date,
    n_articles,
    n_outlets,
    as_of_date,
    n_independent_sources,
    disputed_dates is not null as sources_disagree,
    disputed_dates,
    case status
        when 'captured'
            then
                'entered ' || coalesce('on ' || strftime(handed_over_date, '%Y-%m-%d'), 'undated')
                || ' with no handover deadline of its own, before the first deadline any source gives ('
                || strftime(first_deadline, '%Y-%m-%d') || ')'
        when 'handed_over'
            then 'entered ' || coalesce('on ' || strftime(handed_over_date, '%Y-%m-%d'), 'undated')
        when 'overdue'
            then
                'deadline ' || strftime(coalesce(revised_date, scheduled_date), '%Y-%m-%d') || ' passed before '
                || strftime(as_of_date, '%Y-%m-%d') || ' with no entry reported'
        else
            'deadline ' || coalesce(strftime(coalesce(revised_date, scheduled_date), '%Y-%m-%d'), 'undated')
            || ' not passed on ' || coalesce(strftime(as_of_date, '%Y-%m-%d'), 'an unknown day')
    end as status_reason
from status
