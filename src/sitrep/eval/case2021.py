"""CASE 2021 task 2: news snippets (``EventSnippet``) labelled with one fine-grained event type
(``SubType``): ACLED's 25 sub-event types under their CASE codes, plus five types outside ACLED
(organized crime, natural and man-made disasters, diplomacy, attribution).

sitrep's label for a snippet is the sub-event type of the first event it finds there, or
"no ACLED event" when it finds none; the five outside types are gold "no ACLED event". Scored
as the shared task scored it: F1 per label, averaged weighted by gold support and unweighted
(macro), over the 26 labels. The TSV is read with quoting off: snippets hold bare quote marks.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import SitrepError
from ..pipeline import Extractor
from ..records import Article, Reject
from .report import Metric, Report

NO_EVENT = "no ACLED event"
CASE_TO_ACLED = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
OUTSIDE_ACLED = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
LABELS = (*CASE_TO_ACLED.values(), NO_EVENT)


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    label: str  # an ACLED sub-event type, or NO_EVENT


def load(path: Path) -> list[Snippet]:
    files = sorted(path.glob("*.tsv")) if path.is_dir() else [path]
    if not files:
        raise SitrepError("E402", path=path, problem="no .tsv file")
    items = []
    for file in files:
        with file.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = {"EventSnippet", "SubType"} - set(reader.fieldnames or ())
            if missing:
                raise SitrepError("E402", path=file, problem=f"not a CASE 2021 task 2 TSV: no column {', '.join(sorted(missing))}")
            for number, row in enumerate(reader, start=2):
                code = (row.get("SubType") or "").strip()
                text = (row.get("EventSnippet") or "").strip()
                if not text or not code:
                    continue
                if code in CASE_TO_ACLED:
                    label = CASE_TO_ACLED[code]
                elif code in OUTSIDE_ACLED:
                    label = NO_EVENT
                else:
                    raise SitrepError("E402", path=file, problem=f"line {number}: unknown SubType '{code}'")
                items.append(Snippet(id=(row.get("id") or f"{file.name}:{number}").strip(), text=text, label=label))
    return items


def predict(items: list[Snippet], extractor: Extractor, source: str) -> list[str]:
    articles = [Article(text=s.text, id=s.id, language="en", source=f"{source}:{s.id}") for s in items]
    labels = []
    for _, output in extractor.process(articles):
        events = [] if isinstance(output, Reject) else output.events
        labels.append(events[0].sub_event_type if events else NO_EVENT)
    return labels


def f1_scores(gold: list[str], predicted: list[str],
              labels: tuple[str, ...] = LABELS) -> dict[str, tuple[float, float, float, int, int]]:
    """Per label: precision, recall, F1, gold support and how often it was predicted."""
    scores = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        n_gold = sum(1 for g in gold if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = (precision, recall, f1, n_gold, n_pred)
    return scores


def averages(scores: dict[str, tuple[float, float, float, int, int]]) -> tuple[float, float]:
    """(weighted F1, macro F1); macro over the labels the gold or the predictions hold (as scikit-learn)."""
    support = sum(s[3] for s in scores.values())
    weighted = sum(s[2] * s[3] for s in scores.values()) / support if support else 0.0
    seen = [s for s in scores.values() if s[3] or s[4]]
    macro = sum(s[2] for s in seen) / len(seen) if seen else 0.0
    return weighted, macro


def score(items: list[Snippet], extractor: Extractor, *, task: str, path: Path) -> Report:
    started = time.perf_counter()
    predicted = predict(items, extractor, path.name)
    gold = [s.label for s in items]
    scores = f1_scores(gold, predicted)
    weighted, macro = averages(scores)
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0
    overall = [Metric("weighted_f1", weighted, len(gold), "26 labels, weighted by gold support"),
               Metric("macro_f1", macro, len(gold), "26 labels, unweighted"),
               Metric("accuracy", accuracy, len(gold))]
    per_label = [Metric(label, f1, n, f"P {p:.2f} R {r:.2f}, predicted {k}")
                 for label, (p, r, f1, n, k) in scores.items() if n or k]
    return Report(task=task, path=str(path), items=len(items), groups={"all": overall, "f1_by_label": per_label},
                  seconds=time.perf_counter() - started)
