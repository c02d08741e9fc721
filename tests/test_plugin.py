"""The MkDocs plugin, in real `mkdocs build` runs on projects laid out in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import CASES, ROOT, copy_case


def _project(tmp_path: Path, case: Path, as_of: str = "2570-02-15") -> Path:
    copy_case(case, tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# ทดสอบ\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: ทดสอบ\ntheme: {name: material, language: th, font: false}\n"
        f"plugins:\n  - ita:\n      as_of: '{as_of}'\n", encoding="utf-8")
    return tmp_path


def _build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", "site"],
                          cwd=project, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_valid_data_builds(tmp_path: Path):
    r = _build(_project(tmp_path, CASES / "valid" / "small"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_broken_data_fails_the_build_with_the_validate_messages(tmp_path: Path):
    project = _project(tmp_path, CASES / "invalid" / "broken")
    r = _build(project)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    expected = (CASES / "invalid" / "broken" / "expected.txt").read_text(encoding="utf-8")
    for line in expected.splitlines():
        if line.startswith("warning:") or " errors in " in line:
            continue
        assert line in r.stderr, line
    assert not (project / "site" / "index.html").exists()  # nothing half-published


def test_bad_as_of_in_mkdocs_yml(tmp_path: Path):
    r = _build(_project(tmp_path, CASES / "valid" / "small", as_of="2570-02-30"))
    assert r.returncode == 1
    assert "mkdocs.yml: plugins.ita.as_of: '2570-02-30' is not a real date" in r.stderr


def test_sample_site_builds(tmp_path: Path):
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path)],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "index.html").is_file()
