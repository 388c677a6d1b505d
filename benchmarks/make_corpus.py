"""Write N realistic synthetic articles by recombining and varying the seed sentences.

Usage: python benchmarks/make_corpus.py N DIR [--seed 7]

Each article takes a headline, a header (publish line, byline, dateline or none), 15–35 body sentences
drawn from the seed articles, and page furniture (share bars, captions, comment forms, credits), then
varies district spellings, dates, figures and names. Output is deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.article_parsing import parse_article  # noqa: E402

SPELLINGS = {
    "Kalbajar": ["Kalbajar", "Kelbajar", "Kəlbəcər", "Kelbadjar", "Karvachar", "Kelbecer", "Kalbadjar"],
    "Agdam": ["Agdam", "Aghdam", "Ağdam", "Akna"],
    "Lachin": ["Lachin", "Laçın", "Lacin", "Berdzor"],
}
NAMES = [
    ("Vladimir Putin", "Putin"),
    ("Ilham Aliyev", "Aliyev"),
    ("Nikol Pashinyan", "Pashinian"),
    ("Recep Tayyip Erdogan", "Erdoğan"),
    ("Sergei Lavrov", "Lavrov"),
    ("Aram Petrosyan", "Petrosyan"),
]
OUTLETS = ["Caspian Ledger", "Highland Courier", "Steppe Monitor", "Ararat Evening Post", "Kura Valley News"]
FURNITURE = [
    ["Print Share Comment Cite Upload Translate"],
    ["Share this: Facebook Twitter WhatsApp", "Sign up for our newsletter", "Your Email Address"],
    ["Related stories", "Most popular", "Leave a comment"],
    ["Accessibility links", "Skip to content", "Breaking News"],
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2})\b")
_NUMBER = re.compile(r"\b(\d{1,3}),(\d{3})\b")


def seed_sentences() -> list[str]:
    sentences = []
    for path in sorted((ROOT / "seeds" / "articles").glob("*.txt")):
        parsed = parse_article(path.read_text(encoding="utf-8"))
        sentences += [s.text for s in parsed.sentences if not s.is_title and len(s.text.split()) > 5]
    return sentences


def vary(sentence: str, rng: random.Random) -> str:
    for spellings in SPELLINGS.values():
        for spelling in spellings:
            if spelling in sentence:
                sentence = sentence.replace(spelling, rng.choice(spellings))
    sentence = _DATE.sub(lambda m: f"{m.group(1)} {max(1, min(28, int(m.group(2)) + rng.randint(-3, 3)))}", sentence)
    sentence = _NUMBER.sub(lambda m: f"{int(m.group(1)) + rng.randint(-1, 1) or 1},{m.group(2)}", sentence)
    for full, _surname in NAMES:
        if full in sentence and rng.random() < 0.2:
            sentence = sentence.replace(full, rng.choice(NAMES)[0])
    return sentence


def article(rng: random.Random, pool: list[str], number: int) -> str:
    published = date(2020, 11, 10) + timedelta(days=rng.randint(0, 40))
    district = rng.choice(list(SPELLINGS))
    lines = [
        f"{rng.choice(['Troops enter', 'Handover of', 'Deadline looms for', 'Residents leave'])} "
        f"{rng.choice(SPELLINGS[district])} ({number})",
        "",
    ]
    header = rng.randint(0, 3)
    if header == 0:
        lines += [f"Published: {published.day} {MONTHS[published.month - 1]} {published.year}", ""]
    elif header == 1:
        lines += [
            f"By {rng.choice(['Jane Doe', 'Arif Mammadov', 'Ani Sargsyan'])}",
            f"{MONTHS[published.month - 1]} {published.day}, {published.year}",
            "",
        ]
    body = [vary(rng.choice(pool), rng) for _ in range(rng.randint(15, 35))]
    if header == 2:
        body[0] = f"BAKU, {MONTHS[published.month - 1][:3]}. {published.day} (Wire) - {body[0]}"
    paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
    if rng.random() < 0.3:
        caption = f"A convoy near {rng.choice(SPELLINGS[district])} on {MONTHS[published.month - 1]} {published.day}."
        paragraphs.insert(rng.randint(1, len(paragraphs)), f"{caption}\n{caption}")
    lines += [p + "\n" for p in paragraphs]
    lines += [f"Originally published on {rng.choice(OUTLETS)}", ""]
    lines += rng.choice(FURNITURE)
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", type=int, default=0, help="number of the first article (for added batches)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = seed_sentences()
    args.directory.mkdir(parents=True, exist_ok=True)
    for number in range(args.start, args.start + args.n):
        (args.directory / f"article_{number:07d}.txt").write_text(article(rng, pool, number), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
