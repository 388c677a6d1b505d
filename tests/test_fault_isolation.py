"""One file or article that makes a stage raise is quarantined with its stage and error; the run publishes the rest."""

import os
import sys
from pathlib import Path

import duckdb

from orchestration import article_files, quarantine
from orchestration.assets import extraction, staging
from orchestration.build import build as run_build
from tests.conftest import build_warehouse, folder

ARTICLE = "Troops enter {district}\n\nAzerbaijani troops entered {district} on 20 November 2020, {marker} said.\n"
NESTED_JSON = "[" * 200_000 + "]" * 200_000


def article(district: str, marker: str = "the ministry") -> str:
    return ARTICLE.format(district=district, marker=marker)


def counts(warehouse: Path, *tables: str) -> tuple[int, ...]:
    """Row counts of `tables` in the published warehouse."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return tuple(connection.execute(f"select count(*) from {table}").fetchone()[0] for table in tables)


def failing_on(real, marker, error):
    """`real`, except that it raises `error` when its first argument holds `marker`."""

    def patched(data, *args, **kwargs):
        if marker in data:
            raise error
        return real(data, *args, **kwargs)

    return patched


def inject_failures(monkeypatch) -> None:
    """A fault in each stage, each set off by a marker only one file carries."""
    monkeypatch.setattr(
        article_files,
        "content_hash",
        failing_on(article_files.content_hash, b"READ-FAULT", OSError("Input/output error")),
    )
    monkeypatch.setattr(
        article_files,
        "decode_bytes",
        failing_on(article_files.decode_bytes, b"DECODE-FAULT", LookupError("unknown encoding: x")),
    )
    monkeypatch.setattr(
        staging,
        "parse_article",
        failing_on(staging.parse_article, "PARSE-FAULT", IndexError("list index out of range")),
    )
    monkeypatch.setattr(
        extraction, "find_figures", failing_on(extraction.find_figures, "EXTRACT-FAULT", KeyError("subject"))
    )


def set_code_version(monkeypatch, version: str) -> None:
    """Every module that took quarantine.code_version by name sees `version`."""
    current = quarantine.code_version
    for module in [m for name, m in sys.modules.items() if name.startswith("orchestration")]:
        if getattr(module, "code_version", None) is current:
            monkeypatch.setattr(module, "code_version", lambda: version)


def test_a_fault_at_each_stage_quarantines_one_item_and_the_rest_publishes(tmp_path, monkeypatch):
    articles = folder(
        tmp_path,
        {
            "good.txt": article("Aghdam"),
            "read.txt": article("Lachin", "READ-FAULT"),
            "decode.txt": article("Lachin", "DECODE-FAULT"),
            "nested.json": NESTED_JSON,
            "parse.txt": article("Kalbajar", "PARSE-FAULT"),
            "extract.txt": article("Kalbajar", "EXTRACT-FAULT"),
        },
    )
    inject_failures(monkeypatch)
    warehouse = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rejected = {
            row[0]: row[1:]
            for row in connection.execute(
                "select file_name, stage, error_class, reason from staging.rejected_files"
            ).fetchall()
        }
        failed = {
            row[0]: row[1:]
            for row in connection.execute(
                "select f.file_name, a.stage, a.error_class, a.message from staging.failed_articles a "
                "join staging.article_files f using (article_id)"
            ).fetchall()
        }
        districts = connection.execute(
            "select district, file_name from marts.handover_events join staging.articles using (article_id)"
        ).fetchall()
        texts = [row[0] for row in connection.execute("select text from staging.articles").fetchall()]
    assert rejected["read.txt"][:2] == ("read", "OSError") and "Input/output error" in rejected["read.txt"][2]
    assert rejected["decode.txt"][:2] == ("decode", "LookupError")
    assert rejected["nested.json"][:2] == ("parse", "RecursionError")
    assert set(rejected) == {"read.txt", "decode.txt", "nested.json"}
    assert failed == {
        "parse.txt": ("parse", "IndexError", "list index out of range"),
        "extract.txt": ("extract", "KeyError", "'subject'"),
    }
    assert districts == [("Agdam", "good.txt")], "only the good article reaches the marts"
    assert len(texts) == 1, "a failed article leaves staging.articles too"


def test_a_quarantined_item_is_retried_when_the_code_version_changes_not_on_every_run(tmp_path, monkeypatch):
    articles = folder(
        tmp_path,
        {
            "good.txt": article("Aghdam"),
            "decode.txt": article("Lachin", "DECODE-FAULT"),
            "extract.txt": article("Kalbajar", "EXTRACT-FAULT"),
        },
    )
    inject_failures(monkeypatch)
    warehouse = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    calls = []
    monkeypatch.setattr(extraction, "find_figures", lambda *a: calls.append(a) or [])
    monkeypatch.setattr(article_files, "decode_bytes", lambda *a: calls.append(a) or [])
    assert run_build()
    assert calls == [], "nothing changed: neither the rejected file nor the failed article is tried again"

    monkeypatch.undo()  # the faults are fixed in a new version of the code
    monkeypatch.setenv("NEWS_ARTICLES_DIR", str(articles))
    monkeypatch.setenv("NEWS_WAREHOUSE_PATH", str(warehouse))
    set_code_version(monkeypatch, "a later version")
    assert run_build()
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        districts = {row[0] for row in connection.execute("select district from marts.handover_events").fetchall()}
    assert districts == {"Agdam", "Lachin", "Kalbajar"}
    assert counts(warehouse, "staging.rejected_files", "staging.failed_articles") == (0, 0)


def test_a_file_that_reads_well_again_leaves_the_quarantine(tmp_path: Path, monkeypatch):
    articles = folder(
        tmp_path,
        {
            "feed.json": NESTED_JSON,
            "good.txt": article("Aghdam"),
        },
    )
    warehouse = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    (articles / "feed.json").write_text('{"title": "Lachin", "text": "' + article("Lachin").replace("\n", " ") + '"}')
    assert run_build()
    assert counts(warehouse, "staging.rejected_files", "marts.handover_events") == (0, 2)


def test_sidecars_are_confined_to_the_articles_folder_and_a_broken_one_is_skipped(tmp_path, monkeypatch):
    articles = folder(
        tmp_path,
        {
            "good.txt": article("Aghdam"),
        },
    )
    outside = tmp_path / "outside.csv"
    outside.write_text("file_name,reason\ngood.txt,read from outside\n")
    (articles / "retractions.csv").symlink_to(outside)
    (articles / "manifest.csv").write_bytes(b"file_name,outlet\ngood.txt,\xff\xfe broken\n")
    warehouse = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    assert counts(warehouse, "staging.retractions", "staging.manifest", "marts.handover_events") == (0, 0, 1)


def test_the_sensor_does_not_read_a_file_over_the_size_cap(tmp_path, monkeypatch):
    from orchestration.automation import changed_files
    from orchestration.warehouse import Warehouse

    articles = folder(
        tmp_path,
        {
            "small.txt": article("Aghdam"),
            "huge.txt": "x" * 5000,
        },
    )
    monkeypatch.setenv("NEWS_MAX_FILE_BYTES", "1000")
    read = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real_read(self))
    hashes, _ = changed_files(Warehouse(articles_dir=str(articles)), 0)
    assert len(hashes) == 2 and read == ["small.txt"]


def test_a_true_sentence_about_history_is_flagged_not_fatal(tmp_path, monkeypatch):
    articles = folder(
        tmp_path,
        {
            "now.txt": article("Aghdam"),
            "archive.txt": "Old times in Agdam\n\nSoviet troops entered the Agdam district on "
            "12 March 1975, a historian wrote.\n",
        },
    )
    warehouse = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        events = connection.execute("select event_date::varchar from marts.handover_events order by 1").fetchall()
        flagged = connection.execute(
            "select event_date::varchar, flag, reason, evidence from marts.data_quality"
        ).fetchall()
        status = connection.execute(
            "select handed_over_date::varchar from marts.district_handover_status where district = 'Agdam'"
        ).fetchall()
        timeline = connection.execute("select event_date::varchar from marts.handover_timeline").fetchall()
        claims = connection.execute(
            "select stated_value from marts.claim_statements where claim_kind = 'handover'"
        ).fetchall()
    assert events == [("1975-03-12",), ("2020-11-20",)], "the historical fact is kept with its evidence"
    ((day, flag, reason, evidence),) = flagged
    assert (day, flag) == ("1975-03-12", "date_before_window") and "1980" in reason and "1975" in evidence
    assert status == [("2020-11-20",)] and timeline == [("2020-11-20",)]
    assert all("1975" not in str(value) for (value,) in claims)


def test_the_archive_survives_a_deleted_build_folder(tmp_path, monkeypatch):
    import shutil

    articles = folder(
        tmp_path,
        {
            "kept.txt": article("Aghdam"),
            "edited.txt": article("Lachin"),
            "removed.txt": article("Kalbajar"),
        },
    )
    warehouse = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    (articles / "edited.txt").write_text(article("Lachin", "the ministry in Baku"))
    (articles / "removed.txt").unlink()
    assert run_build()

    def history() -> tuple[list, int]:
        with duckdb.connect(str(warehouse), read_only=True) as connection:
            versions = connection.execute("select file_name, article_id from staging.article_versions").fetchall()
        return sorted(versions), counts(warehouse, "raw.documents")[0]

    before = history()
    assert len(before[0]) == 4 and before[1] == 4, "three files, one of them in two versions"
    shutil.rmtree(tmp_path / ".build")
    (articles / "new.txt").write_text(article("Kalbajar", "a new report"))
    assert run_build()
    versions, documents = history()
    assert set(before[0]) < set(versions) and documents == 5, "nothing of the archive was lost"


def test_a_deep_json_line_fails_alone_and_an_absurd_publication_date_moves_no_other_article(tmp_path, monkeypatch):
    articles = folder(
        tmp_path,
        {
            "feed.jsonl": '{"text": "Azerbaijani troops entered Lachin on 1 December 2020."}\n' + NESTED_JSON + "\n",
            "dated.txt": "Agdam\n\ndate 2020-11-21\n\nAzerbaijani troops entered Aghdam on Friday, 20 November 2020.\n",
            "yearless.txt": "Kalbajar\n\nAzerbaijani troops entered Kalbajar on 25 November.\n",
            "manifest.csv": "file_name,published_date\ndated.txt,0001-01-01\n",
        },
    )
    warehouse = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rejected = dict(connection.execute("select file_name, reason from staging.rejected_files").fetchall())
        events = dict(connection.execute("select district, event_date::varchar from marts.handover_events").fetchall())
    assert rejected == {"feed.jsonl#2": "JSON nested too deep to read"}
    assert events["Lachin"] == "2020-12-01" and events["Agdam"] == "2020-11-20"
    # no plausible publication year: the year is the one the corpus writes its full dates in, never year 1
    assert events["Kalbajar"] == "2020-11-25"


def test_an_absurd_publication_date_moves_no_status(tmp_path, monkeypatch):
    articles = folder(
        tmp_path,
        {
            "due.txt": "Kalbajar\n\ndate 2020-11-10\n\nArmenia must hand over Kalbajar by 15 November 2020.\n",
            "feed.json": '{"text": "Talks on Agdam went on.", "published": "9999-12-31"}',
        },
    )
    warehouse = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        status = connection.execute(
            "select status, as_of_date::varchar from marts.district_handover_status where district = 'Kalbajar'"
        ).fetchone()
        flagged = connection.execute(
            "select file_name, checked_model, flag, reason from marts.data_quality "
            "join staging.article_files using (article_id)"
        ).fetchall()
    assert status == ("pending", "2020-11-10"), "as of the newest plausible article, the deadline has not passed"
    ((file_name, model, flag, reason),) = flagged
    assert (file_name, model, flag) == ("feed.json", "staging.articles", "publication_date_implausible")
    assert "9999-12-31" in reason


def dies_on(real, marker):
    """`real`, except that the process running it dies at once (as an out-of-memory kill would) when its first
    argument holds `marker`."""

    def patched(data, *args, **kwargs):
        if marker in data:
            os._exit(9)
        return real(data, *args, **kwargs)

    return patched


def test_a_dying_worker_process_quarantines_only_the_item_that_killed_it(tmp_path, monkeypatch):
    """A worker killed at each stage (read, parse, extract) breaks its pool; the pipeline finds the item that kills
    its process, quarantines it, and publishes the rest."""
    from orchestration import parallel

    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)
    monkeypatch.setenv("NEWS_WORKERS", "2")
    monkeypatch.setattr(article_files, "content_hash", dies_on(article_files.content_hash, b"READ-KILL"))
    monkeypatch.setattr(staging, "parse_article", dies_on(staging.parse_article, "PARSE-KILL"))
    monkeypatch.setattr(extraction, "find_figures", dies_on(extraction.find_figures, "EXTRACT-KILL"))
    districts = ["Aghdam", "Lachin", "Kalbajar"]
    good = {f"good{i}.txt": article(districts[i % 3], f"spokesman {i}") for i in range(9)}
    articles = folder(
        tmp_path,
        good
        | {
            "read.txt": article("Lachin", "READ-KILL"),
            "parse.txt": article("Kalbajar", "PARSE-KILL"),
            "extract.txt": article("Aghdam", "EXTRACT-KILL"),
        },
    )
    warehouse = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rejected = connection.execute("select file_name, stage, error_class from staging.rejected_files").fetchall()
        failed = connection.execute(
            "select f.file_name, a.stage, a.error_class from staging.failed_articles a "
            "join staging.article_files f using (article_id) order by 1"
        ).fetchall()
        published = {
            row[0]
            for row in connection.execute(
                "select file_name from marts.handover_events join staging.articles using (article_id)"
            ).fetchall()
        }
    assert rejected == [("read.txt", "read", "BrokenProcessPool")]
    assert failed == [("extract.txt", "extract", "BrokenProcessPool"), ("parse.txt", "parse", "BrokenProcessPool")]
    assert published == set(good), "every other article reaches the marts"


def doubled_unless_13(items: list[int]) -> list[int]:
    if 13 in items:
        os._exit(9)
    return [2 * item for item in items]


def test_map_batches_halves_a_broken_chunk_down_to_the_item_that_kills_its_process(monkeypatch):
    from orchestration import parallel

    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)
    monkeypatch.setenv("NEWS_WORKERS", "2")
    batches = [list(range(0, 10)), list(range(10, 30)), list(range(30, 40))]
    results = [
        sum(chunks, []) for chunks in parallel.map_batches(doubled_unless_13, batches, lambda item, error: [-item])
    ]
    assert results == [
        [2 * i for i in range(0, 10)],
        [-i if i == 13 else 2 * i for i in range(10, 30)],
        [2 * i for i in range(30, 40)],
    ]


def test_a_symlink_loop_or_a_dangling_link_is_no_article_file(tmp_path):
    articles = folder(tmp_path, {"good.txt": article("Aghdam")})
    (articles / "loop1.txt").symlink_to("loop2.txt")
    (articles / "loop2.txt").symlink_to("loop1.txt")
    (articles / "dangling.txt").symlink_to("gone.txt")
    assert [path.name for path in article_files.list_article_files(articles)] == ["good.txt"]
