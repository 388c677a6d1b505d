"""Tricky lines of scraped pages, written for these tests (not taken from the seed articles)."""

from datetime import date

import pytest

from orchestration.article_parsing import newest_year, parse_article, split_sentences
from orchestration.assets.staging import infer_chunk, parse_chunk
from orchestration.publication import infer_published_date

PAGE = """Home
Skip to content
Published: 01/12/2020
Troops enter Lachin after weeks of delay

By Jane Doe | 2 December 2020

BAKU, Dec 1 (Caspian Wire) - Azerbaijani troops entered Lachin on Tuesday, the ministry said. Gen. Ivanov was not there.
Soldiers walk along a road near Lachin.
Soldiers walk along a road near Lachin.
Roads reopened

The U.S. embassy said it was watching. Mr. Smith agreed...

Share this: Facebook Twitter WhatsApp
Originally published on The Highland Courier.
Sign up for our newsletter to get the news every morning, and more.
"""


def test_header_fields_and_furniture():
    parsed = parse_article(PAGE)
    assert parsed.title == "Troops enter Lachin after weeks of delay"
    assert parsed.byline == "Jane Doe"
    assert parsed.outlet == "The Highland Courier"
    assert "Caspian Wire" in parsed.wires
    reasons = {f.text: f.reason for f in parsed.furniture}
    assert reasons["Home"] == "menu"
    assert reasons["Share this: Facebook Twitter WhatsApp"] == "menu"
    assert reasons["Soldiers walk along a road near Lachin."] in ("caption", "repeated")
    assert reasons["Roads reopened"] == "heading"
    assert reasons["Sign up for our newsletter to get the news every morning, and more."] == "footer"
    sentences = [s.text for s in parsed.sentences]
    assert not any("Facebook" in s or "newsletter" in s or "Soldiers walk" in s for s in sentences)


def test_sentences_keep_exact_offsets_and_respect_abbreviations():
    parsed = parse_article(PAGE)
    for sentence in parsed.sentences:
        assert PAGE.rstrip()[sentence.char_start : sentence.char_end] == sentence.text
    texts = [s.text for s in parsed.sentences]
    assert "Gen. Ivanov was not there." in texts
    assert "The U.S. embassy said it was watching." in texts


def test_split_sentences_does_not_split_initials_or_decimals():
    text = "Units moved 2.5 km. J. R. Smith said so. Then nothing."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["Units moved 2.5 km.", "J. R. Smith said so.", "Then nothing."]


def test_clerical_abbreviations_end_no_sentence():
    text = "Ask the vicar, Rev. Fr. Tomas Welby, or Msgr. Ian Dunne. They know."
    assert [text[a:b] for a, b in split_sentences(text)] == [text[:-11], "They know."]


def test_publish_line_gives_the_date():
    parsed = parse_article("Posted on November 26, 2020\nHeadline here\n\nBody sentence one. Body sentence two.")
    assert parsed.published_date == date(2020, 11, 26)
    assert parsed.published_source == "publish_line"


@pytest.mark.parametrize(
    "page",
    [
        "Site name\nHome | World | Opinion\n\nTroops back in the district\n\ndate 2020-12-03 By Jane Roe\n\nBody one.",
        "Site name\nHome | World\n\nFive years on\ndate 2020-12-03 Five years ago troops entered the district.",
    ],
)
def test_a_stored_page_date_opening_a_line_under_the_headline_is_the_date_line(page):
    """The store's "date 2020-12-03" may open a line under the menu and headline, before a byline or the body."""
    parsed = parse_article(page)
    assert parsed.published_date == date(2020, 12, 3)
    assert not any("2020-12-03" in sentence.text for sentence in parsed.sentences)


def test_date_is_inferred_only_when_a_weekday_agrees():
    body = [
        "The ministry said on Wednesday that troops crossed in on November 25.",
        "The region is to be handed over by December 1.",
    ]
    assert infer_published_date(body, 2020) == (date(2020, 11, 25), 0.6)
    assert infer_published_date(["Troops crossed in on November 24."], 2020) == (None, None)


def test_a_guessed_year_or_a_look_back_day_does_not_date_the_page():
    """A weekday agrees with one day in seven by chance: a yearless day in the corpus year counts only in a page that
    writes no other year, and a page that counts years back is not dated by the days it looks back on."""
    yearless = "On Wednesday the governor spoke in the town that troops had reached on November 25."
    assert infer_published_date([yearless], 2020) == (date(2020, 11, 25), 0.6)
    # the page writes 2023 elsewhere: the corpus year of "November 25" is a guess it does not back
    assert infer_published_date([yearless, "A decree of 14 March 2023 named the governor."], 2020) == (None, None)
    # "two years ago" puts the page two years after the Wednesday, 25 November 2020, that it tells of
    look_back = ["Two years ago, on Wednesday, troops reached the town on 25 November 2020."]
    assert infer_published_date(look_back, 2020) == (None, None)
    assert infer_published_date([*look_back, "It held a fair on 29 November 2022."], 2020) == (None, None)
    later_day = ["Two years ago troops reached the town on 25 November 2020.", "On Wednesday, 30 November 2022, it"]
    assert infer_published_date(later_day, 2020) == (date(2022, 11, 30), 0.6)
    # history counted in decades is recalled by a report of the day too
    assert infer_published_date([yearless, "The town was lost 27 years ago."], 2020) == (date(2020, 11, 25), 0.6)


def test_a_dateline_without_a_year_takes_the_corpus_year():
    """Wire datelines often give no year; an article that writes none is read again once the run's year is
    known, and its dateline dates it as a dateline, not as an inference."""
    page = (
        "Troops pull back\n\nYEREVAN, March 3. /WIRE/. The brigade left the valley, the ministry said.\n\n"
        "Nothing else was said."
    )
    row = ("a1", "a1.txt", "text", page, None, None, None, None)
    (document,) = parse_chunk([row])
    assert document.article.published_date is None
    # read in the run's year, its confidence says the year is a guess (YEAR_GUESSED)
    assert infer_chunk(2021, [("a1", document.dating)]) == [("a1", date(2021, 3, 3), 0.7, "dateline")]
    # a year alone is history ("In 1992-1994", "lost in 2019"): it must not date the dateline, the run's year does
    history_page = page.replace("Nothing else was said.", "The valley was lost in 1992-1994.")
    (history,) = parse_chunk([("a2", "a2.txt", "text", history_page, None, None, None, None)])
    assert history.article.published_date is None
    assert infer_chunk(2021, [("a2", history.dating)]) == [("a2", date(2021, 3, 3), 0.7, "dateline")]
    # a page that writes a full date takes its year from itself
    dated_page = page.replace("Nothing else was said.", "The talks of 2 March 2019 failed.")
    (dated,) = parse_chunk([("a3", "a3.txt", "text", dated_page, None, None, None, None)])
    assert dated.article.published_date == date(2019, 3, 3)


def test_a_dateline_line_in_a_page_that_writes_no_year_is_not_a_sentence():
    """Its day would read as a figure: the line is the dateline even before the corpus year can date it."""
    page = "OSLO, MARCH 4, Fjord Wire.\nBridge reopens\n\nThe bridge reopened after repairs, the city said.\n"
    row = ("a1", "a1.txt", "text", page, None, None, None, None)
    (document,) = parse_chunk([row])
    assert [sentence[3] for sentence in document.sentences] == [
        "Bridge reopens",
        "The bridge reopened after repairs, the city said.",
    ]
    assert document.article.wires == ["Fjord Wire"]
    assert infer_chunk(2021, [("a1", document.dating)]) == [("a1", date(2021, 3, 4), 0.7, "dateline")]


@pytest.mark.parametrize(
    "page, expected",
    [
        (
            "Ponte riaperto\n\nTorino, 3 dic. (newswire) – Il ponte è stato riaperto ieri sera.\n",
            (date(2020, 12, 3), "dateline"),
        ),
        (
            "Мост открыт\n\nКазань, 2 декабря - Вести-Казань.\n\nМост открыли после ремонта.\n",
            (date(2020, 12, 2), "dateline"),
        ),
        (
            "Köprü açıldı\n\nHaber Giriş Tarihi: 02.12.2020 10:29\n\nKöprü onarımdan sonra açıldı.\n",
            (date(2020, 12, 2), "publish_line"),
        ),
        (
            "Puente abierto\n\nJuan Pérez | 02.12.2020 - Actualización : 03.12.2020\n\nEl puente abrió.\n",
            (date(2020, 12, 2), "date_line"),
        ),
        ("Paris, le maire (Dupont) - a rouvert le pont.\n", (None, None)),
    ],
)
def test_datelines_and_labelled_date_lines_of_other_outlets(page, expected):
    """A mixed-case city with its wire in parentheses and a dash, a dateline line with a dash before its wire,
    Turkish 'Haber Giriş Tarihi', a Spanish update label between two dates."""
    parsed = parse_article(page, 2020)
    assert (parsed.published_date, parsed.published_source) == expected


def _dated(page: str) -> tuple[date | None, str | None]:
    parsed = parse_article(page)
    return parsed.published_date, parsed.published_source


def test_a_date_line_with_a_reader_count_dates_the_page_and_is_not_a_sentence():
    page = "Home\nDam opens on the river\n\n  3 March 2021    Read: 532\n\nThe dam opened, the ministry said. It was late.\n"
    parsed = parse_article(page)
    assert (parsed.published_date, parsed.published_source) == (date(2021, 3, 3), "date_line")
    assert not any("Read" in s.text for s in parsed.sentences)


def test_a_date_opening_the_paragraph_after_the_byline_is_a_dateline():
    menu = "".join(
        f"• {topic}: graphic on the week's events in {topic.lower()} due by noon (Graphic)\n"
        for topic in ("WORLD", "SPORT", "HEALTH")
    )
    page = (
        menu + "Dam opens\n\nBy Ann Lee\n\n"
        "March 3, 2021 - The dam opened after years of delay. Officials on 1 March said so.\n"
    )
    assert _dated(page) == (date(2021, 3, 3), "dateline")


def test_the_earliest_publish_line_is_the_publication_and_later_ones_are_updates():
    published, updated = "Veröffentlicht: 03.03.2021 14:30", "Aktualisiert: 05.03.2021 08:00"
    for header in (f"{published}\n{updated}", f"{updated}\n{published}"):
        assert _dated(f"Dam opens\n{header}\n\nDer Damm wurde eröffnet.\n") == (date(2021, 3, 3), "publish_line")


def test_a_publish_statement_in_the_footer_dates_the_page_but_no_header_date():
    body = "Baraj açıldı\n\nBaraj 1 Mart 2021 tarihinde açıldı, bakanlık açıkladı.\n\nBu haber 3 Mart 2021 - 09:12 'de eklendi.\n"
    assert _dated(body) == (date(2021, 3, 3), "publish_statement")
    assert _dated("Baraj açıldı\n04.03.2021 10:00\n\n" + body.split("\n", 1)[1]) == (date(2021, 3, 4), "date_line")


def test_dates_in_sentences_do_not_date_the_page():
    page = (
        "Damm eröffnet\n\nDer Damm wurde am 3. März 2021 eröffnet, sagte das Ministerium.\n"
        "Bis zum 20. März 2021 soll die Straße folgen.\nNachrichten 03.03.2021, 21:00\n"
    )
    assert _dated(page) == (None, None)


def test_a_list_of_districts_and_dates_below_the_lead_is_not_a_header():
    page = (
        "Schedule confirmed\n\nThe ministry published the schedule for the three districts on Tuesday.\n"
        "Kalbajar – 15 November 2020\nAgdam | 20 November 2020\nLachin, 1 December 2020\n"
    )
    assert _dated(page) == (None, None)
    assert _dated("ДНД – 20 ноября 2020\n" + page) == (date(2020, 11, 20), "date_line")


def test_an_exchange_rate_tickers_date_is_not_the_publication_date():
    page = "14 мая 2023\nUSD 80.12 +0.20 EUR 87.03 -0.11\n\nМост открыли\n\nМост открыли после ремонта."
    assert parse_article(page).published_date is None
    assert parse_article(page.replace("USD 80.12 +0.20 EUR 87.03 -0.11", "Новости")).published_date == date(2023, 5, 14)


def test_dates_over_a_list_of_headlines_are_not_the_articles():
    page = (
        "Mine map handed over\n\nBaku handed over the map on Saturday.\n\n"
        "12.03.2021, 10:15\nBridge reopens in the north\n02.09.2020, 08:40\nCourt rules on shares\n"
        "19.05.2021, 17:05\nMarkets rally before the vote\n"
    )
    assert parse_article(page).published_date is None


def test_a_weather_widgets_day_is_the_dated_line_nearest_its_temperature():
    page = "• вторник, 14 Мая, 09:15\n• Ереван 18°C\nМост открыли после ремонта\n3 марта 2022 | 10:20\n\nМост открыли."
    assert parse_article(page).published_date == date(2022, 3, 3)
    assert parse_article(page.replace("• вторник, 14 Мая, 09:15\n", "")).published_date is None


def test_a_weather_widgets_date_is_not_the_publication_date():
    page = "• Sunday\n\n    22 November, 2026\n\n  • -0.6°\n    Clear sky\n\nTroops entered Agdam\n\nTroops entered Agdam today."
    assert parse_article(page).published_date is None
    assert parse_article(page.replace("-0.6°", "Clear")).published_date == date(2026, 11, 22)
    # an Italian ordinal day is no temperature: the date line above it stays the page's
    dated = "Eco di Valle\n12 marzo 2022\n\nLa diga fu aperta il 1° marzo 2021 dal sindaco.\n"
    assert parse_article(dated).published_date == date(2022, 3, 12)


def test_a_date_line_printed_twice_or_with_a_bare_view_count_dates_the_page():
    """An aggregator prints the page's date line again with its source; a counter may follow the clock time with no
    label. Neither is a list of other stories' days."""
    twice = (
        "Dam opens\n\n07:10  3 November  2021\n07:10  3 November  2021 Source:   rivernews.example\n\nThe dam opened.\n"
    )
    assert parse_article(twice).published_date == date(2021, 11, 3)
    counted = "Dam opens\n\n3 March 2021, 07:10 845\nThe dam opened on Wednesday.\n"
    assert parse_article(counted).published_date == date(2021, 3, 3)
    listed = "Latest\n\n3 March 2021\n2 March 2021\n\nThe dam opened.\n"
    assert parse_article(listed).published_date is None


def test_a_sentence_opening_with_by_and_a_date_is_no_byline():
    assert parse_article("Dam news\n\nBy March 2021, the dam had been opened.\n").byline is None
    assert parse_article("Dam news\n\nBy 3 March, the dam had been opened.\n").byline is None
    assert parse_article("Dam news\nBy May Jones\n\nThe dam was opened.\n").byline == "May Jones"


def test_a_wrapped_page_keeps_its_sentences_whole():
    page = (
        "The ministry said today that\nits troops had entered the Agdam district, one of the three that\n"
        "had to be returned. Armenia will hand over the district of\nKalbajar on 26 November."
    )
    parsed = parse_article(page)
    assert parsed.title is None and not [f for f in parsed.furniture if f.reason == "heading"]
    assert [s.text.replace("\n", " ") for s in parsed.sentences] == [
        "The ministry said today that its troops had entered the Agdam district, one of the three that had to be returned.",
        "Armenia will hand over the district of Kalbajar on 26 November.",
    ]


def test_glued_sentences_are_split_but_initials_and_links_are_not():
    text = "Troops entered the town.Officials confirmed it. See U.S.Army and pic.twitter.com/x here."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Troops entered the town.",
        "Officials confirmed it.",
        "See U.S.Army and pic.twitter.com/x here.",
    ]


def test_a_wire_dateline_with_only_a_day_is_metadata():
    parsed = parse_article("Title of the piece\n\nLISBOA, 14 (AGENCIA)\n\nThe talks went on for 3 hours.")
    assert [s.text for s in parsed.sentences] == ["Title of the piece", "The talks went on for 3 hours."]
    assert parsed.wires == ["AGENCIA"]


def test_a_date_line_with_a_view_counter_is_the_article_s_even_beside_a_weather_widget():
    page = (
        "Yerevan 4° C\n\n3 m/s\n\nTroops left the valley\n\n10:15 / 02.03.2021 Views: 812\n\n"
        "The brigade left the valley on Tuesday, the ministry said.\n\nMore news\n\n14 May 2024\n"
    )
    assert _dated(page) == (date(2021, 3, 2), "date_line")


def test_a_title_ending_in_a_short_word_stays_a_title_before_a_blank_line():
    """ "Tres días más" ends like a wrapped line ("... il distretto di"), but a blank line follows it."""
    parsed = parse_article("Tres días más\n\nBakú dio a Ereván tres días más para salir de Lachin.\n")
    assert parsed.title == "Tres días más"
    assert [s.text for s in parsed.sentences if not s.is_title] == [
        "Bakú dio a Ereván tres días más para salir de Lachin."
    ]


def test_a_reading_time_line_is_furniture():
    parsed = parse_article("Kalbajar handed over\nStory ID: 88-1 | Reading time: 3 min\nTroops entered Kalbajar.\n")
    assert [f.text for f in parsed.furniture] == ["Story ID: 88-1 | Reading time: 3 min"]


def test_a_related_link_line_is_furniture_whatever_its_length():
    page = (
        "Agdam handed over\n\nTroops entered Agdam on Friday.\n\n"
        "Leggi anche: Putin e Macron parlano a lungo al telefono della tregua e della Francia\n\nThe ministry said so.\n"
    )
    assert [(f.reason, f.text[:11]) for f in parse_article(page).furniture] == [("related", "Leggi anche")]


def test_bulleted_headlines_that_end_the_page_are_related_links_but_a_list_in_the_story_is_not():
    body = "".join(
        f"Troops entered Agdam on Friday, the ministry in Baku said in statement number {n} to reporters.\n"
        for n in range(3)
    )
    links = (
        "- Floods close the coastal road for a third day running\n- Two ferries collide near the harbour, nobody hurt\n"
    )
    page = "Agdam handed over\n\n" + body + links
    assert [f.reason for f in parse_article(page).furniture] == ["related", "related"]
    listed = (
        "The deadlines:\n- Agdam region to be returned by 20 November\n- Lachin region to be returned by 1 December\n"
    )
    assert parse_article("Agdam handed over\n\n" + listed + body).furniture == []


def test_headlines_numbered_with_no_space_run_into_one_line_are_related_links():
    page = "Agdam handed over\n\nTroops entered Agdam on Friday.\n\n1.Bridge reopens after storm 2.Eight held in raid\n"
    assert [(f.reason, f.text[:8]) for f in parse_article(page).furniture] == [("related", "1.Bridge")]


def test_a_site_name_or_section_label_above_the_headline_is_not_the_title():
    parsed = parse_article("NEWSDESK\n\nLachin returned after 28 years\n\nTroops entered Lachin on Tuesday.\n")
    assert parsed.title == "Lachin returned after 28 years"
    assert [(f.text, f.reason) for f in parsed.furniture] == [("NEWSDESK", "heading")]
    assert parse_article("Home » World\nTroops enter Agdam\nThe army entered Agdam.\n").title == "Troops enter Agdam"
    assert parse_article("Takvim\n\nAnlaşma bunu öngörüyor.\n").title == "Takvim"  # no headline below it


def test_an_agreements_day_does_not_date_the_page():
    """The truce was signed on a Monday: "on Monday ... the deal signed on November 9" is no publication day."""
    assert infer_published_date(["Agdam was handed over on Monday under the deal signed on November 9."], 2020) == (
        None,
        None,
    )


def test_the_days_of_a_headline_list_do_not_date_the_page():
    page = "Новости\n14 декабря 2025\n13 декабря 2025\n\nЛачин вернулся\n\nВойска вошли в Лачинский район 1 декабря.\n"
    assert parse_article(page).published_date is None


def test_a_month_of_history_gives_no_year_to_a_yearless_dateline():
    """ "occupé en mai 1992" is no date of the page's time: the dateline waits for the run's year."""
    page = "Bakou, 24 novembre (Agence) - Le district, occupé en mai 1992, est rendu.\n"
    assert parse_article(page).published_date is None


def test_the_earliest_date_line_is_the_page_date_and_a_file_photo_dates_nothing():
    page = (
        "Son Dakika\n21 Nisan 2024 Cumartesi\n\nBaşlık burada\n\n17 Kasım 2020 Salı, 16:00\n\nAskerler Ağdam'a girdi.\n"
    )
    assert parse_article(page).published_date == date(2020, 11, 17)
    captioned = (
        "Troops pull back\n\nSoldiers in a trench, April 9, 2015. REUTERS/Staff/File Photo\n\n"
        "Agdam will be handed over by November 21.\n"
    )
    parsed = parse_article(captioned)
    assert [f.reason for f in parsed.furniture] == ["caption"] and newest_year(captioned) is None


def test_a_navigation_line_of_piped_items_above_the_first_paragraph_is_a_menu():
    page = "Riverwire | World | Armenia | Georgia | Dams\n\nDam opens\n\nThe dam opened in Armenia on Friday.\n"
    assert [(f.reason, f.text[:9]) for f in parse_article(page).furniture] == [("menu", "Riverwire")]


@pytest.mark.parametrize("heading", ["Yorumlar", "Kommentare", "Commenti", "Комментарии"])
def test_a_comments_heading_late_in_the_page_starts_the_footer(heading):
    body = "".join(f"The dam on the river opened on Friday, the ministry said in statement {n}.\n" for n in range(4))
    page = f"Dam opens\n\n{body}\n{heading}\nNo comments yet\nFloods hit Georgia again\n"
    assert [f.reason for f in parse_article(page).furniture][-2:] == ["footer", "footer"]


def test_a_bracketed_gloss_inside_a_sentence_is_no_button():
    page = "Dam opens\n\nHe called Tavush [Tovuz] and the valley 'our land', he said.\n\nGet the news. [Subscribe]\n"
    assert [f.text for f in parse_article(page).furniture] == ["Get the news. [Subscribe]"]


def test_a_source_line_repeated_before_the_date_and_a_date_before_a_piped_author():
    page = "Riverwire | World | Dams\nChannel Nine\nChannel Nine 3 Mar 2021\n\nDam opens\n\nThe dam opened.\n"
    assert parse_article(page).published_date == date(2021, 3, 3)
    parsed = parse_article("Home | News | Dams\n\nLa diga è aperta 03/03/2021 | Carla Nardo\n\nLa diga è aperta.\n")
    assert (parsed.published_date, parsed.byline) == (date(2021, 3, 3), "Carla Nardo")


def test_numeric_dates_give_the_newest_year_and_dates_of_the_last_century_are_history():
    assert newest_year("The dam opened on 03.03.2021 after a delay.") == 2021
    assert newest_year("The valley was seized on May 4, 1993.") is None
    page = "Riverwire | Dams\n\nDam anniversary\n\n3 Mar. 10:00\n\nThe valley was seized on May 4, 1993.\n"
    assert parse_article(page).published_date is None  # the run's year dates the header, not 1993


def test_a_dateline_after_a_lead_and_a_caption_printed_again_under_its_photo_credit():
    page = (
        "Плотина открыта\n\n© Агентство / И. Петров Развалины фермы у реки\n"
        "Развалины фермы у реки - Агентство, 1920, 03.03.2021\nПодписаться\n\n"
        "Власти показали, что осталось от фермы.\n\nТБИЛИСИ, 3 мар — Агентство. Плотину открыли утром.\n"
    )
    parsed = parse_article(page)
    assert [f.reason for f in parsed.furniture][:2] == ["credit", "caption"]
    assert parsed.published_date == date(2021, 3, 3)


def test_a_headline_printed_twice_opening_the_page_counts_once_but_a_doubled_logo_is_a_caption():
    parsed = parse_article(
        "Riverwire | World | Dams\n\nDam opens on the river Kura\n\nDam opens on the river Kura\n\nIt opened.\n"
    )
    assert parsed.title == "Dam opens on the river Kura"
    assert [f.reason for f in parsed.furniture] == ["menu", "repeated"]
    parsed = parse_article("River Logo Mark\nRiver Logo Mark\n\nDam opens on the river Kura\n\nIt opened.\n")
    assert [f.reason for f in parsed.furniture] == ["caption", "repeated"]


def test_a_subhead_between_paragraphs_is_article_text_but_labels_and_counters_are_not():
    first, second, third, fourth = (f"The dam on the river opened on day {n}, the ministry said." for n in range(4))
    page = (
        f"Dam opens\n\n{first}\n\n300 houses were flooded downstream\n\n{second}\n\n"
        f"Analysis\n\n{third}\n\n12 comments on this story\n\n{fourth}\n"
    )
    parsed = parse_article(page)
    assert "300 houses were flooded downstream" in [s.text for s in parsed.sentences]
    assert [(f.reason, f.text) for f in parsed.furniture] == [
        ("heading", "Analysis"),
        ("heading", "12 comments on this story"),
    ]
