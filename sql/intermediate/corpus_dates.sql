-- The corpus's plausible dates, in one place: earliest_plausible (1980; the conflict's events start in 1988),
-- latest_plausible (a year after the build) and the newest publication date between the two: what "as of"
-- means for the status marts, the window of marts.data_quality and the decade of undated figures. A feed's
-- "9999-12-31" or a manifest's "0001-01-01" stays the article's own date but moves nothing else.
-- grain: one row
-- audit: unique(newest_published)
-- column earliest_plausible: the earliest plausible date: 1 January 1980
-- column latest_plausible: the latest plausible publication date: a year after the build day
-- column newest_published: the newest publication date between the two: the corpus's as-of date
with bounds as (
    select
        date '1980-01-01' as earliest_plausible,
        cast(current_date + interval 1 year as date) as latest_plausible
)

select
    bounds.earliest_plausible,
    bounds.latest_plausible,
    max(articles.published_date) filter (
        where articles.published_date between bounds.earliest_plausible and bounds.latest_plausible
    ) as newest_published
from bounds
left join staging.articles as articles on true
group by bounds.earliest_plausible, bounds.latest_plausible
