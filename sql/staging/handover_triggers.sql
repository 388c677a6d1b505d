-- Phrases that state a handover happened (entered), was set (scheduled) or moved (postponed).
-- grain: one row per article_id, sentence_id, char_start
-- incremental: article_id
-- audit: unique(article_id, sentence_id, char_start)
-- audit: accepted_values(trigger_type, scheduled, postponed, entered)
select
    article_id,
    sentence_id,
    char_start,
    char_end,
    text as trigger_text,
    label as trigger_type
from staging.cue_mentions
where cue_kind = 'trigger'
