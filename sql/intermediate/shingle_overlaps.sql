-- How much narrative two articles share (intermediate.narrative_shingles): the shared shingles, the overlap
-- coefficient (shared / the smaller article's shingles, so a short brief cut from a long wire story scores
-- 1) and the Jaccard index (shared / all distinct shingles of the two). A shingle found in more than 50
-- articles (a stock phrase, a widely quoted line) is not evidence of copying and would make the pairing
-- quadratic, so it is not paired on (it still counts in the article's size). The cap is a constant so the
-- pairing grows linearly with the corpus; the price is that a story carried whole by more than 50 outlets
-- is not linked by its shingles. Only
-- pairs sharing at least 10 shingles (a 14-word sentence) are kept: fewer is a stock phrase, not copy, and
-- keeping every pair that shares one shingle makes millions of rows at 20,000 articles.
-- grain: one row per article_id, other_article_id (both orders; only pairs sharing 10 shingles or more)
-- audit: unique(article_id, other_article_id)
-- audit: not_null(overlap, jaccard)
-- column article_id: one article of the pair
-- column other_article_id: the other article
-- column shared_shingles: distinct shingles the two share (those in more than 50 articles not counted)
-- column n_shingles: the article's distinct shingles
-- column other_n_shingles: the other article's distinct shingles
-- column overlap: shared / the smaller article's shingles, 0 to 1
-- column jaccard: shared / all distinct shingles of the two, 0 to 1

-- the pairing runs on integer keys in article_id order (so "own < other" picks the same pairs): grouping and
-- joining 40 million (key, hash) rows at 100,000 articles takes half the time it does on the string ids
with article_keys as (
    select
        article_id,
        row_number() over (order by article_id) as article_key
    from staging.articles
),

article_shingles as (
    select distinct
        article_keys.article_key as article_id,
        shingles.shingle_hash
    from intermediate.narrative_shingles as shingles
    inner join article_keys using (article_id)
),

sizes as (
    select
        article_id,
        count(*) as n_shingles
    from article_shingles
    group by article_id
),

spread as (
    select
        shingle_hash,
        count(*) as n_articles
    from article_shingles
    group by shingle_hash
),

distinctive_shingles as (  -- a shingle of one article pairs nothing: in real corpora, most of them
    select article_shingles.*
    from article_shingles
    inner join spread using (shingle_hash)
    where spread.n_articles between 2 and 50
),

pairs as (
    select
        own.article_id,
        other.article_id as other_article_id,
        count(*) as shared_shingles
    from distinctive_shingles as own
    inner join distinctive_shingles as other
        on own.shingle_hash = other.shingle_hash and own.article_id < other.article_id
    group by own.article_id, other.article_id
    having count(*) >= 10
),

shared as (
    select * from pairs
    union all
    select
        other_article_id as article_id,
        article_id as other_article_id,
        shared_shingles
    from pairs
)

select
    own_key.article_id,
    other_key.article_id as other_article_id,
    shared.shared_shingles,
    own_size.n_shingles,
    other_size.n_shingles as other_n_shingles,
    shared.shared_shingles / least(own_size.n_shingles, other_size.n_shingles) as overlap,
    shared.shared_shingles / (own_size.n_shingles + other_size.n_shingles - shared.shared_shingles) as jaccard
from shared
inner join sizes as own_size on shared.article_id = own_size.article_id
inner join sizes as other_size on shared.other_article_id = other_size.article_id
inner join article_keys as own_key on shared.article_id = own_key.article_key
inner join article_keys as other_key on shared.other_article_id = other_key.article_key
