-- The dates that name the day a commemoration falls on ("marks Victory Day on November 8", "a parade held to mark
-- November 8 – Victory Day", "8 ноября отмечают День Победы"): a commemoration verb and a day noun in one clause
-- (a dash may set the day beside its name when they are at most four words apart), and a date at most three words
-- from them or between them. Such a date is this year's holiday, not the day of what it commemorates: it dates no timeline
-- event (intermediate.date_event_cues) and no handover (intermediate.date_contexts). A date counted back is an
-- anniversary's, which does date its event ("marks two years since the war ended"): never one of these.
-- grain: one row per article_id, char_start (of the date mention)
-- incremental: article_id
-- audit: unique(article_id, char_start)
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence the date is in
-- column char_start: offset of the date mention in the article's text
-- column commemoration_start: offset where the commemoration's verb or day noun begins
-- column commemoration_end: offset just past its other word
with pairs as (
    -- a commemoration verb and a day noun of one sentence, with the text between them
    select
        verbs.article_id,
        verbs.sentence_id,
        least(verbs.char_start, nouns.char_start) as char_start,
        greatest(verbs.char_end, nouns.char_end) as char_end,
        substr(
            sentences.text,
            least(verbs.char_end, nouns.char_end) - sentences.char_start + 1,
            greatest(greatest(verbs.char_start, nouns.char_start) - least(verbs.char_end, nouns.char_end), 0)
        ) as between_text
    from intermediate.lexicon_matches as verbs
    inner join intermediate.lexicon_matches as nouns using (article_id, sentence_id)
    inner join staging.sentences as sentences using (article_id, sentence_id)
    where
        verbs.lexicon = 'commemoration'
        and verbs.role = 'anchor'
        and nouns.lexicon = 'commemoration'
        and nouns.role = 'context'
),

commemorations as (
    -- "Azerbaijan marks Victory Day", "to mark November 8 – Victory Day", "Zafer Günü'nü kutluyor"
    select
        article_id,
        sentence_id,
        char_start,
        char_end
    from pairs
    where
        not regexp_matches(between_text, '[,;:()]')
        and (not regexp_matches(between_text, '[–—]') or len(regexp_extract_all(between_text, '[\pL\pN]+')) <= 4)
),

gaps as (
    -- the words between a date (not one counted back) and a commemoration in its sentence: none when it stands
    -- inside it
    select
        mentions.article_id,
        mentions.sentence_id,
        mentions.char_start,
        commemorations.char_start as commemoration_start,
        commemorations.char_end as commemoration_end,
        substr(
            sentences.text,
            least(commemorations.char_end, mentions.char_end) - sentences.char_start + 1,
            greatest(
                greatest(commemorations.char_start, mentions.char_start)
                - least(commemorations.char_end, mentions.char_end),
                0
            )
        ) as between_text
    from staging.date_mentions as mentions
    inner join commemorations using (article_id, sentence_id)
    inner join staging.sentences as sentences using (article_id, sentence_id)
    where mentions.kind != 'relative'
)

select
    article_id,
    sentence_id,
    char_start,
    min(commemoration_start) as commemoration_start,
    max(commemoration_end) as commemoration_end
from gaps
where
    len(regexp_extract_all(between_text, '[\pL\pN]+')) <= 3
    and not regexp_matches(between_text, '[;:()–—]')
group by article_id, sentence_id, char_start
