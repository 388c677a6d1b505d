-- accepted_values(col, v1, v2): the column holds only the values listed (or null: not_null audits say where
-- a value is due). Returns the rows with any other value.
-- blocking: yes
-- Blocking because an unlisted value is a code out of step with the SQL that reads it (a status or flag
-- spelled anew): the marts that filter on the listed values would silently leave its rows out.
select * from @this_model where @column is not null and @column not in (@values)
