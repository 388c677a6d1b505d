-- Who is mentioned where: people, organisations and countries per article, with the first mention as
-- evidence (its offsets slice the mention out of the article text). Besides the reference list's actors
-- (in_reference), people the list does not know count when the article introduces them with a title
-- ("Defence Minister <Name>"): their name as first written is the actor.
-- grain: one row per actor, article_id
-- incremental: article_id
-- audit: unique(actor, article_id)
-- audit: not_null(actor, actor_type, article_id, sentence_id, evidence, in_reference)
-- audit: accepted_values(actor_type, person, organisation, country)
-- audit: evidence
-- audit: traces_to_article
-- audit: not_empty
-- column actor: the actor's canonical name; for a titled person the list lacks, the name as first written
-- column actor_type: person, organisation or country
-- column article_id: the article (staging.articles)
-- column outlet: the article's outlet; null when unknown
-- column mentions: how many times the article mentions the actor
-- column has_fuzzy_match: true when a mention matched by a close spelling only (check it)
-- column in_reference: true for actors of the reference list, false for titled people it lacks
-- column sentence_id: the sentence of the first mention
-- column char_start: offset of the first mention in the article's text
-- column char_end: offset just past the first mention
-- column evidence: the first mention as written
-- column sentence: the sentence of the first mention
with listed as (
    select
        sentence_id,
        article_id,
        char_start,
        char_end,
        text,
        canonical,
        entity_type,
        match_method,
        true as in_reference
    from staging.entity_mentions
    where entity_type in ('person', 'organisation', 'country')
),

titled_people as (
    select
        sentence_id,
        article_id,
        char_start,
        char_end,
        text,
        name as canonical,
        'person' as entity_type,
        'titled' as match_method,
        false as in_reference
    from staging.name_candidates
    where looks_like = 'titled_person'
),

mentions as (
    select * from listed
    union all
    select * from titled_people
),

counts as (
    select
        canonical,
        article_id,
        count(*) as mentions,
        bool_or(match_method = 'fuzzy') as has_fuzzy_match,
        bool_or(in_reference) as in_reference,
        min(char_start) as char_start
    from mentions
    group by canonical, article_id
),

-- the first mention's text and sentence are joined after the grouping: carrying strings through a large
-- aggregation keeps it in memory, a join can spill
first_mentions as (
    select mentions.*
    from mentions
    semi join counts using (canonical, article_id, char_start)
    qualify row_number() over (partition by canonical, article_id order by mentions.char_end, mentions.sentence_id) = 1
)

select
    counts.canonical as actor,
    first_mentions.entity_type as actor_type,
    counts.article_id,
    articles.outlet,
    counts.mentions,
    counts.has_fuzzy_match,
    counts.in_reference,
    first_mentions.sentence_id,
    counts.char_start,
    first_mentions.char_end,
    first_mentions.text as evidence,
    sentences.text as sentence
from counts
inner join first_mentions using (canonical, article_id)
inner join staging.articles as articles using (article_id)
inner join staging.sentences as sentences using (article_id, sentence_id)
