-- Where the cross-source lexicons occur in sentences, as whole words in any case: the words that date an
-- event or set its context (reference.timeline_cues), what a counted group suffered or did
-- (reference.figure_claim_cues), phrases that name a decade (reference.era_phrases) and those that make a count
-- one day's (reference.increment_phrases) or one incident's (reference.incident_phrases: "a mine explosion"),
-- the nouns of an anniversary, the verbs and day nouns of a commemoration
-- and the words that point back to a time told before ("since then": reference.date_words). Offsets are those of the lowercased sentence, which are the article's for all but a few
-- letters; they only measure distances.
-- grain: one row per article_id, sentence_id, lexicon, label, role, char_start
-- incremental: article_id
-- audit: unique(article_id, sentence_id, lexicon, label, role, char_start)
-- audit: accepted_values(lexicon, timeline, figure_claim, era, increment, incident, anniversary, commemoration, then)
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence (staging.sentences)
-- column lexicon: timeline (reference.timeline_cues), figure_claim (figure_claim_cues), era (era_phrases),
-- increment (increment_phrases: "in the last 24 hours", a count of one day), incident (incident_phrases: "a mine
-- explosion", a count of one incident), anniversary, commemoration
-- (date_words: "marks" its anchor, "Day" its context) or then (date_words: "since then", "с тех пор")
-- column label: what the phrase stands for: an event type, a figure claim cue or a decade
-- column role: anchor (names the event), context (a word that must also be in the sentence), other (a thing
-- the anchor may do instead: "signed a decree") or none (a phrase that holds an anchor but names no event: "as
-- agreed")
-- column phrase: the lexicon's phrase, lowercased
-- column char_start: offset of the phrase in the article's text, measured in the lowercased sentence
-- column char_end: offset just past the phrase
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
    union all
    select
        'increment' as lexicon,
        'day' as label,
        'anchor' as role,
        lower(phrase) as phrase
    from reference.increment_phrases
    union all
    -- one phrase may be listed for several languages ("explosion")
    select distinct
        'incident' as lexicon,
        'incident' as label,
        'anchor' as role,
        lower(phrase) as phrase
    from reference.incident_phrases
    union all
    select
        'anniversary' as lexicon,
        'anniversary' as label,
        'anchor' as role,
        lower(word) as phrase
    from reference.date_words
    where category = 'anniversary_noun'
    union all
    select
        'then' as lexicon,
        'then' as label,
        'anchor' as role,
        lower(word) as phrase
    from reference.date_words
    where category = 'then_anaphor'
    union all
    select
        'commemoration' as lexicon,
        'commemoration' as label,
        case category when 'commemoration_verb' then 'anchor' else 'context' end as role,
        lower(word) as phrase
    from reference.date_words
    where category in ('commemoration_verb', 'commemoration_day')
),

keyed_lexicon as (
    -- every word of a whole-word occurrence is a whole word of the sentence, so a phrase is looked for only in
    -- sentences holding its longest word (of two as long, the later): "in" and "the" key hundreds of phrases'
    -- first words, and keying on them made 30 million candidates at 100,000 articles (out of memory at 1 GB)
    select distinct
        phrase,
        coalesce(
            list_reduce(
                list_reverse(regexp_extract_all(phrase, '[\pL\pN_]+')),
                (longest, word) -> if(length(word) > length(longest), word, longest)
            ),
            ''  -- a phrase without word characters
        ) as key_word
    from lexicon
),

lowered as (
    select
        article_id,
        sentence_id,
        char_start,
        lower(text) as text
    from staging.sentences
),

-- the sentences a phrase may occur in are found by a hash join on its key word, not by testing every phrase
-- in every sentence; each sentence's words are distinct and each phrase has one key word, so every
-- (sentence, phrase) pair comes once and the sentence's text rides along without an aggregate or a second join
sentence_words as (
    select
        *,
        unnest(list_distinct(regexp_extract_all(text, '[\pL\pN_]+'))) as word
    from lowered
),

phrase_sentences as (
    select
        sentence_words.article_id,
        sentence_words.sentence_id,
        sentence_words.char_start,
        sentence_words.text,
        keyed_lexicon.phrase
    from sentence_words
    inner join keyed_lexicon on sentence_words.word = keyed_lexicon.key_word
    union all
    select
        lowered.article_id,
        lowered.sentence_id,
        lowered.char_start,
        lowered.text,
        keyed_lexicon.phrase
    from lowered
    cross join keyed_lexicon
    where keyed_lexicon.key_word = ''
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
    from phrase_sentences as sentences
    inner join lexicon using (phrase)
    where contains(sentences.text, lexicon.phrase)
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
-- not be letters, digits or "_" of any script: a whole word (DuckDB's \w knows only ASCII letters). Of two phrases
-- of one label at one place ("1990er", "1990er Jahre") the longer stands.
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
    not regexp_matches(padded[phrase_offset + 1:phrase_offset + 1], '[\pL\pN_]')
    and not regexp_matches(padded[phrase_offset + length(phrase) + 2:phrase_offset + length(phrase) + 2], '[\pL\pN_]')
qualify row_number() over (
    partition by article_id, sentence_id, lexicon, label, role, sentence_start + phrase_offset
    order by length(phrase) desc
) = 1
