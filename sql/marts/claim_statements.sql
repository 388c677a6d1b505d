-- Every statement of a claim that sources can agree or disagree on, with its source and evidence: the date of
-- a handover (district and event type, from marts.handover_events, when a sentence dates it and
-- marts.data_quality does not flag it), the date of a one-off event (event types with compare_sources in
-- reference.timeline_event_types: the truce signed, the fighting began, control held since; the rows of marts.event_timeline, per decade, and for a
-- type whose scope is a district only where its sentence names the district) and a figure for a subject, place and decade (intermediate.figure_claims over
-- marts.figures_by_source; 'undated' when nothing in the corpus dates it). Each statement is a range,
-- low/best/high in the style of UCDP: a figure with an 'upper' bound ("almost 2,000") is at most its number,
-- 'lower' ("more than") at least its number, approximate ("about", "some") within 10% either way (reporters
-- round to one or two significant figures, an error of up to 5%, so 1,960 is "about 2,000"), exact is the
-- number itself. A date spans its precision (a day, a month, a year); a week-precision date reaches six days
-- either side, as "two weeks ago" is loose. best is the figure, or the day of a day-precision date. source_id
-- is the syndication cluster: copies of one agency story are one source. The evidence is the sentence;
-- stated_start and stated_text locate the value in it.
-- It is a view: the statements of each article (intermediate.stated_claims, built incrementally and audited
-- there) get their source, the corpus's decade and data_quality's flags when read, so a run that adds articles
-- neither rebuilds nor republishes the statements of the others.
-- grain: one row per claim, article_id, stated_start
-- materialized: view
-- audit: unique(claim, article_id, stated_start)
-- audit: not_null(claim, context, source_id, source)
-- audit: not_empty
-- column claim: what is claimed, the key statements are compared on ('Agdam entered', 'deaths in Kalbajar (1990s)',
-- 'refugees in one day (8 December 2020)': a count of one day meets only counts of that day; 'deaths in one incident
-- (4 June 2021)': a count of one incident only counts of an incident read as of that day)
-- column claim_kind: handover, event or figure
-- column subject: a handover's district, an event's type, or what a figure counts (deaths, peacekeepers...)
-- column context: a handover's event type; an event's district and decade; a figure's place, its day when it is one
-- day's or one incident's, and decade
-- column frame_place: the district a figure is about (its sentence names it nearest, or refers back to one named
-- before: intermediate.figure_claims); null for the whole conflict or a date
-- column frame_words: the words that frame a figure: its district and its date or era as written; null when none did
-- column is_running: true for a running count (deaths, refugees...): statements read as of different days are a series
-- column as_of: the day a figure is read as of: a day its sentence gives, else the publication date; null for dates
-- column source_id: the syndication cluster (marts.syndication_clusters): copies of one story are one source
-- column source: the cluster's outlets, joined with ' + '
-- column article_id: the article that states it (staging.articles)
-- column sentence_id: the sentence that states it
-- column stated_start: offset of the stated date or figure in the article's text
-- column stated_text: the date or figure as written ("November 15", "almost 2,000 troops")
-- column stated_value: the value in a standard form ('15 November 2020', 'November 2020', 'by 1 December 2020',
-- 'at most 2,000')
-- column low: a figure's lowest value the statement allows ('about': 10% less); null for dates and 'almost'
-- column best: the figure as stated; null for dates
-- column high: a figure's highest value the statement allows ('about': 10% more); null for dates, 'more than'
-- column low_date: a date's first possible day (its month's first, a week's date minus 6 days); null for a
-- completion "by" a day (any day before it)
-- column best_date: the day of a day-precision date; null otherwise
-- column high_date: a date's last possible day
-- column char_start: offset of the sentence in the article's text
-- column char_end: offset just past the sentence
-- column evidence: the sentence that states it
-- column year_stated: false for a day or month written without its year, which is read from the article's date ("on
-- November 20" in a report of 2024 that looks back); null for figures
with statements as (
    select
        parts.*,
        -- a figure that neither its sentence nor its article dates is of the newest article's decade (a scalar
        -- subquery, not a cross join: DuckDB writes a view's cross join as a comma, which binds after the anti
        -- join below when the published catalog re-reads the view)
        coalesce(
            parts.decade, (select year(corpus.newest_published) // 10 * 10 from intermediate.corpus_dates as corpus)
        ) as framed_decade
    from intermediate.stated_claims as parts
    -- a handover date marts.data_quality flags (a misread year, history) is no claim
    anti join marts.data_quality as flagged
        on
            parts.handover_date = flagged.event_date
            and parts.article_id = flagged.article_id
            and parts.subject = flagged.district
            and parts.context = flagged.event_type
)

select
    -- a figure's claim: what it counts, where, and of which day (one day's or one incident's) or decade
    coalesce(
        statements.claim,
        statements.subject || coalesce(' in ' || statements.frame_place, '')
        || coalesce(' in one ' || statements.span, '') || ' ('
        || case
            when statements.span is not null then coalesce(strftime(statements.as_of, '%-d %B %Y'), 'undated')
            else coalesce(statements.framed_decade || 's', 'undated')
        end || ')'
    ) as claim,
    statements.claim_kind,
    statements.subject,
    coalesce(
        statements.context,
        concat_ws(
            ', ',
            statements.frame_place,
            'one ' || statements.span || ', ' || coalesce(strftime(statements.as_of, '%-d %B %Y'), 'undated'),
            coalesce(statements.framed_decade || 's', 'undated')
        )
    ) as context,
    clusters.cluster_id as source_id,
    clusters.source,
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
    statements.char_start,
    statements.char_end,
    statements.evidence,
    statements.frame_place,
    statements.frame_words,
    statements.is_running,
    statements.as_of,
    statements.year_stated
from statements
inner join marts.syndication_clusters as clusters using (article_id)
