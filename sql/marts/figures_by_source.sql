-- Which outlet gives which figure: every number that counts something, with its qualifier (almost,
-- more than...), whether it is approximate, what it counts, and the text it was read from.
-- grain: one row per article_id, char_start
-- incremental: article_id
-- audit: unique(article_id, char_start)
-- audit: not_null(article_id, sentence_id, value, evidence)
-- audit: evidence
-- audit: traces_to_article
-- audit: not_empty
select
    figures.article_id,
    articles.outlet,
    figures.value,
    figures.is_approximate,
    figures.qualifier,
    figures.bound,
    figures.subject,
    figures.subject_text,
    figures.unit,
    figures.text as evidence,
    figures.sentence_id,
    figures.char_start,
    figures.char_end,
    sentences.text as sentence
from staging.figure_mentions as figures
inner join staging.articles as articles using (article_id)
inner join staging.sentences as sentences using (article_id, sentence_id)
