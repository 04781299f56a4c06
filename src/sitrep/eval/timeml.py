"""TimeML gold sets (French TimeBank, TempEval-3 TimeBank + AQUAINT): temporal expressions.

Each document's creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) is its
publication date. Scored as TempEval-3 scored them: span precision, recall and F1, strict (same
offsets) and relaxed (overlapping); type accuracy and value accuracy on relaxed matches; and
value F1, where a hit needs an overlapping span *and* the exact value. Expressions without text
(empty TIMEX3 tags) are not counted: no system can find them.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import SitrepError
from ..pipeline import Extractor
from ..records import Article, Reject, TimeExpression
from .report import Metric, Report, write_errors


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDoc:
    id: str
    text: str
    creation: date | None
    timexes: tuple[GoldTimex, ...]


def load(path: Path) -> list[TimeMLDoc]:
    files = sorted(path.rglob("*.tml")) if path.is_dir() else [path]
    if not files:
        raise SitrepError("E402", path=path, problem="no .tml files")
    return [read_tml(file) for file in files]


def read_tml(file: Path) -> TimeMLDoc:
    try:
        root = ET.parse(file).getroot()
    except ET.ParseError as exc:
        raise SitrepError("E402", path=file, problem=f"not TimeML XML: {exc}") from None
    creation = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                creation = date.fromisoformat((timex.get("value") or "")[:10])
            except ValueError:
                creation = None
            break
    body = root.find("TEXT")
    if body is None:
        raise SitrepError("E402", path=file, problem="no TEXT element")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(body, parts, timexes)
    return TimeMLDoc(file.stem, "".join(parts), creation, tuple(timexes))


def _walk(element: ET.Element, parts: list[str], timexes: list[GoldTimex]) -> None:
    """Plain text of ``element`` into ``parts``, recording each TIMEX3's character span."""
    start = sum(map(len, parts))
    if element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts, timexes)
        if child.tail:
            parts.append(child.tail)
    if element.tag == "TIMEX3":
        end = sum(map(len, parts))
        if end > start:
            timexes.append(GoldTimex(start, end, element.get("type", ""), element.get("value", "")))


@dataclass
class _Counts:
    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed_gold: int = 0  # gold expressions overlapped by a found one
    relaxed_found: int = 0  # found expressions overlapping a gold one
    type_right: int = 0
    value_right: int = 0

    def metrics(self) -> list[Metric]:
        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        sp, sr = _rate(self.strict, self.found), _rate(self.strict, self.gold)
        rp, rr = _rate(self.relaxed_found, self.found), _rate(self.relaxed_gold, self.gold)
        vp, vr = _rate(self.value_right, self.found), _rate(self.value_right, self.gold)
        return [
            Metric("strict_precision", sp, self.found), Metric("strict_recall", sr, self.gold),
            Metric("strict_f1", f1(sp, sr), self.gold),
            Metric("relaxed_precision", rp, self.found), Metric("relaxed_recall", rr, self.gold),
            Metric("relaxed_f1", f1(rp, rr), self.gold),
            Metric("type_accuracy", _rate(self.type_right, self.relaxed_gold), self.relaxed_gold, "on relaxed matches"),
            Metric("value_accuracy", _rate(self.value_right, self.relaxed_gold), self.relaxed_gold, "on relaxed matches"),
            Metric("value_f1", f1(vp, vr), self.gold, "overlapping span and exact value"),
        ]


def _rate(a: int, b: int) -> float:
    return a / b if b else 0.0


def score(items: list[TimeMLDoc], extractor: Extractor, *, task: str, path: Path,
          errors: Path | None = None) -> Report:
    """Score every document; with ``errors``, also write every error there as a tab-separated
    line (kind, document, gold, found, context), grouped by kind."""
    started = time.perf_counter()
    counts: dict[str, _Counts] = {}
    found_errors: list[TimexError] = []
    articles = [Article(text=d.text, id=d.id, published=d.creation, source=f"{path.name}:{d.id}") for d in items]
    for doc, (_, output) in zip(items, extractor.process(articles)):
        language = "rejected" if isinstance(output, Reject) else output.document.language
        found = [] if isinstance(output, Reject) else output.times
        for group in ("all", language):
            tally(counts.setdefault(group, _Counts()), doc.timexes, found)
        if errors is not None:
            found_errors += doc_errors(doc, found)
    if errors is not None:
        found_errors.sort(key=lambda e: (e.kind, e.gold, e.found))  # grouped by kind
        write_errors(errors, ["\t".join((e.kind, e.doc, e.gold, e.found, e.context)) for e in found_errors])
    groups = {g: c.metrics() for g, c in counts.items()}
    return Report(task=task, path=str(path), items=len(items), groups=groups, seconds=time.perf_counter() - started)


@dataclass(frozen=True)
class TimexError:
    doc: str
    kind: str  # missed / spurious / span / value:<why>
    gold: str  # text, type and value of the gold expression ("" when spurious)
    found: str  # the same for sitrep's ("" when missed)
    context: str


def doc_errors(doc: TimeMLDoc, found: list[TimeExpression]) -> list[TimexError]:
    """What went wrong in one document, matched as :func:`tally` matches: missed and spurious
    expressions, span differences with the right value, and wrong values by their likely cause."""
    out: list[TimexError] = []
    used: set[int] = set()

    def context(start: int, end: int) -> str:
        return doc.text[max(0, start - 60):end + 40].replace("\n", " ")

    for g in doc.timexes:
        gold = f"{doc.text[g.start:g.end]} | {g.type} | {g.value}"
        overlapping = [(i, f) for i, f in enumerate(found) if f.start < g.end and g.start < f.end and i not in used]
        if not overlapping:
            out.append(TimexError(doc.id, "missed", gold, "", context(g.start, g.end)))
            continue
        i, f = max(overlapping, key=lambda item: min(item[1].end, g.end) - max(item[1].start, g.start))
        used.add(i)
        mine = f"{f.text} | {f.type} | {f.value}"
        if f.value != g.value:
            out.append(TimexError(doc.id, "value:" + value_error(g.value, f.value), gold, mine, context(g.start, g.end)))
        elif (f.start, f.end) != (g.start, g.end):
            out.append(TimexError(doc.id, "span", gold, mine, context(g.start, g.end)))
    for f in found:
        if not any(f.start < g.end and g.start < f.end for g in doc.timexes):
            out.append(TimexError(doc.id, "spurious", "", f"{f.text} | {f.type} | {f.value}", context(f.start, f.end)))
    return out


def value_error(gold: str, found: str) -> str:
    """Why a value is wrong, roughly: granularity, vague reference, anchor, duration, set, kind."""
    if gold.endswith("_REF") or found.endswith("_REF"):
        return "vague-ref"
    if gold.startswith("P") or found.startswith("P"):
        return "duration" if gold.startswith("P") and found.startswith("P") else "duration-vs-date"
    if "X" in gold and gold.replace("X", "") and found.startswith(gold.split("X")[0]):
        return "underspecified"
    if gold.startswith(found) or found.startswith(gold):
        return "granularity"
    if "Q" in gold or "Q" in found:
        return "quarter"
    if "W" in gold or "W" in found:
        return "week"
    if "T" in gold or "T" in found:
        return "clock-or-part-of-day"
    if len(gold) == len(found) and gold[:4] != found[:4] and gold[4:] == found[4:]:
        return "year"
    if len(gold) == len(found):
        return "anchor"
    return "granularity"


def tally(c: _Counts, gold: tuple[GoldTimex, ...], found: list[TimeExpression]) -> None:
    c.gold += len(gold)
    c.found += len(found)
    used: set[int] = set()
    for g in gold:
        overlapping = [(i, f) for i, f in enumerate(found) if f.start < g.end and g.start < f.end and i not in used]
        if not overlapping:
            continue
        i, f = max(overlapping, key=lambda item: min(item[1].end, g.end) - max(item[1].start, g.start))
        used.add(i)
        c.relaxed_gold += 1
        c.strict += (f.start, f.end) == (g.start, g.end)
        c.type_right += f.type == g.type
        c.value_right += f.value == g.value
    c.relaxed_found += sum(1 for f in found if any(f.start < g.end and g.start < f.end for g in gold))

