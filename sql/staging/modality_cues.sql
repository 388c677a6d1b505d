-- Words that make a statement future (will, is to, expected to, must; past_future: had to, was due to, a
-- deadline told in the past) or negated (not, never, has yet to),
-- reporting verbs (said, told) that close one statement and open another, and "respectively", which pairs a
-- list of districts with a list of dates in order, words that open another clause (while, but), and words
-- that put a completion before the publication day (earlier, previously) or in the war (during the fighting),
-- nouns that make a district's name a place of its own ("the Lachin corridor"), and a district named by a
-- noun alone ("the district", "der Bezirk", "район"), which takes the one an earlier sentence named;
-- perfect: an auxiliary that tells a handover as done ("were vacated by 1 December"); aside: "besides", "кроме"
-- before a district that the verb after it does not govern; occurred: "took place", "состоялась" after a handover noun;
-- after: "after", "после" before one; relative: a relative pronoun ("which", "который") that may open a clause about
-- the district before it; village: a noun for villages ("villages", "села") that a district after it may only place;
-- anaphor_list: a plural for districts ("the three districts", "эти районы") that stands for those named before;
-- recent: "recently", "недавно" right before a handover verb told as an attribute ("the recently liberated areas");
-- located_before: "located in", "расположенный в" before a district that only places a thing; located_after: "gelegene",
-- "bulunan" right after one.
-- grain: one row per article_id, sentence_id, char_start
-- incremental: article_id
-- audit: accepted_values(modality, future, past_future, negation, reporting, respectively, clause, past, wartime, landmark, contrast, anaphor, perfect, destination, visit, aside, town, occurred, after, relative, village, anaphor_list, recent, located_before, located_after)
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence it is in (staging.sentences)
-- column char_start: offset of the word in the article's text
-- column char_end: offset just past the word
-- column cue_text: the word or phrase as written ("will", "not", "said")
-- column modality: future, past_future, negation, reporting, respectively, clause, past, wartime, landmark,
-- contrast, anaphor, perfect, destination (a return to a place), visit (a trip to a place), aside ("besides") or
-- town (a town noun after a name: "Lachin town"), occurred ("took place", "состоялась": a handover noun told as
-- done), after ("after", "nach der", "после" before a handover noun or gerund), relative ("which", "который"),
-- village ("villages", "села"),
-- anaphor_list (a plural for districts named before: "the three districts"), recent ("recently", "недавно"),
-- located_before ("located in") or located_after ("bulunan"): a district that only places a thing
select
    article_id,
    sentence_id,
    char_start,
    char_end,
    text as cue_text,
    label as modality
from staging.cue_mentions
where cue_kind = 'modality'
