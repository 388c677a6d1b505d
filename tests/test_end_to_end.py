"""The five seed articles, built into a temporary warehouse: the facts the seeds state must be there."""

import shutil
import subprocess
import sys
import textwrap
from datetime import date

import duckdb

from orchestration.build import build
from orchestration.warehouse import PROJECT_ROOT
from tests.conftest import build_warehouse


def test_agdam_handed_over_on_20_november(seeds_db):
    row = seeds_db.execute(
        "select status, handed_over_date from marts.district_handover_status where district = 'Agdam'"
    ).fetchone()
    assert row == ("handed_over", date(2020, 11, 20))


def test_kalbajar_scheduled_15_and_handed_over_25_november(seeds_db):
    row = seeds_db.execute(
        "select status, scheduled_date, handed_over_date from marts.district_handover_status "
        "where district = 'Kalbajar'"
    ).fetchone()
    assert row == ("handed_over", date(2020, 11, 15), date(2020, 11, 25))
    spellings = {
        r[0]
        for r in seeds_db.execute(
            "select distinct m.text from staging.entity_mentions m where canonical = 'Kalbajar'"
        ).fetchall()
    }
    assert {"Karvachar", "Kelbecer", "Kalbajar"} <= spellings


def test_lachin_due_by_1_december_and_not_handed_over(seeds_db):
    row = seeds_db.execute(
        "select status, scheduled_date, handed_over_date, as_of_date "
        "from marts.district_handover_status where district = 'Lachin'"
    ).fetchone()
    assert row == ("pending", date(2020, 12, 1), None, date(2020, 11, 25))


def test_leaders_are_actors_with_one_name_each(seeds_db):
    actors = {
        r[0] for r in seeds_db.execute("select actor from marts.actor_mentions where actor_type = 'person'").fetchall()
    }
    assert {"Vladimir Putin", "Ilham Aliyev", "Nikol Pashinyan", "Recep Tayyip Erdogan"} <= actors
    assert not any("Pashinian" in a for a in actors)
    pashinyan_articles = seeds_db.execute(
        "select count(*) from marts.actor_mentions where actor = 'Nikol Pashinyan'"
    ).fetchone()[0]
    assert pashinyan_articles == 3


def test_peacekeeper_figures_exact_and_approximate(seeds_db):
    rows = set(
        seeds_db.execute(
            "select value, is_approximate, subject from marts.figures_by_source where subject = 'peacekeepers'"
        ).fetchall()
    )
    assert (1960.0, False, "peacekeepers") in rows
    assert (2000.0, True, "peacekeepers") in rows


def test_every_fact_slices_its_evidence_out_of_the_article(seeds_db):
    for mart in ("handover_events", "actor_mentions", "figures_by_source"):
        bad = seeds_db.execute(f"""
            select count(*) from marts.{mart} f join staging.articles a using (article_id)
            where substr(a.text, f.char_start + 1, f.char_end - f.char_start) <> f.evidence""").fetchone()[0]
        assert bad == 0, mart


def test_furniture_is_flagged_not_dropped(seeds_db):
    reasons = {r[0] for r in seeds_db.execute("select distinct reason from staging.page_furniture").fetchall()}
    assert {"menu", "caption", "credit"} <= reasons
    leaked = seeds_db.execute(
        "select count(*) from staging.sentences where text ilike '%Print Share Comment%' "
        "or text ilike 'Your Email Address%'"
    ).fetchone()[0]
    assert leaked == 0


READER = textwrap.dedent("""
    import sys, duckdb
    connection = duckdb.connect(sys.argv[1], read_only=True)
    print(connection.execute("select count(*) from marts.handover_events").fetchone()[0], flush=True)
    sys.stdin.readline()
    print(connection.execute("select count(*) from marts.handover_events").fetchone()[0], flush=True)
""")


def test_published_file_stays_readable_while_a_build_runs(monkeypatch, tmp_path):
    """A reader in another process holds the published file open; a rebuild that changes the marts neither
    waits for it nor changes what it sees, and a new connection sees the new build."""
    articles = tmp_path / "articles"
    shutil.copytree(PROJECT_ROOT / "seeds" / "articles", articles)
    published = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(published)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        before = int(reader.stdout.readline())
        for path in sorted((PROJECT_ROOT / "tests" / "fixtures" / "unseen").glob("*.txt")):
            shutil.copy(path, articles)
        assert build()
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert int(reader.stdout.readline()) == before
    finally:
        reader.wait(timeout=30)
    with duckdb.connect(str(published), read_only=True) as connection:
        assert connection.execute("select count(*) from marts.handover_events").fetchone()[0] > before


def test_worker_processes_give_the_same_warehouse(seeds_warehouse, monkeypatch, tmp_path):
    """Parsing and extraction in forked workers, several batches in flight (what a big folder does), match the
    in-process build."""
    from orchestration import parallel
    from orchestration.assets import extraction, staging
    from tests.conftest import mart_snapshot

    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)
    monkeypatch.setattr(staging, "PARSE_BATCH", 2)
    monkeypatch.setattr(extraction, "BATCH_ARTICLES", 2)
    monkeypatch.setenv("NEWS_WORKERS", "2")
    forked = build_warehouse(monkeypatch, PROJECT_ROOT / "seeds" / "articles", tmp_path / "news.duckdb")
    assert mart_snapshot(forked) == mart_snapshot(seeds_warehouse)


def test_pipelined_batches_come_back_whole_and_in_order(monkeypatch):
    from orchestration import parallel

    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 3)
    monkeypatch.setenv("NEWS_WORKERS", "2")
    batches = [list(range(0, 7)), [7], list(range(8, 20)), [20, 21], list(range(22, 25))]  # forked and in-process
    assert [sum(chunks, []) for chunks in parallel.map_batches(list, batches)] == batches
