"""ITA Transparency Pages: an agency's ITA disclosures as YAML, checked and published.

The core (calendar, models, loader, schedule, status, outputs) imports nothing from MkDocs;
`plugin` is the thin MkDocs adapter and `cli` the `ita` command.
"""

__version__ = "0.1.0"
