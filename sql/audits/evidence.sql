-- evidence: each row's evidence is its sentence's text at the row's offsets (char_start, char_end), which lie
-- in the sentence. Returns the rows whose evidence does not slice out of their article.
-- blocking: yes
-- Blocking because evidence that is not the article's text is an offset bug: every reader who follows a row
-- back to its article would be shown the wrong words.
-- The parse step has checked that every sentence is its article's text at its own offsets, so the evidence
-- slices the article. Checking against the sentence reads a fraction of the text the whole article would. Only
-- the checked columns are read: every column of a wide mart doubles the audit's time. A row that claims no
-- evidence (no sentence, no text: an article-level flag) has none to check; not_null audits say where one is due.
select f.article_id, f.sentence_id, f.char_start, f.char_end, f.evidence
from @this_model as f
left join staging.sentences as s using (article_id, sentence_id)
where (f.sentence_id is not null or f.evidence is not null)
  and (s.article_id is null
       or f.char_start < s.char_start or f.char_end > s.char_end or f.char_start >= f.char_end
       or substr(s.text, f.char_start - s.char_start + 1, f.char_end - f.char_start) <> f.evidence)
