"""The files a site publishes beside its pages, for the plugin and anything that writes the
same site out (bench/plain.py): one list, so the two cannot drift apart."""

from __future__ import annotations

from .feeds import deadlines_ics, publications_atom
from .outputs import checklist_csv, checklist_json, itas_csv
from .status import Checklist


def site_outputs(checklist: Checklist, site_url: str | None = None) -> dict[str, str]:
    """File name -> content. `site_url` makes the links in the ITAS sheet and the feeds
    absolute."""
    return {
        "checklist.json": checklist_json(checklist),
        "checklist.csv": checklist_csv(checklist),
        "itas.csv": itas_csv(checklist, site_url),
        "deadlines.ics": deadlines_ics(checklist, site_url),
        "feed.xml": publications_atom(checklist, site_url),
    }
