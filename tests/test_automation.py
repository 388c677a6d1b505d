"""The folder sensor, evaluated in-process: one request per batch of new files, none when nothing changed."""

import time

from dagster import RunRequest, SkipReason, build_sensor_context

from orchestration.automation import article_folder_sensor


def tick(cursor):
    context = build_sensor_context(cursor=cursor)
    result = article_folder_sensor(context)
    return result, context.cursor


def test_sensor_batches_new_files_and_skips_when_nothing_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_ARTICLES_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("Troops entered the district on Monday.")
    first, cursor = tick(None)
    assert isinstance(first, RunRequest)
    second, cursor = tick(cursor)
    assert isinstance(second, SkipReason)
    time.sleep(0.01)
    (tmp_path / "b.txt").write_text("Another report.")
    (tmp_path / "c.txt").write_text("A third report.")
    (tmp_path / ".hidden.txt").write_text("ignored")
    third, cursor = tick(cursor)
    assert isinstance(third, RunRequest) and third.tags["news/files"] == "2"
    assert third.run_key != first.run_key
    assert isinstance(tick(cursor)[0], SkipReason)
