"""The assets by layer."""

import warnings
from pathlib import Path

from dagster import BetaWarning, CodeReferencesMetadataValue, LocalFileCodeReference


def source_file(path: Path, label: str) -> dict:
    """Asset metadata linking an asset to the file it is built from (an SQL model, a reference CSV): the UI then
    opens that file, besides the Python that runs it, which with_source_code_references adds in definitions.py."""
    with warnings.catch_warnings(action="ignore", category=BetaWarning):  # a beta API, stable enough for a link
        reference = LocalFileCodeReference(file_path=str(path), label=label)
        return {"dagster/code_references": CodeReferencesMetadataValue(code_references=[reference])}
