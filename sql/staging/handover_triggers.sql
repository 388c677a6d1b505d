-- Phrases that state a handover happened (entered), was set (scheduled) or moved (postponed).
-- grain: one row per article_id, sentence_id, char_start
-- incremental: article_id
-- audit: unique(article_id, sentence_id, char_start)
-- audit: accepted_values(trigger_type, scheduled, postponed, entered)
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence it is in (staging.sentences)
-- column char_start: offset of the phrase in the article's text
-- column char_end: offset just past the phrase
-- column trigger_text: the phrase as written ("entered", "handed over", "postponed")
-- column trigger_type: what it states: entered (it happened), scheduled (it was set) or postponed (it moved)
select
    article_id,
    sentence_id,
    char_start,
    char_end,
    text as trigger_text,
    label as trigger_type
from staging.cue_mentions
where cue_kind = 'trigger'
