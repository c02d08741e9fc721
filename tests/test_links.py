"""Evidence links: offline checks on the seeds' real defects, and `ita links` against a real
HTTP server on 127.0.0.1 (no other address is ever contacted)."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from helpers import CASES, copy_case, make_project, mkdocs_build, run_ita

ERC = "https://www.erc.or.th/ERCWeb2/Upload/Document/ita"


def _data(tmp_path: Path, items: dict[str, list[dict]], website="https://www.erc.or.th",
          domains=("erc.or.th",)) -> Path:
    data = copy_case(CASES / "valid" / "small", tmp_path)
    agency = yaml.safe_load((data / "agency.yml").read_text("utf-8"))
    agency.update(website=website, evidence_domains=list(domains))
    (data / "agency.yml").write_text(yaml.safe_dump(agency, allow_unicode=True), "utf-8")
    for path in (data / "items").iterdir():
        path.unlink()
    for item_id, pubs in items.items():
        body = {"id": item_id, "publications": pubs}
        (data / "items" / f"{item_id}.yml").write_text(
            yaml.safe_dump(body, allow_unicode=True, sort_keys=False), "utf-8")
    return data


def _pub(url: str, published: str = "2569-11-01", **extra) -> dict:
    return {"url": url, "published": published, **extra}


# --- offline: the defect classes of seed 000 (digest C.5) -----------------------------------

def test_url_cut_by_a_page_break_is_an_error(tmp_path: Path):
    # seed 000 L47: the JPG address ends in the middle of a percent-encoded Thai letter
    cut = ("https://www.erc.or.th/ERCWeb2/Upload/picture/%E0%B8%AA%E0%B8%B2%E0%B8%A3%E0%B8%88"
           "%E0%B8%B2%E0%B8%81%E0%B9%80%E0%B8%A5%E0%B8%82%E0%B8%B2%E0%B8%98%E0%B8%B4%")
    _data(tmp_path, {"O1": [_pub(cut)]})
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2
    assert "data/items/O1.yml:3: publications[0].url:" in r.stderr
    assert "broken percent-encoding" in r.stderr


def test_cut_thai_letter_is_an_error(tmp_path: Path):
    _data(tmp_path, {"O1": [_pub("https://www.erc.or.th/ERCWeb2/%E0%B8%AA%E0%B8.pdf")]})
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2 and "cut percent-encoded character" in r.stderr


def test_stray_character_after_jpg(tmp_path: Path):
    # seed 000 L50: "...%A3.JPG G" (a space then a stray G) and the same without the space
    _data(tmp_path, {"O1": [_pub("https://www.erc.or.th/ERCWeb2/Upload/picture/a.JPG G")]})
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2 and "contains a space" in r.stderr
    _data(tmp_path / "b", {"O1": [_pub("https://www.erc.or.th/ERCWeb2/Upload/picture/a.JPGG")]})
    r = run_ita("validate", "--data", "data", cwd=tmp_path / "b")
    assert r.returncode == 0
    assert "stray characters 'G' after '.JPG'" in r.stderr


def test_wrong_host_path_and_query_names(tmp_path: Path):
    news = "https://www.erc.or.th/ERCWeb2/Front/News/NewsDetail.aspx"
    _data(tmp_path, {"O1": [
        _pub(f"{ERC}/O1.pdf"), _pub(f"{ERC}/O1-2.pdf"), _pub(f"{ERC}/O1-3.pdf"),
        # seed 000 L51: FRCWeb2 for ERCWeb2
        _pub("https://www.erc.or.th/FRCWeb2/Upload/Document/ita/2565/O31.pdf"),
        _pub(f"{news}?rid=100&CatId=1&muid=36&prid=21"),
        _pub(f"{news}?rid=101&CatId=1&muid=36&prid=21"),
        # seed 000 L87: moid/pid for muid/prid
        _pub(f"{news}?rid=102&CatId=1&moid=36&pid=21"),
    ]})
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert ("data/items/O1.yml:9: publications[3].url: '/FRCWeb2/' looks like a typo of "
            "'/ERCWeb2/'") in r.stderr
    assert "O1.yml:15: publications[6].url: query parameter 'moid': the other links to " in r.stderr
    assert "query parameter 'pid'" in r.stderr
    assert r.stderr.count("looks like a typo") == 1


def test_http_and_off_site_evidence(tmp_path: Path):
    _data(tmp_path, {"O1": [_pub("http://www.erc.or.th/ERCWeb2/a.pdf"),
                            _pub("https://drive.example.com/file/abc")]})
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert "publications[0].url: plain http" in r.stderr
    assert ("publications[1].url: the evidence is on drive.example.com, not on the agency's "
            "website (www.erc.or.th); auditors look for disclosures on the agency's main "
            "website") in r.stderr


def test_same_url_for_unrelated_items(tmp_path: Path):
    shared = f"{ERC}/2570/plan.pdf"
    _data(tmp_path, {"O1": [_pub(shared)],
                     "O3": [_pub(shared, period=2570)],
                     "O4": [_pub(shared, period="2570-H1")]})
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    o1 = [line for line in r.stderr.splitlines() if "O1.yml" in line]
    assert o1 == ["warning: data/items/O1.yml:3: publications[0].url: the same address is the "
                  "evidence of O3, O4, an unrelated item; each item needs its own evidence"]
    # O4 depends on O3 in the catalog: sharing between them is not flagged
    o4 = [line for line in r.stderr.splitlines() if "O4.yml" in line]
    assert len(o4) == 1 and "evidence of O1," in o4[0] and "O3" not in o4[0]


def test_url_changed_since_the_itas_answer_sheet(tmp_path: Path):
    data = _data(tmp_path, {"O1": [_pub(f"{ERC}/O1-old.pdf", "2569-10-01"),
                                   _pub(f"{ERC}/O1-new.pdf", "2570-01-10")]})
    (data / "itas-submitted.csv").write_text(
        "\ufeffข้อ,หัวข้อ,มี/ไม่มี,URL,คำอธิบาย\n"
        f"O1,โครงสร้าง,มี,{ERC}/O1-old.pdf,แผนผัง\n", encoding="utf-8")
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert (f"warning: data/itas-submitted.csv: O1: the ITAS answer sheet gave {ERC}/O1-old.pdf, "
            f"but the item's evidence is now {ERC}/O1-new.pdf") in r.stderr


# --- online, against a local server ---------------------------------------------------------

HUGE = 50 * 1024 * 1024


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: Counter = Counter()
        self.sent_huge = 0


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _route(self, method: str) -> None:
        path = unquote(self.path)
        self.server.hits[(method, path)] += 1
        if path == "/slow":
            time.sleep(3)
        if path in ("/ok", "/ข้อมูล O1.pdf", "/slow"):
            return self._send(200)
        if path == "/missing":
            return self._send(404)
        if path == "/error":
            return self._send(500)
        redirects = {"/r1": "/r2", "/r2": "/ok", "/loop-a": "/loop-b", "/loop-b": "/loop-a"}
        if path in redirects:
            self.send_response(301 if path in ("/r1", "/loop-a") else 302)
            self.send_header("Location", redirects[path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path in ("/nohead", "/huge") and method == "HEAD":
            return self._send(405)
        if path == "/nohead":
            return self._send(200)
        if path == "/huge":
            self.send_response(200)
            self.send_header("Content-Length", str(HUGE))
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(HUGE // len(chunk)):
                    self.wfile.write(chunk)
                    self.server.sent_huge += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        return self._send(404)

    def _send(self, status: int) -> None:
        body = b"" if self.command == "HEAD" else b"ok"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body) if self.command != "HEAD" else 0))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_HEAD(self):
        self._route("HEAD")

    def do_GET(self):
        self._route("GET")


@pytest.fixture
def local_server():
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


CASES_ONLINE = {
    "/ok": (True, 200, None),
    "/missing": (False, 404, None),
    "/error": (False, 500, None),
    "/r1": (True, 200, "redirects"),
    "/loop-a": (False, None, "redirect loop (or more than 10 redirects)"),
    "/slow": (False, None, "no answer within 1 s"),
    "/nohead": (True, 200, "GET"),
    "/huge": (True, 200, "GET"),
    "/ข้อมูล%20O1.pdf": (True, 200, None),  # percent-encoded space, raw Thai
    "/%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9%E0%B8%A5%20O1.pdf": (True, 200, None),
}


def test_ita_links_reports_each_case_and_caches(tmp_path: Path, local_server):
    server, base = local_server
    _data(tmp_path, {"O1": [_pub(base + path) for path in CASES_ONLINE],
                     "O3": [_pub(base + "/missing", period=2570)]},
          website=base, domains=["127.0.0.1"])
    cache = tmp_path / "cache" / "links.json"
    args = ("links", "--data", "data", "--timeout", "1", "--rate", "100", "--cache", str(cache),
            "--format", "json", "--fail-on-broken")
    r = run_ita(*args, cwd=tmp_path)
    assert r.returncode == 1, r.stderr  # broken links and --fail-on-broken
    report = {link["url"][len(base):]: link for link in json.loads(r.stdout)["links"]}
    for path, (ok, status, note) in CASES_ONLINE.items():
        link = report[path]
        assert link["ok"] is ok, (path, link)
        assert link["status"] == status, (path, link)
        if note == "redirects":
            assert link["redirects"] == [base + "/r1", base + "/r2"]
            assert link["final_url"] == base + "/ok"
        elif note == "GET":
            assert link["method"] == "GET"
        elif note:
            assert link["error"] == note, (path, link)
    assert report["/missing"]["items"] == ["O1", "O3"]
    assert server.sent_huge < 5 * 1024 * 1024  # the huge body was not downloaded whole
    hits = sum(server.hits.values())

    # a second run is served from the cache: not one request more
    r2 = run_ita(*args, cwd=tmp_path)
    assert r2.returncode == 1
    assert sum(server.hits.values()) == hits
    assert json.loads(r2.stdout)["links"] == json.loads(r.stdout)["links"]

    # the checklist counts dead evidence as unpublished, without the network
    r3 = run_ita("check", "--data", "data", "--as-of", "2570-02-15", "--format", "json",
                 "--links-cache", str(cache), cwd=tmp_path)
    items = {i["id"]: i for i in json.loads(r3.stdout)["items"]}
    assert items["O3"]["status"] == "missing"  # its only evidence is a 404
    assert items["O1"]["status"] == "ok"
    assert sum(server.hits.values()) == hits


def test_ttl_zero_checks_again(tmp_path: Path, local_server):
    server, base = local_server
    _data(tmp_path, {"O1": [_pub(base + "/ok")]}, website=base, domains=["127.0.0.1"])
    cache = tmp_path / "links.json"
    for _ in range(2):
        run_ita("links", "--data", "data", "--cache", str(cache), "--ttl", "0", cwd=tmp_path)
    assert server.hits[("HEAD", "/ok")] == 2


def test_table_report_and_item_page(tmp_path: Path, local_server):
    server, base = local_server
    project = make_project(tmp_path)
    data = _data(tmp_path / "x", {"O3": [_pub(base + "/missing", period=2570)],
                                  "O1": [_pub(base + "/r1")]},
                 website=base, domains=["127.0.0.1"])
    import shutil

    shutil.rmtree(project / "data")
    shutil.copytree(data, project / "data")
    r = run_ita("links", "--data", "data", "--rate", "100", cwd=project)
    assert r.returncode == 0  # broken, but --fail-on-broken not given
    assert f"O3: HTTP 404: {base}/missing" in r.stdout
    assert f"O1: redirected: {base}/r1 -> {base}/ok" in r.stdout
    assert "2 evidence links: 1 working, 1 broken, 1 redirected" in r.stdout
    # the site reads the same cache (.cache/ita/links.json) and shows the dead link
    r = mkdocs_build(project, tmp_path / "site")
    assert r.returncode == 0, r.stderr
    html = (tmp_path / "site" / "oit" / "O3" / "index.html").read_text("utf-8")
    assert "data-broken" in html and f"{base}/missing" in html
