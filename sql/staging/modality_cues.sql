-- Words that make a statement future (will, is to, expected to) or negated (not, never, has yet to), and
-- reporting verbs (said, told) that close one statement and open another.
-- grain: one row per article_id, sentence_id, char_start
-- incremental: article_id
-- audit: accepted_values(modality, future, negation, reporting)
select
    article_id,
    sentence_id,
    char_start,
    char_end,
    text as cue_text,
    label as modality
from staging.cue_mentions
where cue_kind = 'modality'
