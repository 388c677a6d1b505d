-- Every handover date each district was given, with how many independent sources give it: what the handover
-- timeline chart (handover_timeline.png beside the published warehouse) draws. A postponement that names no
-- new date has no event_date. n_sources counts syndication clusters (marts.syndication_clusters). Events that
-- marts.data_quality flags are left out.
-- grain: one row per district, event_type, event_date
-- audit: unique(district, event_type, event_date)
-- audit: not_null(district, event_type, n_sources, n_articles, sources)
-- audit: accepted_values(event_type, scheduled, postponed, entered)
-- audit: not_empty
-- column district: the district's canonical name
-- column event_type: entered, scheduled or postponed
-- column event_date: the date given; null for a postponement that names no new date
-- column n_sources: independent sources giving it (syndication clusters)
-- column n_articles: articles giving it
-- column sources: the sources giving it, each its cluster's outlets
select
    events.district,
    events.event_type,
    events.event_date,
    count(distinct clusters.cluster_id) as n_sources,
    count(distinct events.article_id) as n_articles,
    list(distinct clusters.source order by clusters.source) as sources
from marts.handover_events as events
inner join marts.syndication_clusters as clusters using (article_id)
anti join marts.data_quality using (article_id, district, event_type, event_date)
group by events.district, events.event_type, events.event_date
