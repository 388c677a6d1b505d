"""Trigger and modality phrases, including ones that overlap and one-word wildcards (own wording)."""

from orchestration.extraction.cues import find_cues
from orchestration.extraction.jit_regex import _separate_initials


def labels(text):
    return [(c.text, c.cue_kind, c.label) for c in find_cues(0, text)]


def test_a_modality_cue_does_not_hide_an_overlapping_trigger():
    assert labels("The district is to be returned by 1 December.") == [
        ("The district", "modality", "anaphor"),
        ("is to", "modality", "future"),
        ("to be returned", "trigger", "scheduled"),
    ]


def test_wildcards_negation_and_reporting():
    assert labels("Agdam came under Azerbaijani control, officials said, but Lachin isn't handed over yet.") == [
        ("came under Azerbaijani control", "trigger", "entered"),
        ("said", "modality", "reporting"),
        ("but", "modality", "clause"),
        ("isn't", "modality", "negation"),
        ("handed over", "trigger", "entered"),
    ]


def test_offsets_are_exact_with_typographic_apostrophes():
    text = "Troops won’t enter the town."
    for cue in find_cues(3, text, offset=100):
        assert text[cue.char_start - 100 : cue.char_end - 100] == cue.text and cue.sentence_id == 3


def test_a_stem_matches_every_inflection_and_languages_share_one_lexicon():
    assert labels("Срок передачи района перенесли на неделю.") == [
        ("Срок", "trigger", "scheduled"),
        ("передачи", "trigger", "scheduled"),
        ("района", "modality", "anaphor"),
        ("перенесли", "trigger", "postponed"),
    ]
    assert labels("Die Übergabe wurde verschoben, sagte er.") == [
        ("Übergabe", "trigger", "scheduled"),
        ("wurde", "modality", "perfect"),
        ("verschoben", "trigger", "postponed"),
        ("sagte", "modality", "reporting"),
    ]
    italian = labels("Il distretto è stato consegnato e Lachin sarà restituito rispettivamente.")
    assert italian[:2] == [("Il distretto", "modality", "anaphor"), ("è stato", "modality", "perfect")]
    assert italian[2] == (
        "consegnato",
        "trigger",
        "entered",
    )


def test_initials_that_one_character_matches_stay_apart():
    """'I' matches both 'i' and Turkish 'ı' ignoring case: phrases starting with either keep their order."""
    assert _separate_initials({"i", "ı", "a", "в", "*"}) == {"a", "в"}


def test_no_phrase_opens_with_a_wildcard():
    """A phrase that may start at any word would make the scan try the whole alternation at every word
    (the cue pass took twice as long): the count before 'more days' is read by the figure pass anyway."""
    from orchestration.reference import load_reference

    assert not [
        row["phrase"]
        for name in ("event_triggers", "modality_cues")
        for row in load_reference(name)
        if row["phrase"].split()[0] == "*"
    ]


def test_entry_and_surrender_in_other_words():
    assert ("pénétré", "trigger", "entered") in labels("Des blindés ont pénétré jeudi dans le district de Zangilan.")
    assert ("surrendered", "trigger", "entered") in labels("Zangilan, surrendered on 3 March, was quiet.")
    assert ("to be surrendered", "trigger", "scheduled") in labels("Qubadli is to be surrendered on 9 March.")


def test_french_extension_and_conditional_recapture():
    assert ("délai allant", "trigger", "postponed") in labels("Bakou accorde un délai allant jusqu'au 9 mars.")
    assert ("reprendrait le contrôle", "trigger", "scheduled") in labels(
        "L'accord dit que Bakou reprendrait le contrôle de Zangilan le 9 mars."
    )


def test_a_turkish_headline_in_capitals_is_labelled_like_lowercase_text():
    """Turkish capital İ lowers to i plus a combining dot in Python; the case-blind match reads it as i."""

    def kinds(text):
        return [(kind, label) for _, kind, label in labels(text)]

    assert kinds("ORDU BÖLGEDEN ÇEKİLDİ") == kinds("Ordu bölgeden çekildi") == [("trigger", "entered")]


def test_verb_families_complete_across_languages():
    """A completion verb's participle and its infinitive or future both listed: cede, return, leave, evacuate."""

    def triggers(text):
        return [(cue.text, cue.label) for cue in find_cues(0, text) if cue.cue_kind == "trigger"]

    assert triggers("Район был уступлен Баку.") == [("уступлен", "entered")]
    assert triggers("Bölge Azerbaycan'a iade edildi.") == [("iade edildi", "entered")]
    assert triggers("Les troupes ont quitté le district.") == [("quitté", "entered")]
    assert triggers("Le district sera évacué.") == [("évacué", "entered")]
    assert triggers("Le truppe devono abbandonare il distretto.") == [("abbandonare", "scheduled")]


def test_a_flag_raised_and_land_that_went_over_are_completions():
    def triggers(text):
        return [(cue.text, cue.label) for cue in find_cues(0, text) if cue.cue_kind == "trigger"]

    assert triggers("Soldaten hissten die Landesflagge über dem Rathaus.") == [("hissten", "entered")]
    assert triggers("Troops raised the national flag over the town hall.") == [("raised the national flag", "entered")]
    assert triggers("Der Bezirk ist wieder unter aserbaidschanische Kontrolle gekommen.") == [
        ("unter aserbaidschanische Kontrolle gekommen", "entered")
    ]
    assert triggers("Район отошли Баку в полночь.") == [("отошли", "entered")]


def test_passing_under_control_in_french():
    labels_of = [
        (cue.text, cue.label)
        for cue in find_cues(0, "Le district devrait passer sous le contrôle de Bakou.")
        if cue.cue_kind == "trigger"
    ]
    assert labels_of == [("passer sous le contrôle", "scheduled")]


def test_a_separable_verb_spans_its_clause_but_not_a_comma():
    """'**' is any words of one clause, as few as reach the particle: the German verb and its particle around it."""
    assert labels("Armenien gibt den Bezirk Latschin bis zum 2. Dezember zurück.") == [
        ("gibt den Bezirk Latschin bis zum 2. Dezember zurück", "trigger", "scheduled"),
        ("den Bezirk", "modality", "anaphor"),
    ]
    assert labels("Truppen rückten am Freitag in den Bezirk Agdam ein.")[0][1:] == ("trigger", "entered")
    assert [label for label in labels("Er gibt, wie gesagt, nichts zurück.") if label[1] == "trigger"] == []
    long_clause = "Armenien gibt " + "den wichtigen und lange umkämpften " * 5 + "Bezirk Latschin zurück."
    assert labels(long_clause)[0][1:] == ("trigger", "scheduled")


def test_english_particle_verbs_around_the_district():
    assert labels("Yerevan will hand the Agdam region back on 20 November.") == [
        ("will", "modality", "future"),
        ("hand the Agdam region back", "trigger", "scheduled"),
    ]


def test_left_needs_a_place_after_it_and_as_reports_is_no_handover():
    """'left' hands a district over only when a place follows it; "как передает X" is "as X reports"."""
    assert [label[0] for label in labels("Armenian units left Agdam on Friday.") if label[1] == "trigger"] == ["left"]
    assert [label for label in labels("The war left 20,000 people dead.") if label[1] == "trigger"] == []
    assert [label for label in labels("A barn is left burning near the road.") if label[1] == "trigger"] == []
    assert [label[0] for label in labels("Как передает агентство, войска вошли.") if label[1] == "trigger"] == ["вошли"]


def test_a_none_phrase_holds_back_a_generated_inflection_too():
    """ "reso" is a generated form of rendere (trigger_forms.csv); "reso noto" (made known) is none."""
    triggers = [label[0] for label in labels("Il ministero ha reso noto che Agdam è calmo.") if label[1] == "trigger"]
    assert triggers == []
    assert [label[0] for label in labels("Il distretto è stato reso all'Azerbaigian.") if label[1] == "trigger"] == [
        "reso"
    ]


def test_an_agency_credit_and_an_ongoing_withdrawal_hand_nothing_over():
    def triggers(text):
        return [(cue.text, cue.label) for cue in find_cues(0, text) if cue.cue_kind == "trigger"]

    assert triggers("Срок вывода войск перенесли, передает Интерфакс.") == [
        ("Срок", "scheduled"),
        ("перенесли", "postponed"),
    ]
    assert triggers("Birlikler Fuzuli'yi boşaltıyor.") == []
    assert triggers("Fuzuli 3 Mart'ta boşaltıldı.") == [("boşaltıldı", "entered")]


def test_a_return_to_a_place_is_marked_as_a_destination():
    assert ("returned to", "modality", "destination") in labels("Families returned to Fuzuli on Friday.")
    assert ("возвращаются в", "modality", "destination") in labels("Беженцы возвращаются в Физули.")
