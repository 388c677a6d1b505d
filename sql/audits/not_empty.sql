-- not_empty: the table has rows whenever there are articles. Returns one row naming the problem.
-- blocking: no
-- A warning, not blocking: an empty mart can be a true answer (a small corpus without figures).
-- scope: whole table
-- Whether a table is empty is a question about all of it, so an incremental run audits the whole table, not
-- only the rows it wrote.
select 'no rows while articles exist' as problem
where exists (select 1 from staging.articles) and not exists (select 1 from @this_model)
