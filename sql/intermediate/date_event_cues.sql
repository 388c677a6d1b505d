-- What a date mention dates, read from the words around it: the nearest anchor of reference.timeline_cues
-- within 60 characters ("concluded on November 9", "since 1992") that no other date stands nearer to, when its
-- event type has no context words or one of them is in the sentence ("truce", "agreement" for truce_signed;
-- "control", "held" for control_since) nearer to it than any of its other objects ("decree", "memorandum").
-- A context word right after the date names the event by it and counts as its anchor ("the November 10
-- agreement"), and when several events share the word ("war"), the one whose anchor is near ("since the 1994
-- war ended"). Failing both, the nearest reporting verb makes it a statement ("the Kremlin said on November
-- 24"). Resolved dates with none of these are left out, and so is a day counted from another ("45 days later") and
-- the day a commemoration falls on ("marks Victory Day on November 8": intermediate.commemoration_days).
-- A context word after the anchor inside a wartime phrase is not what the anchor did ("began exchanging prisoners
-- taken in the fighting"), an anchor in a clause that "after" opens does not date a day past that clause ("after
-- the war ended, on 26 August 2022, ..."), and an anchor inside a phrase that only refers to an agreement names
-- nothing ("handed over on December 1, as agreed": role none in reference.timeline_cues).
-- grain: one row per article_id, char_start (of the date mention)
-- incremental: article_id
-- audit: unique(article_id, char_start)
-- audit: not_null(event_type, cue_text)
-- column article_id: the article (staging.articles)
-- column char_start: offset of the date mention in the article's text
-- column event_type: what the date dates (reference.timeline_cues: truce_signed, control_since...) or statement
-- column cue_text: the anchor, context word or reporting verb that says so, lowercased
-- column distance: characters between the cue and the date
with dates as (
    -- not "45 days later": a day counted from another date is some later event's, not the one whose cue is near
    select
        article_id,
        sentence_id,
        char_start,
        char_end
    from staging.date_mentions as mentions
    where
        value is not null
        and not (
            kind = 'relative'
            and exists (
                select 1 from reference.date_words
                where
                    date_words.category = 'later_marker'
                    and lower(mentions.text) like '% ' || date_words.word
            )
        )
        -- the day a commemoration falls on dates nothing it commemorates
        and not exists (
            select 1 from intermediate.commemoration_days as holidays
            where holidays.article_id = mentions.article_id and holidays.char_start = mentions.char_start
        )
),

cues as (
    select *
    from intermediate.lexicon_matches
    where lexicon = 'timeline'
),

anchors as (
    select
        anchors.article_id,
        anchors.sentence_id,
        anchors.label as event_type,
        anchors.phrase as cue_text,
        anchors.char_start,
        anchors.char_end,
        1 as preference
    from cues as anchors
    where
        anchors.role = 'anchor'
        -- "returned on December 1, as agreed": an anchor inside a phrase that only refers to an agreement (role none)
        and not exists (
            select 1 from cues as nones
            where
                nones.article_id = anchors.article_id
                and nones.sentence_id = anchors.sentence_id
                and nones.role = 'none'
                and anchors.char_start >= nones.char_start
                and anchors.char_end <= nones.char_end
        )
        and (
            anchors.label not in (
                select timeline_cues.event_type from reference.timeline_cues where timeline_cues.role = 'context'
            )
            or exists (
                select 1 from cues as contexts
                where
                    contexts.article_id = anchors.article_id
                    and contexts.sentence_id = anchors.sentence_id
                    and contexts.label = anchors.label
                    and contexts.role = 'context'
                    -- "began exchanging the bodies of troops killed in the fighting": a context word after the anchor
                    -- inside a wartime phrase tells when something else happened, not what the anchor did
                    and not exists (
                        select 1 from staging.modality_cues as wartime
                        where
                            wartime.article_id = contexts.article_id
                            and wartime.sentence_id = contexts.sentence_id
                            and wartime.modality = 'wartime'
                            and contexts.char_start > anchors.char_end
                            and contexts.char_start between wartime.char_start and wartime.char_end
                    )
                    -- "signed the papers on the monitoring centre, as the agreement foresaw", "signed a decree":
                    -- another thing nearer to the anchor is what it did
                    and not exists (
                        select 1 from cues as signed_things
                        where
                            signed_things.article_id = anchors.article_id
                            and signed_things.sentence_id = anchors.sentence_id
                            and signed_things.label = anchors.label
                            and signed_things.role = 'other'
                            and greatest(
                                signed_things.char_start - anchors.char_end, anchors.char_start - signed_things.char_end
                            )
                            < greatest(contexts.char_start - anchors.char_end, anchors.char_start - contexts.char_end)
                    )
            )
        )
    union all
    select
        article_id,
        sentence_id,
        label as event_type,
        phrase as cue_text,
        char_start,
        char_end,
        0 as preference
    from cues
    where role = 'context'
    union all
    select
        article_id,
        sentence_id,
        'statement' as event_type,
        lower(cue_text) as cue_text,
        char_start,
        char_end,
        2 as preference
    from staging.modality_cues
    where modality = 'reporting'
),

after_gaps as (
    -- the text between an "after" cue and each anchor that follows it in the sentence
    select
        anchors.article_id,
        anchors.sentence_id,
        anchors.char_start,
        substr(sentences.text, cues.char_end - sentences.char_start + 1, anchors.char_start - cues.char_end) as gap
    from anchors
    inner join staging.modality_cues as cues
        on
            anchors.article_id = cues.article_id
            and anchors.sentence_id = cues.sentence_id
            and anchors.char_start >= cues.char_end
    inner join staging.sentences as sentences
        on anchors.article_id = sentences.article_id and anchors.sentence_id = sentences.sentence_id
    where cues.modality = 'after'
),

after_clause_anchors as (
    -- "после того, как завершилась война": an anchor at most four words after "after", in its clause
    select distinct
        article_id,
        sentence_id,
        char_start
    from after_gaps
    where len(regexp_extract_all(gap, '[\pL\pN]+')) <= 4 and not regexp_matches(gap, '[;:()–—.]')
),

candidates as (
    select
        dates.article_id,
        dates.char_start,
        anchors.event_type,
        anchors.cue_text,
        anchors.preference,
        greatest(anchors.char_start - dates.char_end, dates.char_start - anchors.char_end, 0) as distance,
        anchors.char_start - dates.char_end between 0 and 1 as follows_date,
        -- "the agreement, signed on 10 November, ended the war": an anchor in the date's own clause beats a
        -- nearer one across a comma
        regexp_matches(
            substr(
                sentences.text,
                least(anchors.char_end, dates.char_end) - sentences.char_start + 1,
                greatest(greatest(anchors.char_start, dates.char_start) - least(anchors.char_end, dates.char_end), 0)
            ),
            '[,;:()–—]'
        ) as across_clause,
        -- "on patrol on 21 November, following a ceasefire brokered by Russia": the event after "following" came
        -- before the date
        exists(
            select 1 from staging.modality_cues as cues
            where
                cues.article_id = dates.article_id
                and cues.sentence_id = dates.sentence_id
                and cues.modality = 'after'
                and cues.char_start >= dates.char_end
                and cues.char_end <= anchors.char_start
        ) as follows_after,
        -- "after the war ended, on 26 August 2022, Baku took the town back": an anchor in a clause that "after" opens
        -- tells what came before the date past that clause
        dates.char_start > anchors.char_end and exists (
            select 1 from after_clause_anchors as opened
            where
                opened.article_id = anchors.article_id
                and opened.sentence_id = anchors.sentence_id
                and opened.char_start = anchors.char_start
        ) as in_after_clause,
        -- "the truce ended a flare-up of fighting since September": a date after "since" dates when a state began,
        -- never an end
        anchors.event_type = 'war_ended' and lower(regexp_extract(
            substr(sentences.text, 1, dates.char_start - sentences.char_start), '(\S+)\s+$', 1
        )) in (select date_words.word from reference.date_words where date_words.category = 'since_marker')
            as after_since,
        -- an anchor word dates the date nearest to it: "tense since 1991, but new clashes erupted on Sept 27"
        row_number() over (
            partition by dates.article_id, dates.sentence_id, anchors.char_start, anchors.event_type
            order by greatest(anchors.char_start - dates.char_end, dates.char_start - anchors.char_end, 0)
        ) = 1 as nearest_to_anchor
    from dates
    inner join anchors using (article_id, sentence_id)
    inner join staging.sentences as sentences using (article_id, sentence_id)
),

kept as (
    select
        *,
        -- a context word after the date that several events share ("the 1994 war ended", "the war began") names
        -- the one whose anchor is near too
        bool_or(preference = 1 and distance <= 60 and nearest_to_anchor)
            over (partition by article_id, char_start, event_type)
            as anchored
    from candidates
    where
        not after_since
        and (
            preference = 2
            or (
                preference = 1 and distance <= 60 and nearest_to_anchor and not follows_after
                and not (in_after_clause and across_clause)
            )
            or (preference = 0 and follows_date and not follows_after)
        )
)

select
    article_id,
    char_start,
    event_type,
    cue_text,
    distance
from kept
qualify row_number() over (
    partition by article_id, char_start order by preference, not anchored, across_clause, distance, event_type, cue_text
) = 1
