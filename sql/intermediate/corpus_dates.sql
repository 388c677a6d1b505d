-- The corpus's newest plausible publication date: what "as of" means for the status marts, the window of
-- marts.data_quality and the decade of undated figures. A date from 1980 to a year after the build counts; a
-- feed's "9999-12-31" or a manifest's "0001-01-01" stays the article's own date but moves nothing else.
-- grain: one row
-- audit: unique(newest_published)
select max(published_date) as newest_published
from staging.articles
where published_date between date '1980-01-01' and current_date + interval 1 year
