"""The MkDocs plugin `ita`: a thin adapter over the core.

on_config  loads and validates the data (every error in one PluginError) and evaluates the
           checklist; on_files adds the generated pages, the machine outputs and the assets;
           on_serve watches the data folder so an edited YAML file rebuilds the preview.
"""

from __future__ import annotations

import gc
import json
from datetime import date
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from .calendar import resolve_as_of
from .links import broken_urls
from .loader import load_dataset
from .pages import site_pages
from .problems import DataInvalid, display_path
from .render import COMPILED, TEMPLATES, DeferredBlocks, make_env, render_page
from .site_files import site_outputs
from .status import SEVERITY, Checklist, evaluate, problem_text
from .thai_search import segment_index

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).parent / "assets"


class ItaConfig(base.Config):
    enabled = c.Type(bool, default=True)
    data_dir = c.Type(str, default="data")
    as_of = c.Optional(c.Type((str, date)))  # MkDocs' YAML reads an unquoted date itself
    warn_days = c.Type(int, default=30)
    checklist_warnings = c.Type(bool, default=True)  # so `mkdocs build --strict` can gate
    warn_from = c.Choice(("missing", "overdue", "incomplete", "blocked", "stale"),
                         default="stale")
    target = c.Type((int, float), default=95)  # results: questions under it need a measure
    thai_search = c.Type(bool, default=True)  # segment Thai words in the search index
    links_cache = c.Type(str, default=".cache/ita/links.json")  # from `ita links`; no network


class ItaPlugin(BasePlugin[ItaConfig]):
    checklist: Checklist | None = None
    data_dir: Path | None = None
    deferred: DeferredBlocks | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path or ".").parent
        self.data_dir = root / self.config.data_dir
        if gc.get_freeze_count():  # a rebuild under `mkdocs serve`: free the last build's data
            gc.unfreeze()
            gc.collect()
        try:
            dataset = load_dataset(self.data_dir)
        except DataInvalid as e:
            message = "\n".join(map(str, e.errors))
            raise PluginError(f"ita: the data has errors:\n{message}") from None
        for warning in dataset.warnings:
            log.info(str(warning))
        try:  # an unquoted date in mkdocs.yml arrives as a date; parse_date reads it as BE
            as_of = resolve_as_of(self.config.as_of)
        except ValueError as e:
            raise PluginError(f"mkdocs.yml: plugins.ita.as_of: {e}") from None
        self.checklist = evaluate(dataset, as_of, self.config.warn_days,
                                  broken_urls(root / self.config.links_cache))
        # The data lives until the build ends: keep the cyclic collector from rescanning its
        # objects at every full collection of the build (1 s of the large benchmark's build).
        gc.freeze()
        config.theme.dirs.append(str(TEMPLATES))  # after custom_dir: overrides win
        config.extra_css.insert(0, "ita/ita.css")
        config.extra_javascript[:0] = ["ita/vendor/tablesort.min.js",
                                       "ita/vendor/tablesort.number.min.js", "ita/ita.js"]
        if self.config.thai_search:
            config.extra_javascript.insert(0, "ita/thai-search.js")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.checklist is None:
            return files
        checklist = self.checklist
        env = make_env(config.theme.get_env())
        self.deferred = deferred = DeferredBlocks()
        for page in site_pages(checklist, self.config.warn_days, float(self.config.target)):
            text = render_page(env, page, config.use_directory_urls)
            files.append(File.generated(config, page.src_uri, content=deferred.defer(text)))
        for name, content in site_outputs(checklist, config.site_url or None).items():
            files.append(File.generated(config, name, content=content))
        for path in sorted(ASSETS.rglob("*")):
            if path.is_file():
                files.append(File.generated(config, path.relative_to(ASSETS).as_posix(),
                                            abs_src_path=str(path)))
        self._report(checklist)
        return files

    def _report(self, checklist: Checklist) -> None:
        limit = SEVERITY[self.config.warn_from]
        files = checklist.dataset.item_files
        for item in checklist.items:
            where = display_path(files[item.id]) if item.id in files else f"{item.id} (no file)"
            line = f"{where}: {item.status}: {problem_text(item) or item.title}"
            if self.config.checklist_warnings and SEVERITY[item.status] <= limit:
                log.warning(line)
            elif item.status not in ("ok", "not_applicable"):
                log.info(line)

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        if env.bytecode_cache is None:  # the theme's templates, compiled once per process
            env.bytecode_cache = COMPILED
        return env

    @event_priority(100)  # before any other plugin looks at the page's HTML
    def on_page_content(self, html: str, /, *, page, config: MkDocsConfig, files: Files):
        return self.deferred.restore(html) if self.deferred else html

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index_path = Path(config.site_dir) / "search" / "search_index.json"
        if not (self.config.enabled and self.config.thai_search and index_path.is_file()):
            return
        index, vocabulary = segment_index(json.loads(index_path.read_text(encoding="utf-8")))
        index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                              encoding="utf-8")
        (index_path.parent / "thai_vocab.json").write_text(
            json.dumps(vocabulary, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):
        if self.data_dir is not None and self.data_dir.is_dir():
            server.watch(str(self.data_dir))
        return server
