"""Evidence links: checked before the auditor checks them.

Offline checks need no network and run with every validation: the defects found in the
seeds (a URL cut by a page break, `FRCWeb2` for `ERCWeb2`, `moid` for `muid`, a stray `G`
after `.JPG`), http instead of https, evidence off the agency's own site, one URL used for
unrelated items, and an item whose evidence changed since the ITAS answer sheet was sent.

The online check (`ita links`) fetches every evidence URL politely: HEAD first, GET without
reading the body where HEAD is refused, redirects followed and reported, bounded
concurrency, one request at a time per host at a limited rate, and results cached on disk
so that a second run is cheap and a site build never needs the network.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, unquote_to_bytes, urlsplit

from .problems import Problem

DEFAULT_CACHE = Path(".cache/ita/links.json")
DEFAULT_TTL_HOURS = 24.0
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_STRAY_AFTER_EXT = re.compile(r"\.(pdf|jpe?g|png|gif|docx?|xlsx?|pptx?|zip)([^/?#.][^/?#]*)$",
                              re.IGNORECASE)


# --- syntax (errors, raised from the model's URL check) -------------------------------------

_FIRST_SEGMENT = re.compile(r"/*([^/]+)")
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?:[^/?#@]*@)?"
                  r"(?P<host>\[[^\]]*\]|[^/?#:]*)(?::[0-9]*)?(?P<path>[^?#]*)"
                  r"(?:\?(?P<query>[^#]*))?(?:#.*)?$")


@dataclass(frozen=True)
class Parts:
    """What the checks need of a URL; a regex split, much cheaper than urllib's for the tens
    of thousands of evidence URLs of a large agency."""

    scheme: str
    host: str
    path: str
    query: str


@lru_cache(maxsize=1 << 17)
def split_url(url: str) -> Parts | None:
    m = _URL.match(url)
    if not m:
        return None
    return Parts(m["scheme"].lower(), m["host"].lower(), m["path"] or "", m["query"] or "")



def syntax_problem(url: str, path: str | None = None) -> str | None:
    """Why `url` cannot work as written, or None."""
    if "%" not in url:
        return None
    if _PERCENT.search(url):
        return (f"'{url}' has a broken percent-encoding ('%' not followed by two hex digits): "
                "the address may have been cut, e.g. by a page break")
    path = urlsplit(url).path if path is None else path
    try:
        unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        return (f"'{url}' has a cut percent-encoded character (the bytes of a Thai letter "
                "are incomplete): the address may have been split across lines")
    return None


# --- offline warnings -----------------------------------------------------------------------


class Evidence(NamedTuple):
    item_id: str
    index: int
    url: str
    file: str
    located: Any  # yamlio.Located: the line is looked up only when there is a warning

    def line(self) -> int | None:
        if self.located is None:
            return None
        return self.located.line(("publications", self.index, "url"))


def _host(url: str) -> str:
    parts = split_url(url)
    return parts.host if parts else ""


def under_domains(host: str, domains: Iterable[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def offline_warnings(evidence: list[Evidence], website: str, domains: list[str],
                     related: Callable[[str, str], bool],
                     submitted: dict[str, str] | None = None,
                     latest: dict[str, str] | None = None,
                     sheet_name: str = "") -> list[Problem]:
    """Warnings about evidence URLs that need no network."""
    found: list[Problem] = []

    def warn(ev: Evidence, message: str) -> None:
        found.append(Problem(ev.file, ev.line(), f"publications[{ev.index}].url", message,
                             "warning"))

    site_host = _host(website)
    own = [site_host.removeprefix("www."), *domains] if site_host else list(domains)
    first_segments: dict[str, Counter] = defaultdict(Counter)
    params: dict[tuple[str, str], Counter] = defaultdict(Counter)
    split = {}
    for ev in evidence:
        if ev.url in split:
            parts, host, segment, names = split[ev.url]
        else:
            parts = split_url(ev.url) or Parts("", "", "", "")
            host = parts.host
            first = _FIRST_SEGMENT.match(parts.path)
            segment = first.group(1) if first else None
            names = tuple(sorted(k for k, _ in parse_qsl(parts.query, keep_blank_values=True)))
            split[ev.url] = (parts, host, segment, names)
        if segment:
            first_segments[host][segment] += 1
        if parts.query:
            params[(host, parts.path)][names] += 1

    users: dict[str, set[str]] = defaultdict(set)
    for ev in evidence:
        users[ev.url].add(ev.item_id)
    for ev in evidence:
        parts, host, seg, names = split[ev.url]
        if parts.scheme == "http" and website.startswith("https:"):
            warn(ev, "plain http: the agency's site uses https; write https:// so the link is "
                 "not redirected or blocked")
        if own and not under_domains(host, own):
            warn(ev, f"the evidence is on {host}, not on the agency's website ({site_host}); "
                 "auditors look for disclosures on the agency's main website")
        stray = _STRAY_AFTER_EXT.search(parts.path)
        if stray:
            warn(ev, f"stray characters '{stray.group(2)}' after '.{stray.group(1)}' at the "
                 "end of the address")
        if re.search(r"[.,;:)\]'\"]$", ev.url):
            warn(ev, f"the address ends with '{ev.url[-1]}', probably punctuation from the "
                 "surrounding text")
        counts = first_segments[host]
        if seg and counts:
            common, n = counts.most_common(1)[0]
            if (seg != common and counts[seg] == 1 and n >= 3
                    and difflib.SequenceMatcher(None, seg.lower(), common.lower()).ratio() >= 0.8):
                warn(ev, f"'/{seg}/' looks like a typo of '/{common}/', which the agency's "
                     f"other {n} links on {host} use")
        if parts.query:
            seen = params[(host, parts.path)]
            usual, n = seen.most_common(1)[0]
            if names != usual and seen[names] == 1 and n >= 2:
                odd = [k for k in names if k not in usual]
                for name in odd:
                    hint = difflib.get_close_matches(name, usual, n=1, cutoff=0.5)
                    if hint:
                        warn(ev, f"query parameter '{name}': the other links to {parts.path} "
                             f"use '{hint[0]}'")
        others = sorted(i for i in users[ev.url] if i != ev.item_id and not related(ev.item_id, i))
        if others:
            warn(ev, f"the same address is the evidence of {', '.join(others)}, an unrelated "
                 "item; each item needs its own evidence")
    if submitted and latest:
        for item_id, url in submitted.items():
            now = latest.get(item_id)
            if url and now and url != now:
                found.append(Problem(sheet_name, None, item_id, (
                    f"the ITAS answer sheet gave {url}, but the item's evidence is now {now}; "
                    "auditors re-check the submitted link in the clarification round, so keep "
                    "the old address working (or redirect it)"), "warning"))
    return found


def read_answer_sheet(path: Path) -> dict[str, str]:
    """item -> URL from an ITAS answer sheet exported by `ita export itas`."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return {row[0]: row[3] for row in rows[1:] if len(row) >= 4 and row[3]}


# --- the online check -----------------------------------------------------------------------


@dataclass
class LinkResult:
    url: str
    ok: bool
    status: int | None = None
    final_url: str | None = None
    redirects: list[str] = field(default_factory=list)
    error: str | None = None
    method: str = "HEAD"
    checked_at: float = 0.0

    @property
    def problem(self) -> str:
        if self.ok:
            return "redirected" if self.redirects else "ok"
        return self.error or f"HTTP {self.status}"


class LinkCache:
    """Results on disk with a time-to-live. Never written inside data/."""

    def __init__(self, path: Path, ttl_hours: float = DEFAULT_TTL_HOURS):
        self.path = path
        self.ttl = ttl_hours * 3600
        self.entries: dict[str, LinkResult] = {}
        if path.is_file():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                self.entries = {u: LinkResult(**r) for u, r in raw.get("links", {}).items()}
            except (ValueError, TypeError):
                self.entries = {}

    def fresh(self, url: str, now: float) -> LinkResult | None:
        hit = self.entries.get(url)
        return hit if hit and now - hit.checked_at < self.ttl else None

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"links": {u: asdict(r) for u, r in sorted(self.entries.items())}}
        self.path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


class _HostPacer:
    """One request at a time per host, and at most `rate` per second."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self.last: dict[str, float] = {}
        self.guard = threading.Lock()

    def slot(self, host: str) -> threading.Lock:
        with self.guard:
            return self.locks[host]

    def wait(self, host: str) -> None:
        gap = self.interval - (time.monotonic() - self.last.get(host, -1e9))
        if gap > 0:
            time.sleep(gap)
        self.last[host] = time.monotonic()


def _fetch(client, url: str, timeout: float) -> LinkResult:
    import httpx

    result = LinkResult(url=url, ok=False, checked_at=time.time())
    try:
        response = client.head(url, timeout=timeout)
        if response.status_code in (405, 501, 403) or response.status_code >= 500:
            # HEAD refused (or mishandled): ask with GET, but read no body
            result.method = "GET"
            with client.stream("GET", url, timeout=timeout) as streamed:
                response = streamed
        result.status = response.status_code
        result.redirects = [str(r.url) for r in response.history]  # each hop, in order
        result.final_url = str(response.url)
        result.ok = 200 <= response.status_code < 400
    except httpx.TooManyRedirects:
        result.error = "redirect loop (or more than 10 redirects)"
    except httpx.TimeoutException:
        result.error = f"no answer within {timeout:g} s"
    except httpx.HTTPError as e:
        result.error = f"cannot connect: {type(e).__name__}"
    return result


def check_links(urls: list[str], cache: LinkCache, *, concurrency: int = 8,
                timeout: float = 10.0, rate: float = 2.0,
                progress: Callable[[LinkResult, bool], None] | None = None
                ) -> dict[str, LinkResult]:
    """Every URL's result, from the cache when fresh, else fetched."""
    import httpx

    now = time.time()
    results: dict[str, LinkResult] = {}
    todo = []
    for url in dict.fromkeys(urls):
        hit = cache.fresh(url, now)
        if hit is not None:
            results[url] = hit
            if progress:
                progress(hit, True)
        else:
            todo.append(url)
    pacer = _HostPacer(rate)
    headers = {"User-Agent": "ita-transparency link check (+https://www.nacc.go.th/ ITA)"}
    with httpx.Client(follow_redirects=True, max_redirects=10, headers=headers) as client:

        def one(url: str) -> LinkResult:
            host = _host(url)
            with pacer.slot(host):
                pacer.wait(host)
                return _fetch(client, url, timeout)

        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            for result in pool.map(one, todo):
                results[result.url] = result
                cache.entries[result.url] = result
                if progress:
                    progress(result, False)
    cache.save()
    return results


def broken_urls(cache_path: Path | None) -> frozenset[str]:
    """The URLs a previous `ita links` found broken (no network; missing cache: none)."""
    if cache_path is None or not cache_path.is_file():
        return frozenset()
    cache = LinkCache(cache_path, ttl_hours=float("inf"))
    return frozenset(u for u, r in cache.entries.items() if not r.ok)
