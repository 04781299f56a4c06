"""Quotes in the Gender Gap Tracker's annotation format (JSON Lines; ``articleBodyText`` and
``quotations`` with ``quote_index`` "(start,end)" offsets and the speaker's resolved ``reference``).

Scored as the tracker scored its own extractor: quote spans by overlap (precision, recall, F1),
and, on the gold quotes found, whether the resolved speaker is the right person (the full name,
compared without case or extra spaces).

The public set's offsets were taken on another layout of the text (each paragraph break there is
longer than in ``articleBodyText``), so most of them point a few dozen characters past their quote:
each gold quote is placed where its own ``quote`` text occurs, the occurrence nearest the given
offset. A quote whose text the article does not hold (one record's body is missing) is left out,
with a message.
"""

from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import SitrepError
from ..pipeline import Extractor
from ..records import Article, Quote, Reject
from .report import Metric, Report, write_errors

log = logging.getLogger("sitrep")
_INDEX = re.compile(r"\((\d+),\s*(\d+)\)")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    speaker: str  # the resolved full name ("reference"), or "" when the annotators gave none


@dataclass(frozen=True)
class QuoteDoc:
    id: str
    text: str
    quotes: tuple[GoldQuote, ...]


def load(path: Path) -> list[QuoteDoc]:
    file = path / "annotations.jsonl" if path.is_dir() else path
    docs = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["articleBodyText"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise SitrepError("E402", path=file, problem=f"line {number}: {exc}") from None
        quotations = record.get("quotations") or []
        if isinstance(quotations, str):  # one record of the public set holds its list as a (broken) JSON string
            try:
                quotations = json.loads(quotations)
            except json.JSONDecodeError as exc:
                log.warning(str(SitrepError("E402", path=file, problem=f"line {number}: quotations unreadable ({exc.msg}); "
                                                                      "article left out")))
                continue
        quotes, lost = [], 0
        for q in quotations:
            match = _INDEX.fullmatch(str(q.get("quote_index", "")).strip())
            if not match:
                continue
            span = locate(text, str(q.get("quote") or ""), int(match.group(1)), int(match.group(2)))
            if span is None:
                lost += 1
                continue
            quotes.append(GoldQuote(span[0], span[1], q.get("reference") or ""))
        if lost:
            log.warning(str(SitrepError("E402", path=file, problem=f"line {number}: {lost} quote(s) not found in the "
                                                                  "article text; left out")))
        docs.append(QuoteDoc(str(record.get("_id", number)), text, tuple(quotes)))
    return docs


def locate(text: str, quote: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the gold ``quote`` is in ``text``: at the given offsets when they hold it, else its
    occurrence nearest ``start``; None when the text does not hold it (offsets kept when the
    record gives no quote text)."""
    if text[start:end] == quote:
        return start, end
    quote = quote.strip()
    if not quote:
        return (start, end) if end <= len(text) else None
    found = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not found:
        return None
    best = min(found, key=lambda k: abs(k - start))
    return best, best + len(quote)


def normalize_name(name: str) -> str:
    """A speaker's name as compared: case, spaces and a leading "the" aside ("The Kelowna
    Rockets" and "Kelowna Rockets" are one speaker)."""
    return " ".join(name.lower().split()).removeprefix("the ")


def score(items: list[QuoteDoc], extractor: Extractor, *, task: str, path: Path,
          errors: Path | None = None) -> Report:
    """Score quotes and speakers; with ``errors``, also write each gold quote missed or given the
    wrong speaker, and each quote found that gold lacks (see :func:`doc_errors`)."""
    started = time.perf_counter()
    rows = ["kind\tarticle\tgold_speaker\tfound_speaker\tspeaker_text\tquote"]
    gold_total = found_total = gold_found = found_right = speaker_total = speaker_right = 0
    articles = [Article(text=d.text, id=d.id, source=f"{path.name}:{d.id}") for d in items]
    for doc, (_, output) in zip(items, extractor.process(articles)):
        predicted: list[Quote] = [] if isinstance(output, Reject) else output.quotes
        if errors is not None:
            rows += doc_errors(doc, predicted)
        gold_total += len(doc.quotes)
        found_total += len(predicted)
        found_right += sum(1 for p in predicted if any(_overlap(p, g) for g in doc.quotes))
        for g in doc.quotes:
            hits = [p for p in predicted if _overlap(p, g)]
            if not hits:
                continue
            gold_found += 1
            if g.speaker:
                speaker_total += 1
                best = max(hits, key=lambda p: min(p.end, g.end) - max(p.start, g.start))
                speaker_right += bool(best.speaker and normalize_name(best.speaker.name) == normalize_name(g.speaker))
    if errors is not None:
        write_errors(errors, rows)
    precision = found_right / found_total if found_total else 0.0
    recall = gold_found / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = [Metric("quote_precision", precision, found_total, "span overlap"),
               Metric("quote_recall", recall, gold_total, "span overlap"),
               Metric("quote_f1", f1, gold_total),
               Metric("speaker_accuracy", speaker_right / speaker_total if speaker_total else 0.0, speaker_total,
                      "resolved full name, on gold quotes found")]
    return Report(task=task, path=str(path), items=len(items), groups={"all": metrics},
                  seconds=time.perf_counter() - started)


def _overlap(p: Quote, g: GoldQuote) -> bool:
    return p.start < g.end and g.start < p.end


def doc_errors(doc: QuoteDoc, predicted: list[Quote]) -> list[str]:
    """One document's errors as TSV lines: kind (missed, no speaker, wrong speaker, spurious),
    article, gold speaker, found speaker, the words naming the speaker, the quote's start."""
    rows = []
    for g in doc.quotes:
        hits = [p for p in predicted if _overlap(p, g)]
        quote = doc.text[g.start:g.end][:120].replace("\n", " ").replace("\t", " ")
        if not hits:
            kind, found, said = "missed", "", ""
        else:
            best = max(hits, key=lambda p: min(p.end, g.end) - max(p.start, g.start))
            found = best.speaker.name if best.speaker else ""
            said = best.speaker.text if best.speaker else ""
            if not g.speaker or normalize_name(found) == normalize_name(g.speaker):
                continue
            kind = "no speaker" if not found else "wrong speaker"
        rows.append(f"{kind}\t{doc.id}\t{g.speaker}\t{found}\t{said}\t{quote}")
    for p in predicted:
        if not any(_overlap(p, g) for g in doc.quotes):
            quote = p.text[:120].replace("\n", " ").replace("\t", " ")
            rows.append(f"spurious\t{doc.id}\t\t{p.speaker.name if p.speaker else ''}\t\t{quote}")
    return rows
