"""Inflections of the handover verbs: typed by tense, generated from trigger_lemmas.csv (own sentences)."""

import csv

import pytest

from orchestration.extraction.cues import find_cues
from orchestration.extraction.trigger_forms import form_type, generate
from orchestration.reference import REFERENCE_DIR


def triggers(text):
    return [(cue.text, cue.label) for cue in find_cues(0, text) if cue.cue_kind == "trigger"]


@pytest.mark.parametrize(
    ("form", "lemma", "language", "expected"),
    [
        ("rendront", "rendre", "fr", "scheduled"),  # future on the infinitive less its e
        ("rendaient", "rendre", "fr", "entered"),
        ("retiraient", "retirer", "fr", "entered"),  # an imperfect, though it ends like a conditional
        ("entregarán", "entregar", "es", "scheduled"),
        ("entregaron", "entregar", "es", "entered"),
        ("consegnerà", "consegnare", "it", "scheduled"),  # -are turns -er
        ("prorogherebbe", "prorogare", "it", "postponed"),  # a postponement in any tense
        ("consegnar", "consegnare", "it", "scheduled"),  # the infinitive without its e
        ("отдадут", "отдать", "ru", "scheduled"),  # a perfective's present is its future
        ("передаст", "передать", "ru", "scheduled"),
        ("отдали", "отдать", "ru", "entered"),
        ("занят", "занять", "ru", "entered"),  # a short participle, not a present
        ("освободит", "освободить", "ru", "scheduled"),  # an -ить verb less its soft sign is its future
        ("zurückzugeben", "zurückgeben", "de", "scheduled"),  # the infinitive with "zu" inside
        ("zurückgab", "zurückgeben", "de", "entered"),
    ],
)
def test_a_form_is_typed_by_its_tense(form, lemma, language, expected):
    event_type = "postponed" if lemma == "prorogare" else "entered"
    assert form_type(form, lemma, language, event_type, "scheduled") == expected


def test_an_imperfective_present_tells_a_handover():
    assert form_type("передают", "передавать", "ru", "entered", "entered") == "entered"


def test_unlisted_inflections_are_triggers_with_their_tense():
    assert triggers("Les forces libèrent Zangilan ; elles rétrocéderont Qubadli en mai.") == [
        ("libèrent", "entered"),
        ("rétrocéderont", "scheduled"),  # the stem "rétrocéd*" is listed as entered: the form's tense wins
    ]
    assert triggers("Gli armeni cederanno Fuzuli; le truppe hanno riconsegnato Qubadli.") == [
        ("cederanno", "scheduled"),
        ("riconsegnato", "entered"),
    ]
    assert triggers("Войска сдали Физули, а Зангелан они отдадут в мае.") == [
        ("сдали", "entered"),
        ("отдадут", "scheduled"),
    ]


def test_a_phrase_inflects_its_verb():
    """'prendre le contrôle' in every tense: its other words keep the verb's forms unambiguous."""
    assert triggers("Les forces reprenaient  le contrôle de Fuzuli.") == [("reprenaient  le contrôle", "entered")]
    assert triggers("Las tropas tomarán el control de Fuzuli.") == [("tomarán el control", "scheduled")]
    assert triggers("Физули перешёл под контроль Баку.") == [("перешёл под контроль", "entered")]
    assert triggers("Fuzuli è ritornato all’amministrazione di Baku.") == [("ritornato all’amministrazione", "entered")]


def test_a_listed_phrase_holding_a_form_keeps_its_type():
    assert triggers("Bakou reprendra le contrôle de Zangilan.") == [("reprendra le contrôle", "scheduled")]


def test_a_word_of_another_language_is_no_form():
    """Italian 'rende' (makes) is left out of the French forms of rendre; English 'devolved' of devolver's."""
    with open(REFERENCE_DIR / "trigger_forms.csv", encoding="utf-8") as handle:
        forms = {(row["phrase"], row["language"]) for row in csv.DictReader(handle)}
    assert ("rendent", "fr") in forms and ("rende", "fr") not in forms and ("devolved", "es") not in forms


def test_the_forms_file_is_current():
    """trigger_forms.csv is generated from trigger_lemmas.csv: rerun the module after editing the lemmas."""
    with open(REFERENCE_DIR / "trigger_forms.csv", encoding="utf-8") as handle:
        assert list(csv.DictReader(handle)) == generate()
