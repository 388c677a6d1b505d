"""Header lines as scraped pages print them, written for these tests (not taken from any page)."""

from datetime import date

import pytest

from orchestration.article_parsing import parse_article
from orchestration.header_dates import (
    PUBLISH_LINE,
    dateline,
    dateline_line,
    header_date,
    headline_date,
    only_a_date,
    publish_statement,
    teaser_date,
)

MARCH_3 = date(2021, 3, 3)


@pytest.mark.parametrize(
    "line",
    [
        "3 March 2021    Read: 532",
        "3. März 2021    Gelesen: 87",
        "Mittwoch, 3. März 2021",
        "• March 03 2021 10:15:20",
        "Mar 3, 2021, 06:20PM ISTSource: Reuters",
        "3 марта 2021 г., 12:30 | 1 204 просмотров",
        "3 Mart 2021 ( 12 izlenme )",
        "3 Mart 2021 saat 14:03",
        "03-03-2021 09:12",
        "Publié le 03/03/2021 à 14h30",
        "3 de marzo de 2021, 12:30 hrs",
        "3 marzo 2021 alle ore 12:30",
        "Published 3 March 2021, updated 5 March 2021",
        "Published 01:34 IST, March 3rd 2021",
        "Mar. 3, 2021 11:48 AM ET",
        "Posted: March 3, 2021 at 2:35 pm | 0 comments",
        "3 March 2021 | 5 min read",
        "Last updated on 3rd March 2021 at 14:35",
        "Actualizado 3 mar. 2021 14:35 h",
        "03.03.21 14:35",  # a two-digit year, read before its clock time
    ],
)
def test_a_header_line_gives_its_date(line):
    assert only_a_date(line, None) == MARCH_3


@pytest.mark.parametrize(
    "line",
    [
        "Ekonomi | DHA | 03.03.2021 - 11:42:05",
        "РИА – 3 марта 2021",
        "Jane Doe, 03.03.2021 14:35",
        "GİRİŞ 03.03.2021 22:10 GÜNCELLEME 04.03.2021 08:05 EKONOMİ",
        "Экономика Новости 3 марта 2021 14:35 (UTC +04:00)",
    ],
)
def test_a_source_or_section_beside_the_date_only_above_the_first_paragraph(line):
    """Lower down, such lines are lists and tables ("Agdam – 20 November", "Agdam | 20 November 2020")."""
    assert only_a_date(line, None, header_zone=True) == MARCH_3
    assert only_a_date(line, None) is None


@pytest.mark.parametrize(
    "line",
    [
        "The dam was opened on 3 March 2021.",
        "Am 3. März 2021 wurde der Damm eröffnet",
        "Nachrichten 03.03.2021, 21:00",  # a programme named with its date: not the page's date
        "3 March 2021 and 5 March 2021",  # two dates without publish labels: a span, not a header
        "Dam opens | 3 March 2021 | the river rises again today",
        "3 March",  # no year: unresolved without a fallback year
        "03.03.21",  # a two-digit year without a clock time: a version or a score as much as a date
    ],
)
def test_a_date_in_a_sentence_or_beside_words_is_not_a_header(line):
    assert only_a_date(line, None) is None


@pytest.mark.parametrize(
    "line",
    [
        "Bu haber 3 Mart 2021 - 09:12 'de eklendi.",
        '"Baraj açıldı" haberi, 3 Mart 2021 tarihinde yazılmıştır. 4 Mart 2021 tarihinde de güncellenmiştir.',
    ],
)
def test_a_publish_statement_gives_its_date(line):
    assert publish_statement(line, None) == MARCH_3


def test_a_date_without_a_publish_suffix_is_no_statement():
    assert publish_statement("Baraj 3 Mart 2021 tarihinde açıldı.", None) is None
    assert publish_statement("The 2021 edition of the festival opened.", 2021) is None


def test_a_print_edition_line_gives_its_date():
    assert publish_statement("From the March 3rd 2021 edition", None) == MARCH_3


def test_section_names_need_the_dates_clock_time():
    """ "Dam Opening 3 March 2021" may be a headline's words; a headline carries no clock time."""
    assert only_a_date("Dam Opening 3 March 2021", None, header_zone=True) is None


@pytest.mark.parametrize(
    "paragraph, wire",
    [
        ("KYIV, March 3 (River Wire) - The dam opened.", "River Wire"),
        ("KYIV, March 3. /RW/. The dam opened.", "RW"),
        ("March 3, 2021 - The dam opened on time.", None),
        ('3 de marzo de 2021"La presa se abrió", dijo el ministro.', None),
    ],
)
def test_a_dateline_opens_a_paragraph(paragraph, wire):
    assert dateline(paragraph, 2021) == (MARCH_3, wire)


@pytest.mark.parametrize(
    "paragraph",
    [
        "March 3 - The dam opened.",  # a date first needs its year
        "March 3, 2021, the dam opened.",
        "On March 3, 2021 - a Wednesday - the dam opened.",
        "3 Mart 2021'de baraj açıldı.",
    ],
)
def test_a_date_in_the_first_sentence_is_no_dateline(paragraph):
    assert dateline(paragraph, 2021) == (None, None)


@pytest.mark.parametrize(
    ("line", "day", "wire"),
    [
        ("МОСКВА, 7 декабря. /ТАСС/. Войска вошли в район.", date(2020, 12, 7), "ТАСС"),
        ("ЛАЧИН, 30 ноя - Кавказ Инфо. Войска вошли.", date(2020, 11, 30), None),
    ],
)
def test_russian_wire_datelines(line, day, wire):
    assert dateline(line, 2020) == (day, wire)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Berlin, 20. November, dpa.", (date(2020, 11, 20), "dpa")),
        ("Paris, 3 décembre 2020 - agence France-Presse", (date(2020, 12, 3), "agence France-Presse")),
        # a first sentence with a date between commas goes on in lower case: no wire
        ("Два года назад, 25 ноября 2020 года, колонна вошла в долину.", None),
        ("Two winters ago, on 3 March 2021, the dam was opened to traffic.", None),
    ],
)
def test_a_dateline_line_ends_with_a_wire_not_a_clause(line, expected):
    assert dateline_line(line, 2020) == expected


@pytest.mark.parametrize(
    ("line", "day", "wire"),
    [
        ("Ganja (Azerbaijan), Nov. 24 (PTI/AP): Troops moved in.", date(2020, 11, 24), "PTI/AP"),
        ("Lachin, Azerbaijan, Nov 29 (AFP):Residents left.", date(2020, 11, 29), "AFP"),
    ],
)
def test_wire_datelines_with_a_country_and_a_colon(line, day, wire):
    assert dateline(line, 2020) == (day, wire)


def test_an_empty_byline_label_before_the_date_is_header_noise():
    assert only_a_date("by | Wed, Mar 3 2021", None, header_zone=True) == MARCH_3


@pytest.mark.parametrize(
    "label, rest", [("Aus: Ausgabe vom", "03.03.2021, Seite 4 / Kultur"), ("Édition du", "3 mars 2021, page 2")]
)
def test_a_print_issue_line_gives_its_date(label, rest):
    assert PUBLISH_LINE.match(f"{label} {rest}")
    assert only_a_date(rest, None, header_zone=True) == MARCH_3


def test_a_yearless_header_date_needs_the_weekday_it_has_in_the_assumed_year():
    assert only_a_date("среда, 3 марта", 2021, header_zone=True) == MARCH_3
    assert only_a_date("пятница, 3 марта", 2021, header_zone=True) is None


def test_a_place_and_a_date_in_parentheses_open_a_paragraph():
    assert dateline("(Torino 3 marzo 2021). La diga è stata aperta.", 2021) == (MARCH_3, None)
    assert dateline("(Torino 3 marzo). La diga è stata aperta.", 2021) == (None, None)  # its year must be written


def test_a_date_line_followed_by_lower_case_topic_tags_above_the_first_paragraph():
    line = "Wednesday, 3 March 2021    river basins   dams   water policy"
    assert only_a_date(line, None, header_zone=True) == MARCH_3
    assert only_a_date(line, None) is None
    assert only_a_date("3 March 2021    The dam opened   at dawn", None, header_zone=True) is None


def test_a_publish_line_with_a_one_word_user_handle_outranks_a_bare_date_below():
    assert header_date("March 3, 2021 by riverwatch_2", None) == (MARCH_3, "riverwatch_2")
    parsed = parse_article(
        "Dam opens\nPosted on March 3, 2021 by riverwatch\n\nSource\n\nMarch 1, 2021\n\nThe dam opened."
    )
    assert parsed.published_date == MARCH_3


@pytest.mark.parametrize(
    "paragraph", ["Tbilisi/ 03.03.21/River Wire: The dam opened.", "Тбилиси/ 03.03.2021/RW: Плотина."]
)
def test_a_slashed_dateline_with_a_numeric_date(paragraph):
    assert dateline(paragraph, None)[0] == MARCH_3


@pytest.mark.parametrize("zone", ["(UTC+04:00)", "GMT+0400", "UTC+4", "(UTC +04:00)"])
def test_a_time_zone_offset_with_minutes_is_header_noise(zone):
    assert only_a_date(f"3 March 2021 09:15 {zone}", None, header_zone=True) == MARCH_3


def test_a_listed_news_medium_before_the_date_needs_no_separator_above_the_first_paragraph():
    assert only_a_date("Euronews 3 Mar 2021", None, header_zone=True) == MARCH_3
    assert only_a_date("Euronews 3 Mar 2021", None) is None
    assert only_a_date("Dam opens 3 Mar 2021", None, header_zone=True) is None


@pytest.mark.parametrize(
    "paragraph",
    ["Sevilla, 3 de marzo de 2021. La presa se abrió.", "Sevilla, 3 de marzo (Agencia).- La presa se abrió."],
)
def test_spanish_datelines_closed_by_a_stop(paragraph):
    assert dateline(paragraph, 2021)[0] == MARCH_3
    assert dateline("Sin embargo, el 3 de marzo de 2021. La presa.", 2021) == (None, None)


def test_a_headline_line_closing_with_its_date_and_a_piped_author():
    assert headline_date("La diga è aperta 03/03/2021 | Carla di Nardo", None) == (MARCH_3, "Carla di Nardo")
    assert headline_date("La diga 03/03/2021 è aperta | Carla Nardo", None) is None


def test_a_markdown_heading_mark_before_a_date_line_is_a_separator():
    assert only_a_date("# 3 March 2021 09:15 (UTC +04:00)", None, header_zone=True) == MARCH_3
    assert only_a_date("#floods 3 March 2021", None, header_zone=True) is None


def test_the_date_stamp_closing_a_cut_off_teaser_with_a_listed_medium_after_it():
    assert teaser_date("Officials said the dam would stay shut until... 03.03.2021, Euronews", None) == MARCH_3
    assert teaser_date("The dam stays shut… 03.03.2021", None) == MARCH_3
    assert teaser_date("The dam stays shut... 03.03.2021, Jane Doe", None) is None
    assert teaser_date("The dam closed on 03.03.2021, Euronews said.", None) is None


def test_a_wire_dateline_alone_on_its_line_before_the_paragraph():
    assert dateline_line("MADRID, 3 Mar. (AGENCIA) -", 2021) == (MARCH_3, "AGENCIA")
    assert dateline_line("MADRID, 3 Mar. (AGENCIA) -", None) == (None, "AGENCIA")
    assert dateline_line("MADRID, he said (AGENCIA) -", 2021) is None


def test_a_rubric_before_a_date_with_its_clock_time_above_the_first_paragraph():
    """A story's rubric of a few words and a comma; without the clock time, or lower down, or longer, it may be a
    headline's words."""
    assert only_a_date("Floods in the north: rivers, 3 Mar 2021, 09:15", None, header_zone=True) == MARCH_3
    assert only_a_date("Наводнения на севере: реки, 3 марта 2021, 09:15", None, header_zone=True) == MARCH_3
    assert only_a_date("Floods in the north: rivers, 3 Mar 2021", None, header_zone=True) is None
    assert only_a_date("Floods in the north: rivers, 3 Mar 2021, 09:15", None) is None
    assert only_a_date("The dam opened after years of delay, 3 Mar 2021, 09:15", None, header_zone=True) is None


def test_a_yearless_update_line_does_not_outrank_the_publish_line_with_its_year():
    for header in (
        "Published 3 March 2021, 12:47\nUpdated 2 February, 09:10",
        "Updated 2 February\nPosted 3 March 2021",
    ):
        parsed = parse_article(f"Dam opens\n{header}\n\nThe dam opened after years of delay.\n")
        assert (parsed.published_date, parsed.published_source) == (MARCH_3, "publish_line")
    assert header_date("2 February, 09:10", 2021) is None  # a plain date line still
