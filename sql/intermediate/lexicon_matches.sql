-- Where the cross-source lexicons occur in sentences, as whole words in any case: the words that date an
-- event or set its context (reference.timeline_cues), what a counted group suffered or did
-- (reference.figure_claim_cues) and phrases that name a decade (reference.era_phrases). Offsets are those of
-- the lowercased sentence, which are the article's for all but a few letters; they only measure distances.
-- grain: one row per article_id, sentence_id, lexicon, label, role, char_start
-- incremental: article_id
-- audit: unique(article_id, sentence_id, lexicon, label, role, char_start)
-- audit: accepted_values(lexicon, timeline, figure_claim, era)
with lexicon as (
    select
        'timeline' as lexicon,
        event_type as label,
        role,
        lower(phrase) as phrase
    from reference.timeline_cues
    union all
    select
        'figure_claim' as lexicon,
        cue as label,
        'anchor' as role,
        lower(phrase) as phrase
    from reference.figure_claim_cues
    union all
    select
        'era' as lexicon,
        decade as label,
        'anchor' as role,
        lower(phrase) as phrase
    from reference.era_phrases
),

lowered as (  -- once per sentence, not once per (sentence, phrase) pair the join tries
    select
        article_id,
        sentence_id,
        char_start,
        lower(text) as text
    from staging.sentences
),

candidates as (
    select
        sentences.article_id,
        sentences.sentence_id,
        sentences.char_start as sentence_start,
        lexicon.lexicon,
        lexicon.label,
        lexicon.role,
        lexicon.phrase,
        ' ' || sentences.text || ' ' as padded,
        string_split(sentences.text, lexicon.phrase) as parts
    from lowered as sentences
    inner join lexicon on contains(sentences.text, lexicon.phrase)
),

occurrences as (
    select
        *,
        unnest(list_transform(
            range(1, len(parts)),
            k -> cast(list_sum(list_transform(parts[1:k], part -> length(part))) + (k - 1) * length(phrase) as integer)
        )) as phrase_offset
    from candidates
)

-- A literal split finds the occurrences; the characters either side (a space at the sentence's ends) must
-- not be word characters, the regex meaning of a whole word.
select distinct
    article_id,
    sentence_id,
    lexicon,
    label,
    role,
    phrase,
    sentence_start + phrase_offset as char_start,
    sentence_start + phrase_offset + length(phrase) as char_end
from occurrences
where
    not regexp_matches(padded[phrase_offset + 1:phrase_offset + 1], '\w')
    and not regexp_matches(padded[phrase_offset + length(phrase) + 2:phrase_offset + length(phrase) + 2], '\w')
