"""Thai words for a search index that only splits on spaces.

Thai is written without spaces between words, so Material's search (lunr) sees a whole
Thai sentence as one token and finds nothing inside it. At build time the index text is
segmented with PyThaiNLP's dictionary segmenter newmm, in nlpo3 (PyThaiNLP's own Rust port:
the same words, but its dictionary loads in 0.1 s where PyThaiNLP builds a 62,000-word Python
trie in 0.4 s and the interpreter then spends a second freeing it at exit), and the word
boundaries are marked with zero-width spaces, which the index's separator then splits on; the
page text shown to readers is unchanged. Long words are also split into the dictionary words
they are made of (งบประมาณ: งบ + ประมาณ, การประเมิน: การ + ประเมิน) into a field of their own,
so a search for a part of a compound finds it. The vocabulary is written beside the index, so
the browser can cut a query typed without spaces into the same words
(`assets/ita/thai-search.js`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

ZWSP = "\u200b"
SEPARATOR = r"[\s\u200b\-]+"
THAI_RUN = re.compile(r"[\u0E01-\u0E4E]+")
MIN_PART = 2  # a part of a compound has at least two letters (no lone vowels or marks)
DICTIONARY = "ita-thai-words"  # the name nlpo3 keeps the loaded word list under


def _word_list() -> Path:
    """PyThaiNLP's word list (the dictionary of its newmm), found without importing PyThaiNLP,
    whose import alone costs more than loading the list into nlpo3."""
    spec = find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Thai search needs the pythainlp package (its Thai word list)")
    return Path(spec.submodule_search_locations[0]) / "corpus" / "words_th.txt"


@lru_cache(maxsize=1)
def _tools() -> tuple[Callable[[str], list[str]], frozenset[str]]:
    import nlpo3

    path = _word_list()
    message, loaded = nlpo3.load_dict(str(path), DICTIONARY)
    if not loaded:
        raise RuntimeError(f"Thai search: the word list did not load: {message}")
    lines = path.read_text(encoding="utf-8-sig").splitlines()

    def tokenize(text: str) -> list[str]:
        return [t for t in nlpo3.segment(text, DICTIONARY) if t.strip()]

    return tokenize, frozenset(w for line in lines if (w := line.strip()))


@lru_cache(maxsize=200_000)
def words(run: str) -> tuple[str, ...]:
    """The words of one run of Thai letters."""
    return tuple(_tools()[0](run))


@lru_cache(maxsize=200_000)
def parts(word: str) -> tuple[str, ...]:
    """The dictionary words a compound is made of (fewest parts), or () if it is not one."""
    dictionary = _tools()[1]
    n = len(word)
    if n < 2 * MIN_PART:
        return ()
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + MIN_PART, n + 1):
            if (i, j) == (0, n):
                continue  # the word itself is not a split of it
            piece = word[i:j]
            if piece in dictionary and (best[j] is None or len(best[i]) + 1 < len(best[j])):
                best[j] = best[i] + (piece,)
    return best[n] or ()


def segment(text: str) -> str:
    """Mark Thai word boundaries with zero-width spaces."""
    return THAI_RUN.sub(lambda m: ZWSP.join(words(m.group(0))), text)


def compound_parts(text: str) -> list[str]:
    """Every part of every compound Thai word in `text`, for the `parts` field."""
    found: list[str] = []
    for run in THAI_RUN.findall(text):
        for word in words(run):
            found.extend(parts(word))
    return found


def segment_index(index: dict, boost: float = 0.5) -> tuple[dict, list[str]]:
    """Segment a Material/MkDocs search index in place; return it and its Thai vocabulary."""
    vocabulary: set[str] = set()
    for doc in index.get("docs", []):
        extra: list[str] = []
        for field in ("title", "text"):
            value = doc.get(field)
            if not isinstance(value, str) or not THAI_RUN.search(value):
                continue
            doc[field] = segment(value)
            vocabulary.update(w for run in THAI_RUN.findall(value) for w in words(run))
            extra.extend(compound_parts(value))
        if extra:
            doc["parts"] = " ".join(dict.fromkeys(extra))
            vocabulary.update(extra)
    config = index.setdefault("config", {})
    config["separator"] = _with_zwsp(config.get("separator") or SEPARATOR)
    fields = config.setdefault("fields", {})
    fields.setdefault("parts", {"boost": boost})
    return index, sorted(vocabulary)


def _with_zwsp(separator: str) -> str:
    """Add the zero-width space to a separator class such as `[\\s\\-]+`."""
    if "\\u200b" in separator or ZWSP in separator:
        return separator
    if separator.startswith("[") and "]" in separator:
        return "[\\u200b" + separator[1:]
    return f"(?:{separator}|\\u200b)+"
