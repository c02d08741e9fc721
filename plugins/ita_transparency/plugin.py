"""The MkDocs plugin `ita`: a thin adapter that loads and validates the agency's data.

All the work is in the core; this file only translates between MkDocs and it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .calendar import parse_date
from .loader import Dataset, load_dataset
from .problems import DataInvalid
from .status import Checklist, evaluate

log = get_plugin_logger(__name__)


class ItaConfig(base.Config):
    enabled = c.Type(bool, default=True)
    data_dir = c.Type(str, default="data")
    as_of = c.Optional(c.Type((str, date)))  # MkDocs' YAML reads an unquoted date itself
    warn_days = c.Type(int, default=30)


class ItaPlugin(BasePlugin[ItaConfig]):
    dataset: Dataset | None = None
    checklist: Checklist | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path or ".").parent
        data_dir = root / self.config.data_dir
        try:
            self.dataset = load_dataset(data_dir)
        except DataInvalid as e:
            message = "\n".join(map(str, e.errors))
            raise PluginError(f"ita: the data has errors:\n{message}") from None
        for warning in self.dataset.warnings:
            log.info(str(warning))
        as_of_value = self.config.as_of or os.environ.get("ITA_AS_OF")
        if isinstance(as_of_value, date):  # read by MkDocs' YAML as a CE date
            as_of_value = as_of_value.isoformat()
        try:
            as_of = parse_date(as_of_value) if as_of_value else None
        except ValueError as e:
            raise PluginError(f"mkdocs.yml: plugins.ita.as_of: {e}") from None
        self.checklist = evaluate(self.dataset, as_of or date.today(), self.config.warn_days)
        return config
