"""The CI templates agencies copy: valid YAML that runs the gates the README promises."""

from __future__ import annotations

import yaml
from helpers import ROOT


def _commands(doc) -> str:
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("run", "script", "before_script"):
                    found.extend(value if isinstance(value, list) else [value])
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    return "\n".join(found)


def test_templates_run_validate_check_and_strict_build():
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        doc = yaml.safe_load((ROOT / "ci-templates" / name).read_text(encoding="utf-8"))
        commands = _commands(doc)
        assert "ita validate --data data" in commands, name
        assert "ita check --data data --fail-on overdue" in commands, name
        assert "mkdocs build --strict" in commands, name
        assert "pip install" in commands and "-e ." in commands, name
