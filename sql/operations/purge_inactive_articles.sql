-- Superseded and retracted articles leave every per-article table, so no mart shows them; raw.documents
-- keeps their text and staging.article_versions their history, so nothing is lost.
delete from staging.articles where article_id in (select article_id from staging.inactive_articles);
delete from staging.sentences where article_id in (select article_id from staging.inactive_articles);
delete from staging.page_furniture where article_id in (select article_id from staging.inactive_articles);
delete from staging.entity_mentions where article_id in (select article_id from staging.inactive_articles);
delete from staging.name_candidates where article_id in (select article_id from staging.inactive_articles);
delete from staging.date_mentions where article_id in (select article_id from staging.inactive_articles);
delete from staging.figure_mentions where article_id in (select article_id from staging.inactive_articles);
delete from staging.cue_mentions where article_id in (select article_id from staging.inactive_articles);
delete from staging.extracted_articles where article_id in (select article_id from staging.inactive_articles);
