-- not_null(a, b): every row has a value in each listed column. Returns the rows missing one.
-- blocking: yes
-- Blocking because the model's SQL promises these values: a null is a pipeline bug, and the marts' joins and
-- counts would drop or miscount its row.
select * from @this_model where @any(@column is null)
