-- Sentences of the articles in _batch that are not their article's text at their offsets: the parse step
-- fails on any, since the evidence audits of the SQL models check evidence against its sentence.
select
    sentences.article_id,
    sentences.sentence_id,
    sentences.char_start,
    sentences.char_end
from staging.sentences as sentences
semi join _batch using (article_id)
left join staging.articles as articles using (article_id)
where
    articles.article_id is null
    or sentences.char_start < 0
    or sentences.char_end > length(articles.text)
    or sentences.char_start >= sentences.char_end
    or substr(articles.text, sentences.char_start + 1, sentences.char_end - sentences.char_start) <> sentences.text
