-- What a figure is a claim about, so that figures from different outlets can be compared. Its subject comes
-- from reference.figure_claims: peacekeepers are peacekeepers, while "people" or "civilians" are a claim only
-- with the nearest cue word within 40 characters, of its own clause first (reference.figure_claim_cues): "killed
-- 30,000 people" are deaths, "13,000 people who fled" refugees. A cue also narrows a subject of its own: "385 bodies exchanged" are
-- remains handed back, no death toll. Troops near words of a peacekeeping mission (the cue peacekeeping) are
-- its peacekeepers, framed next by what happened to them: "seven soldiers were killed during the mission" are
-- peacekeeper deaths, not the war's. Its decade is that of the nearest date or decade phrase in the
-- sentence ("since 1992", "in the 1990s", "at the end of the last century", "Armenia's occupation left"; "since
-- then": the last date the article gave before it), else of
-- the article's publication date (null when the article has none: marts.claim_statements then takes the newest
-- in the corpus, which moves with every run, so it is not read here): 30,000 dead in the 1990s war and thousands
-- dead this year are two claims. Its place is the district the sentence names nearest to it
-- ("511 people were killed in Kalbajar" is a claim about Kalbajar, not the whole war); when the sentence names
-- none but refers back to one ("37 residents of the district", an occupation: "the occupation left", "since
-- then"), the
-- district the article named last before it; else null, the conflict as a whole. A running count
-- (reference.figure_claims.running: deaths, refugees... reported day by day) is read as of the day the sentence
-- gives, else the article's publication date; a count of one day ("in the last 24 hours",
-- reference.increment_phrases) is no running total but that day's, and a count of one incident ("a mine explosion",
-- reference.incident_phrases) that incident's. Figures of other subjects (weeks, districts,
-- leaders) are no claims: left out.
-- grain: one row per article_id, char_start (of the figure)
-- incremental: article_id
-- audit: unique(article_id, char_start)
-- audit: not_null(article_id, claim_subject)
-- column article_id: the article (staging.articles)
-- column char_start: offset of the figure in the article's text (staging.figure_mentions)
-- column claim_subject: what the figure is a claim about (reference.figure_claims: deaths, refugees, peacekeepers...)
-- column decade: the decade it is about (1990 for the 1990s): the nearest date or era phrase, else the article's;
-- null when neither gives one
-- column period_text: the date or era words that set the decade; null when the article's date did
-- column place: the district the figure is about (its sentence's nearest, else, when the figure refers back to one,
-- the article's last before it); null for the whole conflict
-- column place_text: the district as the article writes it
-- column is_running: true for a count reported day by day (deaths, refugees...): a later, larger figure updates it
-- column as_of: the day a running count is read as of: a day its sentence gives, else the publication date
-- column is_one_day: true for a count of one day ("in the last 24 hours"): compared only with that day's counts
-- column is_one_incident: true for a count of one incident ("killed when their car hit a mine", reference.incident_phrases):
-- compared only with counts of one incident read as of the same day, never with a war's toll
with mentions as (
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
        greatest(cues.char_start - figures.char_end, figures.char_start - cues.char_end, 0) as distance,
        -- "displaced; 400 civilians were killed": a cue of the figure's own clause beats a nearer one across a stop
        regexp_matches(
            substr(
                sentences.text,
                least(cues.char_end, figures.char_end) - sentences.char_start + 1,
                greatest(greatest(cues.char_start, figures.char_start) - least(cues.char_end, figures.char_end), 0)
            ),
            '[,;:()–—]'
        ) as across_clause
    from mentions as figures
    inner join intermediate.lexicon_matches as cues
        on
            figures.article_id = cues.article_id
            and figures.sentence_id = cues.sentence_id
            and cues.lexicon = 'figure_claim'
    inner join staging.sentences as sentences
        on
            figures.article_id = sentences.article_id
            and figures.sentence_id = sentences.sentence_id
),

mission_claims as (
    -- troops near words of a peacekeeping mission count its peacekeepers (reference.figure_claims), whatever befell them
    select distinct
        cue_distances.article_id,
        cue_distances.char_start,
        missions.claim as subject
    from cue_distances
    inner join mentions using (article_id, char_start)
    inner join reference.figure_claims as missions
        on mentions.subject = missions.subject and cue_distances.cue = missions.cue
    where cue_distances.cue = 'peacekeeping' and cue_distances.distance <= 40
),

figures as (
    select mentions.* replace (coalesce(mission_claims.subject, mentions.subject) as subject)
    from mentions
    left join mission_claims using (article_id, char_start)
),

nearest_cues as (
    select
        article_id,
        char_start,
        cue
    from cue_distances
    where distance <= 40 and cue <> 'peacekeeping'
    qualify row_number() over (partition by article_id, char_start order by across_clause, distance, cue_start) = 1
),

claims as (
    select
        figures.*,
        coalesce(by_cue.claim, direct.claim) as claim_subject
    from figures
    left join nearest_cues using (article_id, char_start)
    left join reference.figure_claims as direct
        on figures.subject = direct.subject and direct.cue is null
    left join reference.figure_claims as by_cue
        on figures.subject = by_cue.subject and nearest_cues.cue = by_cue.cue
    where coalesce(by_cue.claim, direct.claim) is not null
),

period_marks as (
    select
        article_id,
        sentence_id,
        char_start,
        char_end,
        year(value) // 10 * 10 as decade,
        text
    from staging.date_mentions
    where value is not null
    union all
    select
        article_id,
        sentence_id,
        char_start,
        char_end,
        cast(label as integer) as decade,
        phrase as text
    from intermediate.lexicon_matches
    where lexicon = 'era'
    union all
    -- "The district fell under occupation in 1993. Since then 70,000 people have been displaced": the decade of the
    -- last date the article gave before
    select
        matches.article_id,
        matches.sentence_id,
        matches.char_start,
        matches.char_end,
        year(arg_max(dates.value, dates.char_start)) // 10 * 10 as decade,
        matches.phrase as text
    from intermediate.lexicon_matches as matches
    inner join staging.date_mentions as dates
        on
            matches.article_id = dates.article_id
            and matches.char_start >= dates.char_end
            and dates.value is not null
    where matches.lexicon = 'then'
    group by matches.article_id, matches.sentence_id, matches.char_start, matches.char_end, matches.phrase
),

nearest_periods as (
    select
        claims.article_id,
        claims.char_start,
        marks.decade,
        marks.text as period_text
    from claims
    inner join period_marks as marks
        on claims.article_id = marks.article_id and claims.sentence_id = marks.sentence_id
    qualify row_number() over (
        partition by claims.article_id, claims.char_start
        order by greatest(marks.char_start - claims.char_end, claims.char_start - marks.char_end, 0), marks.char_start
    ) = 1
),

nearest_places as (
    select
        claims.article_id,
        claims.char_start,
        mentions.district as place,
        mentions.mention as place_text
    from claims
    inner join staging.district_mentions as mentions
        on claims.article_id = mentions.article_id and claims.sentence_id = mentions.sentence_id
    qualify row_number() over (
        partition by claims.article_id, claims.char_start
        order by
            greatest(mentions.char_start - claims.char_end, claims.char_start - mentions.char_end, 0),
            mentions.char_start
    ) = 1
),

back_references as (
    -- what refers a figure to a district the article named: "the district" right after its counted noun ("37
    -- жителей района", "residents of the district": staging.modality_cues) or, in its sentence, an occupation,
    -- which is of a place ("the occupation left": reference.era_phrases.refers_back), or "since then"
    select
        claims.article_id,
        claims.char_start
    from claims
    inner join staging.modality_cues as cues
        on claims.article_id = cues.article_id and claims.sentence_id = cues.sentence_id
    where cues.modality = 'anaphor' and cues.char_start - claims.char_end between 0 and 4
    union
    select
        claims.article_id,
        claims.char_start
    from claims
    inner join intermediate.lexicon_matches as matches
        on claims.article_id = matches.article_id and claims.sentence_id = matches.sentence_id
    left join reference.era_phrases as phrases
        on matches.lexicon = 'era' and matches.phrase = lower(phrases.phrase)
    -- "since then": what the sentence before told, of the place it named
    where matches.lexicon = 'then' or phrases.refers_back = 'true'
),

earlier_places as (
    -- "Kalbajar was seized in 1993. The occupation left 511 people killed": the district named last before
    select
        claims.article_id,
        claims.char_start,
        mentions.district as place,
        mentions.mention as place_text
    from claims
    inner join back_references using (article_id, char_start)
    inner join staging.district_mentions as mentions
        on claims.article_id = mentions.article_id and claims.sentence_id > mentions.sentence_id
    qualify row_number() over (partition by claims.article_id, claims.char_start order by mentions.char_start desc) = 1
),

stated_days as (
    -- the day a sentence gives (its first day-precision date): what a running count is read as of
    select
        article_id,
        sentence_id,
        arg_min(value, char_start) as stated_day
    from staging.date_mentions
    where precision = 'day' and value is not null
    group by article_id, sentence_id
),

span_counts as (
    -- "1,100 refugees returned in the last 24 hours": a count of one day, not the running total; "two journalists
    -- were killed when their car hit a mine": a count of one incident, not the war's toll (one day's first)
    select
        claims.article_id,
        claims.char_start,
        min(case matches.lexicon when 'increment' then 'day' else 'incident' end) as span
    from claims
    inner join intermediate.lexicon_matches as matches
        on
            claims.article_id = matches.article_id
            and claims.sentence_id = matches.sentence_id
            and matches.lexicon in ('increment', 'incident')
    group by claims.article_id, claims.char_start
),

claim_kinds as (
    select distinct
        claim,
        running
    from reference.figure_claims
)

select
    claims.article_id,
    claims.char_start,
    claims.claim_subject,
    coalesce(nearest_periods.decade, year(articles.published_date) // 10 * 10) as decade,
    nearest_periods.period_text,
    coalesce(nearest_places.place, earlier_places.place) as place,
    coalesce(nearest_places.place_text, earlier_places.place_text) as place_text,
    coalesce(kinds.running = 'true', false) and span_counts.span is null as is_running,
    coalesce(stated_days.stated_day, articles.published_date) as as_of,
    coalesce(span_counts.span = 'day', false) as is_one_day,
    coalesce(span_counts.span = 'incident', false) as is_one_incident
from claims
inner join staging.articles as articles using (article_id)
left join nearest_periods using (article_id, char_start)
left join nearest_places using (article_id, char_start)
left join earlier_places using (article_id, char_start)
left join stated_days using (article_id, sentence_id)
left join claim_kinds as kinds on claims.claim_subject = kinds.claim
left join span_counts using (article_id, char_start)
