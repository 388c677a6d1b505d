-- Which outlet gives which figure: every number that counts something, with its qualifier (almost,
-- more than...), whether it is approximate, what it counts, and the text it was read from.
-- grain: one row per article_id, char_start
-- incremental: article_id
-- audit: unique(article_id, char_start)
-- audit: not_null(article_id, sentence_id, value, evidence)
-- audit: evidence
-- audit: traces_to_article
-- audit: not_empty
-- column article_id: the article (staging.articles)
-- column outlet: the article's outlet; null when unknown
-- column value: the number ("almost 2,000": 2000)
-- column is_approximate: true when a qualifier makes it approximate (about, some, thousands of)
-- column qualifier: the qualifier as written (almost, more than, about); null when none
-- column bound: what the number bounds: exact, lower (more than), upper (almost) or approximate
-- column subject: the category of what it counts (troops, deaths, people...); null without a counted noun
-- column subject_text: the counted noun as written
-- column unit: count for counted things, else the measure (years, weeks, km...)
-- column evidence: the figure as written, from its qualifier to its counted noun
-- column sentence_id: the sentence it is in
-- column char_start: offset of the figure in the article's text
-- column char_end: offset just past the figure
-- column sentence: the sentence it is in
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
