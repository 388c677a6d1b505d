"""Tricky lines of scraped pages, written for these tests (not taken from the seed articles)."""

from datetime import date

from orchestration.article_parsing import parse_article, split_sentences
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
        assert PAGE.rstrip()[sentence.char_start:sentence.char_end] == sentence.text
    texts = [s.text for s in parsed.sentences]
    assert "Gen. Ivanov was not there." in texts
    assert "The U.S. embassy said it was watching." in texts


def test_split_sentences_does_not_split_initials_or_decimals():
    text = "Units moved 2.5 km. J. R. Smith said so. Then nothing."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["Units moved 2.5 km.", "J. R. Smith said so.", "Then nothing."]


def test_publish_line_gives_the_date():
    parsed = parse_article("Posted on November 26, 2020\nHeadline here\n\nBody sentence one. Body sentence two.")
    assert parsed.published_date == date(2020, 11, 26)
    assert parsed.published_source == "publish_line"


def test_date_is_inferred_only_when_a_weekday_agrees():
    body = ["The ministry said on Wednesday that troops crossed in on November 25.",
            "The region is to be handed over by December 1."]
    assert infer_published_date(body, 2020) == (date(2020, 11, 25), 0.6)
    assert infer_published_date(["Troops crossed in on November 24."], 2020) == (None, None)
