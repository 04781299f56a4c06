"""Attributions in PolNeAR (brat standoff): who said what, as Source, Cue and Content spans.

A gold set is a folder holding ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``
(or a folder whose ``dev/``, ``train/``… hold them: give the split). In an ``.ann`` file, ``T``
lines are spans (``T3\\tContent 315 448;463 553\\t…``, fragments split by ``;``) and ``E`` lines
tie them into one attribution (``E1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1``; an
``Attribution-no-source`` has no Source). A text read by several annotators is scored against
the first of their files (by name), so that it counts once.

Scored per role, on sitrep's quotes (content = the quote, cue = its cue verb, source = the words
that name its speaker): a predicted span is right when it overlaps a gold span of that role, a
gold span is found when a prediction overlaps it (precision, recall, F1, each span counted once).
"attribution" asks both at once of one quote: its content overlaps the gold content and its
source overlaps the gold source (or, for a gold attribution without source, it names none).
A quote whose speaker sitrep could not resolve (a pronoun with no antecedent) has no source here:
sitrep gives it none, rather than a guess.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import SitrepError
from ..pipeline import Extractor
from ..records import Article
from .report import Metric, Report

ROLES = ("source", "cue", "content")
_SPAN = re.compile(r"(\w[\w-]*) (\d+ \d+(?:;\d+ \d+)*)")

Fragments = tuple[tuple[int, int], ...]  # character spans; one span, or several for a discontinuous one


@dataclass(frozen=True)
class Attribution:
    source: Fragments  # empty when the text names no source
    cue: Fragments
    content: Fragments


@dataclass(frozen=True)
class AttributionDoc:
    id: str
    text: str
    attributions: tuple[Attribution, ...]


def load(path: Path) -> list[AttributionDoc]:
    texts, annotations = path / "text", path / "attributions"
    if not (texts.is_dir() and annotations.is_dir()):
        raise SitrepError("E402", path=path, problem="not a PolNeAR split: expected its 'text' and 'attributions' folders")
    docs = []
    for text_file in sorted(texts.glob("*.txt")):
        ann_files = sorted(annotations.glob(f"{text_file.stem}_*.ann"))
        if not ann_files:
            continue
        text = text_file.read_text(encoding="utf-8")
        docs.append(AttributionDoc(text_file.stem, text, tuple(read_ann(ann_files[0]))))
    if not docs:
        raise SitrepError("E402", path=path, problem="no text with an attribution file")
    return docs


def read_ann(file: Path) -> list[Attribution]:
    spans: dict[str, Fragments] = {}
    relations: list[dict[str, list[str]]] = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            match = _SPAN.fullmatch(fields[1].strip())
            if match is None:
                raise SitrepError("E402", path=file, problem=f"line {number}: unreadable span '{fields[1]}'")
            spans[fields[0]] = tuple((int(a), int(b)) for a, b in
                                     (pair.split() for pair in match.group(2).split(";")))
        elif line.startswith("E") and len(fields) >= 2:
            roles: dict[str, list[str]] = {}
            for argument in fields[1].split():
                role, _, ref = argument.partition(":")
                roles.setdefault(role.rstrip("0123456789").lower(), []).append(ref)
            relations.append(roles)
    out = []
    for roles in relations:
        if "attribution" not in roles and "attribution-no-source" not in roles:
            continue
        parts = {role: tuple(f for ref in roles.get(role, []) for f in spans.get(ref, ())) for role in ROLES}
        if parts["content"] or parts["cue"]:
            out.append(Attribution(parts["source"], parts["cue"], parts["content"]))
    return out


def predicted(extractor: Extractor, items: list[AttributionDoc]) -> list[list[Attribution]]:
    """sitrep's quotes in each text, as attributions (read from the Doc, where the cue's offsets are)."""
    nlp = extractor.nlp("en")
    docs = [extractor.make_doc(Article(text=d.text, id=d.id, language="en", source=d.id), "en") for d in items]
    out = []
    for doc in nlp.pipe(docs, batch_size=extractor.settings.batch_size):
        found = []
        for q in doc._.sitrep_quotes:
            cue = ((doc[q.cue].idx, doc[q.cue].idx + len(doc[q.cue])),) if q.cue is not None else ()
            source = ()
            if q.speaker is not None and q.speaker.end > q.speaker.start:
                words = doc[q.speaker.start:q.speaker.end]
                source = ((words.start_char, words.end_char),)
            found.append(Attribution(source, cue, ((q.start_char, q.end_char),)))
        out.append(found)
    return out


def score(items: list[AttributionDoc], extractor: Extractor, *, task: str, path: Path) -> Report:
    started = time.perf_counter()
    counts = {role: [0, 0, 0, 0] for role in (*ROLES, "attribution")}  # predicted, right, gold, found
    for doc, found in zip(items, predicted(extractor, items)):
        for role in ROLES:
            gold = {getattr(a, role) for a in doc.attributions if getattr(a, role)}
            guess = {getattr(a, role) for a in found if getattr(a, role)}
            tally(counts[role], guess, gold, overlaps)
        tally(counts["attribution"], set(found), set(doc.attributions), same_attribution)
    metrics = []
    for role, (n_pred, right, n_gold, hit) in counts.items():
        precision = right / n_pred if n_pred else 0.0
        recall = hit / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        note = "content and source of one quote" if role == "attribution" else "span overlap"
        metrics += [Metric(f"{role}_precision", precision, n_pred, note), Metric(f"{role}_recall", recall, n_gold, note),
                    Metric(f"{role}_f1", f1, n_gold)]
    return Report(task=task, path=str(path), items=len(items), groups={"en": metrics},
                  seconds=time.perf_counter() - started)


def tally(count: list[int], guess: set, gold: set, match) -> None:
    count[0] += len(guess)
    count[1] += sum(1 for g in guess if any(match(g, t) for t in gold))
    count[2] += len(gold)
    count[3] += sum(1 for t in gold if any(match(g, t) for g in guess))


def overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def same_attribution(guess: Attribution, gold: Attribution) -> bool:
    if not overlaps(guess.content, gold.content):
        return False
    return overlaps(guess.source, gold.source) if gold.source else not guess.source
