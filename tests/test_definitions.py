from pathlib import Path

from dagster import AssetKey

from orchestration.assets.models import MODELS
from orchestration.definitions import defs

CONTRACT_MARTS = [
    "handover_events",
    "district_handover_status",
    "actor_mentions",
    "figures_by_source",
    "entity_candidates",
    "syndication_clusters",
    "source_agreement",
    "event_timeline",
]


def test_code_location_loads_with_every_asset_check_sensor_and_schedule():
    repository = defs.get_repository_def()
    keys = repository.asset_graph.get_all_asset_keys()
    for mart in CONTRACT_MARTS:
        assert AssetKey(["marts", mart]) in keys
    for key in (["raw", "documents"], ["staging", "articles"], ["staging", "sentences"], ["published_warehouse"]):
        assert AssetKey(key) in keys
    assert repository.get_sensor_def("article_folder_sensor")
    assert repository.get_schedule_def("daily_reingest")
    assert repository.get_job("ingest_new")
    assert repository.get_job("rebuild_everything")
    checks = repository.asset_graph.asset_check_keys
    assert any(c.asset_key == AssetKey(["marts", "handover_events"]) and c.name == "evidence" for c in checks)


def test_sql_lineage_is_parsed_from_the_models():
    graph = defs.get_repository_def().asset_graph
    status = graph.get(AssetKey(["marts", "district_handover_status"]))
    assert AssetKey(["marts", "handover_events"]) in status.parent_keys
    events = graph.get(AssetKey(["marts", "handover_events"]))
    assert AssetKey(["intermediate", "handover_statements"]) in events.parent_keys
    assert {m.layer for m in MODELS} == {"staging", "intermediate", "marts"}


def test_every_asset_links_to_its_source():
    graph = defs.get_repository_def().asset_graph
    for key in graph.materializable_asset_keys:
        references = graph.get(key).metadata.get("dagster/code_references")
        assert references and all(Path(r.file_path).is_file() for r in references.code_references), key
    status = graph.get(AssetKey(["marts", "district_handover_status"])).metadata["dagster/code_references"]
    assert [Path(r.file_path).name for r in status.code_references] == ["district_handover_status.sql", "models.py"]
