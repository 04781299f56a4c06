"""Named entities in CoNLL files: CoNLL-2003 (``token POS chunk TAG``, ``-DOCSTART-`` lines) and
the tab-separated IOB files of WikiNEuRal/Wikigold (``index token TAG``). Tags are IOB1 or IOB2.

The gold words are given to the pipeline as they are (no re-tokenization), the language's NER
runs, and spans are scored exactly: precision, recall and F1, overall and per label.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from ..errors import SitrepError
from ..extract import COMPONENTS
from ..nlp.language import detect_language
from ..pipeline import Extractor
from .report import Metric, Report

_BATCH = 256


@dataclass(frozen=True)
class NerSentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]  # IOB2


def load(path: Path) -> list[NerSentence]:
    sentences, words, tags = [], [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("-DOCSTART-") or line.startswith("#"):
            if words:
                sentences.append(NerSentence(tuple(words), tuple(to_iob2(tags))))
                words, tags = [], []
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        if len(parts) < 2:
            raise SitrepError("E402", path=path, problem=f"line {number}: expected a token and a tag")
        words.append(parts[1] if "\t" in line and len(parts) >= 3 else parts[0])
        tags.append(parts[-1])
    if words:
        sentences.append(NerSentence(tuple(words), tuple(to_iob2(tags))))
    if not sentences:
        raise SitrepError("E402", path=path, problem="no sentences")
    return sentences


def to_iob2(tags: list[str]) -> list[str]:
    """IOB1 ("I-PER" may open an entity) to IOB2 (every entity opens with "B-")."""
    out, previous = [], "O"
    for tag in tags:
        if tag.startswith("I-") and (previous == "O" or previous[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def score(items: list[NerSentence], extractor: Extractor, *, task: str, path: Path) -> Report:
    started = time.perf_counter()
    sample = " ".join(" ".join(s.words) for s in items[:200])
    language = detect_language(sample) or "en"
    nlp = extractor.nlp(language)
    examples = []
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name in COMPONENTS]):
        for start in range(0, len(items), _BATCH):
            batch = items[start:start + _BATCH]
            predicted = nlp.pipe(Doc(nlp.vocab, words=list(s.words)) for s in batch)
            for sentence, doc in zip(batch, predicted):
                reference = Doc(nlp.vocab, words=list(sentence.words), ents=list(sentence.tags))
                examples.append(Example(doc, reference))
    scores = Scorer.score_spans(examples, "ents")
    gold_counts = _label_counts(items)
    metrics = [Metric("precision", scores["ents_p"] or 0.0, len(items)), Metric("recall", scores["ents_r"] or 0.0, len(items)),
               Metric("f1", scores["ents_f"] or 0.0, len(items))]
    for label, per in sorted((scores.get("ents_per_type") or {}).items()):
        n = gold_counts.get(label, 0)
        metrics += [Metric(f"{label}_precision", per["p"], n), Metric(f"{label}_recall", per["r"], n),
                    Metric(f"{label}_f1", per["f"], n)]
    return Report(task=task, path=str(path), items=len(items), groups={language: metrics},
                  seconds=time.perf_counter() - started)


def _label_counts(items: list[NerSentence]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for sentence in items:
        for tag in sentence.tags:
            if tag.startswith("B-"):
                counts[tag[2:]] = counts.get(tag[2:], 0) + 1
    return counts
