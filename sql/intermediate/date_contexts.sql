-- Each resolved date mention with what the words around it say about the date's role in a handover
-- statement: after "from" (the deadline moved from: "from 15 to 25 November", "desde el 15 hasta el 25",
-- "15 Kasım'dan"), after "until" (a new deadline: "bis zum", "до", "25 Kasım'a kadar"), after a deadline
-- marker ("by", "entro", "до": a schedule, not a completion), and right after a reporting verb (the day of
-- the statement). A date next to "agreement", "signed" or "ceasefire" (not after "according to the agreement":
-- "laut Abkommen am 20. November"), or a few words after a signing verb in its clause ("signed", "brokered",
-- "vermittelt": reference.date_words), dates the agreement, and a bare year
-- after "since" the start of a state ("since 1993"): neither dates a handover, so both are left out, nor do
-- the two ends of a range ("entre le 20 novembre et le 1er décembre"), nor a date that names an agreement
-- after it ("the trilateral statement of 10 November"), nor the day a commemoration falls on
-- (intermediate.commemoration_days).
-- grain: one row per article_id, sentence_id, char_start
-- incremental: article_id
-- audit: unique(article_id, sentence_id, char_start)
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence the date is in
-- column char_start: offset of the date in the article's text
-- column char_end: offset just past the date
-- column text: the date as written
-- column value: the day it resolves to (staging.date_mentions)
-- column precision: day, week, month or year
-- column kind: absolute, weekday or relative
-- column anchor: where its year or reference day comes from: explicit, publication, corpus, narrative or unresolved
-- column is_deadline_end: true when value is the period's last day ("by the end of November")
-- column after_from: true when the date is what a deadline moved from ("from 15 to 25 November")
-- column after_deadline: true after a deadline marker ("by", "entro", "до"): a schedule, not a completion
-- column after_reporting: true right after a reporting verb: the day of the statement
-- column after_until: true after "until" or its kin: a new deadline ("bis zum", "25 Kasım'a kadar")
with date_markers as (
    select
        word,
        category
    from reference.date_words
    where category in (
        'from_marker', 'to_marker', 'to_marker_after', 'deadline_marker', 'agreement_marker', 'agreement_adjective',
        'contrast_link', 'date_noun', 'from_suffix', 'to_suffix', 'since_marker', 'day_article', 'until_marker',
        'range_marker', 'naming_link', 'document_noun', 'according_marker'
    )
),

words_around_dates as (
    select
        dates.*,
        -- the two words before the date, without an opening bracket or quote: "(до 15 ноября)", "bis zum"
        lower(regexp_extract(
            substr(sentences.text, 1, dates.char_start - sentences.char_start), '[(\[«"“„]?([^\s(\[«"“„]+)\s+$', 1
        )) as word_before,
        lower(regexp_extract(
            substr(sentences.text, 1, dates.char_start - sentences.char_start), '[(\[«"“„]?([^\s(\[«"“„]+)\s+\S+\s+$', 1
        )) as second_word_before,
        lower(regexp_extract(
            substr(sentences.text, 1, dates.char_start - sentences.char_start), '([^\s(\[«"“„]+)\s+\S+\s+\S+\s+$', 1
        )) as third_word_before,
        lower(regexp_extract(
            substr(sentences.text, dates.char_end - sentences.char_start + 1, 40), '^\s+([^\s,.;:]+)', 1
        )) as word_after,
        -- Turkish: a case ending glued to the year, and a word for "date", may stand before the postposition:
        -- "20 Kasım 2020'ye kadar", "1 Aralık 2020 tarihine kadar"
        lower(regexp_extract(
            substr(sentences.text, dates.char_end - sentences.char_start + 1, 60),
            '^(?:[''’][\pL\pN_]+)?\s+([^\s,.;:]+)',
            1
        )) as postposition_after,
        lower(regexp_extract(
            substr(sentences.text, dates.char_end - sentences.char_start + 1, 60),
            '^(?:[''’][\pL\pN_]+)?\s+[^\s,.;:]+\s+([^\s,.;:]+)', 1
        )) as second_word_after,
        lower(regexp_extract(dates.text, '[''’]([\pL\pN_]+)$', 1)) as case_suffix,
        -- "signée pendant la nuit du 9 au 10 novembre", "signed in Moscow on 10 November": a signing verb a few words
        -- before the date, in its clause, dates the signing; not across an auxiliary after it, which opens the clause
        -- the date is in ("der ... unterzeichneten Erklärung wurden am 20. November Aghdam ... zurückgegeben")
        list_reverse(string_split(
            regexp_extract(
                lower(right(substr(sentences.text, 1, dates.char_start - sentences.char_start), 60)),
                '([^\s,;:.()–—]+\s+){1,7}$'
            ),
            ' '
        )) as words_back,
        -- "desde el 15 hasta el 25", "nicht der 15. sondern der 25.": a day followed by "to" or "but" and another day
        -- is the one moved from
        lower(regexp_extract(
            substr(sentences.text, dates.char_end - sentences.char_start + 1, 40), '^[\s.,]+([^\s,.;:]+)', 1
        )) in (select date_markers.word from date_markers where date_markers.category in ('to_marker', 'contrast_link'))
        and exists (
            select 1 from staging.date_mentions as later
            where
                later.article_id = dates.article_id
                and later.sentence_id = dates.sentence_id
                and later.char_start > dates.char_end
                and later.char_start - dates.char_end <= 20
        ) as before_another_day
    from staging.date_mentions as dates
    inner join staging.sentences as sentences using (article_id, sentence_id)
    where dates.value is not null
),

clause_words as (
    select
        (select list(signing.word) from reference.date_words as signing where signing.category = 'signing_verb')
            as signing_verbs,
        (
            select list(lower(cues.phrase)) from reference.modality_cues as cues
            where cues.cue = 'perfect' and not contains(cues.phrase, ' ')
        ) as auxiliaries
),

range_markers as (
    select
        words_around_dates.*,
        words_around_dates.word_before in (
            select date_markers.word from date_markers where date_markers.category = 'range_marker'
        )
        or words_around_dates.second_word_before in (
            select date_markers.word from date_markers where date_markers.category = 'range_marker'
        ) as after_range_marker,
        -- the nearest signing verb before the date, with no auxiliary nearer (words counted back from the date)
        coalesce(
            list_filter(
                range(1, len(words_around_dates.words_back) + 1),
                i -> list_contains(clause_words.signing_verbs, words_around_dates.words_back[i])
            )[1]
            < coalesce(
                list_filter(
                    range(1, len(words_around_dates.words_back) + 1),
                    i -> list_contains(clause_words.auxiliaries, words_around_dates.words_back[i])
                )[1],
                1000
            ),
            false
        ) as after_signing
    from words_around_dates
    cross join clause_words
),

ranges as (
    -- "entre le 20 novembre et le 1er décembre", "between 20 November and 1 December": a range's two ends
    select
        *,
        after_range_marker and lead(char_start) over by_position - char_end <= 12 as opens_range,
        lag(after_range_marker) over by_position and char_start - lag(char_end) over by_position <= 12
            as closes_range
    from range_markers
    window by_position as (partition by article_id, sentence_id order by char_start)
)

select
    article_id,
    sentence_id,
    char_start,
    char_end,
    text,
    value,
    precision,
    kind,
    anchor,
    is_deadline_end,
    word_before in (select date_markers.word from date_markers where date_markers.category = 'from_marker')
    or before_another_day
    -- Turkish marks "from" and "to" on the date itself: "15 Kasım'dan 25 Kasım'a"
    or case_suffix in (select date_markers.word from date_markers where date_markers.category = 'from_suffix')
        as after_from,
    word_before in (select date_markers.word from date_markers where date_markers.category = 'deadline_marker')
    or second_word_before in (
        select date_markers.word from date_markers where date_markers.category = 'deadline_marker'
    )
    or word_after in (select date_markers.word from date_markers where date_markers.category = 'to_marker_after')
        as after_deadline,
    exists(
        select 1 from staging.modality_cues as cues
        where
            cues.article_id = ranges.article_id
            and cues.sentence_id = ranges.sentence_id
            and cues.modality = 'reporting'
            and ranges.char_start - cues.char_end between 0 and 15
    ) as after_reporting,
    word_before in (select date_markers.word from date_markers where date_markers.category = 'to_marker')
    -- "hasta el 25 de noviembre", "until the 25th": an article between "until" and the day (not after "para
    -- el", which is "scheduled for")
    or (
        word_before in (select date_markers.word from date_markers where date_markers.category = 'day_article')
        and second_word_before in (
            select date_markers.word from date_markers where date_markers.category = 'until_marker'
        )
    )
    or postposition_after in (
        select date_markers.word from date_markers where date_markers.category = 'to_marker_after'
    )
    or (
        second_word_after in (
            select date_markers.word from date_markers where date_markers.category = 'to_marker_after'
        )
        and postposition_after in (
            select date_markers.word from date_markers where date_markers.category = 'date_noun'
        )
    )
    or case_suffix in (select date_markers.word from date_markers where date_markers.category = 'to_suffix')
        as after_until
from ranges
where
    -- only agreement words: the year context list holds English "war", German for "was" ("am 20. November war");
    -- "the November 10 trilateral statement" dates the statement too
    word_after not in (
        select date_markers.word from date_markers
        where date_markers.category in ('agreement_marker', 'agreement_adjective')
    )
    -- "the trilateral declaration of 10 November", "Déclaration tripartite du 10 novembre 2020", "der Erklärung vom
    -- 10. November" (a document noun names it only with "of": "said in a statement on Wednesday" is the report's day)
    and not (
        word_before in (select date_markers.word from date_markers where date_markers.category = 'naming_link')
        and second_word_before in (
            select date_markers.word from date_markers
            where date_markers.category in ('agreement_marker', 'agreement_adjective', 'document_noun')
        )
    )
    -- a range's ends date no one district: "between 20 November and 1 December, three districts: ..."
    and not coalesce(opens_range or closes_range, false)
    -- "held by Armenian forces since 1993", "desde 1990": the year a state began, not a handover
    and not (
        precision = 'year'
        and word_before in (select date_markers.word from date_markers where date_markers.category = 'since_marker')
    )
    and not after_signing
    and word_before not in (
        select date_markers.word from date_markers where date_markers.category = 'agreement_marker'
    )
    and (
        second_word_before not in (
            select date_markers.word from date_markers where date_markers.category = 'agreement_marker'
        )
        -- "laut Abkommen am 20. November übergab": the agreement is the authority for the day, not dated by it
        or third_word_before in (
            select date_markers.word from date_markers where date_markers.category = 'according_marker'
        )
    )
    -- "a parade held to mark November 8 – Victory Day": this year's holiday, no handover's day
    and not exists (
        select 1 from intermediate.commemoration_days as holidays
        where holidays.article_id = ranges.article_id and holidays.char_start = ranges.char_start
    )
