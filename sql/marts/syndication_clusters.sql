-- Which articles are one source: outlets that run the same agency copy (or one copy under another headline
-- and page furniture) form a syndication cluster, and each cluster counts once as an independent source in
-- the cross-source marts. Two articles are linked when at least 5% of the smaller one's narrative shingles
-- (word 5-shingles of sentences without quotations, intermediate.narrative_shingles) occur in the other and
-- they share at least 10 shingles (a 14-word sentence; fewer is a stock phrase, not copy). A copy scores near
-- 1 and a rewrite that keeps a few agency paragraphs 0.1 to 0.2 (the seeds' pair: 0.14), while two articles
-- on the same event in their own words stay near 0.01 (0.008 at most in the seeds): 0.05 is three times below
-- the one and six times above the other. A shared quotation counts for nothing. Clusters are the connected
-- groups of links, named by their smallest article_id. similarity is the overlap with the most similar other
-- article (in or out of the cluster, so a near miss shows; null when no other article shares 10 shingles) and
-- jaccard the Jaccard index of that pair;
-- shared_passages are the sentences at least half of whose shingles another article of the cluster has.
-- source names the cluster: its outlets, or its articles where the outlet is unknown.
-- grain: one row per article_id
-- audit: unique(article_id)
-- audit: not_null(article_id, cluster_id, cluster_size, source, n_shared_passages)
-- audit: traces_to_article
-- audit: not_empty
-- column article_id: the article (staging.articles)
-- column outlet: the article's outlet; null when unknown
-- column cluster_id: its syndication cluster, named by the cluster's smallest article_id
-- column cluster_size: articles in the cluster
-- column source: the cluster's outlets joined with ' + ' ('article:<id>' for an unknown outlet)
-- column similarity: overlap coefficient with the most similar other article, 0 to 1; null when none shares 10
-- column jaccard: Jaccard index of the article's shingles and the most similar article's, 0 to 1
-- column most_similar_article_id: the most similar other article, in or out of the cluster
-- column n_shared_passages: sentences at least half of whose shingles another article of the cluster has
-- column shared_passages: those sentences: sentence_id, char_start, char_end, text
with recursive links as (
    select
        article_id,
        other_article_id
    from intermediate.shingle_overlaps
    where overlap >= 0.05  -- intermediate.shingle_overlaps holds the pairs sharing 10 shingles or more
),

reach (article_id, member_id) as (
    select
        article_id,
        article_id as member_id
    from staging.articles
    union
    select
        reach.article_id,
        links.other_article_id
    from reach
    inner join links on reach.member_id = links.article_id
),

clusters as (
    select
        reach.article_id,
        min(reach.member_id) as cluster_id,
        count(*) as cluster_size,
        string_agg(
            distinct coalesce(articles.outlet, 'article:' || articles.article_id), ' + '
            order by coalesce(articles.outlet, 'article:' || articles.article_id)
        ) as source
    from reach
    inner join staging.articles as articles on reach.member_id = articles.article_id
    group by reach.article_id
),

most_similar as (
    select
        article_id,
        other_article_id as most_similar_article_id,
        overlap as similarity,
        jaccard
    from intermediate.shingle_overlaps
    qualify row_number() over (partition by article_id order by overlap desc, other_article_id asc) = 1
),

member_shingles as (
    select
        shingles.article_id,
        shingles.sentence_id,
        shingles.shingle_hash,
        clusters.cluster_id
    from intermediate.narrative_shingles as shingles
    inner join clusters using (article_id)
    -- an article alone in its cluster shares no passage, and an article with a link is in a cluster of two or
    -- more: filtering by the links first lets the join build its table on them, not on every shingle
    where shingles.article_id in (select links.article_id from links)
),

cluster_shingles as (
    select distinct
        cluster_id,
        article_id,
        shingle_hash
    from member_shingles
),

shared_sentences as (
    select
        own.article_id,
        own.sentence_id
    from member_shingles as own
    left join cluster_shingles as other
        on
            own.cluster_id = other.cluster_id
            and own.shingle_hash = other.shingle_hash
            and own.article_id <> other.article_id
    group by own.article_id, own.sentence_id
    having
        count(distinct own.shingle_hash) filter (where other.article_id is not null)
        >= 0.5 * count(distinct own.shingle_hash)
),

passages as (
    select
        shared_sentences.article_id,
        count(*) as n_shared_passages,
        list(
            {
                'sentence_id': sentences.sentence_id, 'char_start': sentences.char_start,
                'char_end': sentences.char_end, 'text': sentences.text
            }
            order by sentences.sentence_id
        ) as shared_passages
    from shared_sentences
    inner join staging.sentences as sentences using (article_id, sentence_id)
    group by shared_sentences.article_id
)

select
    clusters.article_id,
    articles.outlet,
    clusters.cluster_id,
    clusters.cluster_size,
    clusters.source,
    most_similar.similarity,
    most_similar.jaccard,
    most_similar.most_similar_article_id,
    coalesce(passages.n_shared_passages, 0) as n_shared_passages,
    passages.shared_passages
from clusters
inner join staging.articles as articles using (article_id)
left join most_similar using (article_id)
left join passages using (article_id)
