"""The floor the plugin is measured against: the same project without the plugin.

    python bench/plain.py PROJECT OUT

writes into OUT a MkDocs project that builds the same site as PROJECT (a project using the
`ita` plugin) with plain MkDocs: the generated pages written out beforehand as Markdown, the
machine outputs and the assets as files, the plugin's CSS and scripts listed in
`extra_css` / `extra_javascript`, and the plugin removed from `mkdocs.yml`. The only
differences left are the plugin's work: reading the YAML and the Thai words of the search
index (tests/test_render.py checks that the pages come out the same).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml
from ita_transparency.pages import site_pages
from ita_transparency.plugin import ASSETS
from ita_transparency.render import make_env, render_page
from ita_transparency.site_files import site_outputs
from mkdocs.config import load_config


def write_plain_project(project: Path, out: Path) -> Path:
    config_file = project / "mkdocs.yml"
    config = load_config(str(config_file))
    plugin = config.plugins["ita"]
    plugin.on_config(config)
    checklist = plugin.checklist
    site_url = config.site_url or None

    docs_name = Path(config.docs_dir).name
    docs = out / docs_name
    shutil.copytree(config.docs_dir, docs)
    if config.theme.custom_dir:
        shutil.copytree(config.theme.custom_dir, out / Path(config.theme.custom_dir).name)
    env = make_env(config.theme.get_env())
    for page in site_pages(checklist, plugin.config.warn_days, float(plugin.config.target)):
        path = docs / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(env, page, config.use_directory_urls), encoding="utf-8")
    for name, text in site_outputs(checklist, site_url).items():
        (docs / name).write_text(text, encoding="utf-8")
    shutil.copytree(ASSETS, docs, dirs_exist_ok=True)

    raw = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    raw["plugins"] = [p for p in raw.get("plugins", [])
                      if not (p == "ita" or isinstance(p, dict) and "ita" in p)]
    raw["extra_css"] = list(config.extra_css)
    raw["extra_javascript"] = [str(script) for script in config.extra_javascript]
    (out / "mkdocs.yml").write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    return out


if __name__ == "__main__":
    write_plain_project(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
