-- Each district paired with the handover trigger that governs it and with that trigger's date.
-- A district's own segment supplies its triggers (the first segment also takes the verb just before it:
-- "troops entered Lachin"); a segment with none borrows the nearest trigger of the
-- sentence (lists such as "Agdam before 20 November, Kalbajar before 15 November"), unless a reporting
-- verb ("said") stands between them and opens another statement. A future cue turns
-- "entered" into "scheduled", and so does a deadline marker before its date ("by", "до", "entro"); a
-- negation drops the statement. Dates: one owned by the district (a dash, a space or a modal before it, the
-- k-th day of a list), the nearest after the trigger in the segment, then any in the segment; for "entered"
-- also a date before the first district (the reporting clause) and finally the publication date, unless
-- the sentence says "earlier". A day beats a vaguer week or month wherever it stands. A date never crosses
-- a trigger of another type ("the deadline was extended to 25 November" dates the extension), and a date
-- next to "signed" or "agreement" dates the agreement. A weekday in a deadline ("is due on Tuesday") is the
-- next such day, not the last one, unless the obligation is told in the past ("had to leave on Sunday",
-- "debía entregarlo este domingo"). A postponement without a date takes the article's only new deadline
-- ("until 25 November" in its sentence or the next), or the original deadline plus its delay; one "from
-- 15 to 25 November" also gives the deadline it moved from. Undated completions that an older decade or
-- "during the fighting" puts in the past are history, not events of the article's time. A completion told as an
-- attribute ("visited the liberated Fuzuli district on Monday") takes only a date next to its participle.
-- grain: one row per article_id, sentence_id, segment_start, trigger_start, event_type
-- incremental: article_id
-- audit: unique(article_id, sentence_id, segment_start, trigger_start, event_type)
-- audit: accepted_values(event_type, scheduled, postponed, entered)
-- audit: not_null(article_id, sentence_id, evidence)
-- audit: evidence
-- audit: traces_to_article
-- column article_id: the article (staging.articles)
-- column sentence_id: the sentence that states it
-- column district: the district's canonical name
-- column match_methods: how the district was read: exact, fuzzy or carried (from an earlier sentence), comma-separated
-- column event_type: entered, scheduled or postponed, after future cues and deadline markers
-- column trigger_type: the trigger's own type (staging.handover_triggers)
-- column trigger_text: the handover verb as written
-- column is_future: true when a future cue governs the verb (will, is to, had to)
-- column segment_start: offset where the district's segment starts (intermediate.district_segments)
-- column trigger_start: offset of the handover verb in the article's text
-- column char_start: offset of the sentence in the article's text
-- column char_end: offset just past the sentence
-- column evidence: the sentence
-- column date_text: the date as written; null when the sentence does not give it
-- column event_date: the statement's date; null when nothing dates it
-- column date_precision: day, week, month or year
-- column date_source: sentence (a date in it), publication (the article's day), delay (deadline plus delay), nearby
with sentence_triggers as (
    -- positions only: the strings (district, trigger text, sentence) join once at the end instead of riding
    -- through every join and window (30% faster, same rows)
    select
        segments.article_id,
        segments.sentence_id,
        segments.segment_start,
        segments.segment_end,
        segments.first_segment_start,
        segments.clause_end,
        segments.sentence_end,
        triggers.char_start as trigger_start,
        triggers.char_end as trigger_end,
        triggers.trigger_type,
        exists(
            select 1 from staging.modality_cues as cues
            where
                cues.article_id = segments.article_id
                and cues.sentence_id = segments.sentence_id
                and cues.modality = 'reporting'
                and cues.char_start between least(triggers.char_end, segments.segment_start)
                and greatest(triggers.char_start, segments.segment_start)
        ) as reporting_between,
        -- a clause opener ("while", "а", "then") between them
        exists(
            select 1 from staging.modality_cues as cues
            where
                cues.article_id = segments.article_id
                and cues.sentence_id = segments.sentence_id
                and cues.modality in ('clause', 'contrast')
                and cues.char_start between least(triggers.char_end, segments.segment_start)
                and greatest(triggers.char_start, segments.segment_start)
        ) as clause_between
    from intermediate.district_segments as segments
    inner join staging.handover_triggers as triggers
        on
            segments.article_id = triggers.article_id
            and segments.sentence_id = triggers.sentence_id
),

segment_triggers as (
    -- a verb after "while"/"but" is the district's only when the district has a verb before it too ("was due on
    -- 15 November but the deadline was postponed"; "had to hand over Kalbajar on 14 November, but ..." with the
    -- verb leading the district), not in "Kelbajar on 25 November, while others were retaken";
    -- a second verb just before the next district is that district's ("left Agdam on 21 November and will
    -- leave Lachin"): the next segment borrows it
    select * from sentence_triggers as candidates
    where
        trigger_start >= segment_start and trigger_start < segment_end
        and (
            trigger_start < clause_end
            or exists (
                select 1 from sentence_triggers as earlier
                where
                    earlier.article_id = candidates.article_id
                    and earlier.sentence_id = candidates.sentence_id
                    and earlier.segment_start = candidates.segment_start
                    and earlier.trigger_start < earlier.clause_end
                    and (
                        earlier.trigger_start >= earlier.segment_start
                        or (earlier.segment_start = earlier.first_segment_start and not earlier.reporting_between)
                    )
            )
        )
        and not (
            segment_end < sentence_end
            and segment_end - trigger_end <= 10
            and exists (
                select 1 from sentence_triggers as earlier
                where
                    earlier.article_id = candidates.article_id
                    and earlier.sentence_id = candidates.sentence_id
                    and earlier.segment_start = candidates.segment_start
                    and earlier.trigger_end <= candidates.trigger_start
            )
        )
),

leading_triggers as (
    -- the verb just before the first district, and a postponement that governs it in the same clause
    -- ("agreed to postpone the withdrawal from Kalbajar")
    select nearest.* exclude (nearest.rank_in_type, nearest.rank_overall)
    from (
        select
            *,
            row_number() over (
                partition by article_id, sentence_id, segment_start, trigger_type = 'postponed'
                order by trigger_start desc
            ) as rank_in_type,
            row_number() over (partition by article_id, sentence_id, segment_start order by trigger_start desc)
                as rank_overall
        from sentence_triggers
        where
            trigger_start < segment_start and segment_start = first_segment_start and not reporting_between
            -- not across a clause opener ("была занята во время боёв, а ещё три района (А, Б и В) были переданы")
            and not clause_between
    ) as nearest
    inner join staging.sentences as sentences using (article_id, sentence_id)
    where
        nearest.rank_overall = 1
        or (
            nearest.rank_in_type = 1 and nearest.trigger_type = 'postponed'
            and not regexp_matches(
                substr(
                    sentences.text,
                    nearest.trigger_end - sentences.char_start + 1,
                    nearest.segment_start - nearest.trigger_end
                ),
                '[,;:()–—.]'
            )
        )
),

own_triggers as (
    select * from segment_triggers
    union all
    select * from leading_triggers
),

borrowed_triggers as (
    select candidates.* from sentence_triggers as candidates
    inner join staging.sentences as sentences using (article_id, sentence_id)
    where
        not candidates.reporting_between
        -- "..., and Lachin, which is to be returned on 2 December, ...": a name whose verb is in the relative
        -- clause after it borrows none
        and not exists (
            select 1 from staging.modality_cues as cues
            where
                cues.article_id = candidates.article_id
                and cues.sentence_id = candidates.sentence_id
                and cues.modality = 'relative'
                and cues.char_start = candidates.segment_end
        )
        and not exists (
            select 1 from own_triggers as own
            where
                own.article_id = candidates.article_id
                and own.sentence_id = candidates.sentence_id
                and own.segment_start = candidates.segment_start
        )
        -- a verb after a clause opener opens a clause of its own: "sent troops into Fuzuli and Jabrayil, then
        -- retook Hadrut" (a district after the opener may share the verb before it: "then Kalbajar on 25 November")
        and not (candidates.clause_between and candidates.trigger_start > candidates.segment_start)
    qualify row_number() over (
        partition by candidates.article_id, candidates.sentence_id, candidates.segment_start
        order by
            -- not a verb set off in brackets: "return Kalbajar by 15 November (later extended to 25 November),
            -- and Lachin by 1 December"
            regexp_matches(
                substr(sentences.text, 1, candidates.trigger_start - sentences.char_start), '\([^()]*$'
            ),
            -- nor one before a clause opener that leads the list: "одна часть была занята во время боёв, а ещё три
            -- района (А, Б и В) были переданы"
            candidates.clause_between,
            case when candidates.trigger_start < candidates.segment_start then 0 else 1 end,
            abs(candidates.trigger_start - candidates.segment_start)
    ) = 1
),

paired as (
    select * from own_triggers
    union all
    select * from borrowed_triggers
),

modality_near_triggers as (
    -- a future cue governs a trigger just after it, or further on in the same clause: no punctuation and no
    -- other trigger between them ("muss Armenien den Bezirk bis zum 1. Dezember übergeben")
    select
        paired.article_id,
        paired.sentence_id,
        paired.segment_start,
        paired.trigger_start,
        bool_or(
            cues.modality = 'negation' and paired.trigger_start - cues.char_end <= 30
            -- "did not comment, but troops entered Agdam": a negation does not reach past a comma
            and not regexp_matches(
                substr(sentences.text, cues.char_end - sentences.char_start + 1, paired.trigger_start - cues.char_end),
                '[,;:()–—]'
            )
        ) as is_negated,
        bool_or(
            cues.modality in ('future', 'past_future')
            and (
                paired.trigger_start - cues.char_end <= 25
                -- "dont la restitution était prévue le 15 novembre, a été rendu": the cue's own date and a comma
                -- after it close its clause (not "will, on 1 December, hand over": a date set off before)
                and not regexp_matches(
                    substr(
                        sentences.text, cues.char_end - sentences.char_start + 1, paired.trigger_start - cues.char_end
                    ),
                    '^[^,;:()–—]*\d[^,;:()–—]*[,;:()–—]'
                )
                or (
                    not regexp_matches(
                        substr(
                            sentences.text,
                            cues.char_end - sentences.char_start + 1,
                            paired.trigger_start - cues.char_end
                        ),
                        '[,;:()–—]'
                    )
                    and not exists (
                        select 1 from staging.handover_triggers as other
                        where
                            other.article_id = paired.article_id
                            and other.sentence_id = paired.sentence_id
                            and other.char_start >= cues.char_end
                            and other.char_end <= paired.trigger_start
                    )
                )
            )
        ) as is_future,
        -- "the recently liberated areas", "недавно освобождённые районы": a handover told as an attribute
        bool_or(cues.modality = 'recent' and paired.trigger_start - cues.char_end <= 2) as is_attribute
    from paired
    inner join staging.modality_cues as cues
        on
            paired.article_id = cues.article_id
            and paired.sentence_id = cues.sentence_id
            and paired.trigger_start >= cues.char_end
            and paired.trigger_start - cues.char_end <= 100
            -- the "no" of "no cambia el calendario" belongs to its trigger ("unchanged"), not to the next one
            and not exists (
                select 1 from staging.handover_triggers as holder
                where
                    holder.article_id = cues.article_id
                    and holder.sentence_id = cues.sentence_id
                    and holder.char_start <= cues.char_start
                    and holder.char_end >= cues.char_end
            )
    inner join staging.sentences as sentences
        on
            paired.article_id = sentences.article_id
            and paired.sentence_id = sentences.sentence_id
    group by paired.article_id, paired.sentence_id, paired.segment_start, paired.trigger_start
),

attribute_triggers as (
    -- a completion told as an attribute of a place takes no other date of its sentence: "visited the liberated Fuzuli
    -- district on Monday", "im befreiten Bezirk", "в освобождённом Физулинском районе", "işgalden kurtarılan Füzuli",
    -- "il distretto liberato di Agdam", "Fuzuli, liberata nel 2020". A Russian long-form or a Turkish relative
    -- participle is one in any place; an English or German participle after a determiner; a French, Spanish or
    -- Italian one right after a place noun; any past participle right after a district (or its place noun) and a
    -- comma (not in a headline, whose verbs drop their auxiliary: "Agdam, liberata")
    select
        triggers.article_id,
        triggers.sentence_id,
        triggers.char_start as trigger_start
    from staging.handover_triggers as triggers
    inner join staging.sentences as sentences using (article_id, sentence_id)
    where
        triggers.trigger_type = 'entered'
        and (
            regexp_matches(
                lower(triggers.trigger_text),
                '^\S*(?:(?:нн|т)(?:ый|ий|ая|ое|ые|ого|ой|ому|ым|ыми|ом|ых|ую)'
                || '|вш(?:ий|ая|ее|ие|его|ей|ему|им|ими|ем|их|ую)'
                || '|(?:ıl|il|ul|ül|ın|in|un|ün)(?:an|en)|[dt](?:ığı|iği|uğu|üğü)|m[ıiuü]ş)$'
            )
            -- (its own date may stand between: "den am 20. Oktober befreiten Bezirk")
            or regexp_matches(lower(triggers.trigger_text), '^\S*(?:ed|en|te|ten|ter|tes|tem|ene|enen|ener|enes|enem)$')
            and regexp_extract(
                lower(substr(sentences.text, 1, triggers.char_start - sentences.char_start)),
                '(\pL+)\s+(?:(?:\pL{1,3}\s+)?\d[^,;:()–—]{0,24}?\s+)?$',
                1
            ) in (select date_words.word from reference.date_words where date_words.category = 'attribute_lead')
            or regexp_matches(
                lower(triggers.trigger_text),
                '^\S*(?:é|ée|és|ées|[aiu]t[oaie]|[ai]d[oa]s?|[st][oa]s?|u|ue|us|ues)$'
            )
            and regexp_extract(
                lower(substr(sentences.text, 1, triggers.char_start - sentences.char_start)), '(\pL+)\s+$', 1
            ) in (select date_words.word from reference.date_words where date_words.category = 'attribute_noun')
            or not sentences.is_title
            and regexp_matches(
                lower(triggers.trigger_text),
                '^\S*(?:ed|é|ée|és|ées|[aiu]t[oaie]|[ai]d[oa]s?|[st][oa]s?|u|ue|us|ues)$'
            )
            and exists (
                select 1 from staging.district_mentions as districts
                where
                    districts.article_id = triggers.article_id
                    and districts.sentence_id = triggers.sentence_id
                    -- or after the place noun that follows it: "the Fuzuli and Jabrayil districts, freed in 2020,"
                    and (
                        select
                            regexp_full_match(gaps.gap, ',\s+')
                            or regexp_extract(gaps.gap, '^\s+(\pL+),\s+$', 1) in (
                                select date_words.word from reference.date_words
                                where date_words.category = 'attribute_noun'
                            )
                        from (
                            select lower(substr(
                                sentences.text,
                                districts.char_end - sentences.char_start + 1,
                                triggers.char_start - districts.char_end
                            )) as gap
                        ) as gaps
                    )
            )
        )
),

with_modality as (
    -- a district that borrows its verb is future when its own segment says so ("Agdam, returned on 20
    -- November, and Lachin, which is to be returned on 1 December")
    select
        paired.*,
        coalesce(near.is_negated, false) as is_negated,
        coalesce(near.is_future, false)
        or (
            (paired.trigger_start < paired.segment_start or paired.trigger_start >= paired.segment_end)
            and paired.segment_start > paired.first_segment_start
            and exists (
                select 1 from staging.modality_cues as cues
                where
                    cues.article_id = paired.article_id
                    and cues.sentence_id = paired.sentence_id
                    and cues.modality in ('future', 'past_future')
                    and cues.char_start >= paired.segment_start
                    and cues.char_start < paired.segment_end
            )
        ) as is_future,
        coalesce(near.is_attribute, false) as is_attribute,
        attributes.trigger_start is not null as is_modifier
    from paired
    left join modality_near_triggers as near
        on
            paired.article_id = near.article_id
            and paired.sentence_id = near.sentence_id
            and paired.segment_start = near.segment_start
            and paired.trigger_start = near.trigger_start
    left join attribute_triggers as attributes
        on
            paired.article_id = attributes.article_id
            and paired.sentence_id = attributes.sentence_id
            and paired.trigger_start = attributes.trigger_start
),

years_back as (
    -- dates that count whole years back from the article's day: the day itself so many years before (an
    -- anniversary: "five years have passed since", "on this day in 2020") or the year ("two years ago")
    select
        dates.article_id,
        dates.sentence_id,
        dates.precision,
        year(articles.published_date) - year(dates.value) as years
    from staging.date_mentions as dates
    inner join staging.articles as articles using (article_id)
    where
        dates.kind = 'relative'
        and year(dates.value) < year(articles.published_date)
        and (
            dates.precision = 'year'
            or dates.precision = 'day'
            and month(dates.value) = month(articles.published_date)
            and day(dates.value) = day(articles.published_date)
        )
),

told_years as (
    -- the year each sentence that writes one out tells (its last date with a year, history aside), up to the next
    -- such sentence, counted back from the article's day
    select
        article_id,
        sentence_id,
        lead(sentence_id, 1, 2147483647) over (partition by article_id order by sentence_id) as next_sentence_id,
        years_before
    from (
        select
            dates.article_id,
            dates.sentence_id,
            arg_max(year(articles.published_date) - year(dates.value), dates.char_start) as years_before
        from staging.date_mentions as dates
        inner join staging.articles as articles using (article_id)
        where
            dates.value is not null
            -- a year written out, or counted back from the article ("last year", "в прошлом году"); not history more
            -- than ten years back ("occupied on 29 October 1993"), which a look-back recalls too
            and (dates.anchor in ('explicit', 'narrative') or dates.kind = 'relative' and dates.precision = 'year')
            and year(articles.published_date) - year(dates.value) <= 10
        group by dates.article_id, dates.sentence_id
    ) as last_years
),

statements as (
    -- a deadline word or handover noun that a postponement governs is the postponement ("die verlängerte Frist",
    -- "отсрочку на вывод войск", "отсрочить возвращение Кяльбаджара"), not a schedule or a completion
    select
        *,
        case
            when trigger_type = 'entered' and is_future then 'scheduled'
            -- a handover noun whose clause says it took place is a completion ("the handover of Lachin took place
            -- on 1 December", "передача района состоялась", "la consegna è avvenuta")
            when
                trigger_type = 'scheduled' and not is_future
                and exists (
                    select 1 from staging.modality_cues as cues
                    inner join staging.sentences as sentences using (article_id, sentence_id)
                    where
                        cues.article_id = with_modality.article_id
                        and cues.sentence_id = with_modality.sentence_id
                        and cues.modality = 'occurred'
                        and cues.char_start - with_modality.trigger_end between 0 and 80
                        and not regexp_matches(
                            substr(
                                sentences.text, with_modality.trigger_end - sentences.char_start + 1,
                                cues.char_start - with_modality.trigger_end
                            ),
                            '[,;:()–—]'
                        )
                        and not exists (
                            select 1 from staging.handover_triggers as other
                            where
                                other.article_id = cues.article_id
                                and other.sentence_id = cues.sentence_id
                                and other.char_start between with_modality.trigger_end and cues.char_start
                        )
                )
                then 'entered'
            -- a handover noun whose anniversary the sentence marks took place ("jährt sich die Rückgabe von
            -- Kalbadschar zum zweiten Mal", "the anniversary of the handover of Agdam")
            when
                trigger_type = 'scheduled' and not is_future
                and (
                    exists (
                        select 1 from intermediate.lexicon_matches as nouns
                        where
                            nouns.article_id = with_modality.article_id
                            and nouns.sentence_id = with_modality.sentence_id
                            and nouns.lexicon = 'anniversary'
                    )
                    or exists (
                        select 1 from years_back
                        where
                            years_back.article_id = with_modality.article_id
                            and years_back.sentence_id = with_modality.sentence_id
                            and years_back.precision = 'day'
                    )
                )
                then 'entered'
            else trigger_type
        end as event_type
    from with_modality
    where
        not is_negated
        and not (
            trigger_type in ('scheduled', 'entered')
            and exists (
                select 1 from staging.handover_triggers as postponement
                inner join staging.sentences as sentences using (article_id, sentence_id)
                where
                    postponement.article_id = with_modality.article_id
                    and postponement.sentence_id = with_modality.sentence_id
                    and postponement.trigger_type = 'postponed'
                    and with_modality.trigger_start - postponement.char_end between 0 and 30
                    and not regexp_matches(
                        substr(
                            sentences.text, postponement.char_end - sentences.char_start + 1,
                            with_modality.trigger_start - postponement.char_end
                        ),
                        '[,;:()–—.]'
                    )
            )
        )

),

leading_dates as (
    -- a date right before a district is that district's: joined by a dash ("by 22 November – Aghdam region"),
    -- or by nothing but a space, a linking particle or a modal ("20 Kasım'da Ağdam'dan, 25 Kasım'da da
    -- Kelbecer'den", "am 1. Dezember soll Laschin folgen")
    select
        dates.article_id,
        dates.sentence_id,
        dates.char_start as date_start,
        segments.segment_start as owner_start
    from staging.date_mentions as dates
    inner join intermediate.district_segments as segments
        on
            dates.article_id = segments.article_id
            and dates.sentence_id = segments.sentence_id
            and dates.char_end < segments.segment_start
            and segments.segment_start - dates.char_end <= 30
    where
        segments.match_methods <> 'carried'
        and (
            segments.segment_start - dates.char_end <= 8 and regexp_full_match(
                substr(
                    segments.sentence,
                    dates.char_end - segments.sentence_start + 1,
                    segments.segment_start - dates.char_end
                ),
                '\s*[–—-]\s*|\s+'
            )
            -- a Turkish case ending glued to the date may lead the link: "15 Kasım 2020'ye kadar Kelbajar"
            or regexp_replace(lower(trim(substr(
                segments.sentence, dates.char_end - segments.sentence_start + 1, segments.segment_start - dates.char_end
            ))), '^[''’][\pL\pN_]+\s+', '') in (
                select date_words.word from reference.date_words where date_words.category = 'date_link'
                union all
                select lower(modality_cues.phrase) from reference.modality_cues
                where modality_cues.cue in ('future', 'past_future')
            )
            -- verb-final German: "am 25. November den Bezirk Kalbajar und vor dem 1. Dezember den Bezirk Lachin",
            -- a dash may stand for the verb: "und bis zum 1. Dezember – den Bezirk Lachin"
            or list_has_all(
                (select list(date_words.word) from reference.date_words where date_words.category = 'district_lead'),
                string_split(regexp_replace(lower(trim(substr(
                    segments.sentence,
                    dates.char_end - segments.sentence_start + 1,
                    segments.segment_start - dates.char_end
                ))), '^[–—-]\s*', ''), ' ')
            )
        )
),

trailing_dates as (
    -- a day right after a district, with nothing but a space (or an opening bracket) between, is that district's:
    -- "Tras Agdam hace cinco días, ... entraron en Kalbajar", "handed over Agdam 20 November and Kalbajar 25
    -- November", "für Latschin (1. Dezember) und Agdam (20. November)"; not a dateline's ("Latchin 2 déc 2020 (AFP) -
    -- ..."), whose place opens the sentence
    select
        dates.article_id,
        dates.sentence_id,
        dates.char_start as date_start,
        segments.segment_start as owner_start
    from staging.date_mentions as dates
    inner join staging.district_mentions as mentions
        on
            dates.article_id = mentions.article_id
            and dates.sentence_id = mentions.sentence_id
            and dates.char_start > mentions.char_end
            and dates.char_start - mentions.char_end <= 3
    inner join intermediate.district_segments as segments
        on
            mentions.article_id = segments.article_id
            and mentions.sentence_id = segments.sentence_id
            and mentions.char_start >= segments.segment_start
            and mentions.char_start < segments.segment_end
    where
        segments.match_methods <> 'carried'
        and dates.precision = 'day'
        and regexp_full_match(
            substr(
                segments.sentence, mentions.char_end - segments.sentence_start + 1, dates.char_start - mentions.char_end
            ),
            '\s+\(?'
        )
        and regexp_matches(substr(segments.sentence, 1, mentions.char_start - segments.sentence_start), '\pL')
),

listed_segments as (
    -- the districts of a sentence, in order
    select
        segments.article_id,
        segments.sentence_id,
        segments.segment_start,
        row_number() over (partition by segments.article_id, segments.sentence_id order by segments.segment_start) as k,
        count(*) over (partition by segments.article_id, segments.sentence_id) as n,
        min(segments.segment_start) over (partition by segments.article_id, segments.sentence_id) as first_start,
        max(segments.segment_start) over (partition by segments.article_id, segments.sentence_id) as last_start,
        lag(segments.segment_start, 1, -1) over (
            partition by segments.article_id, segments.sentence_id order by segments.segment_start
        ) as previous_start
    from intermediate.district_segments as segments
    where segments.match_methods <> 'carried'
),

district_lists as (
    -- the sentences that list two districts or more
    select distinct
        article_id,
        sentence_id,
        first_start,
        last_start
    from listed_segments
    where n >= 2
),

listed_dates as (
    -- the days named after the last of those districts, in order, when no day stands between the districts
    -- (unless the sentence says "respectively")
    select
        dates.article_id,
        dates.sentence_id,
        dates.char_start as date_start,
        row_number() over (partition by dates.article_id, dates.sentence_id order by dates.char_start) as k,
        count(*) over (partition by dates.article_id, dates.sentence_id) as n
    from staging.date_mentions as dates
    semi join district_lists as lists
        on
            dates.article_id = lists.article_id
            and dates.sentence_id = lists.sentence_id
            and dates.char_start > lists.last_start
            and (
                exists (
                    select 1 from staging.modality_cues as cues
                    where
                        cues.article_id = lists.article_id
                        and cues.sentence_id = lists.sentence_id
                        and cues.modality = 'respectively'
                )
                or not exists (
                    select 1 from staging.date_mentions as between_districts
                    where
                        between_districts.article_id = lists.article_id
                        and between_districts.sentence_id = lists.sentence_id
                        and between_districts.precision = 'day'
                        and between_districts.char_start between lists.first_start and lists.last_start
                )
            )
    where dates.precision = 'day'
),

date_first_lists as (
    -- "By 20 November, Armenia had to leave Agdam and by 1 December, Lachin": as many days as districts, each
    -- day before its district and after the one before, so the k-th day is the k-th district's
    select
        article_id,
        sentence_id,
        date_start,
        owner_start
    from (
        select
            segments.article_id,
            segments.sentence_id,
            dates.char_start as date_start,
            segments.segment_start as owner_start,
            dates.char_start < segments.segment_start and dates.char_start > segments.previous_start as in_turn
        from listed_segments as segments
        inner join (
            select
                article_id,
                sentence_id,
                char_start,
                row_number() over (partition by article_id, sentence_id order by char_start) as k,
                count(*) over (partition by article_id, sentence_id) as n
            from staging.date_mentions
            where precision = 'day'
        ) as dates
            on
                segments.article_id = dates.article_id
                and segments.sentence_id = dates.sentence_id
                and segments.k = dates.k
                and segments.n = dates.n
        where segments.n >= 2
    ) as pairs
    qualify bool_and(in_turn) over (partition by article_id, sentence_id)
),

owned_dates as (
    select * from leading_dates
    union
    select * from trailing_dates
    union
    select * from date_first_lists
    union all
    -- "Kelbajar and Aghdam were returned on 26 and 22 November respectively", "die Übergabe von Agdam und
    -- Latschin – der 20. November und der 1. Dezember": the k-th district, the k-th day
    select
        segments.article_id,
        segments.sentence_id,
        dates.date_start,
        segments.segment_start as owner_start
    from listed_segments as segments
    inner join listed_dates as dates
        on
            segments.article_id = dates.article_id
            and segments.sentence_id = dates.sentence_id
            and (
                segments.k = dates.k and segments.n = dates.n
                -- "lost Fuzuli and Qubadli, and must return Agdam, Kalbajar and Lachin by D1, D2 and D3
                -- respectively": the days pair with the last districts
                or segments.n > dates.n
                and segments.n - segments.k = dates.n - dates.k
                and exists (
                    select 1 from staging.modality_cues as cues
                    where
                        cues.article_id = segments.article_id
                        and cues.sentence_id = segments.sentence_id
                        and cues.modality = 'respectively'
                )
            )
),

clause_breaks as (
    -- a postponement's verb and a date before it with a clause break between them ("ancak", "but") or a parenthesis
    -- opened ("had to leave by 15 November (a ten-day delay was granted)"): the date belongs to the clause before
    select distinct
        statements.article_id,
        statements.sentence_id,
        statements.trigger_start,
        dates.char_end as date_end
    from statements
    inner join intermediate.date_contexts as dates
        on
            statements.article_id = dates.article_id
            and statements.sentence_id = dates.sentence_id
            and statements.trigger_start >= dates.char_end
    inner join staging.sentences as sentences
        on statements.article_id = sentences.article_id and statements.sentence_id = sentences.sentence_id
    where
        statements.event_type = 'postponed'
        and (
            exists (
                select 1 from staging.modality_cues as cues
                where
                    cues.article_id = statements.article_id
                    and cues.sentence_id = statements.sentence_id
                    and cues.modality = 'clause'
                    and cues.char_start between dates.char_end and statements.trigger_start
            )
            or contains(
                substr(
                    sentences.text, dates.char_end - sentences.char_start + 1, statements.trigger_start - dates.char_end
                ),
                '('
            )
        )
),

anniversary_days as (
    -- a day whose sentence also writes it in an earlier year: "three years pass today (25 November) since 25
    -- November 2020"
    select distinct
        today.article_id,
        today.char_start
    from staging.date_mentions as today
    inner join staging.date_mentions as marked
        on
            today.article_id = marked.article_id
            and today.sentence_id = marked.sentence_id
            and today.value > marked.value
            and month(today.value) = month(marked.value)
            and day(today.value) = day(marked.value)
    where marked.precision = 'day'
),

anniversary_nouns as (
    -- the first anniversary noun after a date in its sentence
    select
        dates.article_id,
        dates.char_start,
        min(nouns.char_end) as noun_end
    from staging.date_mentions as dates
    inner join intermediate.lexicon_matches as nouns
        on
            dates.article_id = nouns.article_id
            and dates.sentence_id = nouns.sentence_id
            and dates.char_end <= nouns.char_start
    where nouns.lexicon = 'anniversary'
    group by dates.article_id, dates.char_start
),

relative_clauses as (
    -- a relative pronoun ("which", "that was", "который") and its clause, up to the next punctuation; on_place when
    -- it follows a district or a noun for one, perhaps after one word and a comma ("the Kalbajar district, which")
    select
        cues.article_id,
        cues.sentence_id,
        cues.char_start as clause_start,
        cues.char_end as pronoun_end,
        cues.char_end + length(
            regexp_extract(substr(sentences.text, cues.char_end - sentences.char_start + 1), '^[^,;:()–—]*')
        ) as clause_end,
        exists(
            select 1
            from (
                select
                    article_id,
                    sentence_id,
                    char_end
                from staging.district_mentions
                union all
                select
                    article_id,
                    sentence_id,
                    char_end
                from staging.modality_cues where modality = 'anaphor'
            ) as places
            where
                places.article_id = cues.article_id
                and places.sentence_id = cues.sentence_id
                and cues.char_start between places.char_end + 1 and places.char_end + 20
                and regexp_full_match(
                    substr(
                        sentences.text, places.char_end - sentences.char_start + 1, cues.char_start - places.char_end
                    ),
                    '(\s+\pL+)?\s*,\s*'
                )
        ) as on_place
    from staging.modality_cues as cues
    inner join staging.sentences as sentences using (article_id, sentence_id)
    where cues.modality = 'relative'
),

semicolon_sentences as (
    -- the few sentences a semicolon parts into clauses (see date_choices)
    select
        article_id,
        sentence_id,
        char_start,
        text
    from staging.sentences
    where contains(text, ';')
),

date_choices as (
    select
        statements.article_id,
        statements.sentence_id,
        statements.segment_start,
        statements.trigger_start,
        case
            when
                dates.kind = 'weekday' and statements.event_type = 'scheduled' and dates.value < articles.published_date
                and not exists (
                    select 1 from staging.modality_cues as cues
                    where
                        cues.article_id = statements.article_id
                        and cues.sentence_id = statements.sentence_id
                        and cues.modality = 'past_future'
                        -- at the verb's first word too: "was to be handed over on Sunday" is one trigger phrase
                        and cues.char_start <= statements.trigger_start
                )
                then dates.value + 7
            else dates.value
        end as event_date,
        dates.precision as date_precision,
        dates.text as date_text,
        dates.after_deadline,
        case
            -- a date leading the district, unless a clause break ("ancak", "but") parts it from a postponement:
            -- "15 Kasım'da Kelbecer'den çekilecekti ancak ... ek süre ... 25 Kasım'a kadar" moved that deadline
            when owned_dates.owner_start = statements.segment_start and breaks.date_end is null then 0
            when
                dates.char_start >= greatest(statements.trigger_end, statements.segment_start)
                and dates.char_start < statements.segment_end
                then 1
            -- a date in the segment, after the verb or just before it; any date of the segment when the verb is
            -- borrowed from after it ("Kelbecer 15 Kasım, Ağdam 20 Kasım ... teslim edilecekti")
            when
                dates.char_start >= statements.segment_start and dates.char_start < statements.segment_end
                and statements.event_type <> 'postponed'
                and (
                    dates.char_start > statements.trigger_start
                    or statements.trigger_start - dates.char_end <= 25
                    or statements.trigger_start >= statements.segment_end
                )
                then 2
            -- verb-final German: "Agdam soll bis 20. November der Republik Aserbaidschan zurückgegeben werden": a
            -- deadline ("by", "bis", "до") after the district and before its schedule's verb, however far before
            when
                statements.event_type = 'scheduled'
                and dates.char_start >= statements.segment_start and dates.char_end <= statements.trigger_start
                and statements.trigger_start < statements.segment_end
                and (dates.after_deadline or dates.after_until)
                and breaks.date_end is null
                then 2
            -- verb-final German with the modal or auxiliary first: "Aghdam soll am 20. November an Aserbaidschan
            -- übergeben werden", "wurde der Bezirk am 20. November der aserbaidschanischen Seite übertragen": the day
            -- between the modal and the verb, with no other verb between them
            when
                statements.event_type in ('scheduled', 'entered')
                and dates.char_start >= statements.segment_start and dates.char_end <= statements.trigger_start
                and statements.trigger_start < statements.segment_end
                and breaks.date_end is null
                and exists (
                    select 1 from staging.modality_cues as cues
                    where
                        cues.article_id = statements.article_id
                        and cues.sentence_id = statements.sentence_id
                        and (
                            statements.event_type = 'scheduled' and cues.modality in ('future', 'past_future')
                            and cues.char_start >= statements.segment_start
                            -- the auxiliary may lead its subject: "wurde der Bezirk Aghdam am 20. November"
                            or statements.event_type = 'entered' and cues.modality = 'perfect'
                            and cues.char_start >= statements.segment_start - 20
                        )
                        and cues.char_end <= dates.char_start
                )
                and not exists (
                    select 1 from staging.handover_triggers as other
                    where
                        other.article_id = statements.article_id
                        and other.sentence_id = statements.sentence_id
                        and other.char_start >= dates.char_end
                        and other.char_end <= statements.trigger_start
                )
                then 2
            -- "bis zum 25. November zu verzögern": a new deadline may come before the verb, after "until"
            when
                statements.event_type = 'postponed'
                and dates.char_start >= statements.segment_start and dates.char_end <= statements.trigger_start
                and dates.after_until
                and breaks.date_end is null
                then 2
            when dates.char_end <= statements.first_segment_start and statements.event_type = 'entered' then 3
            -- "By 15 November, Armenia must hand over Kalbajar", "15 Kasım'da vermesi gereken Kelbecer'i"; the verb
            -- may be reached through a deadline word ("el 20 de noviembre es la fecha pactada para el traspaso de")
            when
                statements.trigger_start < statements.segment_start and statements.event_type = 'scheduled'
                and dates.char_end <= statements.trigger_start
                and not dates.after_until
                and (
                    statements.trigger_start - dates.char_end <= 25
                    or exists (
                        select 1 from staging.handover_triggers as deadline
                        where
                            deadline.article_id = statements.article_id
                            and deadline.sentence_id = statements.sentence_id
                            and deadline.trigger_type = 'scheduled'
                            and deadline.char_start between dates.char_end and dates.char_end + 25
                            and deadline.char_end <= statements.trigger_start
                            and statements.trigger_start - deadline.char_end <= 25
                    )
                    -- "On 20 November, the last Armenian units must give up Agdam": a modal just before the verb
                    -- ties it to the day that opens the clause, with no other district, report or clause between,
                    -- and no other day before the verb ("entre le 20 novembre et le 1er décembre ... devront remettre")
                    or exists (
                        select 1 from staging.modality_cues as cues
                        where
                            cues.article_id = statements.article_id
                            and cues.sentence_id = statements.sentence_id
                            and cues.modality in ('future', 'past_future')
                            and cues.char_start >= dates.char_end
                            and statements.trigger_start - cues.char_end between 0 and 25
                    )
                    and not exists (
                        select 1 from staging.modality_cues as cues
                        where
                            cues.article_id = statements.article_id
                            and cues.sentence_id = statements.sentence_id
                            and cues.modality in ('reporting', 'clause')
                            and cues.char_start between dates.char_end and statements.trigger_start
                    )
                    and not exists (
                        select 1 from staging.district_mentions as other
                        where
                            other.article_id = statements.article_id
                            and other.sentence_id = statements.sentence_id
                            and other.char_start between dates.char_end and statements.trigger_start
                    )
                    and not exists (
                        select 1 from staging.date_mentions as other
                        where
                            other.article_id = statements.article_id
                            and other.sentence_id = statements.sentence_id
                            and other.char_start <> dates.char_start
                            and other.char_end <= statements.trigger_start
                    )
                )
                then 3
            -- "Starting from November 21, the Agdam district will be under Azerbaijan's control", "By 20 November,
            -- Agdam is to be returned" (not "By Sunday, Baku said ...": a reporting verb makes it the statement's)
            when
                statements.event_type = 'scheduled' and dates.char_end <= statements.first_segment_start
                and (dates.after_from or dates.after_deadline)
                and not exists (
                    select 1 from staging.modality_cues as cues
                    where
                        cues.article_id = statements.article_id
                        and cues.sentence_id = statements.sentence_id
                        and cues.modality = 'reporting'
                        and cues.char_start between dates.char_end and statements.first_segment_start
                )
                then 3
            -- "Fuzuli, Zangilan and Qubadli were vacated by 7 March": districts listed before the verb they share
            -- (nothing but a comma, "and" or "and the" after each) take the date just after it, unless another district stands
            -- between the verb and the date; listed after their verb, they take the first date after the list
            -- ("must return Kalbajar and Agdam by 20 November") when no verb, cue or other date comes between
            when
                exists (
                    select 1 from intermediate.district_segments as listed
                    where
                        listed.article_id = statements.article_id
                        and listed.sentence_id = statements.sentence_id
                        and listed.segment_start = statements.segment_start
                        and regexp_full_match(
                            substr(
                                listed.sentence,
                                listed.first_mention_end - listed.sentence_start + 1,
                                listed.segment_end - listed.first_mention_end
                            ),
                            '[\s,]*([\pL\pN_]{1,3}\s+){0,2}'
                        )
                )
                and (
                    statements.trigger_start >= statements.segment_end
                    and dates.char_start >= statements.trigger_end
                    and dates.char_start - statements.trigger_end <= 40
                    and not exists (
                        select 1 from intermediate.district_segments as other
                        where
                            other.article_id = statements.article_id
                            and other.sentence_id = statements.sentence_id
                            and other.segment_start between statements.trigger_end and dates.char_start
                    )
                    -- (or before a verb at the end: "Kalbadschar und Aghdam bis zum 20. November zurückgeben")
                    or (
                        statements.trigger_start < statements.segment_start
                        or statements.trigger_start > dates.char_end
                    )
                    and dates.char_start >= statements.segment_end
                    -- (not a start: "hand Aghdam, Kalbajar and Lachin back from 20 November, with 1 December as the
                    -- deadline")
                    and not dates.after_from
                    and dates.char_start - statements.segment_end <= 60
                    and not exists (
                        select 1 from staging.date_mentions as other
                        where
                            other.article_id = statements.article_id
                            and other.sentence_id = statements.sentence_id
                            and other.char_start >= statements.segment_start
                            and other.char_start < dates.char_start
                    )
                    and not exists (
                        select 1 from staging.handover_triggers as other
                        where
                            other.article_id = statements.article_id
                            and other.sentence_id = statements.sentence_id
                            and other.char_start between statements.segment_start and dates.char_start
                    )
                    and not exists (
                        select 1 from staging.modality_cues as cues
                        where
                            cues.article_id = statements.article_id
                            and cues.sentence_id = statements.sentence_id
                            and cues.modality in (
                                'future', 'past_future', 'reporting', 'clause', 'contrast', 'relative'
                            )
                            and cues.char_start between statements.segment_start and dates.char_start
                    )
                )
                then 3
        end as date_rank,
        abs(dates.char_start - statements.trigger_end) as distance
    from statements
    inner join intermediate.date_contexts as dates
        on
            statements.article_id = dates.article_id
            and statements.sentence_id = dates.sentence_id
    inner join staging.articles as articles on statements.article_id = articles.article_id
    left join owned_dates
        on
            dates.article_id = owned_dates.article_id
            and dates.sentence_id = owned_dates.sentence_id
            and dates.char_start = owned_dates.date_start
    left join anniversary_days
        on
            dates.article_id = anniversary_days.article_id
            and dates.char_start = anniversary_days.char_start
    left join anniversary_nouns
        on
            dates.article_id = anniversary_nouns.article_id
            and dates.char_start = anniversary_nouns.char_start
    left join clause_breaks as breaks
        on
            statements.article_id = breaks.article_id
            and statements.sentence_id = breaks.sentence_id
            and statements.trigger_start = breaks.trigger_start
            and dates.char_end = breaks.date_end
    left join semicolon_sentences
        on
            statements.article_id = semicolon_sentences.article_id
            and statements.sentence_id = semicolon_sentences.sentence_id
    where
        -- a semicolon closes the clause of a district and its verb: a date after it is another clause's ("Zangilan was
        -- freed on 20 October; this followed the offensive of 27 September"), unless the district stands after it
        -- too ("Agdam by 20 November; Kalbajar by 15 November")
        not (
            semicolon_sentences.sentence_id is not null
            and dates.char_start > statements.trigger_start
            and contains(
                substr(
                    semicolon_sentences.text,
                    greatest(statements.segment_start, statements.trigger_end) - semicolon_sentences.char_start + 1,
                    greatest(dates.char_start - greatest(statements.segment_start, statements.trigger_end), 0)
                ),
                ';'
            )
        )
        and
        -- a handover told as an attribute ("the recently liberated areas", "visited the liberated Fuzuli district on
        -- Monday"): the sentence's dates are not its day, but one right next to its participle ("liberated on 20
        -- October", "den am 20. Oktober befreiten Bezirk")
        (
            not (statements.is_attribute or statements.is_modifier)
            or dates.char_start - statements.trigger_end between 0 and 4
            or statements.trigger_start - dates.char_end between 0 and 2
        )
        and (owned_dates.owner_start is null or owned_dates.owner_start = statements.segment_start)
        and (
            owned_dates.owner_start is not null
            -- "moved from 15 November to 25 November": the deadline before the move, across the verb that moved it
            or (statements.event_type = 'scheduled' and dates.after_from)
            or not exists (
                select 1 from staging.handover_triggers as other
                inner join staging.sentences as sentences using (article_id, sentence_id)
                where
                    other.article_id = statements.article_id
                    and other.sentence_id = statements.sentence_id
                    and other.trigger_type <> statements.trigger_type
                    and other.char_start >= least(statements.trigger_end, dates.char_end)
                    and other.char_end <= greatest(statements.trigger_start, dates.char_start)
                    -- nor does one in brackets between: "by 15 November (later extended to 25 November), and Lachin
                    -- by 1 December"
                    and not regexp_matches(
                        substr(
                            sentences.text,
                            other.char_end - sentences.char_start + 1,
                            greatest(statements.trigger_start, dates.char_start) - other.char_end
                        ),
                        '^[^()]*\)'
                    )
                    -- "asked to postpone the withdrawal until 25 November": what is postponed does not block
                    and not (
                        statements.event_type = 'postponed' and other.trigger_type = 'scheduled'
                        and other.char_start > statements.trigger_start
                    )
            )
        )
        and (
            statements.event_type = 'entered'
            or (dates.precision = 'day' and dates.kind in ('absolute', 'weekday'))
            or dates.is_deadline_end
        )
        -- "auf den 25. November verschoben": a date after "until" right before a postponement verb is the new deadline
        -- (not one a comma closes: "to vacate it until November 15, yet that date got extended")
        and not (
            statements.event_type = 'scheduled'
            and dates.after_until
            and exists (
                select 1 from staging.handover_triggers as postponement
                inner join staging.sentences as sentences using (article_id, sentence_id)
                where
                    postponement.article_id = statements.article_id
                    and postponement.sentence_id = statements.sentence_id
                    and postponement.trigger_type = 'postponed'
                    and postponement.char_start >= dates.char_end
                    and postponement.char_start - dates.char_end <= 30
                    and not regexp_matches(
                        substr(
                            sentences.text,
                            dates.char_end - sentences.char_start + 1,
                            postponement.char_start - dates.char_end
                        ),
                        '[,;:()–—]'
                    )
                    and not exists (
                        select 1 from staging.modality_cues as cues
                        where
                            cues.article_id = statements.article_id
                            and cues.sentence_id = statements.sentence_id
                            and cues.modality = 'clause'
                            and cues.char_start between dates.char_end and postponement.char_start
                    )
            )
        )
        -- "moved from 15 November to 25 November": the date after "from" is the old deadline, not the new one
        and not (statements.event_type = 'postponed' and dates.after_from)
        -- "three years pass today since Kalbajar was freed": the day of the anniversary, not of what it marks (the
        -- sentence dates that in an earlier year, same day) ...
        and not (dates.value = articles.published_date and anniversary_days.char_start is not null)
        -- ... nor "today the country marks the anniversary of the liberation of Lachin"
        and not coalesce(anniversary_nouns.noun_end <= statements.trigger_start, false)
        -- "the districts Yerevan gave up in the November peace deal": a date that names the deal after it dates
        -- the deal, and so does one right next to its signing ("am 10. November 2020 unterschrieben", "которое
        -- 10 ноября 2020 года подписали", "signed on 10 November")
        and not exists (
            select 1 from intermediate.date_event_cues as named
            where
                named.article_id = dates.article_id
                and named.char_start = dates.char_start
                and named.event_type = 'truce_signed'
                and named.distance <= 7
        )
        -- "on 9 November the war ended, with the recapture of Fuzuli": a date whose war's end (or start) is nearer
        -- to it than the trigger dates the war
        and not exists (
            select 1 from intermediate.date_event_cues as named
            where
                named.article_id = dates.article_id
                and named.char_start = dates.char_start
                and named.event_type in ('war_ended', 'fighting_began')
                and named.distance < abs(dates.char_start - statements.trigger_start)
                -- by a verb or noun of its own, not a context word after the date (German "war" is "was")
                and named.cue_text in (
                    select timeline_cues.phrase from reference.timeline_cues
                    where timeline_cues.event_type = named.event_type and timeline_cues.role = 'anchor'
                )
        )
        -- "returned to Baku after the truce, signed in Moscow on 9 November": a signing verb between the trigger
        -- and the date governs the date, in a sentence that names the agreement
        and not exists (
            select 1 from intermediate.lexicon_matches as signing
            where
                signing.article_id = statements.article_id
                and signing.sentence_id = statements.sentence_id
                and signing.lexicon = 'timeline'
                and signing.label = 'truce_signed'
                and signing.role = 'anchor'
                and signing.char_start >= statements.trigger_end
                and dates.char_start - signing.char_end between 0 and 60
                and exists (
                    select 1 from intermediate.lexicon_matches as agreement
                    where
                        agreement.article_id = signing.article_id
                        and agreement.sentence_id = signing.sentence_id
                        and agreement.lexicon = 'timeline'
                        and agreement.label = 'truce_signed'
                        and agreement.role = 'context'
                )
        )
        -- "granted ten more days, he said on Sunday 15 November": a day after a reporting verb that follows the
        -- trigger dates the statement ("said on 25 November that troops had entered" dates the entry)
        and not (dates.after_reporting and dates.char_start > statements.trigger_start)
        -- a relative clause keeps its dates and verbs: "on 4 June a mine went off in Kalbajar, on land that was vacated
        -- in November" (a verb in the clause takes no date from before it); "moved into the district, which had
        -- stayed under occupation from 1993" (a date in a clause on the place after the verb is the clause's; one on
        -- the deadline, "Friday's deadline, which was delayed from Sunday", does date the deadline)
        and not exists (
            select 1 from relative_clauses as clauses
            where
                clauses.article_id = statements.article_id
                and clauses.sentence_id = statements.sentence_id
                and (
                    statements.trigger_start between clauses.pronoun_end and clauses.clause_end
                    and dates.char_end <= clauses.clause_start
                    or clauses.on_place
                    and clauses.clause_start >= greatest(statements.trigger_end, statements.segment_start)
                    and dates.char_start between clauses.pronoun_end and clauses.clause_end
                )
        )
),

delays as (
    -- "was delayed for 10 days": the nearest count of days or weeks after a postponement's trigger in its clause, or inside
    -- it ("granted ten more days", "weitere zehn Tage": the count is the trigger's first or middle word), else
    -- one right before it in its clause, where the verb comes last ("um zehn Tage verlängert", "on gün uzatıldı")
    select
        statements.article_id,
        statements.sentence_id,
        statements.segment_start,
        statements.trigger_start,
        arg_min(
            figures.value::integer * case figures.subject when 'weeks' then 7 else 1 end,
            [
                (figures.char_end <= statements.trigger_start)::integer,
                abs(figures.char_start - statements.trigger_start)
            ]
        ) as delay_days
    from statements
    inner join staging.figure_mentions as figures
        on
            statements.article_id = figures.article_id
            and statements.sentence_id = figures.sentence_id
            and figures.subject in ('days', 'weeks')
    inner join staging.sentences as sentences
        on
            statements.article_id = sentences.article_id
            and statements.sentence_id = sentences.sentence_id
    where
        statements.event_type = 'postponed'
        and (
            statements.trigger_start < figures.char_end
            -- after the trigger, in its clause; past a comma only right after "by", "for" ("delayed the handover of
            -- Kalbajar, a mountain district, by ten days"), not a count of another clause ("..., under the deal that
            -- halted six weeks of fighting")
            and not (
                figures.char_start > statements.trigger_start
                and regexp_matches(
                    substr(
                        sentences.text, statements.trigger_start - sentences.char_start + 1,
                        figures.char_start - statements.trigger_start
                    ),
                    '[,;:()–—]'
                )
                and lower(regexp_extract(
                    substr(sentences.text, 1, figures.char_start - sentences.char_start), '(\pL+)\s+$', 1
                )) not in (select date_words.word from reference.date_words where date_words.category = 'delay_link')
            )
            or statements.trigger_start - figures.char_end <= 25
            and not regexp_matches(
                substr(
                    sentences.text, figures.char_end - sentences.char_start + 1,
                    statements.trigger_start - figures.char_end
                ),
                '[,;:()–—]'
            )
        )
    group by statements.article_id, statements.sentence_id, statements.segment_start, statements.trigger_start
),

undated_today as (
    -- an undated completion happened on the publication day, unless the sentence says it came earlier
    -- ("Earlier, Armenian troops withdrew from Agdam"), or the article looks back a few years ("five years have
    -- passed since the liberation", "two years ago"; not "thirty years ago", history a report of the day recalls
    -- too; LOOK_BACK_YEARS of orchestration/publication.py): a retold handover is not of the article's day.
    -- `published_day` is that day when the page states it, not when it was only inferred (a weekday matched to a
    -- caption's date)
    select
        statements.article_id,
        statements.sentence_id,
        statements.segment_start,
        statements.trigger_start,
        case
            when coalesce(articles.published_source, '') <> 'inferred' then articles.published_date
        end as published_day
    from statements
    inner join staging.articles as articles using (article_id)
    where
        statements.event_type = 'entered'
        and not exists (
            select 1 from staging.modality_cues as cues
            where
                cues.article_id = statements.article_id
                and cues.sentence_id = statements.sentence_id
                and cues.modality = 'past'
        )
        and not statements.is_attribute
        and not exists (
            select 1 from years_back
            where
                years_back.article_id = statements.article_id
                and years_back.years <= 10
                and (years_back.precision = 'day' or years_back.years >= 2)
        )
        -- ... or the year the article tells by then is an earlier one, up to ten years before ("Armenia had to vacate
        -- Lachin by 1 December 2020. All three districts were handed back", in a report of 2023)
        and not exists (
            select 1 from told_years
            where
                told_years.article_id = statements.article_id
                and told_years.sentence_id <= statements.sentence_id
                and told_years.next_sentence_id > statements.sentence_id
                and told_years.years_before between 1 and 10
        )
),

reported_days as (
    -- "troops have entered Agdam, the ministry said on 20 November": an undated completion took place by the day
    -- it was reported (the reporting clause's day), before the publication day
    select
        article_id,
        sentence_id,
        arg_min(value, char_start) as reported_day
    from intermediate.date_contexts
    where after_reporting and precision = 'day' and value is not null
    group by article_id, sentence_id
),

article_days as (
    -- the article's day: its publication date, or the newest date an undated article writes
    select
        articles.article_id,
        coalesce(any_value(articles.published_date), max(mentions.value)) as article_day
    from staging.articles as articles
    left join staging.date_mentions as mentions using (article_id)
    group by articles.article_id
),

best_dates as (
    select *
    from date_choices
    where date_rank is not null
    qualify row_number() over (
        partition by article_id, sentence_id, segment_start, trigger_start
        order by date_precision <> 'day', date_rank, distance
    ) = 1
),

resolved as (
    select
        statements.article_id,
        statements.sentence_id,
        segments.district,
        segments.match_methods,
        -- "returns Kelbajar (by 15 November)": a completion verb with a deadline is a schedule, and so is one dated
        -- after the article ("с 1 декабря переходит", "under the deal, Lachin is handed over on 1 December")
        case
            -- unless the verb is told as done by then ("were vacated by 1 December", "wurde bis zum 20. November
            -- übergeben", in an article of a later day, or an undated one that writes a later date)
            when
                statements.event_type = 'entered' and best_dates.after_deadline
                -- nor when the deadline had passed a month before the article: "left Lachin by 1 December 2020" in
                -- a report of 2022 tells what was done
                and best_dates.event_date >= article_days.article_day - interval 30 day
                and not (
                    best_dates.event_date <= article_days.article_day
                    and exists (
                        select 1 from staging.modality_cues as cues
                        where
                            cues.article_id = statements.article_id
                            and cues.sentence_id = statements.sentence_id
                            and cues.modality = 'perfect'
                            -- or the verb's own first word: "was handed back by 20 November"
                            and cues.char_start <= statements.trigger_start
                            and statements.trigger_start - cues.char_end <= 60
                            and not regexp_matches(
                                substr(
                                    segments.sentence,
                                    cues.char_end - segments.sentence_start + 1,
                                    greatest(statements.trigger_start - cues.char_end, 0)
                                ),
                                '[,;:()]'
                            )
                    )
                )
                then 'scheduled'
            when statements.event_type = 'entered' and best_dates.event_date > articles.published_date then 'scheduled'
            -- "after handing over Agdam on 20 November", "nach der Übergabe am 20. November", "после передачи": a
            -- handover noun or gerund that something followed, dated no later than the article, happened
            when
                statements.trigger_type = 'scheduled' and not statements.is_future
                and best_dates.event_date <= articles.published_date
                and exists (
                    select 1 from staging.modality_cues as cues
                    where
                        cues.article_id = statements.article_id
                        and cues.sentence_id = statements.sentence_id
                        and cues.modality = 'after'
                        and statements.trigger_start - cues.char_end between 0 and 5
                )
                then 'entered'
            else statements.event_type
        end as event_type,
        statements.trigger_type,
        triggers.trigger_text,
        statements.is_future,
        statements.is_modifier,
        statements.segment_start,
        statements.trigger_start,
        segments.sentence_start as char_start,
        segments.sentence_end as char_end,
        segments.sentence as evidence,
        coalesce(
            best_dates.event_date,
            case when undated_today.article_id is not null then reported_days.reported_day end,
            undated_today.published_day
        ) as event_date,
        coalesce(
            best_dates.date_precision,
            case
                when
                    undated_today.article_id is not null
                    and coalesce(reported_days.reported_day, undated_today.published_day) is not null
                    then 'day'
            end
        ) as date_precision,
        case
            when best_dates.event_date is not null then 'sentence'
            when undated_today.article_id is not null and reported_days.reported_day is not null then 'sentence'
            when undated_today.published_day is not null then 'publication'
        end as date_source,
        best_dates.date_text,
        delays.delay_days
    from statements
    inner join intermediate.district_segments as segments using (article_id, sentence_id, segment_start)
    inner join staging.handover_triggers as triggers
        on
            statements.article_id = triggers.article_id
            and statements.sentence_id = triggers.sentence_id
            and statements.trigger_start = triggers.char_start
    inner join staging.articles as articles on statements.article_id = articles.article_id
    left join article_days on statements.article_id = article_days.article_id
    left join best_dates using (article_id, sentence_id, segment_start, trigger_start)
    left join delays using (article_id, sentence_id, segment_start, trigger_start)
    left join undated_today using (article_id, sentence_id, segment_start, trigger_start)
    left join reported_days using (article_id, sentence_id)
),

original_deadlines as (
    -- a district's earliest dated deadline in the article: what a delay of N days is counted from
    select
        article_id,
        district,
        min(event_date) as deadline
    from resolved
    where event_type = 'scheduled' and date_source = 'sentence'
    group by article_id, district
),

new_deadlines as (
    -- "The extended deadline now runs until 25 November": a day after "until" in a sentence with a postponement
    -- verb, or in the sentence after one, dates the article's undated postponements when it is the only such day
    select
        dates.article_id,
        any_value(dates.value) as deadline
    from intermediate.date_contexts as dates
    where
        dates.after_until and dates.precision = 'day' and dates.kind = 'absolute'
        and exists (
            select 1 from staging.handover_triggers as postponement
            where
                postponement.article_id = dates.article_id
                and postponement.trigger_type = 'postponed'
                and postponement.sentence_id between dates.sentence_id - 1 and dates.sentence_id
        )
        -- "had to leave Lachin by 1 December" under a headline "More time for Lachin": a day that dates a
        -- schedule in its own sentence is the old deadline
        and not exists (
            select 1 from resolved as schedules
            where
                schedules.article_id = dates.article_id
                and schedules.sentence_id = dates.sentence_id
                and schedules.event_type = 'scheduled'
                and schedules.event_date = dates.value
        )
    group by dates.article_id
    having count(distinct dates.value) = 1
),

dated as (
    select
        resolved.* exclude (resolved.event_date, resolved.date_precision, resolved.date_source, resolved.delay_days),
        case
            when resolved.event_date is not null then resolved.event_date
            when original_deadlines.deadline is not null and resolved.delay_days is not null
                then original_deadlines.deadline + resolved.delay_days
            when resolved.event_type = 'postponed' then new_deadlines.deadline
        end as event_date,
        case
            when resolved.event_date is not null then resolved.date_source
            when original_deadlines.deadline is not null and resolved.delay_days is not null then 'delay'
            when resolved.event_type = 'postponed' and new_deadlines.deadline is not null then 'nearby'
        end as date_source,
        resolved.date_precision
    from resolved
    left join original_deadlines
        on
            resolved.article_id = original_deadlines.article_id
            and resolved.district = original_deadlines.district
            and resolved.event_type = 'postponed'
    left join new_deadlines
        on
            resolved.article_id = new_deadlines.article_id
            and resolved.event_type = 'postponed'
),

superseded as (
    -- "agreed to postpone the withdrawal from Kalbajar from 15 to 25 November": the day a postponement moved
    -- from was the district's deadline
    select
        dated.* replace (
            'scheduled' as event_type,
            dates.value as event_date,
            'day' as date_precision,
            'sentence' as date_source,
            dates.text as date_text
        )
    from dated
    inner join intermediate.date_contexts as dates
        on
            dated.article_id = dates.article_id
            and dated.sentence_id = dates.sentence_id
            and dates.char_start > least(dated.trigger_start, dated.segment_start)
    where dated.event_type = 'postponed' and dates.after_from and dates.precision = 'day' and dates.kind = 'absolute'
    qualify row_number() over (
        partition by dated.article_id, dated.sentence_id, dated.segment_start, dated.trigger_start
        order by dates.char_start
    ) = 1
),

corrections as (
    -- "das Datum ist nun nicht der 15., sondern der 25. November", "non è il 15, ma il 25 novembre", "теперь не
    -- 15, а 25 ноября": a deadline negated right before its day and corrected to a later day after a contrast
    -- word was moved there, as a postponement says
    select
        dated.* replace (
            'postponed' as event_type,
            later.value as event_date,
            'day' as date_precision,
            'sentence' as date_source,
            later.text as date_text
        )
    from dated
    inner join staging.date_mentions as earlier
        on
            dated.article_id = earlier.article_id
            and dated.sentence_id = earlier.sentence_id
            and dated.event_date = earlier.value
    inner join staging.modality_cues as negation
        on
            earlier.article_id = negation.article_id
            and earlier.sentence_id = negation.sentence_id
            and negation.modality = 'negation'
            and earlier.char_start - negation.char_end between 0 and 8
    inner join staging.modality_cues as contrast
        on
            earlier.article_id = contrast.article_id
            and earlier.sentence_id = contrast.sentence_id
            and contrast.modality in ('contrast', 'clause')
            and contrast.char_start - earlier.char_end between 0 and 6
    inner join staging.date_mentions as later
        on
            contrast.article_id = later.article_id
            and contrast.sentence_id = later.sentence_id
            and later.char_start - contrast.char_end between 0 and 8
    where
        dated.event_type = 'scheduled' and dated.date_source = 'sentence'
        and earlier.precision = 'day' and later.precision = 'day' and later.value > earlier.value
),

with_superseded as (
    select * from dated
    union all
    select * from superseded
    union all
    select * from corrections
)

select
    dated.article_id,
    dated.sentence_id,
    dated.district,
    dated.match_methods,
    dated.event_type,
    dated.trigger_type,
    dated.trigger_text,
    dated.is_future,
    dated.segment_start,
    dated.trigger_start,
    dated.char_start,
    dated.char_end,
    dated.evidence,
    dated.date_text,
    dated.event_date,
    case when dated.date_source in ('delay', 'nearby') then 'day' else dated.date_precision end as date_precision,
    dated.date_source
from with_superseded as dated
left join article_days using (article_id)
-- a completion dated more than twenty years before the article's day is history ("under Armenian control since
-- 1993" in a report of 2020), not a handover; a report five or ten years on still tells the handovers it looks
-- back on (a bound of five years dropped every handover of November 2020 from the reports of late 2025)
where not coalesce(
    dated.event_type = 'entered' and dated.event_date < article_days.article_day - interval 20 year, false
)
-- an undated completion is not one of the article's time when an older year or decade right after its verb
-- dates it ("fled as it fell under Armenian control in the early 1990s"; the publication year decides), nor
-- when the sentence puts it in the war ("during the fighting, troops also recaptured Jabrayil"; "a town the
-- troops retook before the fighting ended")
and not (
    dated.event_type = 'entered'
    and (dated.date_source is distinct from 'sentence' or dated.date_precision <> 'day')
    and exists (
        select 1 from staging.modality_cues as cues
        where
            cues.article_id = dated.article_id
            and cues.sentence_id = dated.sentence_id
            and cues.modality = 'wartime'
            and (
                dated.trigger_start < dated.segment_start and cues.char_end <= dated.trigger_start
                or cues.char_start between dated.trigger_start and dated.trigger_start + length(dated.trigger_text) + 30
            )
    )
)
-- an undated completion of a district whose completion the same article dates in a sentence ("Agdam returned
-- to Azerbaijan on 20 November 2020 ... Azerbaijan thus took Agdam back") retells that one
and not (
    dated.event_type = 'entered'
    and coalesce(dated.date_source, 'publication') = 'publication'
    and exists (
        select 1 from with_superseded as told
        where
            told.article_id = dated.article_id
            and told.district = dated.district
            and told.event_type = 'entered'
            and told.date_source = 'sentence'
            -- not one that history dates (see above)
            and told.event_date >= article_days.article_day - interval 20 year
    )
)
-- an undated completion of a district whose handover the same article still puts ahead ("was ceded to Azerbaijan
-- under the accord" beside "the deadline was extended to 25 November", published on 16 November; a headline
-- "troops leave Kalbajar" over "it will be ceded") tells the deal's terms or a withdrawal under way, not the handover
and not (
    dated.event_type = 'entered'
    and coalesce(dated.date_source, 'publication') = 'publication'
    and exists (
        select 1
        from with_superseded as ahead
        inner join staging.articles as articles using (article_id)
        where
            ahead.article_id = dated.article_id
            and ahead.district = dated.district
            and ahead.event_type in ('scheduled', 'postponed')
            and ahead.event_date > articles.published_date
    )
)
-- a hold "since" a time the sentence does not date ("in Armenian hands since the war ended", "under Azerbaijani
-- control since then") tells a state, not when it began
and not (
    dated.event_type = 'entered'
    and dated.date_source is distinct from 'sentence'
    and list_has_any(
        string_split(lower(dated.trigger_text), ' '),
        (select list(date_words.word) from reference.date_words where date_words.category = 'since_marker')
    )
)
-- a flag raised or a place reached on a visit ("went to the liberated city of Aghdam and hoisted the flag there",
-- "s'est rendu à Latchine"): the visit comes after the handover, it is none; the place it reached may be told
-- as liberated (an attribute: "visited the liberated Fuzuli district")
and not (
    dated.event_type = 'entered'
    and not dated.is_modifier
    and exists (
        select 1 from staging.modality_cues as cues
        where
            cues.article_id = dated.article_id
            and cues.sentence_id = dated.sentence_id
            and cues.modality = 'visit'
            and cues.char_start <= dated.trigger_start
            and cues.char_end <= dated.segment_start
            -- the statement's evidence is its sentence, which starts at its char_start
            and not regexp_matches(
                substr(dated.evidence, cues.char_end - dated.char_start + 1, dated.segment_start - cues.char_end),
                '[,;:()–—]'
            )
    )
    -- ... not a participle set off after the districts, which tells how they came back ("si è recato nei distretti
    -- di A e B, liberati nel corso del conflitto")
    and not (
        dated.trigger_start > dated.segment_start
        and regexp_full_match(
            substr(
                dated.evidence, dated.segment_start - dated.char_start + 1, dated.trigger_start - dated.segment_start
            ),
            '[^,;:()–—]*,\s*'
        )
    )
)
-- a return told of people, with the district as where they go ("families returned to Fuzuli", "возвращаются в
-- Агдам"), hands nothing over
and not exists (
    select 1 from staging.modality_cues as cues
    where
        cues.article_id = dated.article_id
        and cues.sentence_id = dated.sentence_id
        and cues.modality = 'destination'
        and dated.trigger_start between cues.char_start and cues.char_end - 1
        and dated.segment_start between cues.char_end and cues.char_end + 5
)
and not (
    dated.event_type = 'entered'
    and (dated.date_source is distinct from 'sentence' or dated.date_precision <> 'day')
    and exists (
        select 1
        from staging.articles as articles
        inner join (
            select
                article_id,
                sentence_id,
                char_start,
                make_date(label::integer + 9, 1, 1) as era_end
            from intermediate.lexicon_matches where lexicon = 'era'
            union all
            select
                article_id,
                sentence_id,
                char_start,
                make_date(year(value), 12, 31) as era_end
            from staging.date_mentions where value is not null
        ) as older on articles.article_id = older.article_id
        where
            articles.article_id = dated.article_id
            and older.sentence_id = dated.sentence_id
            and older.era_end < date_trunc('year', articles.published_date)
            -- (a month or year of the last ten years before the report is no history: "vacated in November", in a
            -- report of June, is a completion with no day)
            and older.era_end < articles.published_date - interval 10 year
            and older.char_start between dated.trigger_start and dated.trigger_start + 60
    )
)
