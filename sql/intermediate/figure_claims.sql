-- What a figure is a claim about, so that figures from different outlets can be compared. Its subject comes
-- from reference.figure_claims: peacekeepers are peacekeepers, while "people" or "civilians" are a claim only
-- with the nearest cue word within 40 characters (reference.figure_claim_cues): "killed 30,000 people" are
-- deaths, "13,000 people who fled" refugees. Its decade is that of the nearest date or decade phrase in the
-- sentence ("since 1992", "in the 1990s", "at the end of the last century"), else of the article's publication
-- date (the newest in the corpus when the article has none): 30,000 dead in the 1990s war and thousands dead
-- this year are two claims. Figures of other subjects (weeks, districts, leaders) are no claims: left out.
-- grain: one row per article_id, char_start (of the figure)
-- audit: unique(article_id, char_start)
-- audit: not_null(article_id, claim_subject)
-- column article_id: the article (staging.articles)
-- column char_start: offset of the figure in the article's text (staging.figure_mentions)
-- column claim_subject: what the figure is a claim about (reference.figure_claims: deaths, refugees, peacekeepers...)
-- column decade: the decade it is about (1990 for the 1990s): the nearest date or era phrase, else the article's
with figures as (
    select
        article_id,
        sentence_id,
        char_start,
        char_end,
        subject
    from staging.figure_mentions
),

cue_distances as (
    select
        figures.article_id,
        figures.char_start,
        cues.label as cue,
        cues.char_start as cue_start,
        greatest(cues.char_start - figures.char_end, figures.char_start - cues.char_end, 0) as distance
    from figures
    inner join intermediate.lexicon_matches as cues
        on
            figures.article_id = cues.article_id
            and figures.sentence_id = cues.sentence_id
            and cues.lexicon = 'figure_claim'
),

nearest_cues as (
    select
        article_id,
        char_start,
        cue
    from cue_distances
    where distance <= 40
    qualify row_number() over (partition by article_id, char_start order by distance, cue_start) = 1
),

claims as (
    select
        figures.*,
        coalesce(direct.claim, by_cue.claim) as claim_subject
    from figures
    left join nearest_cues using (article_id, char_start)
    left join reference.figure_claims as direct
        on figures.subject = direct.subject and direct.cue is null
    left join reference.figure_claims as by_cue
        on figures.subject = by_cue.subject and nearest_cues.cue = by_cue.cue
    where coalesce(direct.claim, by_cue.claim) is not null
),

period_marks as (
    select
        article_id,
        sentence_id,
        char_start,
        char_end,
        year(value) // 10 * 10 as decade
    from staging.date_mentions
    where value is not null
    union all
    select
        article_id,
        sentence_id,
        char_start,
        char_end,
        cast(label as integer) as decade
    from intermediate.lexicon_matches
    where lexicon = 'era'
),

nearest_periods as (
    select
        claims.article_id,
        claims.char_start,
        marks.decade
    from claims
    inner join period_marks as marks
        on claims.article_id = marks.article_id and claims.sentence_id = marks.sentence_id
    qualify row_number() over (
        partition by claims.article_id, claims.char_start
        order by greatest(marks.char_start - claims.char_end, claims.char_start - marks.char_end, 0), marks.char_start
    ) = 1
),

corpus as (
    select newest_published as newest from intermediate.corpus_dates
)

select
    claims.article_id,
    claims.char_start,
    claims.claim_subject,
    coalesce(nearest_periods.decade, year(coalesce(articles.published_date, corpus.newest)) // 10 * 10) as decade
from claims
inner join staging.articles as articles using (article_id)
cross join corpus
left join nearest_periods using (article_id, char_start)
