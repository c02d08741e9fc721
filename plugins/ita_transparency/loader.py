"""Load and validate an agency's data folder, collecting every problem in one pass.

Each file is read with line numbers (`yamlio`), validated against its model (`models`), then
checked against the rest of the dataset: unit codes against `agency.yml`, O-ids against the
agency's framework, element indexes against the catalog. Nothing here writes to disk.
"""

from __future__ import annotations

import difflib
import gc
import re
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .calendar import fy_end, fy_start
from .links import Evidence, offline_warnings, read_answer_sheet
from .models import (
    FREQUENCIES,
    Agency,
    Assessment,
    CatalogItem,
    Crosswalk,
    Framework,
    ItemData,
    Measure,
    normalise_item_id,
    normalise_question,
)
from .problems import DataInvalid, Problem, ProblemList, display_path
from .results import rate
from .yamlio import Loc, Located, read_fast

PACKAGE_FRAMEWORKS = Path(__file__).parent / "frameworks"


@dataclass
class Dataset:
    """Everything the status engine and the renderers need, already validated."""

    root: Path
    agency: Agency
    framework: Framework
    frameworks: dict[str, Framework]
    items: dict[str, ItemData]
    item_files: dict[str, Path]
    measures: dict[str, Measure] = field(default_factory=dict)
    assessments: dict[int, Assessment] = field(default_factory=dict)
    crosswalks: list[Crosswalk] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    item_lines: dict[str, Located] = field(default_factory=dict)  # to find a value's line


# --- turning pydantic errors into plain words -----------------------------------------------


def _clean_loc(value: Any, loc: tuple, keep_last: bool) -> tuple:
    """Keep only the parts of pydantic's location that are keys of the data: it adds the
    names of union branches ('constrained-float', 'EitScore'). The last part is kept when it
    names a missing field."""
    out: list[Any] = []
    current = value
    for n, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, dict) and str(part) in {str(k) for k in current}:
            key = next(k for k in current if str(k) == str(part))
            current, part = current[key], key
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        elif not (keep_last and n == len(loc) - 1):
            continue
        out.append(part)
    return tuple(out)


def _readable_errors(value: Any, errors: list[dict[str, Any]]) -> list[tuple[tuple, dict]]:
    """One error per place: where a union's branches disagree (a number, or a mapping of
    public/survey?), keep the most specific complaint."""
    located = [(_clean_loc(value, e["loc"], e["type"] == "missing"), e) for e in errors]
    kept: list[tuple[tuple, dict]] = []
    for loc, err in located:
        deeper = any(other[: len(loc)] == loc and len(other) > len(loc) for other, _ in located)
        if deeper or any(k == loc for k, _ in kept):
            continue
        kept.append((loc, err))
    return kept


def _field_name(loc: Loc) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in get_args(annotation):
        found.extend(_models_in(arg))
    return found


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` (to list its allowed fields)."""
    current: type[BaseModel] | None = model
    skip_key = False
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        if skip_key:
            skip_key = False
            continue
        info = next((f for name, f in current.model_fields.items()
                     if part in (name, f.alias)), None)
        if info is None:
            return None
        origin = get_origin(info.annotation)
        inner = _models_in(info.annotation)
        current = inner[0] if inner else None
        skip_key = origin is dict or (
            origin in (Union, types.UnionType)
            and any(get_origin(a) is dict for a in get_args(info.annotation)))
    return current


def _allowed_fields(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _plain(err: dict[str, Any], model: type[BaseModel], loc: Loc) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        allowed = _allowed_fields(_model_at(model, loc[:-1]))
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        said = f"unknown field (did you mean '{hint[0]}'?)" if hint else "unknown field"
        return f"{said}; allowed here: {', '.join(allowed)}" if allowed else said
    if kind == "missing":
        return "this required field is missing"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')}; got {err.get('input')!r}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {err.get('input')!r}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, got {err.get('input')!r}"
    if kind in ("string_type",):
        return f"expected text, got {err.get('input')!r}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind in ("too_short",):
        return "must not be empty"
    if kind in ("list_type",):
        return "expected a list (lines starting with '- ')"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "expected a mapping of fields (key: value)"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(ctx.values()), "")
        bound = f"{bound:g}" if isinstance(bound, float) else bound
        word = {"greater_than_equal": "at least", "less_than_equal": "at most",
                "greater_than": "more than", "less_than": "less than"}[kind]
        return f"must be {word} {bound}; got {err.get('input')!r}"
    return str(err["msg"])


class _FileCheck:
    """Validation of one file: its parsed text, its display name and its problems."""

    def __init__(self, path: Path, problems: ProblemList):
        self.path = path
        self.name = display_path(path)
        self.problems = problems
        self.located: Located | None = None

    def read(self) -> bool:
        located, yaml_problems = read_fast(self.path)
        for p in yaml_problems:
            self.problems.add(self.name, p.line, "", p.message)
        if located is not None and not isinstance(located.value, dict):
            self.problems.add(self.name, 1, "", "expected a mapping of fields (key: value), "
                              f"found {type(located.value).__name__}")
            return False
        self.located = located
        return located is not None

    def validate(self, model: type[BaseModel]) -> Any:
        if not self.read():
            return None
        assert self.located is not None
        try:
            return model.model_validate(self.located.value)
        except ValidationError as e:
            for loc, err in _readable_errors(self.located.value, e.errors(include_url=False)):
                self.problems.add(self.name, self.located.line(loc), _field_name(loc),
                                  _plain(err, model, loc))
            return None

    def error(self, loc: Loc, message: str, severity: str = "error") -> None:
        line = self.located.line(loc) if self.located else None
        self.problems.add(self.name, line, _field_name(loc), message, severity)  # type: ignore[arg-type]

    def warn(self, loc: Loc, message: str) -> None:
        self.error(loc, message, "warning")


# --- frameworks -----------------------------------------------------------------------------


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yml") if p.is_file()) + sorted(
        p for p in folder.glob("*.yaml") if p.is_file())


def load_frameworks(
    problems: ProblemList, extra: Path | None = None
) -> tuple[dict[str, Framework], list[Crosswalk]]:
    """The shipped catalogs, plus an agency's own under `extra` (data/frameworks)."""
    frameworks: dict[str, Framework] = {}
    crosswalks: list[Crosswalk] = []
    origin: dict[str, str] = {}
    folders = [PACKAGE_FRAMEWORKS] + ([extra] if extra and extra.is_dir() else [])
    for folder in folders:
        for path in _yaml_files(folder):
            check = _FileCheck(path, problems)
            if path.stem.startswith("crosswalk"):
                cw = check.validate(Crosswalk)
                if cw is not None:
                    crosswalks.append(cw)
                continue
            fw = check.validate(Framework)
            if fw is None:
                continue
            if fw.id != path.stem:
                check.error(("id",), f"the id '{fw.id}' does not match the file name "
                            f"'{path.name}'; they must be the same")
                continue
            if fw.id in frameworks:
                check.error(("id",), f"the framework '{fw.id}' is already defined in "
                            f"{origin[fw.id]}; give this one another id")
                continue
            if _check_framework(fw, check):
                frameworks[fw.id] = fw
                origin[fw.id] = check.name
    for cw in crosswalks:
        for pair in cw.pairs:
            for fw_id, ids in ((cw.from_, [pair.from_]), (cw.to, pair.to)):
                fw = frameworks.get(fw_id)
                for item_id in ids:
                    if fw is not None and fw.item(item_id) is None:
                        problems.add("crosswalk", None, "pairs",
                                     f"{item_id} is not an item of {fw_id}")
    return frameworks, crosswalks


def _check_framework(fw: Framework, check: _FileCheck) -> bool:
    ok = True
    groups = {(ind.number, g.id) for ind in fw.indicators for g in ind.groups}
    seen: set[str] = set()
    for n, item in enumerate(fw.items):
        if item.id in seen:
            check.error(("items", n, "id"), f"{item.id} is listed twice")
            ok = False
        seen.add(item.id)
        if (item.indicator, item.group) not in groups:
            check.error(("items", n, "group"),
                        f"group '{item.group}' is not a group of indicator {item.indicator}")
            ok = False
    for n, item in enumerate(fw.items):
        for k, dep in enumerate(item.depends_on):
            if dep not in seen:
                check.error(("items", n, "depends_on", k), f"{dep} is not an item of {fw.id}")
                ok = False
    return ok


# --- the agency's data ----------------------------------------------------------------------


def _suggest(value: str, choices: list[str]) -> str:
    hint = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
    return f" (did you mean '{hint[0]}'?)" if hint else ""


def _item_range(fw: Framework) -> str:
    return f"{fw.items[0].id}–{fw.items[-1].id}" if fw.items else "none"


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Loading makes hundreds of thousands of small objects and no reference cycles. Python's
    cyclic collector rescans every surviving object each time their number grows by a
    quarter: six full scans, 0.6 s, while loading the large benchmark's 51,600 documents."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_dataset(root: Path | str, link_warnings: bool = True) -> Dataset:
    """Read `root` (the data folder). Raises DataInvalid listing every error found.
    `link_warnings=False` skips the offline evidence checks, which only warn (`ita check`
    leaves them to `ita validate` and the site build)."""
    with _cyclic_gc_paused():
        return _load_dataset(Path(root), link_warnings)


def _load_dataset(root: Path, link_warnings: bool) -> Dataset:
    problems = ProblemList()
    if not root.is_dir():
        problems.add(display_path(root), None, "",
                     "the data folder does not exist (give it with --data DIR)")
        raise DataInvalid(problems.items)

    frameworks, crosswalks = load_frameworks(problems, root / "frameworks")

    agency_path = root / "agency.yml"
    agency: Agency | None = None
    framework: Framework | None = None
    if not agency_path.is_file():
        problems.add(display_path(agency_path), None, "",
                     "agency.yml is missing: it names the agency, its units and its framework")
    else:
        check = _FileCheck(agency_path, problems)
        agency = check.validate(Agency)
        if agency is not None:
            framework = frameworks.get(agency.framework)
            if framework is None:
                known = ", ".join(sorted(frameworks)) or "none"
                check.error(("framework",), f"unknown framework '{agency.framework}' (known: "
                            f"{known}); a catalog for another year goes in data/frameworks/")
            for n, domain in enumerate(agency.evidence_domains):
                if not re.fullmatch(r"(?i)[a-z0-9-]+(\.[a-z0-9-]+)+", domain):
                    check.error(("evidence_domains", n), f"'{domain}' is not a domain name; "
                                "write it without https:// or a path, e.g. erc.or.th")

    item_lines: dict[str, Located] = {}
    items, item_files = _load_items(root / "items", agency, framework, problems, item_lines)
    measures = _load_measures(root / "measures", agency, framework, frameworks, problems)
    assessments = _load_assessments(root / "assessments", frameworks, problems)

    if framework is not None:
        absent = [i.id for i in framework.items if i.id not in item_files]
        if absent:
            problems.add(display_path(root / "items"), None, "",
                         f"{len(absent)} item(s) of {framework.id} have no file and show as "
                         f"missing: {', '.join(absent)}", "warning")

    if link_warnings and agency is not None and framework is not None:
        problems.items.extend(_link_warnings(root, agency, framework, items, item_files,
                                             item_lines))
    if problems.has_errors or agency is None or framework is None:
        raise DataInvalid(problems.items)
    return Dataset(root=root, agency=agency, framework=framework, frameworks=frameworks,
                   items=items, item_files=item_files, measures=measures,
                   assessments=assessments, crosswalks=crosswalks,
                   warnings=[p for p in problems.items if p.severity == "warning"],
                   item_lines=item_lines)


SUBMITTED_SHEET = "itas-submitted.csv"


def _link_warnings(root: Path, agency: Agency, framework: Framework,
                   items: dict[str, ItemData], files: dict[str, Path],
                   lines: dict[str, Located]) -> list[Problem]:
    """The offline evidence checks (links.py), with each publication's file and line."""
    evidence = []
    latest: dict[str, str] = {}
    for item_id, item in items.items():
        docs = [p for p in item.publications if p.url]
        name = display_path(files[item_id])
        located = lines.get(item_id)
        for n, pub in enumerate(item.publications):
            if pub.url:
                evidence.append(Evidence(item_id, n, pub.url, name, located))
        if docs:
            latest[item_id] = max(docs, key=lambda p: p.published).url or ""

    def related(a: str, b: str) -> bool:
        ea, eb = framework.item(a), framework.item(b)
        return bool(ea and b in ea.depends_on) or bool(eb and a in eb.depends_on)

    sheet = root / SUBMITTED_SHEET
    submitted = read_answer_sheet(sheet) if sheet.is_file() else None
    return offline_warnings(evidence, agency.website, agency.evidence_domains, related,
                            submitted, latest, display_path(sheet))


def _check_units(check: _FileCheck, agency: Agency | None, loc: Loc, codes: Any) -> None:
    if agency is None or not isinstance(codes, list):
        return
    for k, code in enumerate(codes):
        if isinstance(code, str) and code.strip() not in agency.units:
            check.error(loc + (k,), f"unknown unit '{code}'{_suggest(code, list(agency.units))};"
                        " the units are listed in agency.yml")


def _load_items(folder: Path, agency: Agency | None, framework: Framework | None,
                problems: ProblemList, lines: dict[str, Located]
                ) -> tuple[dict[str, ItemData], dict[str, Path]]:
    """Items are the files editors touch most, so their cross-checks read the raw YAML:
    an unknown unit is reported in the same run as a bad date in the same file."""
    items: dict[str, ItemData] = {}
    files: dict[str, Path] = {}
    if not folder.is_dir():
        return items, files
    for path in _yaml_files(folder):
        check = _FileCheck(path, problems)
        item: ItemData | None = check.validate(ItemData)
        if check.located is None:
            continue
        raw = check.located.value
        raw_id = raw.get("id")
        item_id = normalise_item_id(raw_id) if isinstance(raw_id, str) else None
        if item_id is None:
            continue
        if normalise_item_id(path.stem) != item_id:
            check.error(("id",), f"the id '{item_id}' does not match the file name "
                        f"'{path.name}'; rename the file to {item_id}.yml or fix the id")
            continue
        if item_id in files:
            check.error(("id",), f"{item_id} is already defined in {display_path(files[item_id])}")
            continue
        files[item_id] = path
        owners = raw.get("owners")
        if isinstance(owners, dict):
            for role in ("prepare", "collect", "publish"):
                _check_units(check, agency, ("owners", role), owners.get(role))
        entry = framework.item(item_id) if framework else None
        if framework is not None and entry is None:
            check.error(("id",), f"{item_id} is not an item of {framework.id} "
                        f"({_item_range(framework)})")
            continue
        if entry is not None:
            _check_item_against_catalog(check, raw, entry)
        if item is not None:
            items[item_id] = item
            lines[item_id] = check.located
    return items, files


def _check_item_against_catalog(check: _FileCheck, raw: dict[str, Any],
                                entry: CatalogItem) -> None:
    frequency = raw.get("frequency")
    if frequency not in FREQUENCIES:
        frequency = entry.frequency
    deadline = raw.get("deadline")
    if isinstance(deadline, dict):
        if frequency == "monthly" and "month" in deadline:
            check.error(("deadline", "month"), "a monthly item's deadline is a day of the "
                        "following month: write {day: 15}, without month")
        if frequency == "on_change":
            check.error(("deadline",), "an on_change item has no deadline; remove it or "
                        "set a frequency")
    publications = raw.get("publications")
    if not isinstance(publications, list):
        return
    count = len(entry.elements)
    for n, pub in enumerate(publications):
        if not isinstance(pub, dict):
            continue
        loc: Loc = ("publications", n)
        if pub.get("period") is None and frequency != "on_change":
            check.error(loc + ("period",), f"this {frequency} item needs the period each "
                        "document covers (e.g. 2568, 2568-H1, 2568-Q1, 2567-10)")
        if pub.get("none") is not None and entry.nothing_to_report is None:
            check.warn(loc + ("none",), f"the framework states no 'nothing to report' rule for "
                       f"{entry.id}; auditors may not accept an empty period")
        elements = pub.get("elements")
        if not isinstance(elements, list):
            continue
        seen: set[int] = set()
        for k, element in enumerate(elements):
            if not isinstance(element, int) or isinstance(element, bool):
                continue  # the model reports the type
            if not 1 <= element <= count:
                check.error(loc + ("elements", k), f"element {element} does not exist: "
                            f"{entry.id} has {count} required elements (1–{count})")
            elif element in seen:
                check.error(loc + ("elements", k), f"element {element} is listed twice")
            seen.add(element)


def _unknown_question(ref: str, fw: Framework | None) -> str | None:
    """Why `ref` is not a question or O-item of `fw` (None when it is one)."""
    norm = normalise_question(ref)
    if norm is None:
        return f"'{ref}' is not a question (i1, e5) or an O-item (O12)"
    if fw is None:
        return None
    if norm.startswith("O"):
        if fw.item(norm) is None:
            return f"{norm} is not an item of {fw.id} ({_item_range(fw)})"
    elif fw.questions and norm not in {q.id for q in fw.questions}:
        iit = [q.id for q in fw.questions if q.id.startswith("i")]
        eit = [q.id for q in fw.questions if q.id.startswith("e")]
        return (f"{norm} is not a question of {fw.id} ({iit[0]}–{iit[-1]}, "
                f"{eit[0]}–{eit[-1]})")
    return None


def _load_measures(folder: Path, agency: Agency | None, framework: Framework | None,
                   frameworks: dict[str, Framework], problems: ProblemList) -> dict[str, Measure]:
    measures: dict[str, Measure] = {}
    if not folder.is_dir():
        return measures
    for path in _yaml_files(folder):
        check = _FileCheck(path, problems)
        measure: Measure | None = check.validate(Measure)
        if measure is None:
            continue
        if measure.id != path.stem:
            check.error(("id",), f"the id '{measure.id}' does not match the file name "
                        f"'{path.name}'; rename the file to {measure.id}.yml or fix the id")
            continue
        measures[measure.id] = measure
        _check_units(check, agency, ("owners",), measure.owners)
        fw = frameworks.get(f"ita-{measure.fiscal_year}", framework)
        for k, ref in enumerate(measure.addresses):
            problem = _unknown_question(ref, fw)
            if problem:
                check.error(("addresses", k), problem)
        fy_span = (fy_start(measure.fiscal_year), fy_end(measure.fiscal_year))
        if measure.period.end < fy_span[0] or measure.period.start > fy_span[1]:
            check.error(("period",), f"the period lies outside fiscal year {measure.fiscal_year}")
        for n, act in enumerate(measure.activities):
            _check_units(check, agency, ("activities", n, "owners"), act.owners)
            if act.period is not None and not measure.period.contains(act.period):
                check.error(("activities", n, "period"), "the activity's period lies outside "
                            "the measure's period")
        rounds: set[int] = set()
        for n, rnd in enumerate(measure.progress):
            if rnd.round in rounds:
                check.error(("progress", n, "round"), f"round {rnd.round} is reported twice")
            rounds.add(rnd.round)
            if not measure.period.contains(rnd.as_of):
                check.error(("progress", n, "as_of"), "this progress round lies outside the "
                            "measure's period")
    return measures


def _load_assessments(folder: Path, frameworks: dict[str, Framework],
                      problems: ProblemList) -> dict[int, Assessment]:
    results: dict[int, Assessment] = {}
    if not folder.is_dir():
        return results
    for path in _yaml_files(folder):
        check = _FileCheck(path, problems)
        result: Assessment | None = check.validate(Assessment)
        if check.located is None:
            continue
        # question ids are checked on the raw YAML, so they are reported with the rest
        raw = check.located.value
        fw_id = raw.get("framework") if isinstance(raw.get("framework"), str) else None
        year = raw.get("year")
        fw = frameworks.get(fw_id or f"ita-{year}")
        if isinstance(raw.get("questions"), dict):
            for k in raw["questions"]:
                problem = _unknown_question(str(k), fw)
                if problem:
                    check.error(("questions", k), problem)
        if result is None:
            continue
        if str(result.year) != path.stem:
            check.error(("year",), f"the year {result.year} does not match the file name "
                        f"'{path.name}'; name the file {result.year}.yml")
            continue
        if result.framework is not None and result.framework not in frameworks:
            check.error(("framework",), f"unknown framework '{result.framework}'")
        rating = rate(result.total, dict(result.tools))
        if result.level and rating.level and result.level != rating.level:
            check.warn(("level",), f"the stated level {result.level} differs from the rating "
                       f"rule's {rating.level} ({rating.reason})")
        results[result.year] = result
    return results
