-- The stretch of a sentence that belongs to one district: from a run of mentions of that district to the
-- next mention of another district (or the sentence end). `clause_end` is where a word that opens another
-- clause ("while", "but") first follows the district, if it does: the verbs after it may have another subject. "Agdam was ceded on 20 November and Lachin is to
-- be handed over by 1 December" has two segments, so each district keeps its own verb and date.
-- A sentence with a deadline phrase (scheduled or postponed) but no district ("the deadline was extended to
-- 25 November") carries the district of the last sentence before it that names one, of the two before it,
-- when that sentence names exactly one (a reporting sentence may stand between: "..., he said on Sunday").
-- A relative clause after a district ("Kalbajar, which was due on 15 November, ...") is a segment of its own, and
-- so is the main clause that resumes after it when it has a verb. A plural for the districts ("the three districts")
-- in a sentence that names none carries every district of the last sentence that named several; their segments
-- start at successive characters of the plural and all run to the sentence's end.
-- grain: one row per article_id, sentence_id, segment_start
-- incremental: article_id
-- audit: unique(article_id, sentence_id, segment_start)
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence (staging.sentences)
-- column district: the district's canonical name
-- column match_methods: how the district was read: exact, fuzzy or carried (from an earlier sentence), comma-separated
-- column segment_start: offset where the segment starts: its first mention of the district (or the relative pronoun
-- or closing comma of a relative clause after it)
-- column first_mention_end: offset just past that first mention
-- column segment_end: offset where the next district's segment starts, or the sentence's end
-- column clause_end: offset of the first clause opener after the district (while, but), or the sentence's end
-- column first_segment_start: where the sentence's first segment starts
-- column sentence_start: offset of the sentence in the article's text
-- column sentence_end: offset just past the sentence
-- column sentence: the sentence
with flagged as (
    -- "the Lachin corridor", "Berdzor (Lachin) corridor", "Latschin-Korridor", "le corridor de Latchine" name a road,
    -- and "Lachin town" a town, not the district
    select
        mentions.*,
        exists (
            select 1
            from staging.modality_cues as cues
            where
                cues.article_id = mentions.article_id
                and cues.sentence_id = mentions.sentence_id
                and cues.modality in ('landmark', 'town')
                and (
                    cues.char_start between mentions.char_end and mentions.char_end + 20
                    and regexp_full_match(
                        substr(
                            sentences.text,
                            mentions.char_end - sentences.char_start + 1,
                            cues.char_start - mentions.char_end
                        ),
                        '[\s-]*(\([^()]*\))?\s*\)?\s*'
                    )
                    -- "le corridor de Latchine", "il corridoio di Lachin": the noun first, then at most a short word
                    -- (a town noun only after the name: "Lachin town", "Laçın şehri"; "the city of Aghdam" is read
                    -- as the district in the development gold as often as not)
                    or cues.modality = 'landmark'
                    and cues.char_end between mentions.char_start - 6 and mentions.char_start
                    and regexp_full_match(
                        substr(
                            sentences.text,
                            cues.char_end - sentences.char_start + 1,
                            mentions.char_start - cues.char_end
                        ),
                        -- or a dash or colon run into the name: "5 cities—Fuzuli, Jabrayil"
                        '\s*(\S{1,3}\s+|\S{1,2}[''’]|[—–:])?'
                    )
                )
        )
        -- villages and a district that only places them are no district handed over: the villages before it,
        -- governed by a verb before them ("освобождены села А, Б - Физулинского района", "the villages of A and B
        -- in the Fuzuli district"), unless a list word joins it to them ("fielen die Dörfer und der Bezirk
        -- Kalbadschar an ..."); or after it, owned or held by it (genitive, locative, "bağlı"), before any verb
        -- ("Fuzuli'nin A ve B, Cebrail ilinin C köyleri kurtarıldı", "Fuzuli ve Cebrail bölgelerinde 6 köy",
        -- "Fuzuli's villages of A and B")
        or exists (
            select 1
            from staging.modality_cues as cues
            where
                cues.article_id = mentions.article_id
                and cues.sentence_id = mentions.sentence_id
                and cues.modality = 'village'
                and (
                    cues.char_end <= mentions.char_start
                    and not (
                        with before as (
                            select regexp_extract(
                                'x x x ' || lower(substr(
                                    sentences.text,
                                    greatest(mentions.char_start - 40, sentences.char_start) - sentences.char_start + 1,
                                    mentions.char_start - greatest(mentions.char_start - 40, sentences.char_start)
                                )),
                                '(\S+)\s+(\S+)\s+(\S+)\s*$',
                                ['w1', 'w2', 'w3']
                            ) as words
                        ),

                        joins as (
                            select figure_words.word from reference.figure_words
                            where figure_words.role = 'list_separator'
                        ),

                        leads as (
                            select date_words.word from reference.date_words where date_words.category = 'district_lead'
                        )

                        select
                            before.words.w3 in (select joins.word from joins)
                            or before.words.w2 in (select joins.word from joins)
                            and before.words.w3 in (select leads.word from leads)
                            or before.words.w1 in (select joins.word from joins)
                            and before.words.w2 in (select leads.word from leads)
                            and before.words.w3 in (select leads.word from leads)
                        from before
                    )
                    or cues.char_start between mentions.char_end and mentions.char_end + 400
                    -- the word right after the district, or after another district joined to it
                    and exists (
                        select 1 from reference.date_words as links
                        where
                            links.category = 'village_owner_link'
                            and links.word in (
                                regexp_extract(
                                    lower(substr(sentences.text, mentions.char_end - sentences.char_start + 1, 60)),
                                    '^\s*((?:[''’]\pL+|\pL+(?:[''’]s)?)(?:\s+bağlı)?)',
                                    1
                                ),
                                regexp_extract(
                                    lower(substr(sentences.text, mentions.char_end - sentences.char_start + 1, 60)),
                                    '^\s+\pL+\s+\pL+\s*((?:[''’]\pL+|\pL+(?:[''’]s)?)(?:\s+bağlı)?)',
                                    1
                                )
                            )
                    )
                )
                -- nothing ends the clause, and no handover verb stands, between the two
                and not regexp_matches(
                    substr(
                        sentences.text,
                        least(cues.char_end, mentions.char_end) - sentences.char_start + 1,
                        greatest(cues.char_start, mentions.char_start) - least(cues.char_end, mentions.char_end)
                    ),
                    '[.;:]'
                )
                and not exists (
                    select 1 from staging.handover_triggers as triggers
                    where
                        triggers.article_id = cues.article_id
                        and triggers.sentence_id = cues.sentence_id
                        and triggers.char_start between least(cues.char_end, mentions.char_end)
                        and greatest(cues.char_start, mentions.char_start)
                )
                -- ... nor when a relative clause right after the district tells its own handover ("the villages
                -- belonged to Aghdam, which had been handed over on 20 November")
                and not exists (
                    select 1 from staging.modality_cues as pronouns
                    inner join staging.handover_triggers as triggers
                        on
                            pronouns.article_id = triggers.article_id
                            and pronouns.sentence_id = triggers.sentence_id
                    where
                        pronouns.article_id = mentions.article_id
                        and pronouns.sentence_id = mentions.sentence_id
                        and pronouns.modality = 'relative'
                        and pronouns.char_start between mentions.char_end and mentions.char_end + 3
                        and triggers.char_start between pronouns.char_end and pronouns.char_end + 40
                )
        ) as is_landmark,
        -- a district that only places a thing ("a monastery located in the Kalbajar district", "Kelbecer ilinde
        -- bulunan manastır", "im Bezirk Kalbadschar gelegene Kloster", "расположенный в Кельбаджарском районе"): a
        -- locating phrase with its preposition a few short words before it, or a locating word right after it (and
        -- its district noun; before it, "den östlich gelegenen Bezirk Agdam" describes the district); nor does "the
        -- district" after it name the district (see renamed)
        exists(
            select 1
            from staging.modality_cues as cues
            where
                cues.article_id = mentions.article_id
                and cues.sentence_id = mentions.sentence_id
                and (
                    cues.modality = 'located_before'
                    and cues.char_end between mentions.char_start - 30 and mentions.char_start - 1
                    and regexp_full_match(
                        substr(
                            sentences.text,
                            cues.char_end - sentences.char_start + 1,
                            mentions.char_start - cues.char_end
                        ),
                        '\s+([\pL\pN_]{1,9}\s+){0,3}'
                    )
                    or cues.modality = 'located_after'
                    and cues.char_start between mentions.char_end and mentions.char_end + 25
                    and regexp_full_match(
                        substr(
                            sentences.text,
                            mentions.char_end - sentences.char_start + 1,
                            cues.char_start - mentions.char_end
                        ),
                        '\s+([\pL\pN_]+\s+)?'
                    )
                )
        ) as is_located,
        -- "Кроме Кельбаджарского района, ... обязана до 20 ноября оставить Агдамский", "apart from the Kalbajar
        -- district": a district set aside does not own the verb and date that follow it
        exists(
            select 1
            from staging.modality_cues as cues
            where
                cues.article_id = mentions.article_id
                and cues.sentence_id = mentions.sentence_id
                and cues.modality = 'aside'
                and cues.char_end between mentions.char_start - 5 and mentions.char_start - 1
        ) as is_set_aside,
        -- Turkish "Ağdam'dan sonra Kelbecer'e girdi": a district whose case ending "after" follows only orders events
        lower(regexp_extract(
            substr(sentences.text, mentions.char_end - sentences.char_start + 1, 20),
            '^[''’][\pL\pN_]{1,4}\s+([\pL\pN_]+)',
            1
        )) in (select date_words.word from reference.date_words where date_words.category = 'later_marker')
            as orders_only,
        -- what joins it to the mention before it: a comma or a list word ("города Физули, Зангилан и Губадлы")
        lower(trim(substr(
            sentences.text,
            lag(mentions.char_end) over by_position - sentences.char_start + 1,
            mentions.char_start - lag(mentions.char_end) over by_position
        ), ' ,')) as joined_by
    from staging.district_mentions as mentions
    inner join staging.sentences as sentences using (article_id, sentence_id)
    window by_position as (partition by mentions.article_id, mentions.sentence_id order by mentions.char_start)
),

lists as (
    select
        *,
        sum(
            case
                when
                    joined_by = ''
                    or joined_by in (
                        select figure_words.word from reference.figure_words
                        where figure_words.role = 'list_separator'
                    )
                    then 0
                else 1
            end
        ) over (partition by article_id, sentence_id order by char_start) as list_no
    from flagged
),

named as (
    -- a landmark noun before a list names every place of the list: "the towns of Fuzuli, Jabrayil and Zangilan";
    -- "besides" before a list sets every district of it aside
    select
        * exclude (is_landmark, is_set_aside, joined_by, list_no, orders_only),
        is_landmark or is_located or arg_min(is_landmark, char_start) over (
            partition by article_id, sentence_id, list_no
        ) as is_place,
        arg_min(is_set_aside, char_start) over (partition by article_id, sentence_id, list_no) as is_set_aside,
        orders_only
    from lists
),

ordered as (
    select
        * exclude (is_place, is_set_aside, orders_only, is_located),
        lag(district) over (partition by article_id, sentence_id order by char_start) as previous_district
    from named
    where not is_place and not is_set_aside and not orders_only
),

runs as (
    select
        *,
        sum(case when previous_district is distinct from district then 1 else 0 end)
            over (partition by article_id, sentence_id order by char_start) as run_no
    from ordered
),

segments as (
    select
        article_id,
        sentence_id,
        run_no,
        any_value(district) as district,
        min(char_start) as segment_start,
        min(char_end) as first_mention_end,
        string_agg(distinct match_method, ',' order by match_method) as match_methods
    from runs
    group by article_id, sentence_id, run_no
),

carry_sources as (
    -- a sentence with a handover verb that names no district of its own, the last of the two sentences before it
    -- that names one (only mentions that name the district, not the corridor: "im Korridor Latschin"), whether
    -- that sentence hands a district over already, and how many districts it names
    select
        sources.*,
        exists(
            select 1 from staging.handover_triggers as earlier
            where
                earlier.article_id = sources.article_id
                and earlier.sentence_id = sources.named_sentence_id
                and earlier.trigger_type = 'entered'
        ) as named_handed_over,
        (
            select count(distinct named.district) from ordered as named
            where named.article_id = sources.article_id and named.sentence_id = sources.named_sentence_id
        ) as named_districts
    from (
        select
            triggers.article_id,
            triggers.sentence_id,
            max(named.sentence_id) as named_sentence_id
        from (
            select distinct
                article_id,
                sentence_id
            from staging.handover_triggers
        ) as triggers
        inner join ordered as named
            on
                triggers.article_id = named.article_id
                and named.sentence_id between triggers.sentence_id - 2 and triggers.sentence_id - 1
        where
            not exists (
                select 1 from staging.district_mentions as own
                where own.article_id = triggers.article_id and own.sentence_id = triggers.sentence_id
            )
        group by triggers.article_id, triggers.sentence_id
    ) as sources
),

carried as (
    select
        triggers.article_id,
        triggers.sentence_id,
        -1 as run_no,
        any_value(previous.district) as district,
        min(sentences.char_start) as segment_start,
        min(sentences.char_start) as first_mention_end,
        'carried' as match_methods
    from staging.handover_triggers as triggers
    inner join staging.sentences as sentences using (article_id, sentence_id)
    inner join carry_sources as sources using (article_id, sentence_id)
    inner join ordered as previous
        on sources.article_id = previous.article_id and sources.named_sentence_id = previous.sentence_id
    where
        triggers.trigger_type in ('scheduled', 'postponed')
        -- "Residents left Kalbajar. On Friday, the district was handed over": a completion that names its district
        -- by a noun alone, after a sentence that named it without handing it over
        or (
            triggers.trigger_type = 'entered'
            and not sources.named_handed_over
            and exists (
                select 1 from staging.modality_cues as cues
                where
                    cues.article_id = triggers.article_id
                    and cues.sentence_id = triggers.sentence_id
                    and cues.modality = 'anaphor'
            )
        )
    group by triggers.article_id, triggers.sentence_id
    having count(distinct previous.district) = 1
),

carried_list as (
    -- "Kalbajar was due by 15 November, Aghdam by 20 November and Lachin by 1 December. The three districts were
    -- all given back": a plural for the districts, in a sentence that names none, hands over every district the last
    -- sentence naming several named, unless that sentence handed them over already. Each district's segment starts
    -- at a character of the plural of its own (segments are keyed by their start) and runs to the sentence's end.
    select
        triggers.article_id,
        triggers.sentence_id,
        -1 as run_no,
        previous.district,
        any_value(cues.char_start) - 1
        + dense_rank()
            over (partition by triggers.article_id, triggers.sentence_id order by min(previous.char_start))
            as segment_start,
        any_value(cues.char_end) as first_mention_end,
        'carried' as match_methods,
        any_value(sentences.char_end) as span_end
    from staging.handover_triggers as triggers
    inner join staging.sentences as sentences using (article_id, sentence_id)
    inner join staging.modality_cues as cues
        on
            triggers.article_id = cues.article_id
            and triggers.sentence_id = cues.sentence_id
            and cues.modality = 'anaphor_list'
    inner join carry_sources as sources
        on triggers.article_id = sources.article_id and triggers.sentence_id = sources.sentence_id
    inner join ordered as previous
        on sources.article_id = previous.article_id and sources.named_sentence_id = previous.sentence_id
    where not sources.named_handed_over and sources.named_districts > 1
    group by triggers.article_id, triggers.sentence_id, previous.district
),

renamed as (
    -- "Kalbajar City Day marks five years since the army pulled out of the district": a sentence that names its
    -- district only as a town or road before "the district" hands over the district of that name
    select
        triggers.article_id,
        triggers.sentence_id,
        -1 as run_no,
        any_value(places.district) as district,
        min(cues.char_start) as segment_start,
        min(cues.char_end) as first_mention_end,
        'carried' as match_methods
    from staging.handover_triggers as triggers
    inner join staging.modality_cues as cues
        on
            triggers.article_id = cues.article_id
            and triggers.sentence_id = cues.sentence_id
            and cues.modality = 'anaphor'
    inner join named as places
        on
            triggers.article_id = places.article_id
            and triggers.sentence_id = places.sentence_id
            and cues.char_start >= places.char_end
            and places.is_place
            and not places.is_located
    where
        not exists (
            select 1 from ordered as own
            where own.article_id = triggers.article_id and own.sentence_id = triggers.sentence_id
        )
    group by triggers.article_id, triggers.sentence_id
    having count(distinct places.district) = 1
),

last_triggers as (
    -- the sentence's last handover verb: a relative clause, and the main clause after it, need one
    select
        article_id,
        sentence_id,
        max(char_start) as last_start
    from staging.handover_triggers
    group by article_id, sentence_id
),

relative_clauses as (
    -- "Kalbajar, which it was due to hand over on 15 November, ...", "Kelbadschar, das bis zum 15. November ...": a
    -- relative clause after a district, up to its closing comma, is a segment of that district of its own, so its
    -- verb and date are not the main clause's (nor the main clause's its)
    select
        mentions.article_id,
        mentions.sentence_id,
        mentions.district,
        cues.char_start as clause_start,
        cues.char_end as pronoun_end,
        coalesce(
            cues.char_end
            + nullif(strpos(substr(sentences.text, cues.char_end - sentences.char_start + 1), ','), 0) - 1,
            sentences.char_end
        ) as clause_close,
        last_triggers.last_start as last_trigger_start
    from ordered as mentions
    inner join staging.sentences as sentences using (article_id, sentence_id)
    inner join last_triggers using (article_id, sentence_id)
    inner join staging.modality_cues as cues
        on
            mentions.article_id = cues.article_id
            and mentions.sentence_id = cues.sentence_id
            and cues.modality = 'relative'
            and cues.char_start between mentions.char_end + 1 and mentions.char_end + 20
            -- right after the name, or after one noun: "Kalbajar district, which"
            and regexp_full_match(
                substr(
                    sentences.text, mentions.char_end - sentences.char_start + 1, cues.char_start - mentions.char_end
                ),
                '(\s+\pL+)?\s*,\s*'
            )
    where last_triggers.last_start > cues.char_end
),

relative_segments as (
    -- the relative clause, and the main clause that resumes after it, each the district's
    select
        article_id,
        sentence_id,
        -1 as run_no,
        district,
        clause_start as segment_start,
        pronoun_end as first_mention_end,
        'carried' as match_methods
    from relative_clauses
    union all
    select
        article_id,
        sentence_id,
        -1 as run_no,
        district,
        clause_close as segment_start,
        clause_close + 1 as first_mention_end,
        'carried' as match_methods
    from relative_clauses
    where last_trigger_start > clause_close
),

all_segments as (
    select
        *,
        null as span_end
    from segments
    union all
    select
        *,
        null as span_end
    from carried
    union all
    select * from carried_list
    union all
    select
        *,
        null as span_end
    from renamed
    union all
    select
        *,
        null as span_end
    from relative_segments
)

select
    segments.article_id,
    segments.sentence_id,
    segments.district,
    segments.match_methods,
    segments.segment_start,
    segments.first_mention_end,
    coalesce(
        segments.span_end,
        lead(segments.segment_start) over (
            partition by segments.article_id, segments.sentence_id order by segments.segment_start
        ),
        sentences.char_end
    ) as segment_end,
    coalesce(
        (
            select min(cues.char_start) from staging.modality_cues as cues
            where
                cues.article_id = segments.article_id
                and cues.sentence_id = segments.sentence_id
                and cues.modality = 'clause'
                and cues.char_start > segments.first_mention_end
        ),
        sentences.char_end
    ) as clause_end,
    min(segments.segment_start) over (partition by segments.article_id, segments.sentence_id) as first_segment_start,
    sentences.char_start as sentence_start,
    sentences.char_end as sentence_end,
    sentences.text as sentence
from all_segments as segments
inner join staging.sentences as sentences using (article_id, sentence_id)
