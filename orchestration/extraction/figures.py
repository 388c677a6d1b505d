"""Figures in news sentences: cardinal counts such as "almost 2,000 Russian troops" or "thousands dead", in
English, German, Russian, Turkish, French, Spanish and Italian.

A sentence is tokenized once by a compiled pattern whose repetitions are all possessive or bounded, and
every later look (a qualifier before a number, the counted noun after it) inspects a bounded number of
tokens, so a scan is linear in the length of the text. The words are CSV under seeds/reference, each row
with its language: qualifiers.csv (almost, mehr als, около, des milliers de), number_words.csv (two ..
billion, zwei, тысяч, bin, mila), figure_subjects.csv (counted noun in its inflected forms -> category) and
figure_words.csv (the words the rules below look for, by role).

Rules (docs/annotation-guide.md, "Figures"), with the choices made where the guide is silent:
- A figure is a numeral (1,960; 1 960; 1.960; 2000; 2.5 million; 1,5 Millionen; 120mila; 2 тыс.) or number words
  (thirteen thousand, twenty-five, dos mil). A dot before exactly three digits groups thousands unless a
  multiplier follows ("2.317 million"); a comma before other than three digits is a decimal comma. Number words
  and vague quantities ("thousands of", "Tausende") count only when a counted noun of the same language follows
  (Turkish "on gün" is ten days, English "on days" nothing), or, for a vague quantity closed by its link word,
  any noun phrase ("hundreds of ancient monuments": subject None); a numeral without one is kept, with subject and
  unit None. 1 is never a figure, with a noun or without ("1 yıl"). A unit word completes a tens word of its own
  language, also across "y"/"and" ("twenty five", "treinta y cinco", Turkish "on iki"); after a thousands word a
  hundreds word opens the next group ("mil doscientos", "две тысячи триста"), and so does a numeral before a smaller
  multiplier ("1 Million 750 Tausend"); a noun may follow a million-word
  through "de"/"di" ("dos millones de personas").
- A qualifier stands before the number, or, where figure_words.csv gives it the role qualifier_after, after
  it: starting with the number's last word, whose case it governs ("2 bine yakın"), right after the number
  with its case suffix glued on ("100'den fazla"), or right after the counted noun ("30 yılı aşkın").
- "one" and an indefinite article are never figures alone: they only lead a multiplier ("one hundred", "a dozen",
  "etwa eine Million", "circa un milione"), after a qualifier too.
- The counted noun is the first lexicon term (longest phrase wins) after at most three modifiers: words
  that are capitalised (Russian), hyphenated (Moscow-backed), listed (ethnic, weitere, autres), end like an
  adjective (-al, -ian, -ische, -ских ...) or, after a number (not after "thousands"), like a participle
  (struggling); a list a conjunction closes takes one modifier's place ("industrial, construction, retail and
  catering facilities"). A possessive before the noun keeps it ("2,300 of its soldiers", "1 500 de ses
  soldats"). In German a capitalised compound counts its last part
  (Militärfahrzeuge: vehicles), and one cut short by a hyphen that of the compound after the list word ("Panzer- und
  Antipersonenminen": weapons). An English number word counts an unlisted plural after a noun modifier too ("three
  copper mines"), and a listed singular joined by a list word to adjectives modifies the plural after them ("38
  state and collective farms"). A capitalised term before another is a people's name used as an adjective
  ("511 Azerbaycanlı şehit": deaths), unless the second carries a case ending ("Azerbaycanlı evini": people);
  an English term in the singular before a plural noun modifies it ("12 IDP camps": camps, not listed). A
  vague count and its hedged alternative share the noun after the aside ("hundreds, if not thousands, of
  people"). No partitives: "two of the sides" has no counted noun.
- Not figures: a 4-digit number in 1900..2100, unless a counted noun other than a time unit follows and the word
  before is not a year word (in, seit, depuis ...), and grouped digits (1 960, 1.960) are never years; a round
  two-digit number after a decade word ("anni 90"); clock times ("18 hora argentina", "à 14 heures"); amounts
  with a currency sign or code ("62 €", "$ 41.00"); ordinals (12th, 1°, "der 15. sondern", a day number whose dot
  ends the sentence: the split cut "am 20. | November" off its month); a bare day number shortly before a date
  ("du 15 au 25 novembre"); ages ("53-year-old", "Name, 43,", "aged 43", "43 years old", "un maçon de 53 ans", "в
  возрасте 47 лет", "ему было 23 года"); numerals touching a letter, hyphen, slash, colon or apostrophe (ten-day
  is one word, 1992-1994, Su-25, 1990s, '94, 77'lik; not a dash run: "--1.960 militares"); a counted noun made an
  adjective (Turkish "10 günlük", "5 km genişliğindeki", German "2000 Mann starkes") or a measure in the
  possessive ("27 years' occupation"); identifiers after a marker word (Code, No., Resolution, item, Punkt,
  резолюции), with the list of numerals the marker heads, or before one (Turkish "822 ve 884 sayılı"), and a
  bracketed list of bare numerals after a phrase a marker heads ("resolutions of the UN Security Council (853,
  874 and 884)"); a small numeral that is part of a name ("France 24", "Channel 4"); a list
  marker opening the sentence ("1."); a time span used as a date ("two weeks ago", "27 лет назад", "vor 30
  Jahren", "il y a 30 ans", "trois jours plus tôt", but "desde hace diez días" is a duration), every part of one
  joined by list words ("3 years and 2 months ago"), minutes and seconds too ("6 минут назад"); percentages ("30 %",
  "15 to 20 percent", "yüzde 77": shares, not counts); numerals of more than 15 digits; a day number after a
  weekday ("El martes 22") and a two-digit year after a day and month ("(31 dic 20)"); ages with the verb "to have"
  ("cuando tenía 12 años", "il avait 9 ans") or "alt"; a Turkish ablative partitive ("askerlerden 3 bini").
- A decimal comma after grouped thousands ("2.245,98") ends one number, never re-read in parts. "полтора",
  "anderthalb" and "one and a half" are 1.5 ("полутора тысяч": 1500); Russian collective numerals ("двое") count;
  a Turkish "bin" or "milyon" may carry any case and possessive suffixes ("3 bininin").
- A partitive borrows the noun before it ("Aghdam, one of three", "the other 200") only when no noun of its
  own, listed or not, follows ("one of the two main highways", "all other three resolutions"); so does a count
  joined to a later one by a list word, or by a ratio's "out of" ("74 out of 108 schools"). After an "other" word
  ("otras 454", "another 40") it borrows the last count's noun even when it is larger. A bare count opening a
  clause before a Russian plural past verb ("..., 65 попали в плен") counts the noun just counted.
- Unit: the category for measures (time units, kilometres, miles), 'count' for other counted nouns.
- "over" right after take/hand/turn/give/control or a verb of extent is a particle or preposition ("took over three
  districts", "spread over 240 hectares"), not a qualifier; so is "über" after "Kontrolle".
- A span made an adjective by a participle of lasting ("drei Jahrzehnte andauernde") or a count in an English
  hyphened "-strong"/"-long" adjective ("a 1,960 person-strong contingent") is no figure; nor is a span after
  "nach"/"after" a date when an opener of a duration stands before it ("in nur 21 Monaten nach", "within").
- A bare numeral after a media noun names the outlet ("телеканал 360").
Dates are left to the date extractor: pass its spans as `exclude`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, compress, count
from typing import NamedTuple, TypeVar

from orchestration.extraction.jit_regex import ScanPattern, grouped_alternation
from orchestration.reference import load_reference

T = TypeVar("T")


class FigureMention(NamedTuple):
    char_start: int
    char_end: int
    text: str
    value: float
    is_approximate: bool
    qualifier: str | None
    bound: str  # 'exact' | 'lower' | 'upper' | 'approximate'
    subject: str | None
    subject_text: str | None
    unit: str | None


class _Qualifier(NamedTuple):
    phrase: str
    bound: str
    is_approximate: bool
    vague_value: float | None  # "tens of thousands of" -> 10000.0; None for qualifiers that need a number


class _Term(NamedTuple):
    category: str
    languages: frozenset[str]


class _Subject(NamedTuple):
    term: _Term
    first: int  # token index of the counted noun
    after: int  # token index after it


_GROUP_SPACES = " \u00a0\u2009\u202f"
_NUMERAL = (
    rf"[0-9]{{1,3}}(?:,[0-9]{{3}}(?![0-9]))++(?:\.[0-9]++)?"
    rf"|[0-9]{{1,3}}(?:[{_GROUP_SPACES}][0-9]{{3}}(?![0-9]))++(?:,[0-9]++)?"
    rf"|[0-9]{{1,3}}(?:\.[0-9]{{3}}(?![0-9]))++(?:,[0-9]++)?"
    rf"|[0-9]++,(?:[0-9]{{1,2}}|[0-9]{{4,}})(?![0-9])"
    rf"|[0-9]++(?:\.[0-9]++)?"
)
# an elided article or preposition is a word of its own: "une dizaine d'habitations", "des milliers d'Arméniens"
_ELISIONS = sorted(
    {row["affix"] for row in load_reference("name_inflections") if row["kind"] == "elision"}, key=len, reverse=True
)
_KINDS = {
    "num": _NUMERAL,
    "word": rf"(?i:{'|'.join(_ELISIONS)})['’](?=[^\W\d_]|$)|[^\W\d_]++(?:[-'’][^\W\d_]++)*+",
    "punct": r"\S",
}
_KIND = re.compile("|".join(rf"(?P<{kind}>{pattern})" for kind, pattern in _KINDS.items()))
_TOKEN_SPLIT = re.compile("(" + "|".join(rf"(?:{pattern})" for pattern in _KINDS.values()) + ")")  # split keeps tokens
# a hyphen glues only after a letter or digit ("Su-25", "1992-1994"); a dash run or a hyphen after a space is
# punctuation ("fuerzas de paz --1.960 militares--")
_GLUED_BEFORE = re.compile(r"[\w/:#.@+'’‘ʼ№]|(?<=[^\W_])[-–]")
_GLUED_AFTER = re.compile(r"[^\W_]|[-–/:'’°]|[.,][0-9]")
_DASHES = frozenset("-–")
_RANGE_TOKENS = 3  # "3", "-", "5"
_YEAR_DIGITS = 4
_OPENING_QUOTE = re.compile(r"(?<![^\W_])['‘’](?=[^\W\d_])")  # 'We ...: a single quote opening a word
_RATIO = re.compile(r"\s*/\s*\d")
_LEADING_ZERO = re.compile(r"0\d")
_RATIO_BEFORE = re.compile(r"\d\s*/\s*$")
_RATIO_REACH = 8  # characters before a number that may hold "3 / "
_DOT_GROUPS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_GROUPED_DECIMAL = re.compile(rf"[0-9]{{1,3}}(?:[.{_GROUP_SPACES}][0-9]{{3}})+,[0-9]+")  # "2.245,98", "1 234,5"
_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]+")
_CLOCK = re.compile(r"\s?(?:[ap]\.?m\b\.?|o['’]clock\b|gmt\b|utc\b)", re.IGNORECASE)
_PHONE = re.compile(r"\+\d{1,3}(?:[ \u00a0.-]?\(?\d{1,4}\)?){2,6}")
_DROP_SEPARATORS = str.maketrans("", "", "," + _GROUP_SPACES)
_MAX_DIGITS = 15
_MAX_MODIFIERS = 3
_MAX_LIST_TOKENS = 12  # a coordinated list of modifiers before its noun: "industrial, farming and retail sites"
_MIN_LIST_ITEM = 4  # letters of an unlisted word in such a list: not "il", "the", "from"
_MAX_NAME_NUMBER = 99  # "France 24", "Channel 4": a channel's number
_ID_COMPLEMENT_REACH = 8  # words between an identifier marker and the bracket its list opens
_MAX_AGE = 130
_FIRST_YEAR, _LAST_YEAR = 1900, 2100

_MAX_DAY = 31
_MIN_MULTIPLIER_OF = 1_000_000  # "millones de": the noun after a million-word follows "de", "di"
_MAX_PAIR_GAP = 4  # words between paired day numbers: ", ma il"
_COMPOUNDING_LANGUAGES = frozenset({"de"})  # a compound's last part is its head: Militärfahrzeuge counts Fahrzeuge
_MIN_COMPOUND_PART = 3


def _roles() -> dict[str, frozenset[tuple[str, ...]]]:
    """figure_words.csv by role: each role's phrases as token tuples (the words of every language together)."""
    roles: dict[str, set[tuple[str, ...]]] = {}
    for row in load_reference("figure_words"):
        roles.setdefault(row["role"], set()).add(tuple(row["word"].split()))
    return {role: frozenset(phrases) for role, phrases in roles.items()}


_ROLES = _roles()


def _role_rows(role: str) -> list[dict[str, str]]:
    """figure_words.csv rows of one role."""
    return [row for row in load_reference("figure_words") if row["role"] == role]


def _words(role: str) -> frozenset[str]:
    return frozenset(phrase[0] for phrase in _ROLES[role] if len(phrase) == 1)


_MODIFIERS = _words("modifier")
# "two struggling republics": a participle modifies the noun after a number; after a bare vague quantity it is
# more often its verb ("thousands abandoning homes"); not a preposition shaped as one ("during", "according")
_PARTICIPLE_ENDINGS = tuple(_words("participle_ending"))
_NOT_PARTICIPLES = _words("not_participle")
# A number word before a noun the lexicon does not list still counts it ("two minarets", "drei Versuche", "трех
# сторон") when that word has the shape of a plural noun of the number's language; Italian's is too loose ("due
# course"), Turkish counts singular nouns
_PLURAL_NOUN = {
    "en": re.compile(r"[a-z]{2,}s"),
    "fr": re.compile(r"[a-zàâçéèêëîïôûùüÿœ]{2,}[sx]"),
    "es": re.compile(r"[a-záéíóúñü]{2,}s"),
    "de": re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}"),
    "ru": re.compile(r"[а-яё]{3,}"),
}
_ENGLISH_PLURAL = re.compile(r"[a-z]{2,}[a-hj-rtv-z]s")  # "camps", not "this", "thus", "across"
_NOT_COUNTED = _words("not_counted")  # "two times", "deux fois", "zwei Drittel": no count of things
_HOMOGRAPHS = _words("homograph")  # number words that are other words elsewhere: Spanish "once", Italian "due"
# ... unless an article of the number's language stands before it ("le due parti", "i due vicini"): then Italian's
# plural shape and a homograph are safe
_ARTICLED_PLURAL = {"it": re.compile(r"[a-zàèéìòù]{2,}[ie]")}
# ... and where every noun is capitalised, one right after a homograph is its counted noun ("Acht Kontrollen"): the
# homograph's own noun ("in Acht nehmen", "die Elf") takes none
_CAPITALISED_NOUNS = frozenset({"de"})
_NUMBER_ARTICLES: dict[str, set[str]] = {}
for _row in load_reference("figure_words"):
    if _row["role"] == "number_article":
        _NUMBER_ARTICLES.setdefault(_row["language"], set()).add(_row["word"])
# "put the number of soldiers killed at 1,434", "die Zahl der getöteten Soldaten auf 1383": a count whose noun
# follows a head like this one before it, in its clause
_COUNT_HEADS = _ROLES.get("count_head", frozenset())
_COUNT_HEADS_AFTER = _words("count_head_after")  # Turkish "köy sayısı": the counted noun stands before the head
_COUNT_HEAD_REACH = 12  # tokens between the head and the number
_COUNT_HEAD_FIRSTS = frozenset(phrase[0] for phrase in _COUNT_HEADS) | _COUNT_HEADS_AFTER


def _date_words(*categories: str) -> frozenset[str]:
    """One-word entries of date_words.csv in `categories`."""
    return frozenset(
        row["word"] for row in load_reference("date_words") if row["category"] in categories and " " not in row["word"]
    )


# "1,065 total views", "Просмотров: 812": a page's counter, no count of things
_COUNTER_WORDS = _date_words("count_label")
_MONTHS = _date_words("month", "month_abbr")  # "(31 dic 20)": a two-digit year after a day and month
_WEEKDAYS = _date_words("weekday")  # "El martes 22": a day of the month
_CLASSIFIERS = _words("classifier")  # "27 unità di veicoli", "27 adet araç": the noun after the unit is counted
_CLASSIFIER_LINK_LETTERS = 3  # a short word between a unit and its noun: "of", "di", "de"
_ADJECTIVE_ENDINGS = tuple(_words("adjective_ending"))
_ADJECTIVAL_SUFFIXES = tuple(_words("adjectival_suffix"))  # Turkish "10 günlük": a measure made an adjective
_YEAR_WORDS = _words("year_before")
# Russian "в": "в 1993 году" is a year, "контингент в 1960 военных" a count (a year takes "году" after it)
_COUNT_BEFORE = _words("count_before")
_DECADE_WORDS = _words("decade_before")  # "anni 90", "los 90": a decade
_RELATIVE_AFTER = dict.fromkeys(
    _ROLES["relative_after"], True
)  # "two weeks ago", "27 лет назад", "trois jours plus tôt"
_RELATIVE_BEFORE = _ROLES["relative_before"]  # "vor 30 Jahren", "il y a 30 ans"
_HEDGES = _words("hedge")  # "hundreds and possibly thousands of people"
_EXTRA_WORDS = _words("extra")  # "ten more days before the handover": days added, a count, not a date
_ID_MARKERS = _words("id_marker")
_ID_MARKERS_AFTER = _words("id_marker_after")  # Turkish "822 sayılı karar"
_LIST_SEPARATORS = _words("list_separator") | {","}
_CONJUNCTIONS = _LIST_SEPARATORS - {","}
_AGE_WORDS = _words("age_word")
_AGE_AFTER = _words("age_after")
_CLOCK_BEFORE = _words("clock_before")  # "alle 21", "a las 9", "um 21": an hour of the day
_CLOCK_AFTER = _words("clock_after")  # "7.00 Uhr", "18 hora argentina"
_PAGE_UNITS = _words("page_unit")  # a page control's size ("A+ 16 px"), no count
_HOUR_BEFORE = _ROLES["hour_before"]  # "à 14 heures", "a las 18 horas": an hour of the day, not a count of hours
_LAST_HOUR = 24
_AGE_BEFORE_YEARS = _words("age_before_years")  # "un maçon de 53 ans", "cuando tenía 12 años"
_AGE_AFTER_YEARS = _words("age_after_years")  # "43 years old", "9 Jahre alt"
_SPANNED_NOUNS = _words("spanned_noun")  # "la guerra de seis semanas": the war's length, no count
_SPAN_LINKS = _words("span_link")
_SPAN_BEFORE_DE = _words("span_before_de")  # "después de 28 años", "au bout de 28 ans": a span, not an age
_OVER_VERBS = _words("over_verb")  # "took over three districts", "control over two regions"
_PREPOSITION_QUALIFIERS = _words("preposition_qualifier")
# "hirieron a otras 454": more of the noun just counted, whatever their number
_OTHER_WORDS = _words("other_word")
_OTHERS_AFTER = _words("others_after")  # "613 killed and 487 others": more of the noun just counted
_PARTITIVE_HEADS = _words("partitive_head") | _OTHER_WORDS  # "one", "l'ultimo", "la dernière" (of three), "other"
_PARTITIVES = _ROLES["partitive"]  # "of", "of the", "de los", "dei", "из", "out of"
_PART_OF_THEM = _ROLES.get("part_of_them", frozenset())  # "(7 of them)", "7 из них": a part of a set named before
_RATIO_LINKS = _ROLES["ratio_link"]  # "twenty-six out of 38": a count of part of the next
_COUNT_OPENERS = _MODIFIERS | _PARTITIVE_HEADS  # "Weitere 12", "Otros 300": a count, not a name's number
_POSSESSIVES = _ROLES["possessive"]  # "2,300 of its soldiers", "1 500 de ses soldats": the noun is still counted
_POSSESSIVE_FIRSTS = frozenset(phrase[0] for phrase in _POSSESSIVES)
_PARTITIVE_SUFFIXES = tuple(_words("partitive_suffix"))  # Turkish plural ablative: "askerlerden 3 bini", of them
_ELIDED_FOLLOWERS = _words("elided_follower")
# "погибли 264 человека, 65 попали в плен": a plural past verb of any stem
_ELIDED_FOLLOWER_ENDINGS = tuple(_words("elided_follower_ending"))
_MIN_VERB = 5  # letters of such a verb: not "ли", "или"
_MIN_ANTECEDENT = 4  # letters of a counted noun a partitive looks back to
_CLAUSE_PUNCTUATION = frozenset(
    {",", ";", ":", "(", "–", "—"}
)  # "Quatre l'ont été", "Cuatro los retomó", "two were lost"
_DISTANCE_OPENERS = _words("distance_open")  # "A due settimane dalla tregua": the date two weeks from the truce
_DISTANCE_FROM = _words("distance_from")
_DURATION_BEFORE = _ROLES["duration_before"]  # "desde hace diez días", "within 18 months after": a span, no date
_MAX_PHRASE_BEFORE = max(map(len, _RELATIVE_BEFORE | _DURATION_BEFORE | _HOUR_BEFORE))
_RANGE_WORDS = _words("range_word")
_HALVES = _ROLES["half"]  # "one and a half"
_HALF_FIRSTS = frozenset(phrase[0] for phrase in _HALVES)
_MULTIPLIER_OF = _words("multiplier_of")
_ASIDE_LINKS = _MULTIPLIER_OF | {phrase[0] for phrase in _PARTITIVES if len(phrase) == 1}  # "of", "de", "di"
_PERCENT_AFTER = _ROLES["percent"]  # "30 %", "40 per cent", "30 percento"
_MAX_PERCENT = max(map(len, _PERCENT_AFTER))
_PERCENT_BEFORE = _words("percent_before")  # Turkish "yüzde 77"
_MARKER_PUNCTUATION = frozenset(":.#№(")  # "resolutions (853, 874 and 884)"
_AGE_OPENERS, _AGE_CLOSERS = frozenset({",", "("}), frozenset({",", ")", ".", ";"})
_TIME_UNITS = frozenset({"hours", "days", "weeks", "months", "years", "decades", "centuries"})
_SHORT_TIME_UNITS = _words("short_time_unit")  # minutes and seconds: no category, but a time "ago" all the same
_DISTANCES = frozenset({"kilometres", "miles"})
_MEASURES = _TIME_UNITS | _DISTANCES
_STATES = frozenset({"deaths", "wounded", "missing"})  # words for them may stand as adjectives before a noun
# "den fünf Kilometer breiten Korridor": a length made an adjective modifies its noun, like "a 5-km-wide corridor"
# "ein 2000 Mann starkes Kontingent", Turkish "beş kilometre genişliğindeki koridor" likewise
_ATTRIBUTIVE_DIMENSIONS = _words("attributive_dimension")
# "der drei Jahre andauernde Streit": a span made an adjective by a participle of lasting (a span before "lange" stays
# a figure: dev keeps "sechs Wochen langen Kämpfen")
_ATTRIBUTIVE_DURATIONS = _words("attributive_duration")
_HYPHEN_DIMENSIONS = _words("hyphen_dimension")  # the end of "person-strong", "metre-long"
_MEDIA_NOUNS = _words("media_noun")  # "телеканал 360", "channel 360": a number naming an outlet
_CURRENCIES = _words("currency")  # "62 €", "$ 41.00", "USD 41": an amount of money, not a count of things


class _Tokens:
    """A text's tokens as parallel lists: token k is text[starts[k]:ends[k]].

    Built by one `split` and C-level maps (offsets are running sums of the part lengths), the facts about
    each spelling cached: per token there is a cache look-up, no Python call and no object."""

    __slots__ = ("starts", "ends", "kinds", "norms", "size", "has_count_head", "has_counter", "has_slash")
    starts: list[int]
    ends: list[int]
    kinds: tuple[str, ...]  # 'num' | 'word' | 'punct'
    norms: tuple[str, ...]  # lower-case word or punctuation; a numeral as written
    size: int  # the number of tokens: an attribute, not len(), which the rules ask millions of times on long texts
    has_count_head: bool  # a word that may open "the number of": else no count looks back for one
    has_counter: bool  # a page counter's word ("views", "просмотров")
    has_slash: bool  # a ratio may be written ("0 / 1500")

    def __init__(self, text: str) -> None:
        parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
        bounds = list(accumulate(map(len, parts)))
        self.starts, self.ends = bounds[0:-1:2], bounds[1::2]
        self.kinds, self.norms = tuple(zip(*map(_spelling, parts[1::2]))) or ((), ())
        self.size = len(self.norms)
        words = set(self.norms)
        self.has_count_head = not _COUNT_HEAD_FIRSTS.isdisjoint(words)
        self.has_counter = not _COUNTER_WORDS.isdisjoint(words)
        self.has_slash = "/" in text

    def possible_starts(self) -> Iterator[int]:
        """Indices of the tokens a figure can start at, in order: the scan skips the others at C speed."""
        return compress(count(), map(_can_start, self.kinds, self.norms))


@lru_cache(maxsize=200_000)
def _spelling(surface: str) -> tuple[str, str]:
    """(kind, norm) of a token's spelling."""
    # Turkish capital İ: str.lower() makes it i plus a combining dot ("BİN", "ŞEHİT" would match nothing)
    return _KIND.match(surface).lastgroup, surface.replace("İ", "i").lower().replace("’", "'")


def _key(phrase: str) -> tuple[str, ...]:
    return _Tokens(phrase).norms


def _languages(rows: Iterable[dict[str, str]], column: str) -> dict[str, frozenset[str]]:
    """The languages a reference spelling belongs to ("six" is English and French)."""
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row[column], set()).add(row["language"])
    return {spelling: frozenset(languages) for spelling, languages in found.items()}


# An abbreviated number word ("тыс.") is read with its full stop; "полтора", "anderthalb" are 1.5.
_NUMBER_WORDS = {row["word"].rstrip("."): float(row["value"]) for row in load_reference("number_words")}
_NUMBER_WORDS |= dict.fromkeys(_words("one_and_a_half"), 1.5)
_ABBREVIATED = frozenset(row["word"].rstrip(".") for row in load_reference("number_words") if row["word"].endswith("."))
_NUMBER_LANGUAGES = {
    word.rstrip("."): languages
    for word, languages in _languages([*load_reference("number_words"), *_role_rows("one_and_a_half")], "word").items()
}
# "a million", "eine Million", "un milione": an indefinite article is one, but only before a multiplier
_INDEFINITE_ARTICLES = _words("indefinite_article")
_NUMBER_LANGUAGES |= _languages(_role_rows("indefinite_article"), "word") | {"one": frozenset({"en"})}
# "one of the two highways": a partitive head tells the language of a numeral after it
_PARTITIVE_HEAD_LANGUAGES = _languages([*_role_rows("partitive_head"), *_role_rows("other_word")], "word")
# "dozen" multiplies like "hundred" ("two dozen") although it is below 100.
_MULTIPLIERS = {word: float(v) for word, v in _NUMBER_WORDS.items() if v >= 100 or word in _words("small_multiplier")}
# "one" is no figure by itself (guide) but completes "twenty-one" and leads "one hundred".
_SMALL = {word: v for word, v in _NUMBER_WORDS.items() if word not in _MULTIPLIERS} | {"one": 1.0}
_TENS = frozenset(word for word, v in _SMALL.items() if v >= 10 and v % 10 == 0)  # Turkish "on iki" is twelve
_UNITS = {word: v for word, v in _SMALL.items() if v < 10 and v.is_integer()}


def _lengths_by_first(lexicon: dict[tuple[str, ...], object]) -> dict[str, tuple[int, ...]]:
    """Per first word, the lengths of the lexicon's phrases that start with it, longest first: a look-up tries
    only lengths some phrase has (qualifiers and counted nouns run to several words in seven languages)."""
    lengths: dict[str, set[int]] = {}
    for key in lexicon:
        lengths.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


_ALL_QUALIFIERS = {
    _key(row["phrase"]): _Qualifier(
        row["phrase"].lower(),
        row["bound"],
        row["is_approximate"] == "true",
        float(row["value"]) if row["value"] else None,
    )
    for row in load_reference("qualifiers")
}
# Qualifiers that follow the number or its noun (Turkish "2 bine yakın", "100'den fazla", "30 yılı aşkın").
_AFTER_PHRASES = frozenset(map(" ".join, _ROLES.get("qualifier_after", ())))
_QUALIFIERS = {key: q for key, q in _ALL_QUALIFIERS.items() if q.phrase not in _AFTER_PHRASES}
_POSTPOSED = {key: q for key, q in _ALL_QUALIFIERS.items() if q.phrase in _AFTER_PHRASES}
_TERM_LANGUAGES = _languages(load_reference("figure_subjects"), "term")
_SUBJECTS = {
    _key(row["term"]): _Term(row["category"], _TERM_LANGUAGES[row["term"]]) for row in load_reference("figure_subjects")
}
_COMPOUND_HEADS = {
    key[0]: term for key, term in _SUBJECTS.items() if len(key) == 1 and term.languages & _COMPOUNDING_LANGUAGES
}
_QUALIFIER_LENGTHS = _lengths_by_first(_QUALIFIERS)
# "soldats russes de maintien de la paix", "soldados rusos de paz": troops that a phrase after them makes
# peacekeepers, past the adjectives between
_PEACE_AFTER = {_key(" ".join(phrase)): _SUBJECTS[("peacekeepers",)] for phrase in _ROLES["peace_after"]}
_PEACE_AFTER_LENGTHS = _lengths_by_first(_PEACE_AFTER)
_MAX_PEACE_GAP = 2
_POSTPOSED_LENGTHS = _lengths_by_first(_POSTPOSED)
_SUBJECT_LENGTHS = _lengths_by_first(_SUBJECTS)
_RELATIVE_AFTER_LENGTHS = _lengths_by_first(_RELATIVE_AFTER)
# Every figure holds a numeral, a number word or a vague quantity (the longest word of "tens of thousands of"),
# as a whole token ("twenty" also opens "twenty-five"), or elided before the word it counts (Italian
# "trent'anni"): text without one (lower-cased, as token norms are) has no figure.
_FIGURE_WORDS = sorted(
    _MULTIPLIERS.keys()
    | _SMALL.keys()
    | {max(key, key=len) for key, q in _QUALIFIERS.items() if q.vague_value is not None},
    key=len,
    reverse=True,
)
_MAY_HOLD_FIGURE = ScanPattern(
    r"[0-9]|(?<![^\W\d_])(?:"
    + grouped_alternation(_FIGURE_WORDS, lambda word: re.escape(word).replace("'", "['’]"))
    + r")(?:(?<=['’])|(?![^\W\d_]))"
)
_STARTERS = _QUALIFIER_LENGTHS.keys() | _INDEFINITE_ARTICLES | _MULTIPLIERS.keys() | _SMALL.keys()


def _longest(
    lexicon: dict[tuple[str, ...], T], lengths: dict[str, tuple[int, ...]], tokens: _Tokens, i: int
) -> tuple[T | None, int]:
    """The longest lexicon phrase starting at token i, as (entry, length), or (None, 0)."""
    for length in lengths.get(tokens.norms[i], ()):
        if i + length <= tokens.size and (entry := lexicon.get(tokens.norms[i : i + length])) is not None:
            return entry, length
    return None, 0


@lru_cache(maxsize=200_000)
def _can_start(kind: str, norm: str) -> bool:
    """Whether a figure can start at a token: only numerals, number words and qualifiers' first words can."""
    return kind == "num" or norm in _STARTERS or _small_word(norm) is not None


def _small_word(norm: str) -> float | None:
    """Value of a number word below 100, including "one" and hyphenated "twenty-five"."""
    if norm in _SMALL:
        return _SMALL[norm]
    tens, hyphen, unit = norm.partition("-")
    return _SMALL[tens] + _UNITS[unit] if hyphen and tens in _TENS and unit in _UNITS else None


@lru_cache(maxsize=200_000)
def _numeral_value(numeral: str, multiplied: bool) -> float | None:
    """1,960 / 1 960 / 1.960 / 2.5 / 1,5 as a float; None for digit strings too long to be counts (phone
    numbers, codes). Dots that group thousands ("2.000") are separators unless a multiplier follows
    ("2.317 million"); a comma not followed by exactly three digits is a decimal comma ("1,5 Millionen"), and so is
    one after grouped thousands ("2.245,98": one number, never read in parts)."""
    if _GROUPED_DECIMAL.fullmatch(numeral):
        numeral = numeral.replace(".", "").replace(",", ".")
    elif _DOT_GROUPS.fullmatch(numeral) and not (multiplied and numeral.count(".") == 1):
        numeral = numeral.replace(".", "")
    elif _DECIMAL_COMMA.fullmatch(numeral) and len(numeral.partition(",")[2]) != 3:
        numeral = numeral.replace(",", ".")
    digits = numeral.translate(_DROP_SEPARATORS)
    return None if len(digits.partition(".")[0]) > _MAX_DIGITS else float(digits)


def _read_number(tokens: _Tokens, i: int) -> tuple[float, int] | None:
    """(value, index after it) of the number at token i: a numeral or number words, then multipliers.

    "two hundred and fifty", "twenty five", "2.5 million", "a dozen", "eine Million", "120mila", "2 тыс."; a multiplier
    directly after another must be larger ("hundred thousand"), so a run of number words cannot grow without
    bound.
    """
    first, kind, n = tokens.norms[i], tokens.kinds[i], tokens.size
    spelled = kind == "word"
    if kind == "num":
        current = _numeral_value(first, i + 1 < n and tokens.norms[i + 1] in _MULTIPLIERS)
    elif first in _INDEFINITE_ARTICLES:
        current = 1.0 if i + 1 < n and tokens.norms[i + 1] in _MULTIPLIERS else None
    elif first in _MULTIPLIERS:
        current = 0.0  # read by the loop: "several hundred"
    else:
        small = _small_word(first)
        current = None if small is None else float(small)
    if current is None:
        return None
    j = i if first in _MULTIPLIERS else i + 1
    total, after_multiplier = 0.0, 0.0
    tens = first if spelled and first in _TENS else None  # a tens word a unit may complete: "twenty five", "on iki"
    while j < n:
        norm = tokens.norms[j]
        multiplier = _multiplier(norm)
        small = _small_word(norm) if spelled else None
        if multiplier and (not after_multiplier or multiplier > after_multiplier):
            current = (current or 1.0) * multiplier
            if multiplier >= 1000:
                total, current = total + current, 0.0
            after_multiplier, tens = multiplier, None
            if norm in _ABBREVIATED and j + 1 < n and tokens.norms[j + 1] == ".":
                j += 1
        elif (
            after_multiplier >= 1000
            and not current
            and tokens.kinds[j] == "num"
            and norm.isdigit()
            and len(norm) <= 3
            and tokens.kinds[j - 1] == "word"
        ):
            if j + 1 < n and 1 < (_multiplier(tokens.norms[j + 1]) or 0) < after_multiplier:
                current, after_multiplier = float(norm), 0.0  # "1 Million 750 Tausend": the next group's count
                j += 1
                continue
            total += float(norm)  # Turkish "2 bin 783", "bin 960": the hundreds after a thousands word
            after_multiplier = 0.0
            j += 1
            break
        elif multiplier and 100 <= multiplier < 1000 <= after_multiplier and not current:
            current, after_multiplier = multiplier, multiplier  # a hundreds word opens the next group: "mil doscientos"
        elif small is not None and (after_multiplier or (small < 10 and _completes(tens, norm))):
            current += small
            after_multiplier, tens = 0.0, norm if norm in _TENS else None
        elif norm in _HALF_FIRSTS and current and not after_multiplier and (half := _phrase_at(tokens, j, _HALVES)):
            current += 0.5  # "one and a half", "two and a half million"
            j += half - 1
        elif not (
            norm in _LIST_SEPARATORS
            and norm != ","
            and j + 1 < n
            and (unit := _small_word(tokens.norms[j + 1])) is not None
            and (after_multiplier or (unit < 10 and _completes(tens, tokens.norms[j + 1])))
        ):
            break  # "two hundred and fifty", "treinta y cinco" go on
        j += 1
    if first == "one" and j == i + 1:
        return None
    return total + current, j


def _phrase_at(tokens: _Tokens, k: int, phrases: frozenset[tuple[str, ...]]) -> int:
    """The length of the one of `phrases` the tokens from k start with, or 0."""
    return next((len(phrase) for phrase in phrases if tokens.norms[k : k + len(phrase)] == phrase), 0)


def _completes(tens: str | None, unit: str) -> bool:
    """Whether a unit word completes an open tens word of its own language: "treinta y cinco", Turkish "on iki"
    (but not Turkish "on" with English "two")."""
    return tens is not None and bool(
        _NUMBER_LANGUAGES.get(tens, frozenset()) & _NUMBER_LANGUAGES.get(unit, frozenset())
    )


def _is_modifier(tokens: _Tokens, k: int, text: str, participles: bool = False) -> bool:
    """A word that may stand between a number and its noun: "Russian", "Moscow-backed", "armed", "civilian",
    "russische", "российских"; `participles`: also "struggling", "abandoned"."""
    norm = tokens.norms[k]
    return tokens.kinds[k] == "word" and (
        text[tokens.starts[k]].isupper() or "-" in norm or _is_adjective(norm) or (participles and _is_participle(norm))
    )


def _is_adjective(norm: str) -> bool:
    """A listed modifier or a word ending like an adjective ("main", "temporary", "временных")."""
    return norm in _MODIFIERS or norm.endswith(_ADJECTIVE_ENDINGS)


def _is_participle(norm: str) -> bool:
    """A word shaped as a participle, not a preposition: "struggling", "working", "abandoned"; not "during"."""
    return norm.endswith(_PARTICIPLE_ENDINGS) and norm not in _NOT_PARTICIPLES


def _is_list_item(tokens: _Tokens, k: int, text: str) -> bool:
    """A word of a list a conjunction closes, used as a modifier: "industrial, construction, retail and catering
    facilities"; not "howitzers, tanks" (a plural noun), not "killed 5 overnight, police said" (no conjunction)."""
    if not _item_word(tokens, k, text):
        return False
    if k and tokens.norms[k - 1] in _CONJUNCTIONS:
        return True
    n = k + 1
    while n < min(k + _MAX_LIST_TOKENS, tokens.size - 1) and tokens.norms[n] == "," and _item_word(tokens, n + 1, text):
        n += 2
    return n < tokens.size and tokens.norms[n] in _CONJUNCTIONS


def _item_word(tokens: _Tokens, k: int, text: str) -> bool:
    """A lower-case content word not shaped as a plural noun and unable to open a count."""
    norm = tokens.norms[k]
    return (
        tokens.kinds[k] == "word"
        and text[tokens.starts[k]].islower()
        and len(norm) >= _MIN_LIST_ITEM
        and norm not in _LIST_SEPARATORS
        and not _can_start("word", norm)
        and not _may_be_noun(text[tokens.starts[k] : tokens.ends[k]])
    )


@lru_cache(maxsize=50_000)
def _compound_head(norm: str) -> _Term | None:
    """The counted noun that ends a compound of a compounding language: "militärfahrzeuge" -> fahrzeuge."""
    for cut in range(_MIN_COMPOUND_PART, len(norm) - _MIN_COMPOUND_PART):
        if (term := _COMPOUND_HEADS.get(norm[cut:])) is not None:
            return term
    return None


# Turkish case endings a counted noun may carry ("gözlem noktasına", "uçağının"); not the adjective -lı/-li
_TR_SUFFIXES = sorted(
    {r["affix"] for r in load_reference("name_inflections") if r["language"] == "tr"} - {"lı", "li", "lu", "lü"},
    key=len,
    reverse=True,
)


_TR_MULTIPLIERS = {word: value for word, value in _MULTIPLIERS.items() if "tr" in _NUMBER_LANGUAGES[word]}
# vowel harmony: after a stem whose last vowel is the key, a suffix has only these vowels ("bin-in-in", not "bin-a")
_HARMONY = {
    **dict.fromkeys("ei", "ei"),
    **dict.fromkeys("öü", "eü"),
    **dict.fromkeys("aı", "aı"),
    **dict.fromkeys("ou", "au"),
}
_MAX_TR_SUFFIXES = 2  # a possessive and a case: "3 bininin", "milyonundan"


@lru_cache(maxsize=10_000)
def _multiplier(norm: str) -> float | None:
    """The value of a multiplier word, also of a Turkish one with case and possessive suffixes ("bininin")."""
    if (value := _MULTIPLIERS.get(norm)) is not None:
        return value
    for stem, value in _TR_MULTIPLIERS.items():
        vowels = [letter for letter in stem if letter in _HARMONY]
        if norm.startswith(stem) and vowels and _suffixed(norm[len(stem) :], _HARMONY[vowels[-1]], _MAX_TR_SUFFIXES):
            return value
    return None


def _suffixed(rest: str, vowels: str, suffixes: int) -> bool:
    """Whether `rest` is at most `suffixes` Turkish case suffixes whose vowels are all in `vowels`."""
    return 0 < len(rest) and any(
        rest.startswith(suffix)
        and all(letter in vowels for letter in suffix if letter in _HARMONY)
        and (rest == suffix or (suffixes > 1 and _suffixed(rest[len(suffix) :], vowels, suffixes - 1)))
        for suffix in _TR_SUFFIXES
    )


def _inflected(tokens: _Tokens, j: int) -> tuple[_Term | None, int]:
    """A Turkish term whose last word carries a case ending the lexicon does not list."""
    for length in (*(n for n in _SUBJECT_LENGTHS.get(tokens.norms[j], ()) if n > 1), 1):
        if j + length > tokens.size:
            continue
        head, last = tokens.norms[j : j + length - 1], tokens.norms[j + length - 1]
        for suffix in _TR_SUFFIXES:
            if last.endswith(suffix) and len(last) - len(suffix) >= 3:
                term = _SUBJECTS.get((*head, last[: -len(suffix)]))
                if term and "tr" in term.languages:
                    return term, length
    return None, 0


def _term_at(tokens: _Tokens, j: int, text: str, inflected: bool = True) -> tuple[_Term | None, int]:
    """The lexicon term at token j (longest phrase), or a capitalised compound ending in one, as (term, length);
    `inflected`: also a Turkish term with a case ending the lexicon does not list."""
    term, length = _longest(_SUBJECTS, _SUBJECT_LENGTHS, tokens, j)
    if term is None and inflected and tokens.kinds[j] == "word":
        term, length = _inflected(tokens, j)
    if term is None and tokens.kinds[j] == "word" and "-" in tokens.norms[j]:
        term, length = _hyphened_head(tokens.norms[j]), 1
    if term is None and tokens.kinds[j] == "word" and text[tokens.starts[j]].isupper():
        term, length = _compound_head(tokens.norms[j]), 1
    return term, length


def _hyphened_head(norm: str) -> _Term | None:
    """The counted noun of a hyphened noun-noun compound, its last part first (the head): "soldier-peacekeepers",
    "солдат-миротворцев" count peacekeepers."""
    return next((term for part in reversed(norm.split("-")) if (term := _SUBJECTS.get((part,)))), None)


def _find_subject(tokens: _Tokens, k: int, text: str, participles: bool = False) -> _Subject | None:
    """The counted noun at token k or after a few modifiers (`participles`: participles among them). A
    capitalised term followed by another is a people's name used as an adjective ("511 Azerbaycanlı şehit"):
    the second is the head."""
    j, last = k, min(k + _MAX_MODIFIERS + 1, tokens.size)
    while j < last:
        if (designation := _designation_end(tokens, j, text)) is not None:  # "two An-124 aircraft"
            j, last = designation, min(designation + _MAX_MODIFIERS + 1, tokens.size)
            continue
        term, length = _term_at(tokens, j, text)
        if term:
            after = j + length
            # "97.000 Panzer- und Antipersonenminen": a compound cut short by a hyphen shares the head of the last
            if (
                after + 2 < tokens.size
                and tokens.norms[after] == "-"
                and tokens.starts[after] == tokens.ends[after - 1]
                and tokens.norms[after + 1] in _LIST_SEPARATORS
                and (shared := _find_subject(tokens, after + 2, text, participles))
            ):
                return shared
            # "511 Azerbaycanlı şehit": a people's name used as an adjective, not before a noun with a case
            # ending ("Azerbaycanlı evini": its own constituent); "2,317 killed soldiers": a state before the noun
            # (killed, wounded) leaves the noun to decide; "12 IDP camps" counts the camps
            capitalised, head_at = text[tokens.starts[j]].isupper(), _modified_noun(tokens, after, text, term)
            modifier = head_at is not None
            if after < tokens.size and (capitalised or modifier or term.category in _STATES):
                at = head_at if modifier else after
                head, head_length = _term_at(tokens, at, text, inflected=not capitalised)
                if head or modifier:
                    return _Subject(head, at, at + head_length) if head else None
            return _Subject(term, j, after)
        if tokens.norms[j] in _CLASSIFIERS:
            link = (
                j + 1 < tokens.size
                and tokens.kinds[j + 1] == "word"
                and len(tokens.norms[j + 1]) <= _CLASSIFIER_LINK_LETTERS
            )
            return _find_subject(tokens, j + 1 + link, text, participles) if j + 1 + link < tokens.size else None
        if _joins_modifiers(tokens, j, text):  # a list of lower-case modifiers takes the place of one
            if text[tokens.starts[j - 1]].islower() and text[tokens.starts[j + 1]].islower():
                last = min(last + 2, tokens.size, k + _MAX_LIST_TOKENS)
        elif tokens.kinds[j] != "word" or not (
            _is_modifier(tokens, j, text, participles) or _is_list_item(tokens, j, text)
        ):
            return None
        j += 1
    return None


def _modified_noun(tokens: _Tokens, after: int, text: str, term: _Term) -> int | None:
    """The index of the plural noun an English counted noun in the singular modifies, right after it ("12 IDP
    camps", "5 refugee camps") or after a list word and adjectives ("38 state and collective farms"), or None."""
    if "en" not in term.languages or tokens.norms[after - 1].endswith("s"):
        return None
    k = after
    if k < tokens.size and tokens.norms[k] in _CONJUNCTIONS:
        k += 1
        while k < min(after + _MAX_MODIFIERS + 1, tokens.size - 1) and _is_adjective(tokens.norms[k]):
            k += 1
        if k == after + 1:
            return None  # "police and soldiers": two nouns
    if k < tokens.size and _ENGLISH_PLURAL.fullmatch(text, tokens.starts[k], tokens.ends[k]) is not None:
        return k
    return None


def _coordinated_subject(tokens: _Tokens, k: int, text: str) -> _Subject | None:
    """ "hundreds and possibly thousands of people": a vague count joined to the next one shares its noun (the
    noun's offsets stay its own: the mention still ends at the first count)."""
    start = k
    while k < tokens.size and (tokens.norms[k] in _LIST_SEPARATORS or tokens.norms[k] in _HEDGES):
        k += 1
    if k == start or k == tokens.size:
        return None
    qualifier, length = _longest(_QUALIFIERS, _QUALIFIER_LENGTHS, tokens, k)
    if qualifier is None or qualifier.vague_value is None:
        return None
    subject = _find_subject(tokens, k + length, text) or _aside_subject(tokens, k + length, text)
    return subject._replace(first=start, after=start) if subject else None


def _aside_subject(tokens: _Tokens, k: int, text: str) -> _Subject | None:
    """The noun after the comma that closes an aside, and its "of" if any: "hundreds, if not thousands, of
    people", "сотни, если не тысячи, людей"."""
    if k + 1 < tokens.size and tokens.norms[k] == ",":
        return _find_subject(tokens, k + 1 + (tokens.norms[k + 1] in _ASIDE_LINKS), text)
    return None


def _joins_modifiers(tokens: _Tokens, j: int, text: str) -> bool:
    """A list word between two modifiers: "единиц автомобильной и специальной техники", "automotive and special",
    "industrial, construction, retail and catering"."""
    return (
        tokens.norms[j] in _LIST_SEPARATORS
        and 0 < j < tokens.size - 1
        and (_is_modifier(tokens, j - 1, text) or _is_list_item(tokens, j - 1, text))
        and tokens.kinds[j + 1] == "word"
        and _longest(_QUALIFIERS, _QUALIFIER_LENGTHS, tokens, j + 1)[0] is None  # "Hunderte oder Tausende": two counts
    )


def _designation_end(tokens: _Tokens, j: int, text: str) -> int | None:
    """The token after a model designation starting at j ("An-124", "BTR-82A", "Mi-24": a capitalised word, a
    hyphen and a number, glued), or None."""
    end = j + 3
    if not (
        end <= tokens.size
        and tokens.kinds[j] == "word"
        and text[tokens.starts[j]].isupper()
        and tokens.norms[j + 1] == "-"
        and tokens.kinds[j + 2] == "num"
        and tokens.starts[j + 1] == tokens.ends[j]
        and tokens.starts[j + 2] == tokens.ends[j + 1]
    ):
        return None
    if end < tokens.size and tokens.kinds[end] == "word" and tokens.starts[end] == tokens.ends[end - 1]:
        end += 1  # "82A"
    return end


def _peacekeeping(tokens: _Tokens, subject: _Subject, text: str) -> _Subject:
    """Troops that a phrase after them, past at most two words (an adjective of nationality: "russes",
    "rusos", "russi"), names as peacekeepers."""
    for j in range(subject.after, min(subject.after + _MAX_PEACE_GAP + 1, tokens.size)):
        term, length = _longest(_PEACE_AFTER, _PEACE_AFTER_LENGTHS, tokens, j)
        if term:
            return _Subject(term, subject.first, j + length)
        if tokens.kinds[j] != "word":
            break
    return subject


def _after_marker(tokens: _Tokens, i: int) -> bool:
    """The numeral at token i follows an identifier marker: "Story Code : 483", "No. 12", "Resolution 822"."""
    k = i - 1
    while k >= 0 and i - k <= 2 and tokens.norms[k] in _MARKER_PUNCTUATION:
        k -= 1
    return k >= 0 and tokens.kinds[k] == "word" and tokens.norms[k] in _ID_MARKERS


def _opens_bracketed_identifiers(text: str, tokens: _Tokens, i: int, end: int) -> bool:
    """The numeral at token i, after a bracket, opens a list of bare numerals after a phrase an identifier marker
    heads: "resolutions of the UN Security Council (853, 874 and 884)". The words between are the marker's
    complement (names, short words), not a plural noun of their own ("the number of refugees in both towns (40,
    50)")."""
    last = _list_end(tokens, end)
    if not (last < tokens.size and tokens.norms[last] == ")"):
        return False
    for k in range(i - 2, max(-1, i - 2 - _ID_COMPLEMENT_REACH), -1):
        if tokens.kinds[k] == "word" and tokens.norms[k] in _ID_MARKERS:
            return True
        word = text[tokens.starts[k] : tokens.ends[k]]
        if tokens.kinds[k] != "word" or (word[0].islower() and _may_be_noun(word)):
            return False
    return False


def _list_end(tokens: _Tokens, end: int) -> int:
    """Index after a list of numerals continuing at `end`: "822, 853, 874 and 884"."""
    while end < tokens.size and tokens.norms[end] in _LIST_SEPARATORS:
        k = end + 1 + (end + 1 < tokens.size and tokens.norms[end + 1] in _LIST_SEPARATORS)
        if k >= tokens.size or tokens.kinds[k] != "num":
            break
        end = k + 1
    return end


def _is_ordinal_dot(text: str, tokens: _Tokens, end: int, value: float) -> bool:
    """ "am 20. | November", "nicht der 15. sondern": a dot right after the number marks an ordinal (German,
    Turkish) when a lower-case word follows, or when it ends the sentence after a day number (the sentence
    split cut the month off)."""
    dot = tokens.ends[end - 1]
    if not (end < tokens.size and tokens.norms[end] == "." and tokens.starts[end] == dot):
        return False
    rest = text[dot + 1 :].lstrip()
    return rest[:1].islower() or (not rest and value <= _MAX_DAY)


_LIST_NUMBER_MARKS = frozenset({".", "․", ")"})  # "1. Talish", "2․ Mataghis" (an Armenian full stop), "3) Togh"


def _list_number_at(tokens: _Tokens, k: int) -> float | None:
    """The value of a numeral at token k that numbers a list item: a mark glued to it, a name after."""
    if not (
        tokens.kinds[k] == "num"
        and tokens.norms[k].isdigit()
        and k + 2 < tokens.size
        and tokens.norms[k + 1] in _LIST_NUMBER_MARKS
        and tokens.starts[k + 1] == tokens.ends[k]
        and tokens.kinds[k + 2] == "word"
    ):
        return None
    return float(tokens.norms[k])


def _is_position(tokens: _Tokens, number_at: int) -> bool:
    """ "al chilometro 27 (miglio 17)", "at kilometre 27": a distance unit before the number marks a place on a
    road, not a count."""
    unit = _SUBJECTS.get((tokens.norms[number_at - 1],)) if number_at else None
    return unit is not None and unit.category in _DISTANCES


def _is_list_number(tokens: _Tokens, end: int, value: float) -> bool:
    """ "(1. Talish, 2. Mataghis, 3. Togh)": a numeral that numbers an item of a list whose next or previous item
    the sentence numbers too is no count."""
    if _list_number_at(tokens, end - 1) is None:
        return False
    return any(
        _list_number_at(tokens, k) in (value - 1, value + 1) for k in range(tokens.size) if tokens.kinds[k] == "num"
    )


def _is_numeral_noise(text: str, tokens: _Tokens, i: int, end: int, suffixed: bool = False) -> bool:
    """The numeral at token i is part of a word, a clock time or a list marker ("1." opening the sentence).
    `suffixed`: a case suffix the qualifier after it governs is glued on ("100'den fazla")."""
    start = tokens.starts[i]
    list_marker = i == (tokens.norms[0] == "(") and end < tokens.size and tokens.norms[end] in (".", ")")
    return bool(
        list_marker
        or (start and _GLUED_BEFORE.match(text, start - 1))
        or (not suffixed and _GLUED_AFTER.match(text, tokens.ends[end - 1]))
        or _CLOCK.match(text, tokens.ends[end - 1])
        or (end < tokens.size and tokens.norms[end] in _CLOCK_AFTER | _PAGE_UNITS)  # "7.00 Uhr", "16 px"
    )


def _in_counted_range(text: str, tokens: _Tokens, i: int, end: int) -> bool:
    """The numeral at token i is one end of a range written with a dash before a counted noun ("in 3-5 years",
    "10–15 лет"), not a word's part ("Su-25") or a score."""
    if end + 1 < tokens.size and tokens.norms[end] in _DASHES and tokens.kinds[end + 1] == "num":
        first, last = i, end + 2  # "3" of "3-5 years"
    elif i >= _RANGE_TOKENS - 1 and tokens.norms[i - 1] in _DASHES and tokens.kinds[i - 2] == "num":
        first, last = i - 2, end  # "5" of it
    else:
        return False
    return (
        len(tokens.norms[first]) < _YEAR_DIGITS  # "1992-1994" is a span of years
        and tokens.ends[first] == tokens.starts[first + 1]
        and tokens.ends[first + 1] == tokens.starts[first + 2]
        and not (tokens.starts[first] and _GLUED_BEFORE.match(text, tokens.starts[first] - 1))
        and not _GLUED_AFTER.match(text, tokens.ends[first + 2])
        and _find_subject(tokens, last, text) is not None
    )


def _postposed(tokens: _Tokens, end: int) -> tuple[_Qualifier | None, int]:
    """A qualifier after the number ending at `end`, as (qualifier, index after it): one that starts with the
    number's last word, whose case it governs ("2 bine yakın"), or right after the number, a suffixed one
    glued on ("100'den fazla", "2 bin civarında")."""
    for at in (end - 1, end):
        if (
            at < tokens.size
            and tokens.norms[at] in _POSTPOSED_LENGTHS
            and (tokens.kinds[at] != "punct" or tokens.starts[at] == tokens.ends[at - 1])
        ):
            qualifier, length = _longest(_POSTPOSED, _POSTPOSED_LENGTHS, tokens, at)
            if qualifier and at + length > end:
                return qualifier, at + length
    return None, end


def _is_age(text: str, tokens: _Tokens, i: int, end: int, value: float) -> bool:
    """ "aged 43", or a number set off after a name: "Gagik Petrosyan, 43, said", "Petrosyan (43)"."""
    if i and tokens.norms[i - 1] in _AGE_WORDS:
        return True
    return value < _MAX_AGE and _set_off_after_name(text, tokens, i, end)


def _is_date_part(tokens: _Tokens, number_at: int, value: float) -> bool:
    """A bare day number after a weekday ("El martes 22", "le mardi 22"), or a two-digit year after a day and
    month ("(31 dic 20)", "12 nov. 20")."""
    if not number_at:
        return False
    if tokens.norms[number_at - 1] in _WEEKDAYS:
        return value <= _MAX_DAY
    month = number_at - 1 - (tokens.norms[number_at - 1] == ".")
    return (
        len(tokens.norms[number_at]) == 2
        and month > 0
        and tokens.norms[month] in _MONTHS
        and tokens.norms[month - 1].isdigit()
        and int(tokens.norms[month - 1]) <= _MAX_DAY
    )


def _is_name_number(text: str, tokens: _Tokens, number_at: int, end: int, value: float) -> bool:
    """A small bare numeral right after a capitalised word is part of a name: "France 24", "told Channel 4";
    a sentence's first word is a name only when the numeral closes the line (else "Insgesamt 12 ..."). After a
    media noun any bare numeral names the outlet: "передает телеканал 360"."""
    before = number_at - 1
    if not (
        before >= 0 and tokens.kinds[before] == "word" and text[tokens.ends[before] : tokens.starts[number_at]] == " "
    ):
        return False
    return tokens.norms[before] in _MEDIA_NOUNS or (
        value <= _MAX_NAME_NUMBER
        and text[tokens.starts[before]].isupper()
        and tokens.norms[before] not in _COUNT_OPENERS
        and (before > 0 or end == tokens.size or tokens.kinds[end] == "punct")
    )


def _set_off_after_name(text: str, tokens: _Tokens, i: int, after: int) -> bool:
    """Tokens i..after-1 stand between commas or brackets right after a capitalised word: "Petrosyan, 43,",
    "Eghiazarian, 68 ans,", "Petrosyan (43)"."""
    return (
        i >= 2
        and tokens.norms[i - 1] in _AGE_OPENERS
        and tokens.kinds[i - 2] == "word"
        and text[tokens.starts[i - 2]].isupper()
        and (after == tokens.size or tokens.norms[after] in _AGE_CLOSERS)
    )


def _is_year(tokens: _Tokens, i: int, number_at: int, end: int, subject: _Subject | None) -> bool:
    """A bare 4-digit 1900..2100 is a year unless it counts a noun ("2000 troops") and follows no year word;
    with a year noun it is a year too, of any century ("1993 года", "1868 yılında"). Grouped digits (1 960, 1.960) are never a year. A round
    two-digit number after a decade word is a decade ("anni 90")."""
    norm = tokens.norms[number_at]
    if end != number_at + 1 or not norm.isdigit():
        return False
    if len(norm) == 2 and norm[1] == "0" and subject is None:
        return i > 0 and tokens.norms[i - 1] in _DECADE_WORDS
    after_year_word = i > 0 and tokens.norms[i - 1] in _YEAR_WORDS
    if after_year_word and tokens.norms[i - 1] in _COUNT_BEFORE and subject is not None:
        after_year_word = subject.term.category in _TIME_UNITS
    year_noun = subject is not None and subject.term.category == "years"  # "1868 yılında", "1828 года"
    if len(norm) != 4 or not (
        _FIRST_YEAR <= int(norm) <= _LAST_YEAR or (after_year_word and subject is None) or year_noun
    ):
        return False  # "en 1145", "in 1828": any 4-digit number after a year word, with no counted noun
    return subject is None or subject.term.category in _TIME_UNITS or after_year_word


def _relative_after(tokens: _Tokens, k: int) -> bool:
    """Whether the tokens from k open a word that makes the span before it a date ("ago", "plus tôt")."""
    return k < tokens.size and _longest(_RELATIVE_AFTER, _RELATIVE_AFTER_LENGTHS, tokens, k)[0] is not None


def _ends_with(tokens: _Tokens, i: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether the tokens before i end with one of `phrases` (of at most _MAX_PHRASE_BEFORE tokens)."""
    before = tokens.norms[max(0, i - _MAX_PHRASE_BEFORE) : i]
    return any(before[-length:] in phrases for length in range(1, len(before) + 1))


def _is_time_reference(text: str, tokens: _Tokens, i: int, subject: _Subject, age_like: bool, after: int) -> bool:
    """A time span used as a date or an age: "two weeks ago", "vor 30 Jahren", "43 years old", "un maçon de
    53 ans", "Eghiazarian, 68 ans," (age_like: an unqualified numeral; after: the token after the span and any
    qualifier after it)."""
    if subject.term.category not in _TIME_UNITS:
        return False
    if i > 1 and tokens.norms[i - 1] in _SPAN_LINKS and tokens.norms[i - 2] in _SPANNED_NOUNS:
        return True  # "la guerra de seis semanas", "la guerre de 44 jours": a measure of the noun, like "44-day war"
    first, last = _span_chain(text, tokens, i, after)
    # "desde hace diez días", "in nur 21 Monaten nach ...": how long something took, not a date before or after
    duration = _ends_with(tokens, first, _DURATION_BEFORE)
    if _ends_with(tokens, first, _RELATIVE_BEFORE) and not duration:
        return True
    if _opens_distance(tokens, first, last):
        return True
    if (
        subject.term.category == "years"
        and age_like
        and (
            i
            and tokens.norms[i - 1] in _AGE_BEFORE_YEARS
            and not (i > 1 and tokens.norms[i - 2] in _SPAN_BEFORE_DE)
            or _set_off_after_name(text, tokens, i, after)
        )
    ):
        return True
    if _relative_after(tokens, last) and not duration:
        return not any(tokens.norms[k] in _EXTRA_WORDS for k in range(i, subject.first))
    return subject.term.category == "years" and after < tokens.size and tokens.norms[after] in _AGE_AFTER_YEARS


def _opens_distance(tokens: _Tokens, first: int, last: int) -> bool:
    """A clause opened by "a/à N units da/de X" is a date at that distance from X ("À trois jours de sa
    rétrocession"); only at the clause's start, where it cannot be a sentence ("condamné à 5 ans de prison")."""
    return (
        0 < first < tokens.size
        and last < tokens.size
        and tokens.norms[first - 1] in _DISTANCE_OPENERS
        and (first == 1 or tokens.norms[first - 2] in _CLAUSE_PUNCTUATION)
        and tokens.norms[last] in _DISTANCE_FROM
    )


def _is_unit_modifier(tokens: _Tokens, i: int, subject: _Subject, value: float) -> bool:
    """ "a 10 day delay", "a 5 mile walk": an article before a number above one and a unit in the singular
    makes the measure a modifier of the noun after it, like "10-day"."""
    unit = tokens.norms[subject.after - 1]
    return (
        value > 1
        and i > 0
        and tokens.norms[i - 1] in {"a", "an"}
        and subject.term.category in _MEASURES
        and "en" in subject.term.languages
        and not unit.endswith("s")
        and subject.after < tokens.size
        and tokens.kinds[subject.after] == "word"
    )


def _is_possessive_measure(text: str, tokens: _Tokens, subject: _Subject) -> bool:
    """ "the 27 years' occupation", "two weeks' notice": a measure in the possessive modifies the noun after it,
    like "27-year occupation"; not when the apostrophe may close a quotation ('we waited 27 years' ...)."""
    k = subject.after
    return (
        subject.term.category in _MEASURES
        and k + 1 < tokens.size
        and tokens.norms[k] == "'"
        and tokens.starts[k] == tokens.ends[k - 1]
        and tokens.norms[k - 1].endswith("s")
        and tokens.kinds[k + 1] == "word"
        and not _OPENING_QUOTE.search(text, 0, tokens.starts[k])
    )


def _is_short_span_date(tokens: _Tokens, i: int, end: int) -> bool:
    """Minutes or seconds used as a date: "6 минут назад", "vor 15 Minuten", "il y a 10 secondes"."""
    return (
        end < tokens.size
        and tokens.norms[end] in _SHORT_TIME_UNITS
        and (_relative_after(tokens, end + 1) or _ends_with(tokens, i, _RELATIVE_BEFORE))
    )


def _span_chain(text: str, tokens: _Tokens, i: int, after: int) -> tuple[int, int]:
    """The first token and the token after the last of the time spans joined by list words to the one from
    token i to `after`: "спустя 27 лет, 4 месяца и 17 дней", "3 years and 2 months ago" are one date."""
    while i >= 3 and tokens.norms[i - 1] in _LIST_SEPARATORS and _time_span_end(text, tokens, i - 3) == i - 1:
        i -= 3
    while (
        after < tokens.size
        and tokens.norms[after] in _LIST_SEPARATORS
        and (end := _time_span_end(text, tokens, after + 1))
    ):
        after = end
    return i, after


def _time_span_end(text: str, tokens: _Tokens, k: int) -> int | None:
    """The token after a number at token k directly followed by a time unit ("4 месяца", "two weeks"), or None."""
    if k >= tokens.size or (number := _read_number(tokens, k)) is None or number[1] >= tokens.size:
        return None
    term, length = _term_at(tokens, number[1], text)
    return number[1] + length if term and term.category in _TIME_UNITS else None


def _is_adjectival(tokens: _Tokens, end: int) -> bool:
    """Turkish "10 günlük", "50 bin kişilik": a counted noun with an adjective suffix modifies what follows."""
    if end >= tokens.size or tokens.kinds[end] != "word":
        return False
    norm = tokens.norms[end]
    return any(norm.endswith(suffix) and (norm[: -len(suffix)],) in _SUBJECTS for suffix in _ADJECTIVAL_SUFFIXES)


def _unit(subject: _Subject | None) -> str | None:
    if subject is None:
        return None
    return subject.term.category if subject.term.category in _MEASURES else "count"


def _opens_percentage_range(tokens: _Tokens, end: int) -> bool:
    """ "15 to 20 percent": the first number of a range of percentages is a percentage too."""
    k = end + 1
    return (
        k < tokens.size
        and tokens.norms[end] in _RANGE_WORDS
        and tokens.kinds[k] == "num"
        and _percentage_end(tokens, k, k + 1) is not None
    )


def _percentage_end(tokens: _Tokens, i: int, end: int) -> int | None:
    """Index after a percentage ("30 %", "40 per cent", "yüzde 77") whose number starts at i and ends at end."""
    if i and tokens.norms[i - 1] in _PERCENT_BEFORE:
        return end
    for length in range(min(_MAX_PERCENT, tokens.size - end), 0, -1):
        if tokens.norms[end : end + length] in _PERCENT_AFTER:
            return end + length
    return None


def _spelled_in_other_language(tokens: _Tokens, number_at: int, subject: _Subject | None) -> bool:
    """Number words count a noun of their own language: Turkish "on gün" is ten days, English "on days" is not."""
    languages = _NUMBER_LANGUAGES.get(tokens.norms[number_at])
    return bool(subject and languages and not languages & subject.term.languages)


class Counted(NamedTuple):
    """The last count with a counted noun before a sentence, in its article: a bare count after it may be a
    part of that set."""

    category: str
    value: float


def _mention_at(text: str, tokens: _Tokens, i: int, counted: Counted | None = None) -> tuple[FigureMention | None, int]:
    """The figure starting at token i, if any, and the token index to continue from; `counted` is the last
    count before it (in this sentence or an earlier one)."""
    qualifier, length = _longest(_QUALIFIERS, _QUALIFIER_LENGTHS, tokens, i)
    if qualifier and qualifier.phrase in _PREPOSITION_QUALIFIERS and i and tokens.norms[i - 1] in _OVER_VERBS:
        return None, i + 1
    number_at = i + length
    if qualifier and qualifier.vague_value is not None:
        value, end = qualifier.vague_value, number_at
    elif number_at < tokens.size and (number := _read_number(tokens, number_at)):
        value, end = number
    else:
        return None, i + 1
    if value == 1:  # "one", "1 yıl": never a figure (guide), though "1 million" and "1.5" are
        return None, end
    numeral = end > number_at and tokens.kinds[number_at] == "num"
    post, subject_from = (None, end) if qualifier else _postposed(tokens, end)
    if (
        numeral
        and _is_numeral_noise(text, tokens, number_at, end, post is not None and tokens.norms[end] == "'")
        and not _in_counted_range(text, tokens, number_at, end)
    ):
        return None, end
    bracketed = number_at and tokens.norms[number_at - 1] == "("
    if numeral and (
        _after_marker(tokens, number_at) or (bracketed and _opens_bracketed_identifiers(text, tokens, number_at, end))
    ):
        return None, _list_end(tokens, end)
    if numeral and (last := _list_end(tokens, end)) < tokens.size and tokens.norms[last] in _ID_MARKERS_AFTER:
        return None, last
    if _is_adjectival(tokens, subject_from):
        return None, subject_from + 1
    if (percentage_end := _percentage_end(tokens, i, end)) is not None:  # a share, not a count
        return None, percentage_end
    if numeral and _opens_percentage_range(tokens, end):
        return None, end
    if (
        subject_from == end < tokens.size
        and tokens.norms[end] in _MULTIPLIER_OF
        and _MULTIPLIERS.get(tokens.norms[end - 1], 0) >= _MIN_MULTIPLIER_OF
    ):
        subject_from += 1  # "dos millones de personas", "due milioni di persone"
    if subject_from < tokens.size and tokens.norms[subject_from] in _POSSESSIVE_FIRSTS:
        subject_from += _phrase_at(tokens, subject_from, _POSSESSIVES)
    if _is_money(tokens, number_at, subject_from):
        return None, end
    if numeral and _LEADING_ZERO.match(tokens.norms[number_at]):  # "00 heure 00 minute", "05": a clock, no count
        return None, end
    if numeral and (tokens.has_counter or tokens.has_slash) and _is_counter_or_ratio(text, tokens, number_at, end):
        return None, end
    vague = qualifier is not None and qualifier.vague_value is not None
    subject = _find_subject(tokens, subject_from, text, participles=not vague)
    headed = (
        subject is None
        and numeral
        and tokens.has_count_head
        and (subject := _subject_of_count_head(tokens, i, text)) is not None
    )
    if subject is None and vague:
        subject = _coordinated_subject(tokens, end, text)
        if subject is None and i and tokens.norms[i - 1] in _HEDGES:  # "hundreds, if not thousands, of people"
            subject = _aside_subject(tokens, end, text)
    if subject and subject.term.category == "troops":
        subject = _peacekeeping(tokens, subject, text)
    if end > number_at and not numeral and _spelled_in_other_language(tokens, number_at, subject):
        subject = None
    mention_end = subject.after if subject and not headed else end  # a head's noun stands before the number
    if subject and not headed and not (qualifier or post) and subject.after < tokens.size:
        post, post_length = _longest(_POSTPOSED, _POSTPOSED_LENGTHS, tokens, subject.after)  # "30 yılı aşkın"
        mention_end = subject.after + post_length
    elif post:
        mention_end = max(mention_end, subject_from)
    qualifier = qualifier or post
    elided = None if subject or qualifier else _elided_subject(text, tokens, i, end)
    if elided:  # "Aghdam, one of three": the count ends at the number, its noun stands before
        return _mention(text, tokens, i, end, value, None, elided, end), end
    if (
        not subject
        and not vague
        and counted
        and (
            value < counted.value
            or (i and tokens.norms[i - 1] in _OTHER_WORDS)
            or (end < tokens.size and tokens.norms[end] in _OTHERS_AFTER)
        )
        and _stands_for_noun(text, tokens, i, end)
    ):  # "seven districts ... Four were lost", "2,783 soldiers ... more than 100 are still missing", "40 others"
        mention = _mention(text, tokens, i, end, value, qualifier, None, end)
        return mention._replace(subject=counted.category, unit="count"), end
    if not (
        numeral
        or subject
        or _links_noun_phrase(tokens, end if vague else subject_from)  # "sei miliardi di dollari"
        or (not vague and _counts_unlisted_noun(text, tokens, number_at, end, value))
        or (not vague and _opens_ratio(tokens, end))
    ):
        return None, end  # number words and vague quantities need a counted noun
    if not subject and end < tokens.size and _phrase_at(tokens, end, _PART_OF_THEM):
        return None, end  # a partitive, no count (guide)
    if not subject and value != int(value):  # "846.7 square kilometres": a measure, counts are whole
        return None, end
    if subject and _is_time_reference(text, tokens, i, subject, numeral and not qualifier, mention_end):
        return None, mention_end
    if subject and _is_unit_modifier(tokens, i, subject, value):
        return None, subject.after
    if subject and _is_possessive_measure(text, tokens, subject):
        return None, subject.after + 1
    if (
        subject
        and (hyphened := tokens.norms[subject.after - 1].rpartition("-"))[1]
        and hyphened[2] in _HYPHEN_DIMENSIONS
    ):
        return None, subject.after  # "a 1,960 person-strong contingent": a made adjective, like "2000 Mann starkes"
    if not subject and _is_short_span_date(tokens, i, end):
        return None, end + 1
    if subject and mention_end < tokens.size and text[tokens.starts[mention_end]].islower():
        span = subject.term.category in _TIME_UNITS
        if tokens.norms[mention_end] in (_ATTRIBUTIVE_DURATIONS if span else _ATTRIBUTIVE_DIMENSIONS):
            return None, mention_end
    if numeral and end < tokens.size and tokens.norms[end] in _AGE_AFTER:
        return None, end + 1  # Turkish "21 yaşındaki"
    if (
        numeral
        and not (subject or qualifier)
        and (
            _is_age(text, tokens, number_at, end, value)
            or _is_ordinal_dot(text, tokens, end, value)
            or _is_list_number(tokens, end, value)
            or _is_position(tokens, number_at)
            or _is_date_part(tokens, number_at, value)
            or _is_name_number(text, tokens, number_at, end, value)
            or (number_at and tokens.norms[number_at - 1].endswith(_PARTITIVE_SUFFIXES))  # "askerlerden 3 bini"
        )
    ):
        return None, end
    if numeral and value <= _LAST_HOUR and number_at and _is_hour(tokens, number_at, subject):
        return None, mention_end
    if numeral and _is_year(tokens, i, number_at, end, subject):
        return None, end
    after = end
    while after < tokens.size and tokens.starts[after] < tokens.ends[mention_end - 1]:
        after += 1
    return _mention(text, tokens, i, end, value, qualifier, subject, mention_end), after


def _mention(
    text: str,
    tokens: _Tokens,
    i: int,
    end: int,
    value: float,
    qualifier: _Qualifier | None,
    subject: _Subject | None,
    mention_end: int,
) -> FigureMention:
    """The figure from token i to token `mention_end` (its counted noun may stand elsewhere)."""
    char_start, char_end = tokens.starts[i], tokens.ends[mention_end - 1]
    subject_text = text[tokens.starts[subject.first] : tokens.ends[subject.after - 1]] if subject else None
    return FigureMention(
        char_start,
        char_end,
        text[char_start:char_end],
        value,
        qualifier.is_approximate if qualifier else False,
        qualifier.phrase if qualifier else None,
        qualifier.bound if qualifier else "exact",
        subject.term.category if subject else None,
        subject_text,
        _unit(subject),
    )


def _is_money(tokens: _Tokens, number_at: int, after: int) -> bool:
    """ "62 €", "$ 41.00", "EUR 48": a currency sign or code beside the number."""
    return bool(number_at and tokens.norms[number_at - 1] in _CURRENCIES) or (
        after < tokens.size and tokens.norms[after] in _CURRENCIES
    )


def _is_hour(tokens: _Tokens, number_at: int, subject: _Subject | None) -> bool:
    """ "alle 21", "saat 24.00'a kadar", "à 14 heures", "a las 18 horas": an hour of the day (the number is at
    most 24)."""
    if subject is None:
        return tokens.norms[number_at - 1] in _CLOCK_BEFORE
    return subject.term.category == "hours" and _ends_with(tokens, number_at, _HOUR_BEFORE)


def _is_counter_or_ratio(text: str, tokens: _Tokens, number_at: int, end: int) -> bool:
    """ "1,065 total views", "Zeichen: 0 / 1500": a page's counter or a ratio, no count of things."""
    after = tokens.norms[end : end + 2]  # "812 views", "1,065 total views"
    before = tokens.norms[max(0, number_at - 2) : number_at]  # "Views: 812", not "the rows read 4"
    if any(word in _COUNTER_WORDS for word in after) or (before[-1:] == (":",) and before[0] in _COUNTER_WORDS):
        return True
    return bool(
        _RATIO.match(text, tokens.ends[end - 1])
        or _RATIO_BEFORE.search(text, max(0, tokens.starts[number_at] - _RATIO_REACH), tokens.starts[number_at])
    )


def _subject_of_count_head(tokens: _Tokens, i: int, text: str) -> _Subject | None:
    """The counted noun after "the number of" (Zahl der, numero dei, число) shortly before the count at token
    i, in its clause: "put the number of soldiers killed at 1,434", or before a head that follows its noun
    ("kurtarılan köy sayısının 7 olduğu")."""
    for head in range(i - 1, max(-1, i - _COUNT_HEAD_REACH), -1):
        if tokens.norms[head] in _CLAUSE_PUNCTUATION:
            return None
        if tokens.norms[head] not in _COUNT_HEAD_FIRSTS:
            continue
        if tokens.norms[head] in _COUNT_HEADS_AFTER:
            return _find_subject(tokens, head - 1, text) if head else None
        for phrase in _COUNT_HEADS:
            if tuple(tokens.norms[head : head + len(phrase)]) == phrase and head + len(phrase) < i:
                return _find_subject(tokens, head + len(phrase), text)
    return None


def _counts_unlisted_noun(text: str, tokens: _Tokens, number_at: int, end: int, value: float) -> bool:
    """Whether number words are followed by a word shaped as a plural noun of their language ("two minarets",
    "the two main highways")."""
    if value < 2 or end >= tokens.size or text[tokens.ends[end - 1] : tokens.starts[end]] != " ":
        return False
    word = tokens.norms[end - 1]
    before = tokens.norms[number_at - 1] if number_at else None
    shapes, adjacent = [], []
    # "twenty-six" is in the language of "twenty"
    languages = _NUMBER_LANGUAGES.get(word) or _NUMBER_LANGUAGES.get(word.partition("-")[0], frozenset())
    for language in languages:
        if before in _NUMBER_ARTICLES.get(language, ()):
            shapes.append(_ARTICLED_PLURAL.get(language) or _PLURAL_NOUN.get(language))
        elif word not in _HOMOGRAPHS:
            shapes.append(_PLURAL_NOUN.get(language))
        elif language in _CAPITALISED_NOUNS:
            adjacent.append(_PLURAL_NOUN[language])
    compounds = "en" in languages  # "three copper mines": English nouns modify nouns
    return _plural_noun_after(
        text, tokens, end, [shape for shape in shapes if shape], noun_modifiers=compounds
    ) or _plural_noun_after(text, tokens, end, adjacent, reach=1)


def _opens_ratio(tokens: _Tokens, end: int) -> bool:
    """Whether a ratio's link and a number follow: "twenty-six out of 38 farms" counts what the 38 count."""
    link = _phrase_at(tokens, end, _RATIO_LINKS)
    return bool(link) and end + link < tokens.size and _can_start(tokens.kinds[end + link], tokens.norms[end + link])


def _links_noun_phrase(tokens: _Tokens, end: int) -> bool:
    """Whether a vague quantity ending at `end` with its link word ("of", "de", "d'", "von") counts the noun
    phrase after it, listed or not: "hundreds of ancient monuments", "cientos de monumentos"; not "dozens of
    times"."""
    link = tokens.norms[end - 1]
    return (
        end < tokens.size
        and (link in _ASIDE_LINKS or link.endswith("'"))
        and tokens.kinds[end] == "word"
        and tokens.norms[end] not in _NOT_COUNTED
    )


def _plural_noun_after(
    text: str,
    tokens: _Tokens,
    end: int,
    shapes: list[re.Pattern[str]],
    reach: int = _MAX_MODIFIERS + 1,
    noun_modifiers: bool = False,
) -> bool:
    """Whether a word of one of `shapes` follows from token `end` within `reach` words, past adjectives or
    participles ("one of two working roads"); `noun_modifiers`: or a content word right before it ("two
    stone quarries"), not a verb ("the two were freed")."""
    for k in range(end, min(end + reach, tokens.size)):
        if tokens.kinds[k] != "word" or tokens.norms[k] in _NOT_COUNTED:
            return False
        if _has_shape(text, tokens, k, shapes):
            return True
        if not (
            _is_adjective(tokens.norms[k])
            or _is_participle(tokens.norms[k])
            or (
                noun_modifiers
                and k + 1 < tokens.size
                and tokens.norms[k].isalpha()  # not "three-man": a measure of its own
                and tokens.norms[k] not in _ELIDED_FOLLOWERS
                and _item_word(tokens, k, text)
                and _has_shape(text, tokens, k + 1, shapes)
            )
        ):
            return False
    return False


def _has_shape(text: str, tokens: _Tokens, k: int, shapes: list[re.Pattern[str]]) -> bool:
    return any(shape.fullmatch(text, tokens.starts[k], tokens.ends[k]) for shape in shapes)


def _stands_for_noun(text: str, tokens: _Tokens, i: int, end: int) -> bool:
    """A count whose noun is left out because a larger count just named it: "the first 200" (of 2,000 troops),
    not "all other three resolutions" (a noun of its own), or a count opening a clause, followed by a pronoun
    or an auxiliary rather than a noun ("seven districts ... Four were retaken, and three are to be returned";
    "Quatre l'ont été", "Cuatro los retomó")."""
    if end < tokens.size and tuple(tokens.norms[end : end + 1]) in _PARTITIVES:
        return False  # "two of the sides": a partitive names its own set
    if i and tokens.norms[i - 1] in _PARTITIVE_HEADS and tokens.kinds[i - 1] == "word":
        return not _own_noun_follows(text, tokens, i - 1, end)
    opens_clause = i == 0 or tokens.norms[i - 1] in _LIST_SEPARATORS | _CLAUSE_PUNCTUATION
    return (
        opens_clause
        and end < tokens.size
        and (_is_elided_follower(tokens.norms[end]) or tokens.norms[end] in _OTHERS_AFTER)
    )


def _is_elided_follower(norm: str) -> bool:
    """A pronoun, an auxiliary or a plural past verb after a count whose noun is left out."""
    return norm in _ELIDED_FOLLOWERS or (len(norm) >= _MIN_VERB and norm.endswith(_ELIDED_FOLLOWER_ENDINGS))


def _elided_subject(text: str, tokens: _Tokens, i: int, end: int) -> _Subject | None:
    """The counted noun of a partitive without one: "the district of Aghdam, one of three", "l'ultimo dei
    tre", "uno de los tres", "один из трёх" count what the nearest counted noun before them names; not when
    a noun of their own follows, listed or not ("one of the two main highways")."""
    for length in (2, 1):
        head = i - length - 1
        if head >= 0 and tokens.norms[head] in _PARTITIVE_HEADS and tuple(tokens.norms[head + 1 : i]) in _PARTITIVES:
            if _own_noun_follows(text, tokens, head, end):
                return None  # "la deuxième des trois rétrocessions": a noun of its own
            for j in range(head - 1, -1, -1):  # not a short word: French "Il" is no Turkish "il" (province)
                if (
                    tokens.kinds[j] == "word"
                    and len(tokens.norms[j]) >= _MIN_ANTECEDENT
                    and (term := _singular_term(tokens.norms[j]))
                ):
                    return _Subject(term, j, j + 1)
            return None
    return None


def _own_noun_follows(text: str, tokens: _Tokens, head: int, end: int) -> bool:
    """Whether a noun, listed or not, follows the count ending at `end` after the partitive head at token
    `head`, in the languages of the head or of the number."""
    languages = _PARTITIVE_HEAD_LANGUAGES[tokens.norms[head]] | _NUMBER_LANGUAGES.get(tokens.norms[end - 1], set())
    return _plural_noun_after(text, tokens, end, [_PLURAL_NOUN[lang] for lang in languages & _PLURAL_NOUN.keys()])


@lru_cache(maxsize=10_000)
def _singular_term(word: str) -> _Term | None:
    """The counted-noun term a word names in the singular too: the lexicon lists the plurals that follow a
    number ("distritos", "distretti", "районов"), an antecedent is often singular ("distrito", "distretto")."""
    if (term := _SUBJECTS.get((word,))) is not None:
        return term
    if len(word) < 4:
        return None
    return next(
        (
            term
            for (plural, *rest), term in _SUBJECTS.items()
            if not rest and (plural.startswith(word) or plural[:-1] == word[:-1]) and len(plural) - len(word) <= 2
        ),
        None,
    )


class _Spans:
    """Excluded spans, answering "does [start, end) overlap any?" by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted((start, end) for start, end in spans if end > start)
        self._starts = [start for start, _ in ordered]
        self._max_ends = list(accumulate((end for _, end in ordered), max))

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)
        return before > 0 and self._max_ends[before - 1] > start


def find_figures(text: str, exclude: list[tuple[int, int]] = (), counted: Counted | None = None) -> list[FigureMention]:
    """Figures in `text` (a sentence), in order; spans overlapping any `exclude` span (date mentions found by
    another module) or an international phone number (+374 10 52 61 18) are skipped. `counted`: the last
    count of the sentence before (last_count), whose noun a bare count here may leave out."""
    if not _MAY_HOLD_FIGURE.search(text.lower()):
        return []
    phones = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    tokens, excluded = _Tokens(text), _Spans([*exclude, *phones])
    found: list[FigureMention] = []
    i = 0  # tokens before i are consumed
    for start in tokens.possible_starts():
        if start < i:
            continue
        mention, i = _mention_at(text, tokens, start, counted)
        if mention and not (
            excluded
            and (
                excluded.overlaps(mention.char_start, mention.char_end) or _is_paired_day(mention, tokens, i, excluded)
            )
        ):
            found.append(mention)
            counted = last_count([mention], counted)
    return _partitive_subjects(text, found)


def _partitive_subjects(text: str, found: list[FigureMention]) -> list[FigureMention]:
    """ "400 of the 1,960 soldiers", "400 de los 1.960 soldados": a count without a noun before a partitive and
    a count with one counts that noun; so does the first of a range, and one joined to it by a list word, perhaps after an adjective
    ("18 постоянных и 7 временных постов", "12 permanent and 4 temporary posts"), not past a noun of its own."""
    for k, (part, whole) in reversed(list(enumerate(zip(found, found[1:])))):
        words = text[part.char_end : whole.char_start].split()
        between = tuple(word.lower() for word in words)
        joined = (
            0 < len(between) <= _MAX_MODIFIERS + 1
            and between[-1] in _LIST_SEPARATORS
            and not any(map(_may_be_noun, words[:-1]))
        )
        ranged = len(between) == 1 and between[0] in _RANGE_WORDS  # "in 3 to 5 years", "de 3 a 5 años"
        if (
            part.subject is None
            and part.unit is None
            and whole.subject
            and (between in _PARTITIVES or joined or ranged)
        ):
            found[k] = part._replace(subject=whole.subject, subject_text=whole.subject_text, unit=whole.unit)
    return found


def _may_be_noun(word: str) -> bool:
    """A word between two counts that may be a noun of its own, listed or not ("34 гектаров и 12 километров",
    "3 Hektar und"), not an adjective ("12 permanent and 4 temporary posts")."""
    return not _is_adjective(word.lower()) and any(shape.fullmatch(word) for shape in _PLURAL_NOUN.values())


def last_count(mentions: list[FigureMention], default: Counted | None = None) -> Counted | None:
    """The last of `mentions` that counts a noun it names (not a time span, not a noun left out), else
    `default`."""
    return next(
        (Counted(m.subject, m.value) for m in reversed(mentions) if m.unit == "count" and m.subject and m.subject_text),
        default,
    )


def _is_paired_day(mention: FigureMention, tokens: _Tokens, after: int, excluded: _Spans) -> bool:
    """ "du 15 au 25 novembre", "с 15 на 25 ноября", "mardi 24 à mercredi 25 novembre": a bare day number
    shortly before a number that opens a date shares that date's month."""
    if mention.subject or mention.qualifier or mention.unit or mention.value > _MAX_DAY:
        return False
    return any(
        tokens.kinds[k] == "num" and excluded.overlaps(tokens.starts[k], tokens.ends[k])
        for k in range(after, min(after + _MAX_PAIR_GAP + 1, tokens.size))
    )
