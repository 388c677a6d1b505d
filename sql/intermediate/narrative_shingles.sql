-- Word 5-shingles of each article's own narrative: its body sentences (not the title, not page furniture)
-- that hold no quotation, lowercased, letters and digits only ("troops’" and "troops'" are one word).
-- Quoting sentences are left out, attribution included ("..., the ministry said in a statement"), because
-- every outlet may quote the same statement on its own: sharing one says nothing about copying another
-- outlet's reporting. A shingle is kept as its 64-bit hash: the cross-source models only compare shingles,
-- and the hashes take a fraction of the memory of the text.
-- grain: one row per article_id, sentence_id, shingle_hash
-- incremental: article_id
-- audit: unique(article_id, sentence_id, shingle_hash)
-- audit: not_null(article_id, sentence_id, shingle_hash)
-- audit: traces_to_article
-- column article_id: the article (staging.articles)
-- column sentence_id: the body sentence (staging.sentences)
-- column shingle_hash: 64-bit hash of five consecutive words, lowercased
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
        -- distinct within the sentence (the grain): no hash aggregate over every shingle of the corpus; the
        -- five words hashed together, not sliced and joined into a string first (half the time). A sentence
        -- of fewer than five words has an empty range, so no row; a filter on len(words) instead would be
        -- pushed into the scan of staging.sentences, below an incremental run's article filter, and split
        -- every sentence of the corpus into words (2.3 s of a +1,000 run at 100,000 articles)
        unnest(list_distinct(
            list_transform(
                range(1, len(words) - 3), i -> hash(words[i], words[i + 1], words[i + 2], words[i + 3], words[i + 4])
            )
        )) as shingle_hash
    from sentence_words
)

select
    article_id,
    sentence_id,
    shingle_hash
from shingles
