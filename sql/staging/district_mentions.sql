-- Mentions of districts (Agdam, Kalbajar, Lachin and the other occupied districts), whatever the spelling.
-- grain: one row per article_id, sentence_id, char_start
-- incremental: article_id
-- audit: unique(article_id, sentence_id, char_start)
-- audit: not_null(district)
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence it is in (staging.sentences)
-- column char_start: offset of the mention in the article's text
-- column char_end: offset just past the mention
-- column mention: the district's name as written (Kəlbəcər, Kelbajar, Кельбаджар)
-- column district: the district's canonical name (Kalbajar)
-- column match_method: exact, or fuzzy for a close spelling
select
    article_id,
    sentence_id,
    char_start,
    char_end,
    text as mention,
    canonical as district,
    match_method
from staging.entity_mentions
where entity_type = 'district'
