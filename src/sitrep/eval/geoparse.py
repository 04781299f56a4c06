"""Geoparsing end to end, on LGL (``lgl.xml``: local news, GeoNames ids) and GeoVirus
(``GeoVirus.xml``: WikiNews): sitrep finds the places itself (no gold spans) and resolves them.

- toponym recall: gold toponyms overlapped by a place sitrep found (also without the gold
  toponyms that are demonyms, "Sudanese", "Israeli": LGL tags them, GeoVirus does not);
  precision: found places that overlap a gold toponym (all of them: a place named as a
  government speaking, "Washington said", is a toponym too). sitrep marks demonyms with role
  ``demonym`` and puts them at their country; they are scored only on a set whose gold tags
  demonyms at all, since a set that never does (GeoVirus) did not annotate them;
- accuracy within 161 km, over the gold toponyms sitrep found (an unresolved one counts as wrong),
  and the AUC of the error curve (Gritta et al.: the area under log(1 + error km), normalized by
  log(20039), the largest error on Earth; lower is better), and the median error.
"""

from __future__ import annotations

import math
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import SitrepError
from ..lang import load_lexicon
from ..pipeline import Extractor
from ..records import Article, Reject
from ..resolve.distance import haversine_km
from .report import Metric, Report, write_errors

ACCURACY_KM = 161.0
MAX_ERROR_KM = 20039.0


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class GeoArticle:
    id: str
    text: str
    toponyms: tuple[Toponym, ...]


def load(path: Path) -> list[GeoArticle]:
    files = sorted(path.glob("*.xml")) if path.is_dir() else [path]
    articles = []
    for file in files:
        try:
            root = ET.parse(file).getroot()
        except ET.ParseError as exc:
            raise SitrepError("E402", path=file, problem=f"not XML ({exc})") from None
        for n, node in enumerate(root.iter("article")):
            text = node.findtext("text") or ""
            toponyms = []
            for top in list(node.iter("toponym")) + list(node.iter("location")):
                lat = top.findtext("gaztag/lat") or top.findtext("lat")
                lon = top.findtext("gaztag/lon") or top.findtext("lon")
                start, end = top.findtext("start"), top.findtext("end")
                if lat is None or lon is None or start is None or end is None:
                    continue  # LGL leaves a few toponyms without a GeoNames entry
                toponyms.append(Toponym(int(start), int(end), top.findtext("phrase") or top.findtext("name") or "",
                                        float(lat), float(lon)))
            articles.append(GeoArticle(node.get("docid") or f"{file.stem}-{n}", text, tuple(toponyms)))
    if not articles:
        raise SitrepError("E402", path=path, problem="no <article> elements")
    return articles


def score(items: list[GeoArticle], extractor: Extractor, *, task: str, path: Path,
          errors: Path | None = None) -> Report:
    """Score every article; with ``errors``, also write each missed toponym, each one placed more
    than 161 km off and each place found where the gold has none, as tab-separated lines (kind,
    article, gold, found, km, context)."""
    started = time.perf_counter()
    error_rows: list[tuple[str, ...]] = []
    gold_total = found_places = matched_found = demonyms = found_demonyms = 0
    distances: list[float] = []
    gazetteer = extractor.gazetteer
    demonym_words = {word for word in load_lexicon("en").section("actors", "demonyms")  # "U.S." is a name
                     if not any(e.feature == "country" for e in gazetteer.lookup(word) + gazetteer.lookup(word.upper()))}
    tags_demonyms = any(_is_demonym(t.name, demonym_words) for item in items for t in item.toponyms)
    articles = [Article(text=a.text, id=a.id, language="en", source=f"{path}#{a.id}") for a in items]
    for item, (_, result) in zip(items, extractor.process(articles)):
        gold_total += len(item.toponyms)
        if isinstance(result, Reject):
            continue
        # metonyms too ("Washington said"): the gold counts them, and sitrep resolves them
        places = [p for p in result.places if tags_demonyms or p.role != "demonym"]
        found_places += len(places)
        matched_found += sum(1 for p in places if any(_overlap(p.start, p.end, t) for t in item.toponyms))
        if errors is not None:
            error_rows += [("spurious", item.id, "", _found(p), "", _context(item.text, p.start, p.end))
                           for p in places if not any(_overlap(p.start, p.end, t) for t in item.toponyms)]
        for toponym in item.toponyms:
            hits = [p for p in places if _overlap(p.start, p.end, toponym)]
            is_demonym = _is_demonym(toponym.name, demonym_words)
            demonyms += is_demonym
            found_demonyms += is_demonym and bool(hits)
            gold = f"{toponym.name} ({toponym.latitude:.2f}, {toponym.longitude:.2f})"
            context = _context(item.text, toponym.start, toponym.end)
            if not hits:
                if errors is not None:
                    error_rows.append(("missed:demonym" if is_demonym else "missed", item.id, gold, "", "", context))
                continue
            place = hits[0]
            if place.latitude is None or place.longitude is None:
                km = MAX_ERROR_KM
            else:
                km = haversine_km(place.latitude, place.longitude, toponym.latitude, toponym.longitude)
            distances.append(km)
            if errors is not None and km > ACCURACY_KM:
                kind = "far:unresolved" if place.latitude is None else f"far:{place.feature or 'unknown'}"
                error_rows.append((kind, item.id, gold, _found(place), f"{km:.0f}", context))
    if errors is not None:
        write_errors(errors, ["\t".join(row) for row in sorted(error_rows, key=lambda r: (r[0], r[2], r[3]))])
    recall = len(distances) / gold_total if gold_total else 0.0
    precision = matched_found / found_places if found_places else 0.0
    within = sum(1 for e in distances if e <= ACCURACY_KM) / len(distances) if distances else 0.0
    metrics = [
        Metric("toponym_recall", recall, gold_total),
        Metric("toponym_recall_no_demonyms", (len(distances) - found_demonyms) / (gold_total - demonyms)
               if gold_total > demonyms else 0.0, gold_total - demonyms, f"{demonyms} demonyms aside"),
        Metric("toponym_precision", precision, found_places),
        Metric("accuracy_161km", within, len(distances), "on the gold toponyms found"),
        Metric("auc_error", error_auc(distances), len(distances), "lower is better"),
        Metric("median_error_km_/1000", _median(distances) / 1000, len(distances), "median error in thousands of km"),
        Metric("end_to_end_161km", within * recall, gold_total, "recall × accuracy"),
    ]
    report = Report(task, str(path), len(items), {"en": metrics})
    report.seconds = time.perf_counter() - started
    return report


def _is_demonym(name: str, words: set[str]) -> bool:
    return name.lower() in words or name.lower().rstrip("s") in words


def error_auc(errors: list[float]) -> float:
    """Area under the curve of sorted log(1 + error), scaled to [0, 1]."""
    if len(errors) < 2:
        return math.log1p(errors[0]) / math.log(MAX_ERROR_KM) if errors else 0.0
    ys = [math.log1p(e) / math.log(MAX_ERROR_KM) for e in sorted(errors)]
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:]))
    return area / (len(ys) - 1)


def _median(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _found(place) -> str:
    where = "unresolved" if place.latitude is None else f"{place.latitude:.2f}, {place.longitude:.2f}"
    return f"{place.text} -> {place.name} [{place.feature}, {place.country_code}, {place.admin1}] ({where})"


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    return " ".join(f"{text[max(0, start - width):start]}[{text[start:end]}]{text[end:end + width]}".split())


def _overlap(start: int, end: int, toponym: Toponym) -> bool:
    return start < toponym.end and toponym.start < end
