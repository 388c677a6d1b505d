"""Matching entities (people, organisations, countries, districts, places) against the alias list.

Aliases are compared as normalised token n-grams (a hash lookup, not one regex per alias), so case,
diacritics (Kəlbəcər, Ağdam), hyphens (Nagorno-Karabakh) and possessives (Azerbaijan's) do not matter and
titles ("Russian President Vladimir Putin") are simply words around the match. A surname alone counts as
the person when the list says it is unambiguous, or once the article has named the person in full.
Unlisted spellings close to a listed one (Kalbadjar) match by similarity and are marked fuzzy.

Other languages meet their aliases through the same normal form (name_inflections.csv): a Turkish case suffix
after an apostrophe (Ağdam'a) and a French or Italian elision before one (dell'Azerbaigian) are dropped, and
a Cyrillic word loses its inflection ending (Агдамского, Путина), so an alias is listed once per language.
Aliases written in lowercase (foreign demonyms: russische, azerbaïdjanais) also match lowercase words.
A generic institution ("the Defence Ministry", Минобороны) is the one of the country named nearest in its
sentence, else the one its article last tied it to, else that of the last country named before it
(generic_institutions.csv, institution_countries.csv, capital_cities.csv). Capitalised names that match
nothing become candidates for an analyst to add to the list; those introduced by a title (person_titles.csv:
"Major General <Name>") are marked titled people and count as actors, and their surname alone later in the
article is the same person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import NamedTuple

from rapidfuzz import fuzz, process

from orchestration.reference import load_reference

FUZZY_THRESHOLD = 85.0
FUZZY_MIN_LENGTH = 5
_TOKEN_SPLIT = re.compile(r"((?:[^\W_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*)")  # one group: split keeps the tokens
_POSSESSIVE = re.compile(r"['’]s?$")
_APOSTROPHES = ("'", "’")
_TITLE_GAP = 4  # words between a title and the name it introduces ("помощник президента Азербайджана <Name>")
_TITLE_GAP_WORDS = 2  # of which plain words, not listed names
_APPOSITION_GAP = 8  # words of a title's complement before ", <Name>," ("ministro de X e Y de Z, <Name>,")
_TRANSLITERATION = str.maketrans({"ə": "e", "ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
_ARTICLES = frozenset("the der die das des dem den".split())  # open a title's complement: "der Chef der X-Partei"
# right before capitalised words after a title, these make them its portfolio or body, not a name: "Minister of
# Territorial Administration", "ministro de Administración Territorial", "ministro degli Affari Esteri"
_OF = frozenset("of de del della dello delle dei degli di du des für von".split())
_OF_ARTICLES = frozenset("the la las los le les".split())  # "de las Fuerzas Armadas", "of the Armed Forces"
# joins the countries one institution names ("МИД РФ и Азербайджана")
_AND = frozenset("and und и et e y ve ile".split())
_BESIDE = 2  # words from a generic institution to a country that names it ("Foreign Ministry of Russia")
_APPOINTING = ("назнач", "избра", "утверд")  # stems of Russian verbs that appoint someone as something
# a title after these introduces the outlet's own staff, a byline rather than an actor ("our reporter <Name>")
_OWN_STAFF = frozenset("our unser unsere unserem unseren notre nuestro nuestra nostro nostra наш".split())
_QUOTES = '"„“”«»'
_NAME_JOINERS = " -" + _QUOTES  # hyphens and quotes inside a title's complement ("der Heimat-Partei", „X“)
# nouns a proper name follows: in a title's complement that name is no part of the person's ("мэр города <Town>
# <Name>", "miembro del partido opositor <Party> <Name>")
_NAMING_NOUNS = (
    "город города район района область области село села посёлок посёлка провинция провинции партия партии "
    "city town village region province party Stadt Gemeinde Dorf Provinz Bezirk Partei ville commune région "
    "parti ciudad pueblo municipio región provincia partido città comune villaggio regione partito"
)
_FUZZY_TYPES = ("district", "place", "person", "country")
_GENITIVE_TYPES = ("district", "place", "country")
_DECLINED_TYPES = ("organisation", "country")  # German names declined as adjective and noun: Vereinte Nationen
_NOT_NAMES = frozenset(
    "a an the this that these those it its in on at of for by with from to and but or as if when while after before "
    "since during under over about into he she they we i you his her their our my your there here what which who "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december mr mrs ms dr president prime minister foreign defence defense ministry "
    "army forces leader leaders officials according meanwhile however also other some many more most both "
    "engineering units photos local ethnic upon following following".split()
)


@dataclass(frozen=True)
class Alias:
    entity_id: str
    canonical: str
    entity_type: str
    alias: str
    alias_kind: str
    case_sensitive: bool
    any_case: bool  # written in lowercase: matches lowercase words too (russische, azerbaïdjanais)
    country: str | None = None  # the country a country or capital city locates, for generic institutions


class EntityMention(NamedTuple):
    sentence_id: int
    char_start: int
    char_end: int
    text: str
    entity_id: str
    canonical: str
    entity_type: str
    match_method: str  # 'exact' | 'surname' | 'fuzzy' | 'context' (a generic institution)
    score: float


class CandidateMention(NamedTuple):
    sentence_id: int
    char_start: int
    char_end: int
    text: str
    name: str
    looks_like: str  # 'titled_person' | 'person' | 'name'


@cache
def _inflections() -> dict[str, tuple[str, ...]]:
    """Affixes per kind from name_inflections.csv, longest first: Cyrillic endings (`suffix`), Turkish case
    suffixes after an apostrophe (`case_suffix`), elided articles and prepositions before one (`elision`), and
    Russian instrumental endings of a title a name is appointed as (`instrumental`)."""
    kinds: dict[str, set[str]] = {}
    for row in load_reference("name_inflections"):
        kinds.setdefault(row["kind"], set()).add(row["affix"].lower())
    return {kind: tuple(sorted(affixes, key=len, reverse=True)) for kind, affixes in kinds.items()}


@lru_cache(maxsize=200_000)
def _span_trims(word: str) -> tuple[int, int]:
    """Characters to leave out of a mention's span at the start and end of `word`: an elision, a possessive or
    an apostrophe case suffix."""
    lead, tail = _affix_lengths(word)
    if not tail and word.endswith(("'s", "’s")):
        tail = len(word) - len(_POSSESSIVE.sub("", word))
    return lead, tail


@lru_cache(maxsize=200_000)
def _affix_lengths(word: str) -> tuple[int, int]:
    """Characters of an elision before an apostrophe (l'Arménie: 2) and of a case suffix after one
    (Kelbecer'in: 3) that are not part of the name."""
    for mark in _APOSTROPHES:
        left, found, right = word.partition(mark)
        if not found or mark in right:
            continue
        if right and left.lower() in _inflections().get("elision", ()):
            return len(left) + 1, 0
        if left and right.lower() in _inflections().get("case_suffix", ()):
            return 0, len(right) + 1
    return 0, 0


def _without_ending(word: str) -> str:
    """A lowercase Cyrillic word without its longest listed inflection ending, keeping 3 letters at least."""
    for suffix in _inflections().get("suffix", ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[:1] <= "\u04ff"


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """Lowercase ASCII-ish form: no diacritics, no possessive, no elision or apostrophe case suffix, and for a
    Cyrillic word no inflection ending."""
    lead, tail = _affix_lengths(word)
    word = word[lead : len(word) - tail].lower()
    if _is_cyrillic(word):
        word = _without_ending(word)
    word = unicodedata.normalize("NFKD", word.translate(_TRANSLITERATION))
    word = "".join(ch for ch in word if not unicodedata.combining(ch)).translate(_TRANSLITERATION)
    return _POSSESSIVE.sub("", word).rstrip(".").replace("’", "'")


def _after_of(norms: list[str], i: int) -> bool:
    """Whether token i follows "of" or the like, perhaps with an article ("of the", "de las"): a body's name."""
    before = norms[max(0, i - 2) : i]
    return bool(before) and (before[-1] in _OF or len(before) == 2 and before[1] in _OF_ARTICLES and before[0] in _OF)


@lru_cache(maxsize=200_000)
def _is_capitalised(surface: str) -> bool:
    """A word that may be (part of) a name: capitalised, not a function word or title, not a number."""
    return surface[:1].isupper() and normalise(surface) not in _NOT_NAMES and not surface.isdigit()


class Tokens(NamedTuple):
    """A text's word tokens as parallel lists (token k is starts[k]:ends[k]), with per-word facts."""

    starts: list[int]
    ends: list[int]
    surfaces: list[str]
    norms: list[str]
    capitalised: list[bool]


def tokenize(text: str, offset: int = 0) -> Tokens:
    """Word tokens with offsets; hyphens and punctuation separate tokens.

    Built by one `split` and C-level maps (offsets are running sums of the part lengths), the word facts
    cached per spelling: per token there is a cache look-up, no Python call and no object."""
    parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
    bounds = list(accumulate(map(len, parts), initial=offset))
    surfaces = parts[1::2]
    return Tokens(
        bounds[1:-1:2], bounds[2::2], surfaces, list(map(normalise, surfaces)), list(map(_is_capitalised, surfaces))
    )


def _alias_rows() -> list[dict[str, str]]:
    """The alias list, and the generic institutions as aliases of type `institution` (resolved in context)."""
    generic = [
        {
            "entity_id": row["institution"],
            "canonical": row["institution"],
            "entity_type": "institution",
            "alias": row["phrase"],
            "alias_kind": "generic",
            "language": row["language"],
        }
        for row in load_reference("generic_institutions")
    ]
    return [*load_reference("entities"), *generic]


@cache
def alias_index() -> tuple[dict[tuple[str, ...], tuple[Alias, ...]], dict[str, tuple[int, ...]]]:
    """Normalised alias n-gram -> aliases, and per first word the lengths of the n-grams starting with it,
    longest first.

    The second map makes a miss cost one dict lookup per token (most words start no alias), and a hit look up
    only n-grams of lengths some alias has."""
    index: dict[tuple[str, ...], list[Alias]] = {}
    genitives: dict[tuple[str, ...], list[Alias]] = {}
    capitals = {row["place_id"]: row["country_id"] for row in load_reference("capital_cities")}
    for row in _alias_rows():
        text, entity_id = row["alias"], row["entity_id"]
        alias = Alias(
            entity_id,
            row["canonical"],
            row["entity_type"],
            text,
            row["alias_kind"],
            text.replace(".", "").isupper() and len(text) <= 5,
            text[:1].islower(),
            entity_id if row["entity_type"] == "country" else capitals.get(entity_id),
        )
        key = tuple(tokenize(text).norms)
        if key and (key[0] != "the" or len(key) > 1):
            index.setdefault(key, []).append(alias)
            if _takes_genitive_s(alias, key):
                genitives.setdefault((*key[:-1], key[-1] + "s"), []).append(alias)
            if row.get("language") == "de" and alias.entity_type in _DECLINED_TYPES:
                for declined in _declensions(key):
                    genitives.setdefault(declined, []).append(alias)
            if row.get("language") == "de" and alias.entity_type == "institution":
                for declined in _noun_genitives(key):
                    genitives.setdefault(declined, []).append(alias)
    for key, aliases in genitives.items():
        index.setdefault(key, aliases)
    lengths: dict[str, set[int]] = {}
    for key in index:
        lengths.setdefault(key[0], set()).add(len(key))
    return {k: tuple(v) for k, v in index.items()}, {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


def _takes_genitive_s(alias: Alias, key: tuple[str, ...]) -> bool:
    """A place's name in Latin script also matches with a German genitive -s ("die Übergabe Latschins",
    "Präsident Aserbaidschans"): without it, the word is no alias and a capitalised noun before it swallows
    it into an unlisted name. Only where no listed alias has that form."""
    return (
        alias.entity_type in _GENITIVE_TYPES
        and alias.alias_kind != "demonym"
        and not alias.case_sensitive
        and not alias.any_case
        and key[-1][-1:].isascii()
        and key[-1][-1:].isalpha()
        and key[-1][-1] not in "sxz"
    )


def _noun_genitives(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A German institution noun's genitive, its adjectives declined too: "des Friedenskontingents",
    "des Verteidigungsministeriums", "des friedenssichernden Kontingentes"."""
    return [(*form[:-1], form[-1] + ending) for form in (key, *_declensions(key)) for ending in ("s", "es")]


def _declensions(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A German name's other case forms: its adjectives (the words before the last) with each other
    adjective ending ("Vereinte Nationen" -> "der Vereinten Nationen", "der Europäischen Union")."""
    endings = _inflections().get("adjective_ending", ())
    forms = [key]
    for k, word in enumerate(key[:-1]):
        ending = next((e for e in endings if word.endswith(e) and len(word) - len(e) >= 3), None)
        if ending is not None:
            stems = {word[: -len(ending)] + other for other in endings}
            forms = [(*form[:k], stem, *form[k + 1 :]) for form in forms for stem in stems]
    return [form for form in forms if form != key]


@cache
def institution_index() -> dict[tuple[str, str], Alias]:
    """(generic institution, country id) -> the organisation's alias."""
    names = {row["entity_id"]: row for row in load_reference("entities") if row["alias_kind"] == "name"}
    organisations = {}
    for row in load_reference("institution_countries"):
        org = names[row["entity_id"]]
        organisations[(row["institution"], row["country_id"])] = Alias(
            org["entity_id"], org["canonical"], org["entity_type"], org["alias"], "context", False, False
        )
    return organisations


@cache
def title_index() -> tuple[frozenset[tuple[str, ...]], tuple[int, ...]]:
    """Normalised title phrases that introduce a person (person_titles.csv), and their lengths, longest first."""
    titles = frozenset(key for row in load_reference("person_titles") if (key := tuple(tokenize(row["title"]).norms)))
    return titles, tuple(sorted({len(t) for t in titles}, reverse=True))


@cache
def _compound_heads() -> tuple[str, ...]:
    """German one-word titles, which also end compounds that are titles (Staatspräsident, Pressesprecher); not
    the shortest ("Abt" ends "gehabt")."""
    rows = load_reference("person_titles")
    return tuple(
        {
            key[0]
            for row in rows
            if row["language"] == "de" and len(key := tokenize(row["title"]).norms) == 1 and len(key[0]) >= 4
        }
    )


@lru_cache(maxsize=100_000)
def _is_compound_title(norm: str) -> bool:
    """A word made of at least three letters and a German title: Parteichef, Staatspräsident."""
    return any(norm.endswith(head) and len(norm) >= len(head) + 3 for head in _compound_heads())


@cache
def _title_words() -> frozenset[str]:
    """Every word of a listed title as written there, lowercase: a Russian title word not among them is
    inflected (министра, министром), and so is the name it introduces."""
    return frozenset(
        word.lower() for row in load_reference("person_titles") for word in tokenize(row["title"]).surfaces
    )


@cache
def _naming_nouns() -> frozenset[str]:
    return frozenset(map(normalise, _NAMING_NOUNS.split()))


@cache
def _given_names() -> dict[str, frozenset[str]]:
    """Per listed person, the normalised words of their full names but the last: forenames, patronymics."""
    names: dict[str, set[str]] = {}
    for row in load_reference("entities"):
        if row["entity_type"] == "person" and row["alias_kind"] == "name":
            names.setdefault(row["entity_id"], set()).update(tokenize(row["alias"]).norms[:-1])
    return {entity_id: frozenset(words) for entity_id, words in names.items()}


@cache
def _oblique_endings() -> tuple[tuple[str, str], ...]:
    """(ending, kind) of Russian first names and surnames in an oblique case, longest first."""
    kinds = ("oblique", "oblique_soft", "oblique_feminine")
    endings = {(row["affix"], row["kind"]) for row in load_reference("name_inflections") if row["kind"] in kinds}
    return tuple(sorted(endings, key=lambda pair: -len(pair[0])))


def _nominative(word: str) -> str:
    """A Russian name in the nominative: Сурена, Вагаршаком -> Сурен, Вагаршак; Алексея, Игорем -> Алексей,
    Игорь; Захаровой -> Захарова."""
    for ending, kind in _oblique_endings():
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 2:
            continue
        if kind == "oblique_soft":
            return stem + ("й" if stem[-1] in "аеиоуыэюяё" else "ь")
        return stem + ("а" if kind == "oblique_feminine" else "")
    return word


@cache
def _fuzzy_choices(n_words: int) -> dict[str, Alias]:
    """Aliases of `n_words` words, long enough to be compared by similarity, keyed by their normalised text."""
    index, _ = alias_index()
    return {
        " ".join(key): aliases[0]
        for key, aliases in index.items()
        if len(key) == n_words
        and len(" ".join(key)) >= FUZZY_MIN_LENGTH
        and aliases[0].entity_type in _FUZZY_TYPES
        and aliases[0].alias_kind != "demonym"
    }


@lru_cache(maxsize=100_000)
def _fuzzy_match(key: str, n_words: int) -> tuple[Alias, float] | None:
    """The alias of `n_words` words closest to `key` (normalised words) with the same initial, if close enough.

    A pure function of a short key: cached, since the same unlisted names recur across sentences."""
    choices = _fuzzy_choices(n_words)
    if not choices:
        return None
    best = process.extractOne(key, choices.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
    if best is not None and best[0][0] == key[0]:
        return choices[best[0]], float(best[1])
    return None


def _surface_ok(alias: Alias, surface: str, opens_sentence: bool) -> bool:
    if alias.case_sensitive:  # as written, but for a case suffix or an elision (AB'nin, l'UE)
        lead, tail = _affix_lengths(surface)
        written, acronym = surface[lead : len(surface) - tail].replace(".", ""), alias.alias.replace(".", "")
        return written == acronym or _title_case_acronym(written, acronym) and (lead > 0 or not opens_sentence)
    return alias.any_case or " " in alias.alias or surface[_affix_lengths(surface)[0] :][:1].isupper()


def _title_case_acronym(written: str, acronym: str) -> bool:
    """An acronym of three letters or more in title case, as Italian and Spanish print it ("la Nato", "l'Onu");
    never in lowercase, and not opening a sentence without an elided article, where it may be a word ("Onu",
    Turkish for "him")."""
    return len(acronym) >= 3 and written == acronym.capitalize()


def _name_shaped(name: str) -> bool:
    """Whether words after a title may be a person's name: not an outlet's acronym or a pair of them ("ABC
    NEWS", "RTR/Vesti"), so no word of two letters or more in capitals and no slash."""
    return "/" not in name and not any(len(word) >= 2 and word.isupper() for word in name.split())


class ArticleEntityMatcher:
    """Matches one article's sentences in order, remembering full names so later surnames resolve, and the
    countries named and tied to institutions so a generic institution has a country."""

    def __init__(self) -> None:
        self.index, self.lengths = alias_index()
        self.organisations = institution_index()
        self.titles, self.title_lengths = title_index()
        self.surnames: dict[str, Alias] = {}
        self.candidate_surnames: dict[str, str] = {}
        self.titled_surnames: dict[str, str] = {}
        self.last_country: str | None = None
        self.tied: dict[str, str] = {}  # generic institution -> the country its sentence last named alone

    def match_sentence(
        self, sentence_id: int, text: str, offset: int, find_candidates: bool = True
    ) -> tuple[list[EntityMention], list[CandidateMention]]:
        tokens = tokenize(text, offset)
        norms, capitalised = tokens.norms, tokens.capitalised
        mentions: list[EntityMention] = []
        candidates: list[CandidateMention] = []
        named: list[tuple[int, int]] = []  # (first, last token) of each mention
        countries: list[tuple[int, int, str]] = []  # (first, last token, country id) of countries and capitals
        institutions: list[tuple[int, int, str]] = []  # (first, last token, institution) of generic institutions
        i = 0  # tokens before i are consumed
        for start in self._possible_starts(tokens):
            if start < i:
                continue
            i = start + 1
            if found := self._listed(tokens, start):
                alias, n, method, score = found
                i = start + n
                named.append((start, i - 1))
                if alias.entity_type == "institution":
                    institutions.append((start, i - 1, alias.entity_id))
                    continue
                if alias.country:
                    countries.append((start, i - 1, alias.country))
                mentions.append(self._mention(sentence_id, text, offset, tokens, start, i - 1, alias, method, score))
            elif find_candidates and capitalised[start]:
                if norms[start] in self.titled_surnames:
                    candidates.append(
                        self._titled(
                            sentence_id, text, offset, tokens, start, start, self.titled_surnames[norms[start]]
                        )
                    )
                    continue
                j = start
                while (
                    j + 1 < len(norms)
                    and capitalised[j + 1]
                    and not self._exact(tokens, j + 1)
                    and tokens.starts[j + 1] - tokens.ends[j] <= 1
                    and _is_cyrillic(tokens.surfaces[j])
                    == _is_cyrillic(tokens.surfaces[j + 1])  # "Baku Network Эльхан"
                ):
                    j += 1
                if start < (first := self._peel_titles(norms, start, j)) <= j and self._listed(tokens, first):
                    i = first  # a listed person after a title: "Sözcüsü <listed name in another spelling>"
                    continue
                if surname := self._surname_after(tokens, start, j):
                    j += 1 if self._another_persons_name(text, offset, tokens, start, j, surname) else -1
                if candidate := self._name_candidate(sentence_id, text, offset, tokens, start, j, named):
                    candidates.append(candidate)
                i = j + 1
        if institutions:
            mentions = sorted(mentions + self._institutions(sentence_id, text, offset, tokens, institutions, countries))
        if countries:
            self.last_country = countries[-1][2]
        return mentions, candidates

    def _institutions(
        self,
        sentence_id: int,
        text: str,
        offset: int,
        tokens: Tokens,
        institutions: list[tuple[int, int, str]],
        countries: list[tuple[int, int, str]],
    ) -> list[EntityMention]:
        """Each generic institution as the organisation of the country named nearest to it in the sentence
        (in words, either side), and of the countries joined to that one when it stands right beside it with
        no punctuation between ("МИД РФ и Азербайджана", not "Минобороны: армянские и азербайджанские
        военные"). In a sentence naming no country, the institution is the one of the country the article last
        tied it to, else of the last country named; none when that country has none."""
        found = []
        for first, last, institution in institutions:
            # a tie goes to the country before: "Rusya Savunma Bakanlığı, Ermenistan'ı ..."
            distances = [(first - k if k < first else k - last, k > first, n) for n, (k, _, _) in enumerate(countries)]
            nearest = min(distances, default=None)
            if nearest is None:
                named = [self.tied.get(institution, self.last_country)]
            elif nearest[0] <= _BESIDE and self._attached(text, offset, tokens, first, last, countries[nearest[2]]):
                named = self._coordinated(tokens.norms, countries, nearest[2])
            else:
                named = [countries[nearest[2]][2]]
            if nearest is not None and len(named) == 1:
                self.tied[institution] = named[0]
            for country in named:
                if organisation := self.organisations.get((institution, country)):
                    found.append(
                        self._mention(sentence_id, text, offset, tokens, first, last, organisation, "context", 100.0)
                    )
        return found

    @staticmethod
    def _attached(text: str, offset: int, tokens: Tokens, first: int, last: int, country: tuple[int, int, str]) -> bool:
        """Whether only words and spaces stand between an institution (tokens first..last) and a country."""
        start, end = (
            (tokens.ends[last], tokens.starts[country[0]])
            if country[0] > last
            else (tokens.ends[country[1]], tokens.starts[first])
        )
        return all(ch.isalnum() or ch.isspace() or ch in "'’-" for ch in text[start - offset : end - offset])

    @staticmethod
    def _coordinated(norms: list[str], countries: list[tuple[int, int, str]], n: int) -> list[str]:
        """Country n and those joined to it, one conjunction between each ("Armenia and Azerbaijan")."""
        lo = hi = n
        while lo > 0 and countries[lo][0] - countries[lo - 1][1] == 2 and norms[countries[lo][0] - 1] in _AND:
            lo -= 1
        while (
            hi + 1 < len(countries)
            and countries[hi + 1][0] - countries[hi][1] == 2
            and norms[countries[hi][1] + 1] in _AND
        ):
            hi += 1
        return [country for _, _, country in countries[lo : hi + 1]]

    def _listed(self, tokens: Tokens, start: int) -> tuple[Alias, int, str, float] | None:
        """What the alias list says starts at token `start`: (alias, words, match method, score). A surname
        seen in full earlier in the article counts; one of a titled person the list does not know stops here,
        before it could be taken for a similar listed name."""
        norm = tokens.norms[start]
        if norm in self.lengths and (exact := self._exact(tokens, start)):
            alias, n = exact
            if alias.entity_type == "person" and n > 1:
                self.surnames[tokens.norms[start + n - 1]] = alias
                self.titled_surnames.pop(tokens.norms[start + n - 1], None)
            elif alias.alias_kind == "surname" and norm in self.titled_surnames:
                return None  # the titled person the article introduced under this surname last
            return alias, n, "surname" if alias.alias_kind == "surname" else "exact", 100.0
        if not tokens.capitalised[start]:
            return None
        if norm in self.surnames:
            return self.surnames[norm], 1, "surname", 100.0
        if norm not in self.titled_surnames and (fuzzy := self._fuzzy(tokens, start)):
            alias, n, score = fuzzy
            return alias, n, "fuzzy", score
        return None

    def _surname_after(self, tokens: Tokens, i: int, j: int) -> Alias | None:
        """The listed surname right after a run i..j of capitalised words that does not end in a title."""
        nxt = j + 1
        if nxt >= len(tokens.norms) or tokens.starts[nxt] - tokens.ends[j] > 1 or self._title_start(tokens.norms, j, i):
            return None
        found = self._exact(tokens, nxt)
        return found[0] if found and found[0].entity_type == "person" and found[0].alias_kind == "surname" else None

    def _another_persons_name(self, text: str, offset: int, tokens: Tokens, i: int, j: int, surname: Alias) -> bool:
        """Whether a run i..j before a listed surname is another person's given names ("Emin Suleyman Aliyev"):
        after its titles two words or more, or one that is another forename (`_other_forename`), none like the
        listed person's given names, not a heading in capitals."""
        first = self._peel_titles(tokens.norms, i, j)
        words = tokens.norms[first : j + 1]
        given = _given_names().get(surname.entity_id, frozenset())
        return (
            (len(words) >= 2 or len(words) == 1 and self._other_forename(text, offset, tokens, first, given))
            and not all(surface.isupper() for surface in tokens.surfaces[first : j + 1])
            and not any(fuzz.ratio(word, name) >= FUZZY_THRESHOLD for word in words for name in given)
        )

    @staticmethod
    def _other_forename(text: str, offset: int, tokens: Tokens, k: int, given: frozenset[str]) -> bool:
        """Whether one word k before a listed surname is another person's forename ("asked Tural Hajiyev"): inside
        a sentence, after a lowercase word and a space or comma (a word opening a sentence or in a Title Case
        heading, "Armenia Says Aliyev", may be no name), or opening a sentence with the name set off by a comma
        ("Arif Aliyev, who served as ..."), with an initial none of the listed person's given names has (a
        spelling variant keeps it: Sergey, Sergei; "Staatschef Recep Erdoğan" is the listed one)."""
        inside = (
            k > 0
            and tokens.surfaces[k - 1][:1].islower()
            and text[tokens.ends[k - 1] - offset : tokens.starts[k] - offset].strip() in ("", ",")
        )
        set_off = (
            k == 0
            and k + 1 < len(tokens.norms)
            and text[tokens.ends[k + 1] - offset :].lstrip(_NAME_JOINERS)[:1] == ","
        )
        return (
            len(tokens.norms[k]) >= 2 and (inside or set_off) and all(name[:1] != tokens.norms[k][:1] for name in given)
        )

    def _possible_starts(self, tokens: Tokens) -> list[int]:
        """Indices of tokens anything can start at: a listed alias's first word, or a capitalised word."""
        lengths = self.lengths
        return [
            k
            for k, (norm, capitalised) in enumerate(zip(tokens.norms, tokens.capitalised))
            if capitalised or norm in lengths
        ]

    def _exact(self, tokens: Tokens, i: int) -> tuple[Alias, int] | None:
        norms = tokens.norms
        for n in self.lengths.get(norms[i], ()):
            if i + n > len(norms):
                continue
            aliases = self.index.get(tuple(norms[i : i + n]))
            if not aliases:
                continue
            surface = " ".join(tokens.surfaces[i : i + n])
            for alias in aliases:
                if _surface_ok(alias, surface, i == 0):
                    return alias, n
        return None

    @staticmethod
    def _fuzzy(tokens: Tokens, i: int) -> tuple[Alias, int, float] | None:
        """The longest run of 1-3 capitalised words at `i` close enough to an alias ("Nagarno-Karabakh")."""
        for n in (3, 2, 1):
            if i + n > len(tokens.norms) or not all(tokens.capitalised[i : i + n]):
                continue
            key = " ".join(tokens.norms[i : i + n])
            if len(key) >= FUZZY_MIN_LENGTH and (found := _fuzzy_match(key, n)):
                alias, score = found
                return alias, n, score
        return None

    def _name_candidate(
        self, sentence_id: int, text: str, offset: int, tokens: Tokens, i: int, j: int, named: list[tuple[int, int]]
    ) -> CandidateMention | None:
        """Capitalised words i..j that matched nothing: a titled person when a title leads the run ("Major
        General <Name>") or comes shortly before it, no candidate when the run is only title words."""
        first = self._peel_titles(tokens.norms, i, j)
        if first > j:
            return None
        # a title inside the run: "Genelkurmay Başkanlığı Ana Harekat Dairesi Başkanı Sergey Rudskoy"
        inner = [k for k in range(first, j) if self._title_start(tokens.norms, k) is not None]
        if inner and 2 <= j - inner[-1] <= 3:
            first = inner[-1] + 1
            i = max(i, first - 1)
        elif first == i and j - i >= 2 and self._named_by_noun(tokens, i):
            i = first = i + 1  # "мэр города <Town> <Name>": the town's name is the title's complement
        title = (i, first - 1) if first > i else None
        if (
            2 <= j - first + 1 <= 3
            and (
                title
                or (title := self._appointed_as(text, offset, tokens, i, j))
                or (title := self._title_before(text, offset, tokens, i, j, named))
                or (title := self._title_after(text, offset, tokens, j))
            )
            and not (title[0] and tokens.norms[title[0] - 1] in _OWN_STAFF)
            # a run that ends in a title is one: "President and Victorious Commander-in-Chief"
            and self._title_start(tokens.norms, j, first) is None
            and _name_shaped(text[tokens.starts[first] - offset : tokens.ends[j] - offset])
        ):
            name = _POSSESSIVE.sub("", text[tokens.starts[first] - offset : self._name_end(tokens, j) - offset])
            if _is_cyrillic(name) and not _title_words().issuperset(
                map(str.lower, tokens.surfaces[title[0] : title[1] + 1])
            ):
                name = " ".join(map(_nominative, name.split()))
            self.titled_surnames[tokens.norms[j]] = name
            return self._titled(sentence_id, text, offset, tokens, first, j, name)
        return self._candidate(sentence_id, text, offset, tokens, first, j)

    def _peel_titles(self, norms: list[str], i: int, j: int) -> int:
        """The first token of i..j after the title phrases that start it."""
        peeled = True
        while peeled and i <= j:
            peeled = False
            for n in self.title_lengths:
                if i + n - 1 <= j and self._is_title(tuple(norms[i : i + n])):
                    i, peeled = i + n, True
                    break
        return i

    def _is_title(self, key: tuple[str, ...]) -> bool:
        return key in self.titles or (len(key) == 1 and _is_compound_title(key[0]))

    def _title_start(self, norms: list[str], k: int, first: int = 0) -> int | None:
        """The first token of the longest title phrase that ends at token k, starting at `first` or after it."""
        for n in self.title_lengths:
            if k + 1 - n >= first and self._is_title(tuple(norms[k + 1 - n : k + 1])):
                return k + 1 - n
        return None

    def _title_before(
        self, text: str, offset: int, tokens: Tokens, i: int, j: int, named: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """The title shortly before token i: right before it, before a few listed names and plain words
        ("помощник президента Азербайджана <Name>"), or before its complement and a comma when the name is set
        off by commas ("head of the X department, <Name>, said")."""
        apposition = "," in text[tokens.ends[i - 1] - offset : tokens.starts[i] - offset] if i else False
        if apposition and text[tokens.ends[j] - offset :].lstrip()[:1] not in ("", ",", ".", ";", ")"):
            apposition = False
        if not apposition and _after_of(tokens.norms, i):
            return None
        plain, named_then_plain = 0, False
        for k in range(i - 1, max(-1, i - 2 - (_APPOSITION_GAP if apposition else _TITLE_GAP)), -1):
            between = text[tokens.ends[k] - offset : tokens.starts[k + 1] - offset]
            # a dot right after a word inside a sentence ends an abbreviation: "Rev. Fr. <Name>", "Lt. Gen. <Name>"
            if between.removeprefix(".").strip(_NAME_JOINERS) not in ("", ",") or ("," in between and k < i - 1):
                return None
            if (start := self._title_start(tokens.norms, k)) is not None:
                # a name in another script is the title's complement: "обозреватель <Outlet in Latin> <Name>"; a
                # listed name and then a plain word after the title took it: "President <Name> established <Holiday>"
                same_script = _is_cyrillic(tokens.surfaces[k]) == _is_cyrillic(tokens.surfaces[i])
                return (start, k) if same_script and not named_then_plain else None
            if any(first <= k <= last for first, last in named):
                named_then_plain = named_then_plain or plain > 0
            elif not apposition:
                plain += 1
                if (
                    tokens.capitalised[k]
                    and not self._complement_name(text, offset, tokens, k, i)
                    or plain > _TITLE_GAP_WORDS
                    or tokens.norms[k] in _ARTICLES
                ):
                    return None
        return None

    def _complement_name(self, text: str, offset: int, tokens: Tokens, k: int, i: int) -> bool:
        """Whether capitalised token k, between a title and the name at token i, names the title's complement:
        quoted (корреспондент «<Outlet>» <Name>), after a noun it names ("мэр города <Town> <Name>"), or in
        another script than the name, which it then cannot be part of ("корреспондент <Outlet in Latin> <Name>")."""
        between = text[tokens.ends[k] - offset : tokens.starts[i] - offset]
        return (
            sum(map(between.count, _QUOTES)) % 2 == 1
            or self._named_by_noun(tokens, k)
            or _is_cyrillic(tokens.surfaces[k]) != _is_cyrillic(tokens.surfaces[i])
        )

    @staticmethod
    def _named_by_noun(tokens: Tokens, k: int) -> bool:
        """Whether token k follows a noun it is the name of, perhaps after one lowercase word ("города <Town>",
        "partido opositor <Party>", "city of <Town>")."""
        nouns = _naming_nouns()
        return k >= 1 and (
            tokens.norms[k - 1] in nouns or k >= 2 and tokens.norms[k - 2] in nouns and not tokens.capitalised[k - 1]
        )

    def _title_after(self, text: str, offset: int, tokens: Tokens, j: int) -> tuple[int, int] | None:
        """The title set off by a comma right after the name, within a few words: "<Name>, spokesman of the
        mission, said", "<Name>, the army's Deputy Chief of General Staff,"."""
        after = j + 1
        if after >= len(tokens.norms) or text[tokens.ends[j] - offset : tokens.starts[after] - offset].strip() != ",":
            return None
        for k in range(after, min(len(tokens.norms), after + _APPOSITION_GAP)):
            if k > after and text[tokens.ends[k - 1] - offset : tokens.starts[k] - offset].strip(_NAME_JOINERS + "'’"):
                return None  # hyphens and quotes join a title's words ("porte-parole", "вице-премьер")
            if (start := self._title_start(tokens.norms, k, after)) is not None:
                return start, k
        return None

    def _appointed_as(self, text: str, offset: int, tokens: Tokens, i: int, j: int) -> tuple[int, int] | None:
        """A Russian title in the instrumental after the name i..j that a verb of appointing governs, perhaps
        after a word or two agreeing with it: "назначил Ивана Петрова своим советником" (the name is the
        verb's object, in the accusative)."""
        if not (i and _is_cyrillic(tokens.surfaces[j]) and tokens.surfaces[i - 1].lower().startswith(_APPOINTING)):
            return None
        for k in range(j + 1, min(len(tokens.norms), j + 2 + _TITLE_GAP_WORDS)):
            if tokens.capitalised[k] or text[tokens.ends[k - 1] - offset : tokens.starts[k] - offset].strip(
                _NAME_JOINERS
            ):
                return None
            start = self._title_start(tokens.norms, k, j + 1)
            if start is not None and tokens.surfaces[k].lower().endswith(_inflections().get("instrumental", ())):
                return start, k
        return None

    @staticmethod
    def _name_end(tokens: Tokens, j: int) -> int:
        return tokens.ends[j] - _affix_lengths(tokens.surfaces[j])[1]

    def _titled(
        self, sentence_id: int, text: str, offset: int, tokens: Tokens, i: int, j: int, name: str
    ) -> CandidateMention:
        start, end = tokens.starts[i], self._name_end(tokens, j)
        return CandidateMention(sentence_id, start, end, text[start - offset : end - offset], name, "titled_person")

    def _candidate(
        self, sentence_id: int, text: str, offset: int, tokens: Tokens, i: int, j: int
    ) -> CandidateMention | None:
        start, end, first_norm = tokens.starts[i], tokens.ends[j], tokens.norms[i]
        sentence_initial = start - offset <= 1 or text[: start - offset].rstrip()[-1:] in "\"“‘'("
        if j == i:
            name = self.candidate_surnames.get(first_norm)
            if name is None and (sentence_initial or len(first_norm) < 3):
                return None
            name = name or tokens.surfaces[i]
            looks_like = "person" if first_norm in self.candidate_surnames else "name"
        else:
            name = text[start - offset : end - offset]
            self.candidate_surnames[tokens.norms[j]] = name
            looks_like = "person" if j - i <= 3 else "name"
        return CandidateMention(
            sentence_id, start, end, text[start - offset : end - offset], _POSSESSIVE.sub("", name), looks_like
        )

    @staticmethod
    def _mention(
        sentence_id: int,
        text: str,
        offset: int,
        tokens: Tokens,
        i: int,
        j: int,
        alias: Alias,
        method: str,
        score: float,
    ) -> EntityMention:
        """Tokens i..j as a mention of `alias`; a trailing possessive or case suffix (Ağdam'a) and a leading
        elision (l'Arménie) are left out of the span."""
        start = tokens.starts[i] + _span_trims(tokens.surfaces[i])[0]
        end = tokens.ends[j] - _span_trims(tokens.surfaces[j])[1]
        return EntityMention(
            sentence_id,
            start,
            end,
            text[start - offset : end - offset],
            alias.entity_id,
            alias.canonical,
            alias.entity_type,
            method,
            score,
        )
