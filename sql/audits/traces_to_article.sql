-- traces_to_article: every row's article_id is an article of staging.articles. Returns the rows that are not.
-- blocking: yes
-- Blocking because a row of an article that is gone (purged, retracted, superseded) is a cleanup bug: it would
-- keep counting in the marts with nothing to show for it.
select * from @this_model where article_id not in (select article_id from staging.articles)
