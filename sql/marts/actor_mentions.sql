-- Who is mentioned where: people, organisations and countries per article, with the first mention as
-- evidence (its offsets slice the mention out of the article text).
-- grain: one row per actor, article_id
-- incremental: article_id
-- audit: unique(actor, article_id)
-- audit: not_null(actor, actor_type, article_id, evidence)
-- audit: accepted_values(actor_type, person, organisation, country)
-- audit: evidence
-- audit: traces_to_article
-- audit: not_empty
with mentions as (
    select
        mentions.*,
        sentences.text as sentence
    from staging.entity_mentions as mentions
    inner join staging.sentences as sentences using (article_id, sentence_id)
    where mentions.entity_type in ('person', 'organisation', 'country')
)

select
    mentions.canonical as actor,
    any_value(mentions.entity_type) as actor_type,
    mentions.article_id,
    any_value(articles.outlet) as outlet,
    count(*) as mentions,
    bool_or(mentions.match_method = 'fuzzy') as has_fuzzy_match,
    arg_min(mentions.sentence_id, mentions.char_start) as sentence_id,
    min(mentions.char_start) as char_start,
    arg_min(mentions.char_end, mentions.char_start) as char_end,
    arg_min(mentions.text, mentions.char_start) as evidence,
    arg_min(mentions.sentence, mentions.char_start) as sentence
from mentions
inner join staging.articles as articles using (article_id)
group by mentions.canonical, mentions.article_id
