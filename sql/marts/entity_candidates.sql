-- Names that look like people or places but match no alias: an analyst's list of aliases to add, with
-- how often each appears and one sentence that shows it.
-- grain: one row per candidate (names compared case-insensitively)
-- audit: unique(candidate)
-- audit: not_null(candidate, article_id, sentence_id, evidence)
-- audit: evidence
-- column candidate: the name lowercased: the key its spellings share
-- column name: its most frequent spelling
-- column looks_like_person: true when a mention looks like a person (a title before it, or a person's name shape)
-- column n_mentions: times it appears in the corpus
-- column n_articles: articles it appears in
-- column article_id: the article of the example mention (the first by article_id and offset)
-- column sentence_id: the sentence of the example mention
-- column char_start: offset of the example mention in the article's text
-- column char_end: offset just past the example mention
-- column evidence: the example mention as written
-- column example_sentence: the sentence of the example mention
with mentions as (
    select
        candidates.*,
        lower(candidates.name) as candidate,
        sentences.text as sentence
    from staging.name_candidates as candidates
    inner join staging.sentences as sentences using (article_id, sentence_id)
),

spellings as (
    select
        candidate,
        name,
        count(*) as n
    from mentions
    group by candidate, name
),

usual_spelling as (
    select
        candidate,
        arg_max(name, lpad(n::varchar, 10, '0') || name) as name
    from spellings
    group by candidate
)

select
    candidate,
    any_value(usual_spelling.name) as name,
    bool_or(mentions.looks_like in ('person', 'titled_person')) as looks_like_person,
    count(*) as n_mentions,
    count(distinct mentions.article_id) as n_articles,
    arg_min(mentions.article_id, mentions.article_id || lpad(mentions.char_start::varchar, 10, '0')) as article_id,
    arg_min(mentions.sentence_id, mentions.article_id || lpad(mentions.char_start::varchar, 10, '0')) as sentence_id,
    arg_min(mentions.char_start, mentions.article_id || lpad(mentions.char_start::varchar, 10, '0')) as char_start,
    arg_min(mentions.char_end, mentions.article_id || lpad(mentions.char_start::varchar, 10, '0')) as char_end,
    arg_min(mentions.text, mentions.article_id || lpad(mentions.char_start::varchar, 10, '0')) as evidence,
    arg_min(mentions.sentence, mentions.article_id || lpad(mentions.char_start::varchar, 10, '0')) as example_sentence
from mentions
inner join usual_spelling using (candidate)
group by candidate
