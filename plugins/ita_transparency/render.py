"""Render the pages' templates to Markdown with HTML blocks.

Pages are Markdown so MkDocs treats them like hand-written ones (search, table of contents,
theme); their bodies are HTML blocks, which Markdown leaves alone, so nothing from YAML is
ever read as Markdown. Every value is HTML-escaped by Jinja's autoescape; `md` also escapes
Markdown in the few headings that carry catalog text.

Markdown leaves an HTML block alone, but only after reading it twice: Python-Markdown parses
it to find where it ends and MkDocs parses it again to collect its anchor ids. For an item
page with a 1,200-row history that was most of the cost of building it, so the plugin hands
MkDocs each HTML block as a one-line placeholder comment and puts the block back into the
page's HTML right after Markdown (`DeferredBlocks.defer` / `.restore`): the same HTML
comes out, without the two parses.
"""

from __future__ import annotations

import json
import re
import secrets
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .calendar import format_thai_date
from .pages import PageSpec, relative_url

TEMPLATES = Path(__file__).parent / "templates"
PROGRESS_STATUS = {"done": "ดำเนินการแล้ว", "in_progress": "อยู่ระหว่างดำเนินการ",
                   "not_started": "ยังไม่ได้ดำเนินการ", "cancelled": "ยกเลิก"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_escape(value: object) -> Markup:
    """Text safe in a Markdown heading: HTML-escaped, then Markdown-escaped."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(value))))


def nl2br(value: object) -> Markup:
    return Markup("<br>").join(escape(line) for line in str(value).splitlines())


def _thai_date(value: date | None, short: bool = False) -> str:
    return format_thai_date(value, short) if value else ""


# What a template's compiled code depends on besides its source (jinja2.compiler reads these).
_COMPILE_SETTINGS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix",
    "line_comment_prefix", "trim_blocks", "lstrip_blocks", "newline_sequence",
    "keep_trailing_newline", "optimized", "is_async", "finalize", "code_generator_class",
)


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process instead of once per build.

    `mkdocs serve` makes a new theme environment at every rebuild, so Jinja compiles every
    template of the theme again: a quarter of the rebuild of a small site. The key is Jinja's
    own (template name and file, source checksum: an edited override compiles anew) plus the
    environment's settings that change the compiled code. With a callable autoescape the
    code depends on the template name, so such an environment is not cached."""

    def __init__(self) -> None:
        self._code: dict[tuple, object] = {}

    @staticmethod
    def _key(bucket: jinja2.bccache.Bucket) -> tuple | None:
        env = bucket.environment
        if callable(env.autoescape):
            return None
        settings = tuple(getattr(env, name, None) for name in _COMPILE_SETTINGS)
        return (bucket.key, bucket.checksum, env.autoescape, settings,
                tuple(sorted(env.extensions)), getattr(env, "newstyle_gettext", None))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = self._key(bucket)
        if key is not None and key in self._code:
            bucket.code = self._code[key]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = self._key(bucket)
        if key is not None:
            self._code[key] = bucket.code


COMPILED = CompiledTemplates()


def make_env(base: jinja2.Environment | None = None) -> jinja2.Environment:
    """An environment for the ITA templates: the theme's (so overrides/ita/*.html win) with
    autoescape on, or a plain one over the package's templates."""
    if base is None:
        base = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)))
    env = base.overlay(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                       bytecode_cache=COMPILED)
    env.filters.update(
        thai_date=_thai_date,
        thai_date_short=lambda d: _thai_date(d, short=True),
        md=md_escape,
        nl2br=nl2br,
    )
    return env


def safe_title(text: str) -> str:
    """A page title for navigation and <title>. Themes print titles unescaped (and Jinja's
    striptags unescapes entities), so angle brackets become look-alikes and & is escaped;
    the page's own heading shows the exact text."""
    return str(escape(text.replace("<", "‹").replace(">", "›")))


def render_page(env: jinja2.Environment, page: PageSpec, directory_urls: bool = True) -> str:
    template = env.get_template(page.template)
    body = template.render(
        **page.context,
        page_src=page.src_uri,
        progress_status=PROGRESS_STATUS,
        link=lambda target: relative_url(page.src_uri, target, directory_urls),
    )
    # front matter: the title for navigation and the browser tab (JSON is valid YAML)
    meta = f"title: {json.dumps(safe_title(page.title), ensure_ascii=False)}\n"
    if page.hide:
        meta += f"hide: {json.dumps(list(page.hide))}\n"
    return f"---\n{meta}---\n\n{body}"


_BLOCK_TAG = re.compile(r"<(address|article|aside|blockquote|details|div|dl|fieldset|figure|"
                        r"footer|form|h[1-6]|header|nav|ol|p|section|table|ul)[\s>]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)


class DeferredBlocks:
    """The HTML blocks taken out of the pages' Markdown, put back into their HTML."""

    def __init__(self) -> None:
        # a per-build secret, so no page text can spell a placeholder by chance or on purpose
        self._key = secrets.token_hex(8)
        self._marker = re.compile(rf"<!-- ita:{self._key}:(\d+) -->")
        self._blocks: list[str] = []

    def defer(self, markdown: str) -> str:
        """Swap every chunk (between blank lines) that is one HTML block, opening with a
        block-level tag and closing it, for a placeholder comment; leave the rest as is. A page
        with a code fence is left whole (a placeholder inside a fence would be printed)."""
        if _FENCE.search(markdown):
            return markdown
        chunks = _BLANK_LINES.split(markdown)
        for i, chunk in enumerate(chunks):
            m = _BLOCK_TAG.match(chunk)
            if m and chunk.rstrip().endswith(f"</{m.group(1)}>"):
                chunks[i] = f"<!-- ita:{self._key}:{len(self._blocks)} -->"
                self._blocks.append(chunk.rstrip())
        return "\n\n".join(chunks)

    def restore(self, html: str) -> str:
        if "<!-- ita:" not in html:
            return html
        return self._marker.sub(lambda m: self._blocks[int(m.group(1))], html)
