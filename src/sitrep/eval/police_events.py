"""IndiaPoliceEvents: Times of India articles from 2002 (lowercased), each sentence and each
document labelled with what the police did: KILL (police killed someone), ARREST (police
arrested someone), FAIL, FORCE, ANY_ACTION. sitrep is scored on KILL and ARREST.

Each sentence is extracted on its own (as English). A sentence is KILL when sitrep finds there an
event with fatalities whose actor1 is the police or state forces ("killed in police firing"), or a
riot or protest the police fired on (actor2) where the dead were not the police; ARREST when it
finds an event coded Arrests. Denied and hypothetical events do not count. A
document is positive when one of its sentences is (a labelled document whose sentences the set
does not hold is extracted whole). Precision, recall and F1 per label, on every sentence of
``sents.jsonl`` and every document of ``docs.jsonl`` (the two files do not cover the same documents).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import SitrepError
from ..pipeline import Extractor
from ..records import Article, Event, Reject
from .report import Metric, Report

LABELS = ("KILL", "ARREST")
AGENT_KINDS = ("police", "state_forces")
NOT_HAPPENED = ("denied", "hypothetical")


@dataclass(frozen=True)
class Sentence:
    text: str
    labels: frozenset[str]


@dataclass(frozen=True)
class PoliceDoc:
    id: str
    sentences: tuple[Sentence, ...]  # empty when the set labels only the whole document
    labels: frozenset[str] | None  # None when the set labels only its sentences
    text: str = ""


def _read_jsonl(file: Path) -> list[dict]:
    records = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise SitrepError("E402", path=file, problem=f"line {number}: {exc.msg}") from None
    return records


def load(path: Path) -> list[PoliceDoc]:
    folder = path if path.is_dir() else path.parent
    sents_file, docs_file = folder / "sents.jsonl", folder / "docs.jsonl"
    for file in (sents_file, docs_file):
        if not file.is_file():
            raise SitrepError("E402", path=folder, problem=f"not an IndiaPoliceEvents folder: no {file.name}")
    sentences: dict[str, list[tuple[int, Sentence]]] = {}
    try:
        for record in _read_jsonl(sents_file):
            sentence = Sentence(record["sent_text"], frozenset(record.get("sent_labels") or ()))
            sentences.setdefault(str(record["doc_id"]), []).append((int(record["sent_id"]), sentence))
        docs = {str(r["doc_id"]): (frozenset(r.get("doc_labels") or ()), r.get("doc_text") or "")
                for r in _read_jsonl(docs_file)}
    except (KeyError, TypeError, ValueError) as exc:
        raise SitrepError("E402", path=folder, problem=f"unexpected record: {exc}") from None
    items = []
    for doc_id in list(docs) + [d for d in sentences if d not in docs]:
        labels, text = docs.get(doc_id, (None, ""))
        ordered = tuple(s for _, s in sorted(sentences.get(doc_id, []), key=lambda x: x[0]))
        items.append(PoliceDoc(doc_id, ordered, labels, text))
    return items


def event_labels(events: list[Event]) -> set[str]:
    """The IndiaPoliceEvents labels the events found in one sentence amount to."""
    labels = set()
    for event in events:
        if event.modality in NOT_HAPPENED:
            continue
        if event.fatalities is not None and event.fatalities.min > 0 and _killed_by_police(event):
            labels.add("KILL")
        if event.sub_event_type == "Arrests":
            labels.add("ARREST")
    return labels


def _killed_by_police(event: Event) -> bool:
    if event.actor1 is not None and event.actor1.kind in AGENT_KINDS:
        return True
    crowd = event.event_type in ("Protests", "Riots")  # ACLED codes the crowd as actor1, the police as actor2
    dead = event.fatalities.who if event.fatalities else None
    return crowd and event.actor2 is not None and event.actor2.kind in AGENT_KINDS and dead not in ("police", "soldiers")


def predict(items: list[PoliceDoc], extractor: Extractor, source: str) -> tuple[list[list[set[str]]], list[set[str]]]:
    """Per document, per sentence: the labels sitrep's events give it; and per document."""
    keys = [(d, s, sentence.text) for d, doc in enumerate(items) for s, sentence in enumerate(doc.sentences)
            if sentence.text.strip()]
    keys += [(d, None, doc.text) for d, doc in enumerate(items) if not doc.sentences and doc.text.strip()]
    articles = [Article(text=text, id=f"{items[d].id}:{s}", language="en", source=f"{source}:{items[d].id}:{s}")
                for d, s, text in keys]
    by_sentence: list[list[set[str]]] = [[set() for _ in doc.sentences] for doc in items]
    by_doc: list[set[str]] = [set() for _ in items]
    for (d, s, _), (_, output) in zip(keys, extractor.process(articles)):
        labels = set() if isinstance(output, Reject) else event_labels(output.events)
        if s is not None:
            by_sentence[d][s] = labels
        by_doc[d] |= labels
    return by_sentence, by_doc


def _prf(pairs: list[tuple[bool, bool]], label: str, unit: str) -> list[Metric]:
    tp = sum(1 for g, p in pairs if g and p)
    n_pred = sum(1 for _, p in pairs if p)
    n_gold = sum(1 for g, _ in pairs if g)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    key = label.lower()
    return [Metric(f"{key}_precision", precision, n_pred, f"{unit} predicted {label}"),
            Metric(f"{key}_recall", recall, n_gold, f"{unit} labelled {label}"),
            Metric(f"{key}_f1", f1, n_gold)]


def score(items: list[PoliceDoc], extractor: Extractor, *, task: str, path: Path) -> Report:
    started = time.perf_counter()
    by_sentence, by_doc = predict(items, extractor, path.name)
    groups: dict[str, list[Metric]] = {"sentences": [], "documents": []}
    for label in LABELS:
        sentence_pairs = [(label in sentence.labels, label in labels)
                          for doc, predicted in zip(items, by_sentence)
                          for sentence, labels in zip(doc.sentences, predicted)]
        doc_pairs = [(label in doc.labels, label in labels) for doc, labels in zip(items, by_doc) if doc.labels is not None]
        groups["sentences"].extend(_prf(sentence_pairs, label, "sentences"))
        groups["documents"].extend(_prf(doc_pairs, label, "documents"))
    return Report(task=task, path=str(path), items=len(items), groups=groups, seconds=time.perf_counter() - started)
