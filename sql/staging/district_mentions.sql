-- Mentions of districts (Agdam, Kalbajar, Lachin and the other occupied districts), whatever the spelling.
-- grain: one row per article_id, sentence_id, char_start
-- incremental: article_id
-- audit: unique(article_id, sentence_id, char_start)
-- audit: not_null(district)
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
