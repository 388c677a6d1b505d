-- The manifest.csv sidecar overrides the outlet, URL and publication date read from the text.
-- Articles whose publication date changes lose their extraction, so their relative dates are resolved again.
delete from staging.extracted_articles
where article_id in (
    select files.article_id
    from staging.manifest as manifest
    inner join staging.article_files as files using (file_name)
    inner join staging.articles as articles on files.article_id = articles.article_id
    where manifest.published_date is distinct from articles.published_date and manifest.published_date is not null
);

update staging.articles as articles
set
    outlet = coalesce(manifest.outlet, articles.outlet),
    outlet_source = case when manifest.outlet is not null then 'manifest' else articles.outlet_source end,
    url = coalesce(manifest.url, articles.url),
    published_date = coalesce(manifest.published_date, articles.published_date),
    published_source = case when manifest.published_date is not null then 'manifest' else articles.published_source end,
    published_confidence = case when manifest.published_date is not null then 1.0 else articles.published_confidence end
from staging.manifest as manifest
inner join staging.article_files as files using (file_name)
where files.article_id = articles.article_id;
