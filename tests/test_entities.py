"""Alias matching: spellings, possessives, titles, surnames, fuzzy variants and unknown names (own wording)."""

from orchestration.extraction.entities import ArticleEntityMatcher


def match(*sentences):
    matcher = ArticleEntityMatcher()
    found, candidates = [], []
    offset = 0
    for number, text in enumerate(sentences):
        entities, names = matcher.match_sentence(number, text, offset)
        found += entities
        candidates += names
        offset += len(text) + 1
    return found, candidates


def canonical(sentence):
    return [(m.canonical, m.match_method) for m in match(sentence)[0]]


def test_case_diacritics_hyphens_and_possessives():
    assert canonical("KƏLBƏCƏR and Ağdam, then Laçın.") == [("Kalbajar", "exact"), ("Agdam", "exact"), ("Lachin", "exact")]
    assert canonical("Nagorno Karabakh and Nagorno-Karabakh's hills") == [("Nagorno-Karabakh", "exact")] * 2
    assert canonical("Azerbaijan's army moved.") == [("Azerbaijan", "exact")]


def test_titles_and_surnames_after_full_names():
    found, _ = match("Russian President Vladimir Putin spoke to Armenian Prime Minister Nikol Pashinian.",
                     "Later Pashinian and Putin met.")
    names = [(m.text, m.canonical) for m in found if m.entity_type == "person"]
    assert names == [("Vladimir Putin", "Vladimir Putin"), ("Nikol Pashinian", "Nikol Pashinyan"),
                     ("Pashinian", "Nikol Pashinyan"), ("Putin", "Vladimir Putin")]


def test_unknown_surname_follows_its_full_name_as_a_candidate():
    _, candidates = match("The shepherd Aram Tevosyan stayed behind.", "Tevosyan said he had nowhere to go.")
    assert [(c.text, c.name) for c in candidates] == [("Aram Tevosyan", "Aram Tevosyan"), ("Tevosyan", "Aram Tevosyan")]


def test_organisations():
    assert canonical("the defence ministry in Baku said so, and the Kremlin agreed.") == [
        ("Azerbaijani Defence Ministry", "exact"), ("Kremlin", "exact")]
    assert canonical("The Azerbaijani Defense Ministry said so.")[0] == ("Azerbaijani Defence Ministry", "exact")


def test_unlisted_spelling_is_matched_fuzzily_and_flagged():
    found, _ = match("Columns reached Kalbadjarr at dawn.")
    assert [(m.text, m.canonical, m.match_method) for m in found] == [("Kalbadjarr", "Kalbajar", "fuzzy")]
    assert 85 <= found[0].score < 100


def test_acronyms_need_their_case_and_offsets_are_exact():
    sentence = "Follow us on social media; the US and the UN said nothing."
    found, _ = match(sentence)
    assert [(m.text, m.canonical) for m in found] == [("US", "United States"), ("UN", "United Nations")]
    for m in found:
        assert sentence[m.char_start:m.char_end] == m.text
