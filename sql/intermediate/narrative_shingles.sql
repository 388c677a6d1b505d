-- Word 5-shingles of each article's own narrative: its body sentences (not the title, not page furniture)
-- that hold no quotation, lowercased, letters and digits only ("troops’" and "troops'" are one word).
-- Quoting sentences are left out, attribution included ("..., the ministry said in a statement"), because
-- every outlet may quote the same statement on its own: sharing one says nothing about copying another
-- outlet's reporting.
-- grain: one row per article_id, sentence_id, shingle
-- audit: unique(article_id, sentence_id, shingle)
-- audit: not_null(article_id, sentence_id, shingle)
-- audit: traces_to_article
with sentence_words as (
    select
        article_id,
        sentence_id,
        regexp_extract_all(lower(text), '[\pL\pN]+') as words
    from staging.sentences
    where not is_title and not regexp_matches(text, '[“”"«»„]')
),

shingles as (
    select
        article_id,
        sentence_id,
        unnest(list_transform(range(1, len(words) - 3), i -> array_to_string(words[i:i + 4], ' '))) as shingle
    from sentence_words
    where len(words) >= 5
)

select distinct
    article_id,
    sentence_id,
    shingle
from shingles
