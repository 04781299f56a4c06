"""Throughput and peak memory of sitrep's whole pipeline against a bare spaCy ``nlp.pipe``.

For each language, two phases run over the same texts, each in a fresh process (so neither
the loaded models nor the memory of one phase pollutes the other):

* ``bare``: ``nlp.pipe`` of the base spaCy pipeline sitrep starts from
  (``sitrep.nlp.pipeline.load_base``: ``fr_core_news_md`` for French, the shipped
  ``sitrep:en_sitrep`` for English, or the blank English fallback when it is missing);
* ``sitrep``: ``Extractor.process`` over ``Article`` objects: language detection, the base
  pipeline plus sitrep's components, geocoding and record building.

Each phase loads its models and warms up on a few articles (this also builds the gazetteer
cache on first use), then times the whole corpus. Reported: articles/s, words/s (words are
whitespace-separated tokens), seconds, peak RSS of the phase's process, events per article,
and the time ratio sitrep / bare.

The corpus is public text read at run time from the shared evaluation data (never copied
into the repository): French news of 1999 from the French TimeBank (TimeML, tags stripped)
and English ACLED Ukraine notes grouped eight by eight into article-sized pseudo-articles.
Without that data, the bundled example article is repeated instead, and the output says so.

Run::

    .venv/bin/python benchmarks/throughput.py --articles 200
    .venv/bin/python benchmarks/throughput.py --language fr --articles 100 --out bench.json
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import platform
import resource
import statistics
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from itertools import cycle, islice
from pathlib import Path

DEFAULT_DATA_DIR = Path("/work/shared/eval")
TIMEBANK = Path("timex_fr_timebank/Data")
ACLED = Path("acled_ukraine_peacerep/ACLED-Ukraine.csv")
NOTES_PER_ARTICLE = 8
WARMUP_ARTICLES = 32  # two batches at sitrep's default batch size
LANGUAGES = ("fr", "en")
PHASES = ("bare", "sitrep")


# ---------------------------------------------------------------------------- corpus

@dataclass(frozen=True)
class Text:
    id: str
    text: str
    published: date | None


@dataclass
class Corpus:
    language: str
    description: str
    sources: list[str]
    unique_texts: int
    texts: list[Text]
    fallback: bool = False

    @property
    def words(self) -> int:
        return sum(word_count(t.text) for t in self.texts)

    def summary(self) -> dict:
        return {"description": self.description, "sources": self.sources, "unique_texts": self.unique_texts,
                "articles": len(self.texts), "words": self.words, "fallback": self.fallback}


def word_count(text: str) -> int:
    return len(text.split())


def timebank_texts(folder: Path) -> list[Text]:
    """French TimeBank documents: the <TEXT> content without tags, dated by the creation time."""
    texts = []
    for path in sorted(folder.glob("*.tml")):
        root = ET.parse(path).getroot()
        body = root.find("TEXT")
        if body is None:
            continue
        text = "".join(body.itertext()).strip()
        dct = root.find("DCT/TIMEX3")
        published = _iso_date(dct.get("value")) if dct is not None else None
        if text:
            texts.append(Text(id=path.stem, text=text, published=published))
    return texts


def acled_texts(path: Path, per_article: int = NOTES_PER_ARTICLE) -> list[Text]:
    """ACLED notes in file order, grouped into pseudo-articles of ``per_article`` paragraphs,
    dated by the latest event date of the group."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if (row.get("notes") or "").strip()]
    texts = []
    for start in range(0, len(rows), per_article):
        group = rows[start:start + per_article]
        dates = [d for d in (_acled_date(row.get("event_date", "")) for row in group) if d]
        texts.append(Text(id=f"acled-{start // per_article:04d}",
                          text="\n\n".join(row["notes"].strip() for row in group),
                          published=max(dates) if dates else None))
    return texts


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _acled_date(value: str) -> date | None:
    try:
        return datetime.strptime(value[:10], "%d/%m/%Y").date()
    except ValueError:
        return None


def example_text() -> Text:
    text = resources.files("sitrep").joinpath("examples", "frappe_odessa.txt").read_text(encoding="utf-8")
    return Text(id="frappe_odessa", text=text, published=None)


def round_robin(texts: list[Text], n: int) -> list[Text]:
    """``n`` texts, reusing the list from the start when it is shorter; repeats get new ids."""
    out = []
    for index, text in enumerate(islice(cycle(texts), n)):
        copy = index // len(texts)
        out.append(text if copy == 0 else Text(f"{text.id}~{copy}", text.text, text.published))
    return out


def load_corpus(language: str, n: int, data_dir: Path) -> Corpus:
    if language == "fr" and (data_dir / TIMEBANK).is_dir():
        base, source = timebank_texts(data_dir / TIMEBANK), data_dir / TIMEBANK / "*.tml"
        description = "French TimeBank 1.1: French news of 1999, TimeML tags stripped"
    elif language == "en" and (data_dir / ACLED).is_file():
        base, source = acled_texts(data_dir / ACLED), data_dir / ACLED
        description = f"ACLED Ukraine notes (`notes` column), {NOTES_PER_ARTICLE} notes per pseudo-article"
    else:
        base = []
    if base:
        return Corpus(language, description, [str(source)], len(base), round_robin(base, n))
    example = example_text()
    note = " (French: the English run is told the language instead of detecting it)" if language != "fr" else ""
    return Corpus(language, f"FALLBACK: shared data missing; the bundled example article repeated{note}",
                  ["src/sitrep/examples/frappe_odessa.txt"], 1, round_robin([example], n), fallback=True)


# ---------------------------------------------------------------------------- one phase (child process)

def run_phase(phase: str, language: str, texts: list[Text], settings, repeat: int, detect: bool,
              warmup: int) -> dict:
    """Load, warm up, time; runs in a fresh process. Returns the figures as a dict."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if phase == "bare":
            run, info = _bare_runner(language, settings)
        else:
            run, info = _sitrep_runner(language, settings, detect)
        run(texts[:warmup])
    ours = [w for w in caught if type(w.message).__name__ == "SitrepWarning"]
    info["notes"] = sorted({str(w.message) for w in ours})
    for w in caught:
        if w not in ours:
            print(warnings.formatwarning(w.message, w.category, w.filename, w.lineno).rstrip(), file=sys.stderr)
    rss_loaded = current_rss_mb()
    times, outputs, geoparsing = [], None, []
    for _ in range(repeat):
        GEOPARSING["seconds"] = 0.0
        start = time.perf_counter()
        outputs = run(texts)
        times.append(time.perf_counter() - start)
        geoparsing.append(GEOPARSING["seconds"])
    seconds = statistics.median(times)
    words = sum(word_count(t.text) for t in texts)
    figures = {"phase": phase, "language": language, "articles": len(texts), "words": words,
               "warmup_articles": min(warmup, len(texts)),
               "seconds": seconds, "all_seconds": times, "articles_per_s": len(texts) / seconds,
               "words_per_s": words / seconds, "rss_after_warmup_mb": rss_loaded, "peak_rss_mb": peak_rss_mb()}
    if phase == "sitrep":
        figures.update(count_outputs(outputs))
        share = statistics.median(g / t for g, t in zip(geoparsing, times))
        figures.update(geoparsing_seconds=statistics.median(geoparsing), geoparsing_share=share)
    else:
        figures["spacy_tokens"] = outputs
    return {**figures, **info}


def _bare_runner(language: str, settings) -> tuple[Callable, dict]:
    from sitrep.nlp.pipeline import load_base

    nlp = load_base(language, settings)

    def run(items: list[Text]) -> int:
        """spaCy tokens seen; the docs are dropped as they come, as a streaming user would."""
        return sum(len(doc) for doc in nlp.pipe((t.text for t in items), batch_size=settings.batch_size))

    return run, {"pipeline": _describe(nlp)}


GEOPARSING = {"seconds": 0.0}


def _time_geoparsing() -> None:
    """Count the time spent finding places (the ``sitrep_places`` component) and resolving them
    (``Geocoder.geocode_all``), so the report can give geoparsing's share of the whole."""
    from sitrep.extract.places import PlaceFinder
    from sitrep.resolve.geocode import Geocoder

    def timed(fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                GEOPARSING["seconds"] += time.perf_counter() - start
        return wrapper

    PlaceFinder.__call__ = timed(PlaceFinder.__call__)
    Geocoder.geocode_all = timed(Geocoder.geocode_all)


def _sitrep_runner(language: str, settings, detect: bool) -> tuple[Callable, dict]:
    from sitrep import Article, Extractor

    _time_geoparsing()
    extractor = Extractor(settings)

    def run(items: list[Text]) -> list:
        articles = (Article(text=t.text, id=t.id, language=None if detect else language, published=t.published)
                    for t in items)
        return [output for _, output in extractor.process(articles)]

    return run, {"pipeline": _describe(extractor.pipelines[language]), "language_detection": detect}


def _describe(nlp) -> dict:
    meta = nlp.meta
    return {"name": f"{meta.get('lang', '?')}_{meta.get('name', '?')}", "version": meta.get("version"),
            "pipes": list(nlp.pipe_names)}


def count_outputs(outputs: list) -> dict:
    from sitrep.records import Reject

    results = [o for o in outputs if not isinstance(o, Reject)]
    rejects = [o for o in outputs if isinstance(o, Reject)]
    events = sum(len(r.events) for r in results)
    return {"results": len(results), "rejects": len(rejects),
            "reject_codes": dict(Counter(r.code for r in rejects)),
            "result_languages": dict(Counter(r.document.language for r in results)), "events": events,
            "events_per_article": events / len(results) if results else 0.0}


def peak_rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def in_fresh_process(fn: Callable, *args) -> dict:
    """Run ``fn(*args)`` in a newly spawned interpreter, so its peak RSS is its own."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


# ---------------------------------------------------------------------------- report

def machine() -> dict:
    import spacy

    import sitrep

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"nproc": os.cpu_count(), "usable_cpus": usable, "platform": platform.platform(),
            "python": platform.python_version(), "spacy": spacy.__version__, "sitrep": sitrep.__version__,
            "load_average_start": _loadavg()}


def _loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def print_report(report: dict) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(width=max(Console().width, 120))
    m = report["machine"]
    console.print(f"[bold]sitrep throughput[/bold]: {m['nproc']} CPUs ({m['usable_cpus']} usable), "
                  f"Python {m['python']}, spaCy {m['spacy']}, sitrep {m['sitrep']}, {m['platform']}")
    console.print(f"load average at start {m['load_average_start']}, at end {m['load_average_end']}; "
                  f"batch size {report['batch_size']}; {report['warmup_articles']} warm-up articles, then median of "
                  f"{report['repeat']} timed pass(es); "
                  f"language detection {'on' if report['language_detection'] else 'off (language given)'}")
    for language, entry in report["languages"].items():
        corpus, bare, sitrep = entry["corpus"], entry["bare"]["pipeline"], entry["sitrep"]["pipeline"]
        added = [pipe for pipe in sitrep["pipes"] if pipe not in bare["pipes"]]
        console.print(f"\n[bold]{language}[/bold] corpus: {escape(corpus['description'])}\n"
                      f"  source: {escape(', '.join(corpus['sources']))}\n"
                      f"  {corpus['articles']} articles from {corpus['unique_texts']} distinct texts "
                      f"(reused round-robin), {corpus['words']:,} words, "
                      f"{corpus['words'] / corpus['articles']:.0f} words/article\n"
                      f"  bare: {bare['name']} {bare['version']} {escape(str(bare['pipes']))}\n"
                      f"  sitrep adds: {escape(str(added))}")
        for note in sorted(set(entry["bare"]["notes"]) | set(entry["sitrep"]["notes"])):
            console.print(f"  [yellow]note:[/yellow] {escape(note)}")
        if not any(pipe in bare["pipes"] for pipe in ("tok2vec", "transformer", "ner", "parser", "tagger")):
            console.print("  [yellow]note:[/yellow] the bare baseline has no trained component (tokenizer and "
                          "sentence splitting only), so the time ratio mostly measures sitrep's own work")
        if len(entry["sitrep"]["result_languages"]) > 1 or entry["sitrep"]["rejects"]:
            console.print(f"  [yellow]note:[/yellow] sitrep processed these as {entry['sitrep']['result_languages']}"
                          f" and rejected {entry['sitrep']['rejects']} {entry['sitrep']['reject_codes']}")
    console.print()
    console.print(results_table(report))
    for language, entry in report["languages"].items():
        console.print(f"{language}: sitrep takes {entry['time_ratio']:.2f}x the time of bare spaCy "
                      f"(throughput {100 / entry['time_ratio']:.0f}% of bare); geoparsing (finding and resolving "
                      f"places) is {100 * entry['sitrep']['geoparsing_share']:.1f}% of sitrep's time")


def _rejects_cell(figures: dict) -> str:
    codes = ", ".join(f"{code} x{n}" for code, n in sorted(figures["reject_codes"].items()))
    return f"{figures['rejects']} ({codes})" if codes else str(figures["rejects"])


def results_table(report: dict):
    from rich.table import Table

    table = Table(title="Throughput and peak memory")
    for name in ("lang", "pipeline", "articles", "words", "seconds", "articles/s", "words/s",
                 "peak RSS MB", "events/article", "rejects"):
        table.add_column(name, justify="left" if name in ("lang", "pipeline") else "right")
    for language, entry in report["languages"].items():
        for phase in PHASES:
            p = entry[phase]
            sitrep = phase == "sitrep"
            table.add_row(language, phase, str(p["articles"]), f"{p['words']:,}", f"{p['seconds']:.2f}",
                          f"{p['articles_per_s']:.1f}", f"{p['words_per_s']:,.0f}", f"{p['peak_rss_mb']:.0f}",
                          f"{p['events_per_article']:.2f}" if sitrep else "-",
                          _rejects_cell(p) if sitrep else "-")
    return table


# ---------------------------------------------------------------------------- main

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=("fr", "en", "both"), default="both")
    parser.add_argument("--articles", type=int, default=200, help="articles per language (default 200)")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="spaCy batch size for both phases (default: sitrep's setting)")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes per phase; the median is reported")
    parser.add_argument("--warmup", type=int, default=WARMUP_ARTICLES,
                        help=f"articles processed before timing (default {WARMUP_ARTICLES})")
    parser.add_argument("--given-language", action="store_true",
                        help="pass the language to sitrep instead of letting it detect it")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help=f"the shared evaluation data (default {DEFAULT_DATA_DIR})")
    parser.add_argument("--out", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeat < 1 or args.warmup < 1 or (args.batch_size is not None and args.batch_size < 1):
        parser.error("--articles, --repeat, --warmup and --batch-size must be positive")
    return args


def benchmark_language(language: str, args: argparse.Namespace, settings) -> dict:
    corpus = load_corpus(language, args.articles, args.data_dir)
    entry = {"corpus": corpus.summary()}
    # The fallback article is French: detecting it would send the English run to the French pipeline.
    detect = not args.given_language and not (corpus.fallback and language != "fr")
    for phase in PHASES:
        print(f"[{language}] {phase}: {len(corpus.texts)} articles ...", file=sys.stderr, flush=True)
        entry[phase] = in_fresh_process(run_phase, phase, language, corpus.texts, settings, args.repeat,
                                        detect, args.warmup)
    entry["time_ratio"] = entry["sitrep"]["seconds"] / entry["bare"]["seconds"]
    return entry


def main(argv: list[str] | None = None) -> None:
    from sitrep import load_settings

    args = parse_args(argv)
    settings = load_settings()
    if args.batch_size:
        settings = settings.with_overrides(batch_size=args.batch_size)
    report = {"machine": machine(), "batch_size": settings.batch_size, "repeat": args.repeat,
              "warmup_articles": args.warmup,
              "language_detection": not args.given_language, "languages": {}}
    for language in LANGUAGES if args.language == "both" else (args.language,):
        report["languages"][language] = benchmark_language(language, args, settings)
    report["machine"]["load_average_end"] = _loadavg()
    print_report(report)
    if args.out:
        args.out.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"figures written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
