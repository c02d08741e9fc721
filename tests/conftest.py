"""Shared helpers: run the real `ita` command, lay out data folders in tmp_path."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A copy of the sample agency's data, safe to edit."""
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    return data
