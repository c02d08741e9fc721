"""The generated pages reach MkDocs as Markdown whose HTML blocks are placeholders, put back
after Markdown (render.DeferredBlocks): the site must come out exactly as if MkDocs had read
the whole pages, which is also what the benchmark's floor builds (bench/plain.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import yaml
from helpers import ROOT, make_project, mkdocs_build
from ita_transparency.render import CompiledTemplates, DeferredBlocks

sys.path.insert(0, str(ROOT / "bench"))
from plain import write_plain_project  # noqa: E402


def test_the_plugin_builds_the_pages_plain_mkdocs_builds_from_the_written_out_markdown(
        sample_site: Path, tmp_path: Path):
    plain = write_plain_project(ROOT, tmp_path / "plain")
    plugins = yaml.safe_load((plain / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    assert plugins == [{"search": {"lang": "en"}}]
    r = mkdocs_build(plain, tmp_path / "site")
    assert r.returncode == 0, r.stderr
    pages = sorted(p.relative_to(sample_site) for p in sample_site.rglob("*.html"))
    generated = [p for p in pages if p.parts[0] in ("oit", "checklist", "units", "measures",
                                                      "results")]
    assert len(generated) > 60
    for page in pages:
        ours = (sample_site / page).read_text(encoding="utf-8")
        assert "<!-- ita:" not in ours, page
        assert ours == (tmp_path / "site" / page).read_text(encoding="utf-8"), page
    for name in ("checklist.json", "checklist.csv", "itas.csv", "feed.xml", "ita/ita.css"):
        assert (sample_site / name).read_bytes() == (tmp_path / "site" / name).read_bytes()


def test_html_blocks_are_swapped_for_placeholders_and_put_back():
    deferred = DeferredBlocks()
    page = ("---\ntitle: x\n---\n\n<h1>O1 &lt;b&gt;</h1>\n\n## ผู้รับผิดชอบ\n\n"
            "<table>\n<tr><td>a</td></tr>\n</table>\n\ntext with <span>inline</span>\n\n"
            "<div>\n<p>opened here</p>\n\n</div>\n")
    text = deferred.defer(page)
    assert "<table>" not in text and "<h1>" not in text
    assert "## ผู้รับผิดชอบ" in text and "text with <span>inline</span>" in text
    assert "<div>\n<p>opened here</p>" in text  # not closed in its chunk: Markdown reads it
    html = "\n".join(line for line in text.split("\n\n")[1:] if line.startswith("<!--"))
    assert deferred.restore(html) == "<h1>O1 &lt;b&gt;</h1>\n<table>\n<tr><td>a</td></tr>\n</table>"


def test_a_page_with_a_code_fence_and_a_forged_placeholder_are_left_alone():
    deferred = DeferredBlocks()
    fenced = "```html\n<div>\n</div>\n```\n\n<p>x</p>\n"
    assert deferred.defer(fenced) == fenced
    forged = "<p><!-- ita:0000000000000000:0 --></p>"
    assert deferred.restore(forged) == forged


def test_templates_are_compiled_once_per_process_and_an_edited_override_anew(
        tmp_path: Path, monkeypatch):
    """What `mkdocs serve` does on every save: the config loaded again, the site built again."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = make_project(tmp_path)
    config_file = project / "mkdocs.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8").replace(
        "font: false}", "font: false, custom_dir: overrides}"), encoding="utf-8")
    override = project / "overrides" / "ita" / "item.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p>แบบที่ 1 {{ item.id }}</p>\n", encoding="utf-8")
    compiled: list[str] = []
    compile_ = jinja2.Environment._compile

    def counting(env, source, filename):
        compiled.append(filename)
        return compile_(env, source, filename)

    monkeypatch.setattr(jinja2.Environment, "_compile", counting)

    def rebuild() -> str:
        compiled.clear()
        build(load_config(str(config_file)))
        return (project / "site" / "oit" / "O1" / "index.html").read_text(encoding="utf-8")

    assert "แบบที่ 1 O1" in rebuild()
    assert any(f.endswith("main.html") for f in compiled) and str(override) in compiled
    assert "แบบที่ 1 O1" in rebuild()
    assert [f for f in compiled if "ita" in f or f.endswith("main.html")] == []
    override.write_text("<p>แบบที่ 2 {{ item.id }}</p>\n", encoding="utf-8")
    assert "แบบที่ 2 O1" in rebuild()
    assert compiled == [str(override)]


def test_environments_that_compile_differently_do_not_share_compiled_code():
    cache = CompiledTemplates()
    loader = jinja2.DictLoader({"t.html": "{{ x }}|{% if true %}\n  y{% endif %}"})
    plain = jinja2.Environment(loader=loader, bytecode_cache=cache)
    assert plain.get_template("t.html").render(x="<b>") == "<b>|\n  y"
    escaping = jinja2.Environment(loader=loader, bytecode_cache=cache, autoescape=True)
    assert escaping.get_template("t.html").render(x="<b>") == "&lt;b&gt;|\n  y"
    trimming = jinja2.Environment(loader=loader, bytecode_cache=cache, trim_blocks=True,
                                  lstrip_blocks=True)
    assert trimming.get_template("t.html").render(x="<b>") == "<b>|  y"
    chosen = jinja2.Environment(loader=loader, bytecode_cache=cache,
                                autoescape=jinja2.select_autoescape(["html"]))
    assert chosen.get_template("t.html").render(x="<b>") == "&lt;b&gt;|\n  y"
    again = jinja2.Environment(loader=loader, bytecode_cache=cache, autoescape=True)
    assert again.get_template("t.html").render(x="<b>") == "&lt;b&gt;|\n  y"
