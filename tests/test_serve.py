"""`mkdocs serve`: an edit to a YAML file in data/ shows up in the preview."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from helpers import make_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, needle: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    body = None
    while time.monotonic() < deadline:
        body = _get(url)
        if body and needle in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} did not appear at {url} within {timeout}s")


def test_yaml_edit_rebuilds_the_preview(tmp_path: Path):
    project = make_project(tmp_path)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/ita/oit/O1/"  # site_url mounts the site at /ita/
        _wait_for(url, "แผนผังโครงสร้างสำนักงาน")
        item = project / "data" / "items" / "O1.yml"
        item.write_text(item.read_text("utf-8").replace(
            "แผนผังโครงสร้างสำนักงาน", "แผนผังโครงสร้างสำนักงาน ฉบับปรับปรุง"), encoding="utf-8")
        _wait_for(url, "แผนผังโครงสร้างสำนักงาน ฉบับปรับปรุง")
        # a broken edit is reported in the log with its file and line; fixing it brings
        # the preview back
        good = item.read_text("utf-8")
        item.write_text("id: O1\npublications: [\n", encoding="utf-8")
        time.sleep(3)
        item.write_text(good.replace("ฉบับปรับปรุง", "ฉบับแก้ไข"), encoding="utf-8")
        _wait_for(url, "ฉบับแก้ไข")
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0].decode("utf-8", "replace")
    assert ("data/items/O1.yml:3: YAML syntax error: the file ends in the middle of a value"
            in out), out


def test_rebuilds_in_one_process_free_the_previous_build(tmp_path: Path):
    """The plugin freezes the loaded data for the build (gc.freeze); a rebuild under
    `mkdocs serve` must let the previous build's objects go, not freeze them again."""
    import gc

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = make_project(tmp_path)
    frozen = []
    try:
        for _ in range(4):
            build(load_config(str(project / "mkdocs.yml")))
            frozen.append(gc.get_freeze_count())
    finally:
        gc.unfreeze()
    assert frozen[0] > 0
    assert max(frozen[1:]) - min(frozen[1:]) < 0.02 * frozen[1], frozen
