import time
from datetime import date

import duckdb
import pytest

from orchestration.extraction.dates import DateMention, dates_a_decree, find_dates, weekday_names_in
from tests.conftest import build_warehouse, folder

PUBLISHED = date(2020, 11, 25)  # a Wednesday


def only(text: str, published: date | None = PUBLISHED, fallback_year: int | None = None) -> DateMention:
    mentions = find_dates(text, published, fallback_year)
    assert len(mentions) == 1, mentions
    return mentions[0]


def summary(mentions: list[DateMention]) -> list[tuple]:
    return [(m.text, m.value, m.precision, m.kind, m.anchor) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expression", "value", "anchor"),
    [
        ("The convoy left on November 25 at dawn.", "November 25", date(2020, 11, 25), "publication"),
        ("The convoy left on 25 November at dawn.", "25 November", date(2020, 11, 25), "publication"),
        ("Talks resumed Nov. 25 in the capital.", "Nov. 25", date(2020, 11, 25), "publication"),
        ("Talks resumed Nov 25 in the capital.", "Nov 25", date(2020, 11, 25), "publication"),
        ("Talks resumed on Nov.25 in the capital.", "Nov.25", date(2020, 11, 25), "publication"),
        ("Filed 25 Nov 2020, updated later.", "25 Nov 2020", date(2020, 11, 25), "explicit"),
        ("It was signed on November 25, 2020, by both sides.", "November 25, 2020", date(2020, 11, 25), "explicit"),
        ("Posted 25.11.2020 by the desk.", "25.11.2020", date(2020, 11, 25), "explicit"),
        ("Posted 2020-11-25 by the desk.", "2020-11-25", date(2020, 11, 25), "explicit"),
        ("Posted 2020.11.25 by the desk.", "2020.11.25", date(2020, 11, 25), "explicit"),
        ("Posted 2020/11/25 by the desk.", "2020/11/25", date(2020, 11, 25), "explicit"),
        ("The deal took effect on 20 November.", "20 November", date(2020, 11, 20), "publication"),
        ("The area must be vacated by December 1.", "December 1", date(2020, 12, 1), "publication"),
        ("The area must be vacated by 1 December 2020.", "1 December 2020", date(2020, 12, 1), "explicit"),
        ("Troops arrive before the 3rd of December.", "3rd of December", date(2020, 12, 3), "publication"),
        ("Rallies were held November 24-25 nationwide.", "November 24-25", date(2020, 11, 24), "publication"),
        ("The census of 1 March 1999 was later revised.", "1 March 1999", date(1999, 3, 1), "explicit"),
        # a day of "the month": the publication's month, in any language
        ("Units had to leave on the 3rd of the month.", "3rd of the month", date(2020, 11, 3), "publication"),
        ("Войска ушли до 21 числа.", "21 числа", date(2020, 11, 21), "publication"),
        ("Le retrait s'achève le 28 de ce mois.", "28 de ce mois", date(2020, 11, 28), "publication"),
    ],
)
def test_absolute_days(text, expression, value, anchor):
    mention = only(text)
    assert (mention.text, mention.value, mention.precision, mention.kind, mention.anchor) == (
        expression,
        value,
        "day",
        "absolute",
        anchor,
    )
    assert text[mention.char_start : mention.char_end] == expression
    assert mention.is_deadline_end is False


def test_weekday_before_a_date_is_part_of_that_date():
    text = "The order came on Monday, November 23, and again on Tuesday 24 November 2020."
    assert summary(find_dates(text, PUBLISHED, None)) == [
        ("Monday, November 23", date(2020, 11, 23), "day", "absolute", "publication"),
        ("Tuesday 24 November 2020", date(2020, 11, 24), "day", "absolute", "explicit"),
    ]


def test_date_glued_to_a_page_label_and_clock_time():
    text = "Release date25 Nov 2020 - 15:28\nItem Code : 483372"
    assert summary(find_dates(text, None, None)) == [("25 Nov 2020", date(2020, 11, 25), "day", "absolute", "explicit")]


@pytest.mark.parametrize(
    ("text", "expression", "value", "anchor"),
    [
        ("Fighting flared again in late September after a lull.", "late September", date(2020, 9, 1), "publication"),
        ("The offensive began in September 2020 and lasted weeks.", "September 2020", date(2020, 9, 1), "explicit"),
        ("Elections are planned in November.", "November", date(2020, 11, 1), "publication"),
        ("The harvest ends in mid-October.", "mid-October", date(2020, 10, 1), "publication"),
        ("Reports from Sept. 2019 disagree.", "Sept. 2019", date(2019, 9, 1), "explicit"),
        ("The vote was set for May.", "May", date(2020, 5, 1), "publication"),
        ("Schools reopened in early March.", "early March", date(2020, 3, 1), "publication"),
    ],
)
def test_month_precision(text, expression, value, anchor):
    mention = only(text)
    assert (mention.text, mention.value, mention.precision, mention.kind, mention.anchor) == (
        expression,
        value,
        "month",
        "absolute",
        anchor,
    )


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The front line has barely moved in 1994, a veteran recalled.", 1994),
        ("The region has been contested since 1992.", 1992),
        ("A short flare-up in 2016 changed little.", 2016),
        ("The clashes of mid-2016 were brief.", 2016),
        ("Both remember the 2020 war differently.", 2020),
        ("The country’s 2008 elections were disputed.", 2008),
    ],
)
def test_bare_years_in_year_context(text, year):
    mention = only(text)
    assert (mention.text, mention.value, mention.precision, mention.kind, mention.anchor) == (
        str(year),
        date(year, 1, 1),
        "year",
        "absolute",
        "explicit",
    )


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_year_range_gives_one_mention_per_year(dash):
    text = f"The war in 1992{dash}1994 displaced many."
    mentions = find_dates(text, PUBLISHED, None)
    assert [(m.text, m.value, m.precision) for m in mentions] == [
        ("1992", date(1992, 1, 1), "year"),
        ("1994", date(1994, 1, 1), "year"),
    ]
    assert [text[m.char_start : m.char_end] for m in mentions] == ["1992", "1994"]


def test_second_year_after_and_is_a_year():
    assert [m.text for m in find_dates("between 2019 and 2020", PUBLISHED, None)] == ["2019", "2020"]


@pytest.mark.parametrize(
    "text",
    [
        "Prices may be frozen until further notice.",
        "Protesters March to the square every evening.",
        "Theresa May spoke first.",
        "Churches of the 12th-13th century survived.",
        "The statement was issued at 15:28 local time.",
        "Story Code : 483372",
        "Some 1,960 peacekeepers and 30,000 residents moved.",
        "About 2 000 homes were damaged.",
        "The team scored 2016 points overall.",
        "Settlers arrived in 1850 and again in 2150.",
        "The figure was 20201 units.",
        "Prices in the 1990s were lower.",
        "Shipments in Nov were delayed.",
        "He met wednesday with the envoy.",
        "The range 2020-2019 is reversed.",
        "A vote on 31 February is impossible.",
        "Version 2020.11.25.4 of the app.",
        "Mixed 2020-11.25 separators.",
    ],
)
def test_not_dates(text):
    assert find_dates(text, PUBLISHED, None) == []


@pytest.mark.parametrize(
    ("published", "text", "value"),
    [
        (date(2021, 1, 10), "The lines held on December 20.", date(2020, 12, 20)),
        (date(2020, 12, 20), "Talks resume on January 5.", date(2021, 1, 5)),
        (date(2021, 3, 1), "Talks resume on June 29.", date(2021, 6, 29)),  # exactly 120 days ahead
        (date(2021, 3, 1), "Talks resumed on June 30.", date(2020, 6, 30)),  # 121 days ahead
        (date(2021, 1, 12), "The town fell on 4 October.", date(2020, 10, 4)),
        (date(2021, 1, 10), "The vote was in November.", date(2020, 11, 1)),
        (date(2021, 4, 1), "The vote is in July.", date(2021, 7, 1)),
    ],
)
def test_year_inferred_from_publication_looks_back_past_four_months(published, text, value):
    mention = only(text, published)
    assert (mention.value, mention.anchor) == (value, "publication")


def test_year_from_fallback_when_no_publication_date():
    mention = only("It closed on 20 November.", None, 2020)
    assert (mention.value, mention.anchor) == (date(2020, 11, 20), "corpus")


def test_year_unresolved_without_publication_date_or_fallback():
    mention = only("It closed on 20 November.", None, None)
    assert (mention.text, mention.value, mention.anchor) == ("20 November", None, "unresolved")


def test_explicit_year_needs_no_context():
    mention = only("It closed on 20 November 2019.", None, None)
    assert (mention.value, mention.anchor) == (date(2019, 11, 20), "explicit")


def test_february_29_outside_a_leap_year_is_unresolved():
    mention = only("A protest on February 29 drew crowds.", date(2021, 3, 5))
    assert (mention.value, mention.anchor) == (None, "unresolved")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The ministry said on Wednesday that units moved.", "Wednesday", date(2020, 11, 25)),
        ("Wednesday brought more rain.", "Wednesday", date(2020, 11, 25)),
        ("Columns formed on Tuesday near the pass.", "Tuesday", date(2020, 11, 24)),
        ("Ahead of Friday’s deadline, villagers packed.", "Friday", date(2020, 11, 20)),
        ("Ahead of Friday's deadline, villagers packed.", "Friday", date(2020, 11, 20)),
        ("Aid arrived on Thursday.", "Thursday", date(2020, 11, 19)),
        ("Aid arrived last Wednesday.", "last Wednesday", date(2020, 11, 18)),
        ("Aid arrives next Monday.", "next Monday", date(2020, 11, 30)),
    ],
)
def test_weekdays_resolve_on_or_before_publication(text, expression, value):
    mention = only(text)
    assert (mention.text, mention.value, mention.precision, mention.kind, mention.anchor) == (
        expression,
        value,
        "day",
        "weekday",
        "publication",
    )


def test_weekday_unresolved_without_publication_date():
    mention = only("Aid arrived on Thursday.", None, 2020)
    assert (mention.value, mention.anchor, mention.kind) == (None, "unresolved", "weekday")


@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        ("Officials confirmed today that the road is open.", "today", date(2020, 11, 25), "day"),
        ("Yesterday the border was quiet.", "Yesterday", date(2020, 11, 24), "day"),
        ("The road opens tomorrow.", "tomorrow", date(2020, 11, 26), "day"),
        ("The road closed two weeks ago.", "two weeks ago", date(2020, 11, 11), "week"),
        ("The road closed 2 weeks ago.", "2 weeks ago", date(2020, 11, 11), "week"),
        ("The road closed three days ago.", "three days ago", date(2020, 11, 22), "day"),
        ("The road closed a month ago.", "a month ago", date(2020, 10, 1), "month"),
        ("Families left 27 years ago.", "27 years ago", date(1993, 1, 1), "year"),
        # years ago in other languages: the year so many before the article's
        ("Die Familien flohen vor 27 Jahren.", "vor 27 Jahren", date(1993, 1, 1), "year"),
        ("Семьи бежали 27 лет назад.", "27 лет назад", date(1993, 1, 1), "year"),
        ("Aileler 27 yıl önce kaçtı.", "27 yıl önce", date(1993, 1, 1), "year"),
        ("Les familles ont fui il y a 27 ans.", "il y a 27 ans", date(1993, 1, 1), "year"),
        ("Las familias huyeron hace 27 años.", "hace 27 años", date(1993, 1, 1), "year"),
        ("Le famiglie fuggirono 27 anni fa.", "27 anni fa", date(1993, 1, 1), "year"),
        # beside a word for the article's own day, the year is that day of it
        ("Two years ago today the bridge reopened.", "Two years ago", date(2018, 11, 25), "day"),
        ("Heute vor zwei Jahren öffnete die Brücke.", "vor zwei Jahren", date(2018, 11, 25), "day"),
        ("Ровно два года назад мост открылся.", "два года назад", date(2018, 11, 25), "day"),
        ("Tam iki yıl önce köprü açıldı.", "iki yıl önce", date(2018, 11, 25), "day"),
        ("Il y a deux ans jour pour jour, le pont rouvrait.", "Il y a deux ans", date(2018, 11, 25), "day"),
        ("Due anni fa, in questo giorno, il ponte riaprì.", "Due anni fa", date(2018, 11, 25), "day"),
        ("The envoy visited last week.", "last week", date(2020, 11, 16), "week"),
        ("The envoy visits this week.", "this week", date(2020, 11, 23), "week"),
        ("The envoy visited earlier this week.", "earlier this week", date(2020, 11, 23), "week"),
        ("The envoy visited last month.", "last month", date(2020, 10, 1), "month"),
        ("The envoy visits this month.", "this month", date(2020, 11, 1), "month"),
        ("The envoy visited earlier this month.", "earlier this month", date(2020, 11, 1), "month"),
        ("Last year the harvest failed.", "Last year", date(2019, 1, 1), "year"),
    ],
)
def test_relative_expressions(text, expression, value, precision):
    mention = only(text)
    assert (mention.text, mention.value, mention.precision, mention.kind, mention.anchor) == (
        expression,
        value,
        precision,
        "relative",
        "publication",
    )
    assert mention.is_deadline_end is False


def test_a_year_beside_this_day_and_a_count_beside_its_day():
    """ "On this day in 2018" is the article's day in 2018; "today" far from a year stays the article's own day;
    a count of days with the day set beside it is that day."""
    assert summary(find_dates("On this day in 2018, the bridge reopened.", PUBLISHED, None)) == [
        ("2018", date(2018, 11, 25), "day", "absolute", "explicit")
    ]
    assert [m.value for m in find_dates("Today the bridge, rebuilt in 2018, is busy.", PUBLISHED, None)] == [
        PUBLISHED,
        date(2018, 1, 1),
    ]
    apposed = "The east bank opened on 3 November 2020 and the west bank a week later, on 11 November 2020."
    assert [m.text for m in find_dates(apposed, PUBLISHED, None)] == ["3 November 2020", "11 November 2020"]
    counted = "The east bank opened on 3 November 2020 and the west bank a week later."
    assert [m.value for m in find_dates(counted, PUBLISHED, None)] == [date(2020, 11, 3), date(2020, 11, 10)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The east bank opened on 14 November; eleven days earlier, the west bank.",
        "Am 14. November das Ostufer, elf Tage zuvor das Westufer.",
        "Il 14 novembre la riva est; undici giorni prima, la riva ovest.",
        "El 14 de noviembre la orilla este; once días antes, la oeste.",
        "Le 14 novembre la rive est, onze jours plus tôt la rive ouest.",
    ],
)
def test_days_earlier_count_back_from_the_day_named(sentence):
    """Counts of days before a day named, in any language, with the number words of number_words.csv."""
    assert [m.value for m in find_dates(sentence, PUBLISHED, None)] == [date(2020, 11, 14), date(2020, 11, 3)]


def test_a_german_count_of_years_gone_by_is_an_anniversary():
    """ "Seit der Eröffnung sind 2 Jahre vergangen": the day two years before the article, no count of years."""
    assert [m.value for m in find_dates("Seit der Eröffnung sind 2 Jahre vergangen.", PUBLISHED, None)] == [
        date(2018, 11, 25)
    ]


def test_a_german_count_of_years_gone_by_since_an_event_is_an_anniversary():
    """ "3 Jahre sind seit der Eröffnung der Brücke vergangen": the verb comes last, the count first."""
    found = find_dates("3 Jahre sind seit der Eröffnung der Brücke vergangen.", PUBLISHED, None)
    assert [(m.value, m.precision) for m in found] == [(date(2017, 11, 25), "day")]


@pytest.mark.parametrize(
    "text", ["Il y a presque trois ans, le pont a rouvert.", "Hace exactamente tres años se reabrió el puente."]
)
def test_a_word_between_ago_and_its_count_keeps_the_date(text):
    (found,) = find_dates(text, PUBLISHED, None)
    assert found.value.year == PUBLISHED.year - 3


def test_a_decree_date_is_no_year_the_article_tells():
    decree, told = (
        "By a decree signed on 2 March 2023, Bridge Day falls on 25 November.",
        "The statement signed on 10 November 2020 set the date.",
    )
    assert [dates_a_decree(decree, m) for m in find_dates(decree, PUBLISHED, None)] == [True, True]
    assert [dates_a_decree(told, m) for m in find_dates(told, PUBLISHED, None)] == [False]


def test_a_german_anniversary_counts_times_only_after_its_verb():
    """ "jährt sich zum zweiten Mal" is two years before the article; "zum zweiten Mal" alone is the second time."""
    assert [m.value for m in find_dates("Die Eröffnung jährt sich zum zweiten Mal.", PUBLISHED, None)] == [
        date(2018, 11, 25)
    ]
    assert find_dates("Der Minister kam zum zweiten Mal.", PUBLISHED, None) == []


def test_last_month_crosses_the_year():
    assert only("It happened last month.", date(2021, 1, 15)).value == date(2020, 12, 1)


@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        ("Units withdraw by the end of the month.", "by the end of the month", date(2020, 11, 30), "month"),
        ("Units withdraw by the end of the week.", "by the end of the week", date(2020, 11, 29), "week"),
        ("Units withdraw by the end of next month.", "by the end of next month", date(2020, 12, 31), "month"),
        ("Units withdrew at the end of last year.", "the end of last year", date(2019, 12, 31), "year"),
    ],
)
def test_end_of_period_is_a_deadline_on_its_last_day(text, expression, value, precision):
    mention = only(text)
    assert (mention.text, mention.value, mention.precision, mention.is_deadline_end) == (
        expression,
        value,
        precision,
        True,
    )


@pytest.mark.parametrize("text", ["The road closed two weeks ago.", "Units withdraw by the end of the month.", "today"])
def test_relative_unresolved_without_publication_date(text):
    mention = only(text, None, 2020)
    assert (mention.value, mention.anchor) == (None, "unresolved")


@pytest.mark.parametrize(
    "text",
    [
        "Shelling continued over the past few days.",
        "Shelling intensified in recent weeks.",
        "Shelling continued over the last year.",
        "Shelling stopped a few days ago.",
        "He writes for USA Today and others.",
    ],
)
def test_vague_spans_and_names_are_not_dates(text):
    assert find_dates(text, PUBLISHED, None) == []


def test_text_order_and_exact_offsets_with_typographic_characters():
    text = (
        "“Şuşa’s residents — and Ağdam’s — left on 20 November,” said Müller – adding that "
        "since 1992 the town had changed, and that on Friday’s call (25.11.2020) nothing was decided "
        "two weeks ago."
    )
    mentions = find_dates(text, PUBLISHED, None)
    assert [m.text for m in mentions] == ["20 November", "1992", "Friday", "25.11.2020", "two weeks ago"]
    for mention in mentions:
        assert text[mention.char_start : mention.char_end] == mention.text
    ends = [m.char_end for m in mentions]
    starts = [m.char_start for m in mentions]
    assert all(end <= start for end, start in zip(ends, starts[1:]))


def test_mentions_are_immutable():
    mention = only("on 20 November")
    with pytest.raises(AttributeError):
        mention.value = None


def test_weekday_names_in():
    text = "Talks on Monday failed; by Friday, and again on Monday, nothing. a tuesday in lower case."
    assert weekday_names_in(text) == {0, 4}


def test_megabyte_of_noise_is_scanned_quickly():
    text = "a b 1 " * (1_000_000 // 6)
    started = time.perf_counter()
    assert find_dates(text, PUBLISHED, None) == []
    assert time.perf_counter() - started < 3.0


def test_many_dates_in_one_long_line_are_all_found():
    text = "from 2019 to 2020 on 20 November; " * 20_000
    started = time.perf_counter()
    mentions = find_dates(text, PUBLISHED, None)
    assert time.perf_counter() - started < 5.0
    assert len(mentions) == 60_000


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die Truppen rückten am 20. November ein.", "20. November", date(2020, 11, 20)),
        ("Der Bezirk muss bis zum 1. Dezember geräumt sein.", "1. Dezember", date(2020, 12, 1)),
        ("Войска вошли в район 25 ноября.", "25 ноября", date(2020, 11, 25)),
        ("Район должен быть передан до 1-го декабря.", "1-го декабря", date(2020, 12, 1)),
        ("Ordu 20 Kasım'da şehre girdi.", "20 Kasım'da", date(2020, 11, 20)),
        ("La région sera rendue le 1er décembre.", "1er décembre", date(2020, 12, 1)),
        ("Las tropas entraron el 25 de noviembre de 2020.", "25 de noviembre de 2020", date(2020, 11, 25)),
        ("Il distretto sarà consegnato il 20 novembre.", "20 novembre", date(2020, 11, 20)),
    ],
)
def test_days_in_other_languages(text, expression, value):
    found = only(text)
    assert (found.text, found.value) == (expression, value)


def test_weekdays_in_other_languages_resolve_against_publication():
    assert only("Les soldats sont arrivés vendredi.").value == date(2020, 11, 20)
    assert only("Войска вошли в пятницу.").value == date(2020, 11, 20)


def test_a_month_of_another_language_needs_a_day():
    assert find_dates("Le mai dernier, la ville a changé.", PUBLISHED, None) == []


def test_an_undated_articles_year_is_its_own_unless_it_only_recalls_history():
    from orchestration.assets.extraction import newest_written_day

    recent = [find_dates("The deal of 10 November 2020 was signed.", None, None)]
    history = [find_dates("The town was occupied on 18 May 1992.", None, None)]
    assert newest_written_day(recent, 2024) == date(2020, 11, 10)  # one misdated page moves no other article
    assert newest_written_day(history, 2020) is None  # the corpus year then
    assert newest_written_day(history, None) == date(1992, 5, 18)
    assert newest_written_day([[]], 2020) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # more than 120 days after the newest day the article writes out in full: the year before, as for a
        # publication date
        ("The talks broke down on 4 October.", date(2020, 10, 4)),
        ("The talks broke down in October.", date(2020, 10, 1)),
        ("Die Gespräche scheiterten am 4. Oktober.", date(2020, 10, 4)),
        ("Переговоры сорвались 4 октября.", date(2020, 10, 4)),
        ("Las negociaciones fracasaron el 4 de octubre.", date(2020, 10, 4)),
        # within 120 days of it: its year
        ("The talks resume on 3 March.", date(2021, 3, 3)),
        # the day the article calls today is its own, whatever it writes out
        ("Today, 4 October, the bridge reopens.", date(2021, 10, 4)),
        ("Сегодня, 4 октября, мост открывается.", date(2021, 10, 4)),
    ],
)
def test_an_undated_articles_day_far_after_its_newest_full_date_takes_the_year_before(text, value):
    found = find_dates(text, None, 2021, newest_written=date(2021, 1, 11))
    assert [(m.value, m.anchor) for m in found] == [(value, "corpus")]


@pytest.mark.parametrize(
    "text",
    [
        "Lachin was returned on 2 March and Zangilan three days later.",
        "Latschin wurde am 2. März übergeben, Zangilan drei Tage später.",
        "Lachin fue devuelto el 2 de marzo y Zangilan tres días después.",
        "Laçın 2 Mart'ta, Zengilan 3 gün sonra teslim edildi.",
    ],
)
def test_days_later_count_from_the_day_named_before(text):
    found = find_dates(text, date(2021, 3, 10), 2021)
    assert [m.value for m in found] == [date(2021, 3, 2), date(2021, 3, 5)]
    assert found[1].kind == "relative" and found[1].precision == "day"


def test_days_later_without_a_day_before_dates_nothing():
    assert find_dates("Three days later the convoy left.", date(2021, 3, 10), 2021) == []


def test_a_bare_day_takes_the_month_named_before_it():
    found = find_dates("La entrega, prevista para el 3 de marzo, se extendió hasta el día 9.", date(2021, 3, 10), 2021)
    assert [(m.text, m.value) for m in found] == [("3 de marzo", date(2021, 3, 3)), ("el día 9", date(2021, 3, 9))]
    assert [m.value for m in find_dates("Llegaron el día 9 de marzo.", date(2021, 3, 10), 2021)] == [date(2021, 3, 9)]
    assert find_dates("El día 9 llegaron.", date(2021, 3, 10), 2021) == []


def test_a_four_digit_number_before_a_counted_noun_is_a_count_not_a_year():
    """The figure rule (annotation guide): "a brigade of 1960 soldiers" counts; "in 1960 soldiers ..." and
    "the 2020 truce" (a year word after it) are years."""
    assert find_dates("A brigade of 1960 soldiers crossed the bridge.", PUBLISHED, None) == []
    assert [m.text for m in find_dates("In 1960 soldiers crossed the bridge.", PUBLISHED, None)] == ["1960"]
    assert [m.text for m in find_dates("It broke the 2020 truce.", PUBLISHED, None)] == ["2020"]


def test_a_german_weekday_with_its_part_of_the_day_is_that_weekday():
    mention = only("Die Gespräche begannen am Dienstagabend.")
    assert (mention.text, mention.value, mention.kind) == ("Dienstagabend", date(2020, 11, 24), "weekday")


@pytest.mark.parametrize(
    ("text", "written", "day"),
    [
        ("El viernes 27 de noviembre es la fecha acordada.", "viernes 27 de noviembre", date(2020, 11, 27)),
        ("Во вторник, 24 ноября, войска вошли в район.", "вторник, 24 ноября", date(2020, 11, 24)),
        ("Les soldats sont entrés mardi 24 novembre dans le district.", "mardi 24 novembre", date(2020, 11, 24)),
        ("Am Dienstag, 24. November, zogen die Truppen ein.", "Dienstag, 24. November", date(2020, 11, 24)),
    ],
)
def test_a_weekday_in_apposition_to_a_date_is_that_date(text, written, day):
    """The weekday and its date are one expression: the weekday alone would resolve to another day."""
    mention = only(text)
    assert (mention.text, mention.value, mention.kind) == (written, day, "absolute")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Двадцать шестого ноября войска вошли в район.", date(2020, 11, 26)),
        ("Третьего декабря всё закончилось.", date(2020, 12, 3)),
        ("Armenien gibt den Bezirk bis 16.11. zurück.", date(2020, 11, 16)),
    ],
)
def test_ordinal_day_words_and_german_day_month_without_year(text, day):
    mention = only(text)
    assert (mention.value, mention.precision) == (day, "day")


def test_a_year_glued_to_the_comma_after_the_day():
    mention = only("Posted November 24,2020 by the desk.")
    assert (mention.text, mention.value) == ("November 24,2020", date(2020, 11, 24))
    assert find_dates("Some 24,000 people fled.", PUBLISHED, None) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Les soldats sont partis il y a cinq jours.", date(2020, 11, 20)),
        ("Los soldados se fueron hace cinco días.", date(2020, 11, 20)),
        ("I soldati sono partiti cinque giorni fa.", date(2020, 11, 20)),
        ("Die Soldaten gingen vor fünf Tagen.", date(2020, 11, 20)),
        ("Солдаты ушли пять дней назад.", date(2020, 11, 20)),
        ("Askerler beş gün önce ayrıldı.", date(2020, 11, 20)),
        ("Los soldados se fueron hace casi cinco días.", date(2020, 11, 20)),
        ("Die Soldaten gingen vor genau fünf Tagen.", date(2020, 11, 20)),
    ],
)
def test_days_ago_in_every_language(text, day):
    mention = only(text)
    assert (mention.value, mention.kind) == (day, "relative")


@pytest.mark.parametrize(
    "text",
    [
        "Ils sont entrés dans la nuit du 24 au 25 novembre.",
        "Sono entrati nella notte tra il 24 e il 25 novembre.",
        "Вошли в ночь с 24 на 25 ноября.",
        "Ils sont entrés dans la nuit du 24 novembre au 25 novembre.",
    ],
)
def test_a_night_across_two_days_is_dated_by_the_later_day(text):
    assert only(text).value == date(2020, 11, 25)


def test_a_span_later_opening_a_sentence_counts_from_the_day_the_sentence_before_named():
    before = only("Troops entered Agdam on 20 November.")
    for text in ("Five days later, they entered Kalbajar.", "Спустя пять дней они вошли в Кельбаджар."):
        assert [(m.value, m.kind) for m in find_dates(text, PUBLISHED, None, before)] == [
            (date(2020, 11, 25), "relative")
        ]
        assert find_dates(text, PUBLISHED, None) == []  # with no day before it, a span dates nothing


def handover_events(tmp_path, monkeypatch, files: dict[str, str], district: str) -> list[tuple[str, str, str]]:
    """(district, event_type, event_date) of `district` in a warehouse built from `files` (name -> text)."""
    warehouse = build_warehouse(monkeypatch, folder(tmp_path, files), tmp_path / "news.duckdb")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(
            "select district, event_type, event_date::varchar from marts.handover_events where district = ?",
            [district],
        ).fetchall()


def test_an_undated_article_takes_the_year_the_corpus_writes_its_dates_in(tmp_path, monkeypatch):
    """One look-back report dated 2022 must not move an undated 2020 report's deadlines to 2022: the full dates
    the corpus writes ("on 20 November 2020") give the year, though its only publication year is 2022."""
    files = {
        "look_back.txt": "Regional News\n\nTwo years on\n\n25 November 2022\n\n"
        "Armenian forces left Agdam on 20 November 2020 and Kalbajar on 25 November 2020.\n",
        "undated.txt": "World\n\nDeadlines set\n\nArmenia must hand over Lachin by 1 December.\n",
    }
    assert handover_events(tmp_path, monkeypatch, files, "Lachin") == [("Lachin", "scheduled", "2020-12-01")]


@pytest.mark.parametrize(
    "text",
    [
        "Two years have passed since the district was freed.",
        "Cela fait aujourd'hui deux ans que la région a été libérée.",
        "Исполнилось два года со дня освобождения района.",
        "Se cumplen dos años de la liberación del distrito.",
        "Bölgenin kurtuluşunun üzerinden iki yıl geçti.",
        "Zwei Jahre sind vergangen, seit der Bezirk befreit wurde.",
        "The town marks the second anniversary of its return.",
        "Deux ans se sont écoulés depuis la libération du district.",
        "Due anni sono trascorsi dalla liberazione del distretto.",
        "Сегодня отмечается вторая годовщина освобождения района.",
        "Bölgenin kurtuluşunun ikinci yıl dönümü kutlanıyor.",
    ],
)
def test_an_anniversary_dates_its_day_so_many_years_before_the_article(text):
    found = find_dates(text, date(2022, 11, 25), None)[-1]  # after "Сегодня", today
    assert (found.value, found.precision, found.anchor) == (date(2020, 11, 25), "day", "publication")


def test_a_day_without_its_year_takes_the_year_the_article_is_telling():
    from orchestration.assets.extraction import in_told_year

    (deadline,) = find_dates("Armenia was to return it by 15 November.", date(2022, 11, 25), None)
    assert in_told_year(deadline, 2020).value == date(2020, 11, 15)  # after "on 9 November 2020" in a 2022 report
    assert in_told_year(deadline, 1992).value == date(2022, 11, 15)  # history ("18 May 1992") keeps the year
    assert in_told_year(deadline, None).value == date(2022, 11, 15)


def test_a_date_line_without_its_year_dates_no_day_of_the_text(tmp_path, monkeypatch):
    """ "24 Мая" heads a page of a later year: read in the corpus year (2020) it would put "до 20 ноября" (past
    tense) in November 2019. Its year is a guess, so the text's days take the year the corpus writes in."""
    files = {
        "dated.txt": "Новости\n\nСроки\n\n10 ноября 2020\n\nАрмения должна до 1 декабря 2020 года передать Лачинский район.\n",
        "later.txt": "24 Мая\n\nНазначен представитель\n\nАгдамский район был возвращен Азербайджану до 20 ноября.\n",
    }
    assert [day for *_, day in handover_events(tmp_path, monkeypatch, files, "Agdam")] == ["2020-11-20"]


@pytest.mark.parametrize(
    ("text", "published", "fallback_year", "expected"),
    [
        # the day the anniversary falls on, named beside it: the event is that day so many years before
        ("Today, March 3, marks four years since the bridge was reopened.", date(2025, 3, 3), None, date(2021, 3, 3)),
        ("Сегодня, 3 марта, исполнилось четыре года со дня открытия моста.", date(2025, 3, 3), None, date(2021, 3, 3)),
        # the article's own day, further off in its sentence
        (
            "March 3 is Bridge Day, which marks four years since the bridge was reopened.",
            date(2025, 3, 3),
            None,
            date(2021, 3, 3),
        ),
        # the year the phrase gives the event outranks the article's (a page's date may be wrong or missing)
        (
            "The valley marks on 14 June the second anniversary of the 2019 reopening of the pass.",
            date(2022, 2, 10),
            None,
            date(2019, 6, 14),
        ),
        ("Today, 14 June, is the first anniversary of the 2019 reopening of the pass.", None, 2019, date(2019, 6, 14)),
        (
            "Today, 14 June, is the first anniversary of the 2019 reopening of the pass.",
            date(2021, 6, 14),
            None,
            date(2019, 6, 14),
        ),
    ],
)
def test_an_anniversary_falls_on_the_day_and_counts_from_the_year_its_sentence_states(
    text, published, fallback_year, expected
):
    """The day is the anniversary's, not a date of the sentence's own: both name the event's day."""
    found = [m for m in find_dates(text, published, fallback_year) if m.text not in ("Today", "Сегодня")]
    assert [(m.value, m.precision) for m in found] == [(expected, "day"), (expected, "day")]


def test_a_day_of_another_clause_is_not_the_anniversarys():
    text = "On 10 March the plan was signed, and two years have passed since the dam opened."
    assert summary(find_dates(text, date(2023, 3, 25), None)) == [
        ("10 March", date(2023, 3, 10), "day", "absolute", "publication"),
        ("two years have passed since", date(2021, 3, 25), "day", "relative", "publication"),
    ]


@pytest.mark.parametrize(
    "text",
    ["Quattro anni sono passati e il ponte è di nuovo aperto.", "Cuatro años se cumplen de la apertura del puente."],
)
def test_an_anniversary_with_its_count_first(text):
    (found,) = find_dates(text, date(2025, 3, 3), None)
    assert (found.value, found.precision) == (date(2021, 3, 3), "day")


@pytest.mark.parametrize(
    ("text", "written", "value", "precision"),
    [
        ("A finales de marzo de 2019 cerró el puente.", "marzo de 2019", date(2019, 3, 1), "month"),
        ("En mars 2019, le pont a fermé.", "mars 2019", date(2019, 3, 1), "month"),
        ("Nel marzo 2019 il ponte chiuse.", "marzo 2019", date(2019, 3, 1), "month"),
        ("Köprü 14 KASIM 2019 tarihinde kapandı.", "14 KASIM 2019", date(2019, 11, 14), "day"),
    ],
)
def test_other_languages_months_with_their_year(text, written, value, precision):
    (found,) = find_dates(text, PUBLISHED, None)
    assert (found.text, found.value, found.precision) == (written, value, precision)
