"""Fixtures shared by the tests (the helpers themselves are in helpers.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import ROOT, SAMPLE_DATA, mkdocs_build


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A copy of the sample agency's data, safe to edit."""
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    return data


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample agency's site, built once for the whole test run."""
    site = tmp_path_factory.mktemp("sample") / "site"
    r = mkdocs_build(ROOT, site)
    assert r.returncode == 0, r.stderr
    return site
