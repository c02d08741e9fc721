"""Helpers shared by the tests: run the real `ita` command, lay out data folders and MkDocs
projects in tmp_path, build sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
CASES = Path(__file__).parent / "cases"
SAMPLE_DATA = ROOT / "data"


def run_ita(*args: str, cwd: Path | None = None, env: dict | None = None
            ) -> subprocess.CompletedProcess:
    """The CLI as a user runs it: a separate process, its exit code and its two streams."""
    return subprocess.run(
        [sys.executable, "-m", "ita_transparency.cli", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=120,
    )


def copy_case(case: Path, tmp_path: Path, with_test_framework: bool = True) -> Path:
    data = tmp_path / "data"
    shutil.copytree(case, data, ignore=shutil.ignore_patterns("expected*"))
    if with_test_framework:
        (data / "frameworks").mkdir(exist_ok=True)
        shutil.copy(FIXTURES / "frameworks" / "ita-2570.yml", data / "frameworks")
    return data


def mkdocs_build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site), *extra],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def make_project(root: Path, data: Path | None = None, mkdocs_extra: str = "",
                 as_of: str = "2570-02-15") -> Path:
    """A minimal MkDocs project around a data folder (the small test case by default)."""
    if data is None:
        copy_case(CASES / "valid" / "small", root)
    else:
        shutil.copytree(data, root / "data")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# ทดสอบ\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: ทดสอบ\nsite_url: https://www.test.go.th/ita/\n"
        "theme: {name: material, language: th, font: false}\n"
        f"plugins:\n  - ita:\n      as_of: '{as_of}'\n{mkdocs_extra}", encoding="utf-8")
    return root
