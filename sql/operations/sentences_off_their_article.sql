-- Sentences of a parsed batch that are not their article's text at their offsets, checked before the batch is
-- written: the parse step fails on any, since the evidence audits of the SQL models check evidence against
-- its sentence. _parsed_sentences and _parsed_articles are the batch's rows, so the check costs the batch's
-- size, never a scan of the warehouse.
select
    sentences.article_id,
    sentences.sentence_id,
    sentences.char_start,
    sentences.char_end
from _parsed_sentences as sentences
left join _parsed_articles as articles using (article_id)
where
    articles.article_id is null
    or sentences.char_start < 0
    or sentences.char_end > length(articles.text)
    or sentences.char_start >= sentences.char_end
    or substr(articles.text, sentences.char_start + 1, sentences.char_end - sentences.char_start) <> sentences.text
