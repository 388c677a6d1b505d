-- What an article says that the status marts leave out, and why: a plausibility check on content, never a
-- failed run. A handover event dated before 1980 (the conflict's events start in 1988: history, such as an
-- entry into a district in the Soviet era) or more than five years after the newest article
-- (intermediate.corpus_dates: a misread year) stays in marts.handover_events with its evidence and is listed
-- here; district_handover_status, handover_timeline, claim_statements and source_agreement skip it.
-- An article whose own publication date is implausible (before 1980 or more than a year after the build:
-- a feed's "9999-12-31") is listed too, with no sentence: the date stays the article's, but it sets no
-- corpus year and no as-of date.
-- grain: one row per checked_model, article_id, district, event_type, event_date
-- audit: unique(checked_model, article_id, district, event_type, event_date)
-- audit: not_null(checked_model, article_id, flag, reason)
-- audit: accepted_values(flag, date_before_window, date_after_window, publication_date_implausible)
-- audit: evidence
-- audit: traces_to_article
-- column checked_model: the table of the flagged row: marts.handover_events or staging.articles
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence of the flagged event; null for a publication date
-- column char_start: offset of that sentence in the article's text; null for a publication date
-- column char_end: offset just past that sentence
-- column evidence: that sentence; null for a publication date
-- column district: the flagged handover event's district; null for a publication date
-- column event_type: the flagged event's type: entered, scheduled or postponed
-- column event_date: the flagged event's date
-- column flag: date_before_window, date_after_window or publication_date_implausible
-- column reason: why, in words ("dated before 1980: history, not a handover of this conflict")
with windows as (
    select
        earliest_plausible as earliest,
        newest_published + interval 5 year as latest,
        latest_plausible
    from intermediate.corpus_dates
)

select
    'marts.handover_events' as checked_model,
    events.article_id,
    events.sentence_id,
    events.char_start,
    events.char_end,
    events.evidence,
    events.district,
    events.event_type,
    events.event_date,
    case when events.event_date < windows.earliest then 'date_before_window' else 'date_after_window' end as flag,
    case
        when events.event_date < windows.earliest
            then 'dated before ' || strftime(windows.earliest, '%Y') || ': history, not a handover of this conflict'
        else
            'dated after ' || strftime(windows.latest, '%-d %B %Y')
            || ', five years past the newest article: likely a misread year'
    end as reason
from marts.handover_events as events
cross join windows
where events.event_date < windows.earliest or events.event_date > windows.latest

union all

select
    'staging.articles' as checked_model,
    articles.article_id,
    null as sentence_id,
    null as char_start,
    null as char_end,
    null as evidence,
    null as district,
    null as event_type,
    null as event_date,
    'publication_date_implausible' as flag,
    'published ' || strftime(articles.published_date, '%Y-%m-%d')
    || coalesce(' (' || articles.published_source || ')', '')
    || ', outside ' || strftime(windows.earliest, '%Y') || ' to ' || strftime(windows.latest_plausible, '%Y')
    || ': it dates no other article and sets no as-of date' as reason
from staging.articles as articles
cross join windows
where articles.published_date < windows.earliest or articles.published_date > windows.latest_plausible
