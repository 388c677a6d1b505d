"""manifest.csv beside the articles overrides outlet, URL and publication date; it cannot point outside."""

from datetime import date

import duckdb

from orchestration.sidecars import read_manifest
from tests.conftest import build_warehouse

ARTICLE = """Troops enter Aghdam

Azerbaijani troops entered Aghdam on Friday, the defence ministry in Baku said.
"""


def test_manifest_overrides_outlet_and_date_and_relative_dates_follow(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "aghdam.txt").write_text(ARTICLE)
    (articles / "manifest.csv").write_text(
        "file_name,outlet,url,published_date\naghdam.txt,The Steppe Courier,https://example.org/a,2020-11-21\n"
    )
    warehouse = build_warehouse(monkeypatch, articles, tmp_path / "w.duckdb")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert connection.execute(
            "select outlet, outlet_source, url, published_date, published_source from staging.articles"
        ).fetchone() == ("The Steppe Courier", "manifest", "https://example.org/a", date(2020, 11, 21), "manifest")
        assert connection.execute(
            "select district, event_type, event_date, outlet from marts.handover_events"
        ).fetchall() == [("Agdam", "entered", date(2020, 11, 20), "The Steppe Courier")]


def test_manifest_rows_that_escape_the_folder_are_skipped(tmp_path):
    (tmp_path / "manifest.csv").write_text(
        "file_name,outlet,url,published_date\n../secret.txt,X,,\n/etc/passwd,Y,,\nok.txt,Z,,2020-13-01\ngood.txt,W,,\n"
    )
    rows, problems = read_manifest(tmp_path)
    assert [r.file_name for r in rows] == ["good.txt"]
    assert len(problems) == 3 and "leaves the articles folder" in problems[0] and "YYYY-MM-DD" in problems[2]
