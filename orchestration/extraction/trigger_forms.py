"""Every inflection of the handover verbs in trigger_lemmas.csv, written to trigger_forms.csv with its event type.

Each round of real reports met a form the hand-written trigger list lacked (rendus, reprennent, отойти,
prorogare, überließ): the verbs of these languages have 12 to 95 forms each. simplemma's dictionaries map every
form to its lemma; read backwards, they give all forms of a lemma. That takes seconds per language, so it runs
here, when the lemma list changes (`python -m orchestration.extraction.trigger_forms`), not in each build; a test
checks the CSV is current.

A form's type follows its tense: a completion verb's infinitive (a German one with "zu" too), future and
conditional announce a handover (scheduled), its other forms tell one (entered), and its present does what the
lemma's `present` column says (a Russian perfective's present is its future). A postponement verb postpones in
every form. A word the trigger list has keeps the type given there (German "überlassen" is a participle as often
as an infinitive; a stem there, "rétrocéd*", gives way to the form's own tense), and a lemma's `exclude` words
(nouns, adjectives and homographs: French "entre", German "verlassene") are left out.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict

from orchestration.reference import REFERENCE_DIR, load_reference

# endings after the infinitive's stem: French and Spanish build future and conditional on the infinitive (French
# -re verbs drop their e), Italian on a stem whose -are turns -er (and -care/-gare keep their hard sound: -cher)
_FUTURE = {
    "fr": ("ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient"),
    "es": ("é", "ás", "á", "emos", "éis", "án", "ía", "ías", "íamos", "íais", "ían"),
    "it": ("ò", "ai", "à", "emo", "ete", "anno", "ei", "esti", "ebbe", "emmo", "este", "ebbero", "ebber", "an"),
}
# Russian personal endings of the present (the future of a perfective verb), reflexive forms included
_RUSSIAN_PRESENT = re.compile(r"(?:у|ю|шь|ет|ёт|ст|ит|ем|ём|им|ам|ете|ёте|ите|ут|ют|ат|ят)(?:ся|сь)?$")
_SHORTEST = 4  # shorter forms are mostly other words ("ice" of izar)
# a form that is a word of another of these languages, other than one of its handover verbs, is left out: Italian
# "rende" (makes) is no French "rende", English "devolved" no Spanish form
_LANGUAGES = ("de", "en", "es", "fr", "it", "ru", "tr")


def _future_stem(lemma: str, language: str) -> str:
    if language == "fr":
        return lemma[:-1] if lemma.endswith("re") else lemma
    if language == "it":
        stem = lemma[:-1]  # restituire -> restituir, cedere -> ceder
        if lemma.endswith("are"):
            stem = lemma[:-3] + ("her" if lemma[-4] in "cg" else "er")
        return stem
    return lemma


def form_type(form: str, lemma: str, language: str, event_type: str, present: str) -> str:
    """The event type a form of the lemma reports."""
    if event_type != "entered":
        return event_type
    if form == lemma or (language == "it" and form == lemma[:-1]):  # Italian drops the e: "deve consegnar"
        return "scheduled"
    if language == "de" and _zu_infinitive(form, lemma):  # "abzutreten", "zurückzugeben"
        return "scheduled"
    stem = _future_stem(lemma, language)
    if form.startswith(stem) and form[len(stem) :] in _FUTURE.get(language, ()):
        return "scheduled"
    # an -ать, -ять or -уть infinitive less its soft sign is a short participle ("занят" of занять, "покинут"),
    # whatever its ending; that of an -ить verb is its future ("освободит", "оставит")
    if (
        language == "ru"
        and not (form == lemma[:-1] and lemma.endswith(("ать", "ять", "уть")))
        and _RUSSIAN_PRESENT.search(form)
    ):
        return present
    return "entered"


def _zu_infinitive(form: str, lemma: str) -> bool:
    return any(form == lemma[:cut] + "zu" + lemma[cut:] for cut in range(2, len(lemma) - 3))


def generate() -> list[dict[str, str]]:
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    lemmas = defaultdict(dict)
    for row in load_reference("trigger_lemmas"):
        lemmas[row["language"]][row["lemma"]] = row
    listed = {row["phrase"].lower() for row in load_reference("event_triggers")}
    rows = []
    dictionaries = {language: DefaultDictionaryFactory().get_dictionary(language) for language in _LANGUAGES}

    def other_word(form: str, language: str) -> bool:
        return any(
            other != language and (lemma := words.get(form)) is not None and lemma not in lemmas[other]
            for other, words in dictionaries.items()
        )

    for language in sorted(lemmas):
        verbs = {lemma.split()[0] for lemma in lemmas[language]}
        forms = defaultdict(set)
        for form, lemma in dictionaries[language].items():
            if lemma in verbs:
                forms[lemma].add(form.lower())
        for lemma, row in lemmas[language].items():
            # a phrase ("passer sous le contrôle") inflects its first word; its other words make it unambiguous
            verb, _, rest = lemma.partition(" ")
            excluded = set(row["exclude"].split())
            for form in sorted(forms[verb] | {verb}):
                phrase = f"{form} {rest}" if rest else form
                if (
                    form in excluded
                    or phrase in listed
                    or not rest
                    and (len(form) < _SHORTEST or other_word(form, language))
                ):
                    continue
                label = form_type(form, verb, language, row["event_type"], row["present"])
                rows.append({"phrase": phrase, "event_type": label, "language": language, "lemma": lemma})
    return sorted(rows, key=lambda row: (row["language"], row["lemma"], row["phrase"]))


def write(rows: list[dict[str, str]]) -> None:
    with open(REFERENCE_DIR / "trigger_forms.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["phrase", "event_type", "language", "lemma"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    write(generate())
