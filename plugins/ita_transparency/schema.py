"""JSON Schema of the data files, so editors' YAML tools autocomplete and flag errors.

Point the YAML language server at them, e.g. in VS Code's settings:
`"yaml.schemas": {"schemas/item.schema.json": "data/items/*.yml"}`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .models import Agency, Assessment, Framework, ItemData, Measure

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "agency": (Agency, "data/agency.yml"),
    "item": (ItemData, "data/items/*.yml"),
    "measure": (Measure, "data/measures/*.yml"),
    "assessment": (Assessment, "data/assessments/*.yml"),
    "framework": (Framework, "data/frameworks/*.yml"),
}


def schema_for(kind: str) -> dict[str, Any]:
    model, pattern = SCHEMAS[kind]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"ITA transparency {kind} file ({pattern})"
    return schema
