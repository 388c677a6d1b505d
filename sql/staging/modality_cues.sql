-- Words that make a statement future (will, is to, expected to) or negated (not, never, has yet to).
-- grain: one row per article_id, sentence_id, char_start
-- audit: accepted_values(modality, future, negation)
select
    article_id,
    sentence_id,
    char_start,
    char_end,
    text as cue_text,
    label as modality
from staging.cue_mentions
where cue_kind = 'modality'
