"""Train sitrep's English spaCy pipeline (CPU) from local data.

Two parts are trained separately with ``spacy train`` (side by side, one
thread each) and combined with ``spacy assemble`` (``source`` components):

* news (``configs/news.cfg``): ``ner`` on CoNLL-2003 English ``train.txt``
  and ``senter`` on the sentences of CoNLL train plus the UD training part.
  The last 7% of ``train.txt`` picks the best checkpoint, so CoNLL ``dev.txt``
  is used only for the reported scores.
* syntax (``configs/syntax.cfg``): tagger, morphologizer, parser and edit-tree
  lemmatizer on UD English EWT. Only its dev and test files exist: training
  uses all of dev plus the first 70% of test, the next 10% of test picks the
  checkpoint and the last 20% (cut at a document boundary) is held out.

Wikigold (English, gold IOB2) is read for evaluation only.

Rebuild (from the repository root)::

    python -m sitrep.train.english --data /work/shared/train \\
        --out src/sitrep/models/en_sitrep --work training/work
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.symbols import ORTH
from spacy.tokens import Doc, DocBin
from spacy.training import Corpus
from spacy.training.converters import conll_ner_to_docs, conllu_to_docs
from spacy.util import compile_infix_regex

from ..about import __version__

CONFIG_DIR = Path(__file__).parent / "configs"
WIKIGOLD = Path("eval/ner_babelscape_wikineural/wikigold_en_test.conllu")
SENTS_PER_DOC = 10  # group sentences into documents so the parser learns to split
NER_TUNE_FRACTION = 0.07  # tail of CoNLL train.txt used to pick the checkpoint
UD_TRAIN_CUT, UD_TUNE_CUT = 0.70, 0.80  # fractions of the UD test file
NER_LABELS = ("PER", "ORG", "LOC", "MISC")
# Abbreviations common in war reporting that spaCy's English exceptions lack.
TITLE_ABBREVIATIONS = ("Lt.", "Col.", "Maj.", "Sgt.", "Cpl.", "Pvt.", "Capt.", "Cpt.", "Brig.",
                       "Cmdr.", "Cdr.", "Gens.", "Pres.", "Amb.", "Insp.", "Supt.", "Ft.", "Sr.")  # fmt: skip


# ---------------------------------------------------------------- data


def sentence_blocks(text: str) -> list[str]:
    """Split a CoNLL-style file into its blank-line separated sentence blocks."""
    return [block for block in text.strip().split("\n\n") if block.strip()]


def conll_ner_docs(blocks: list[str]) -> list[Doc]:
    """CoNLL NER sentence blocks (``token ... tag``) to Docs, via spaCy's converter."""
    text = "\n\n".join(blocks)
    return list(conll_ner_to_docs(text, n_sents=SENTS_PER_DOC, no_print=True))


def wikigold_blocks(path: Path) -> list[str]:
    """Wikigold ``index<TAB>token<TAB>tag`` lines to ``token tag`` blocks (no -DOCSTART-)."""
    blocks = []
    for block in sentence_blocks(path.read_text(encoding="utf-8")):
        rows = [line.split("\t") for line in block.splitlines() if not line.startswith("#")]
        rows = [row for row in rows if len(row) >= 3 and row[1] != "-DOCSTART-"]
        if rows:
            blocks.append("\n".join(f"{row[1]} {row[-1]}" for row in rows))
    return blocks


def conllu_docs(blocks: list[str]) -> list[Doc]:
    """CoNLL-U sentence blocks to Docs (tags, UPOS, morphs, lemmas, deps)."""
    text = "\n\n".join(blocks) + "\n"
    return list(conllu_to_docs(text, n_sents=SENTS_PER_DOC, no_print=True))


def cut_at_newdoc(blocks: list[str], fraction: float) -> int:
    """Index of the first document start at or after ``fraction`` of the blocks."""
    target = int(len(blocks) * fraction)
    for i in range(target, len(blocks)):
        if "# newdoc" in blocks[i]:
            return i
    return target


def save_docbin(docs: list[Doc], path: Path) -> dict:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return {"docs": len(docs), "tokens": sum(len(doc) for doc in docs)}


def read_blocks(path: Path) -> list[str]:
    return sentence_blocks(path.read_text(encoding="utf-8"))


def prepare_data(data_dir: Path, corpus_dir: Path, wikigold: Path | None) -> dict:
    """Convert the raw data into ``.spacy`` files under ``corpus_dir``; return their sizes.

    ``news_train/`` holds the CoNLL training docs and a copy of the UD training
    docs (sentence boundaries only for the senter; no entity annotation).
    """
    conll_train = read_blocks(data_dir / "conll2003_en" / "train.txt")
    n_tune = int(len(conll_train) * NER_TUNE_FRACTION)
    ud = data_dir / "ud_english_ewt"
    ud_test = read_blocks(ud / "en_ewt-ud-test.conllu")
    cut1, cut2 = cut_at_newdoc(ud_test, UD_TRAIN_CUT), cut_at_newdoc(ud_test, UD_TUNE_CUT)
    ud_train = conllu_docs(read_blocks(ud / "en_ewt-ud-dev.conllu") + ud_test[:cut1])
    parts = {
        "news_train/conll": conll_ner_docs(conll_train[:-n_tune]),
        "news_train/ud": ud_train,
        "ner_tune": conll_ner_docs(conll_train[-n_tune:]),
        "ner_dev": conll_ner_docs(read_blocks(data_dir / "conll2003_en" / "dev.txt")),
        "ud_train": ud_train,
        "ud_tune": conllu_docs(ud_test[cut1:cut2]),
        "ud_heldout": conllu_docs(ud_test[cut2:]),
    }
    if wikigold is not None and wikigold.exists():
        parts["wikigold"] = conll_ner_docs(wikigold_blocks(wikigold))
    sizes = {name: save_docbin(docs, corpus_dir / f"{name}.spacy") for name, docs in parts.items()}
    sizes["ud_split"] = {"test_sentences": len(ud_test), "train_until": cut1, "tune_until": cut2}
    return sizes


# ---------------------------------------------------------------- training


def spacy_cli(args: list[str], log: Path, *, threads: int | None = None) -> subprocess.Popen:
    """Start ``python -m spacy <args>`` with its output going to ``log``."""
    env = dict(os.environ)
    if threads is not None:
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = str(threads)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as handle:
        return subprocess.Popen(
            [sys.executable, "-m", "spacy", *args], stdout=handle, stderr=subprocess.STDOUT, env=env
        )


# part name -> (config, training corpus, tuning corpus), corpora relative to corpus_dir
PARTS = {
    "news": ("news.cfg", "news_train", "ner_tune.spacy"),
    "syntax": ("syntax.cfg", "ud_train.spacy", "ud_tune.spacy"),
}


def train_args(part: str, corpus_dir: Path, work_dir: Path, *, gpu: bool,
               max_steps: int | None) -> list[str]:
    config, train, tune = PARTS[part]
    args = [
        "train", str(CONFIG_DIR / config), "--output", str(work_dir / part),
        "--paths.train", str(corpus_dir / train), "--paths.dev", str(corpus_dir / tune),
        "--gpu-id", "0" if gpu else "-1",
    ]  # fmt: skip
    if max_steps is not None:
        args += ["--training.max_steps", str(max_steps),
                 "--training.eval_frequency", str(max(50, max_steps // 4))]  # fmt: skip
    return args


def train_parts(corpus_dir: Path, work_dir: Path, *, gpu: bool, max_steps: int | None,
                parallel: bool) -> dict:
    """Train the news and syntax parts (side by side when ``parallel``); return seconds."""
    threads = 1 if parallel else None
    times, running, started = {}, {}, time.monotonic()
    for part in PARTS:
        args = train_args(part, corpus_dir, work_dir, gpu=gpu, max_steps=max_steps)
        log = work_dir / "logs" / f"train_{part}.log"
        running[part] = (spacy_cli(args, log, threads=threads), time.monotonic())
        if not parallel:
            wait_for(part, *running.pop(part), work_dir, times)
    for part, (proc, start) in running.items():
        wait_for(part, proc, start, work_dir, times)
    times["total"] = round(time.monotonic() - started, 1)
    return times


def wait_for(part: str, proc: subprocess.Popen, start: float, work_dir: Path, times: dict) -> None:
    if proc.wait() != 0:
        raise RuntimeError(f"training {part} failed; see {work_dir / 'logs' / f'train_{part}.log'}")
    times[part] = round(time.monotonic() - start, 1)


def assemble(work_dir: Path) -> Path:
    """Combine the two best checkpoints into one pipeline with ``spacy assemble``."""
    out = work_dir / "assembled"
    if out.exists():
        shutil.rmtree(out)
    args = [
        "assemble", str(CONFIG_DIR / "assemble.cfg"), str(out),
        "--paths.syntax_model", str(work_dir / "syntax" / "model-best"),
        "--paths.news_model", str(work_dir / "news" / "model-best"),
    ]  # fmt: skip
    if spacy_cli(args, work_dir / "logs" / "assemble.log").wait() != 0:
        raise RuntimeError(f"assemble failed; see {work_dir / 'logs' / 'assemble.log'}")
    return out


def news_tokenizer(nlp):
    """Tokenizer rules for news (saved with the pipeline).

    Keeps rank and title abbreviations spaCy lacks as one token ("Lt.", "Col.")
    and splits a hyphen after an abbreviation: "U.S.-led" -> "U.S.", "-", "led".
    """
    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


# ---------------------------------------------------------------- evaluation


def evaluate(nlp, path: Path) -> dict:
    """Score ``nlp`` on a ``.spacy`` file, re-tokenizing the raw text like real input."""
    examples = list(Corpus(str(path))(nlp))
    start = time.monotonic()
    scores = nlp.evaluate(examples)
    n_words = sum(len(eg.reference) for eg in examples)
    scores["words_per_second"] = round(n_words / (time.monotonic() - start))
    return scores


def ner_summary(scores: dict) -> dict:
    per_type = scores.get("ents_per_type") or {}
    return {
        "p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"],
        "per_label": {label: per_type[label] for label in NER_LABELS if label in per_type},
        "words_per_second": scores["words_per_second"],
    }  # fmt: skip


def syntax_summary(scores: dict) -> dict:
    keys = ("tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las",
            "words_per_second")  # fmt: skip
    return {key: scores[key] for key in keys if scores.get(key) is not None}


def sents_summary(scores: dict) -> dict:
    return {"p": scores["sents_p"], "r": scores["sents_r"], "f": scores["sents_f"]}


def evaluate_all(nlp, corpus_dir: Path) -> dict:
    """NER on CoNLL dev (+ Wikigold), syntax on held-out UD, sentence splitting on both."""
    conll = evaluate(nlp, corpus_dir / "ner_dev.spacy")
    ud = evaluate(nlp, corpus_dir / "ud_heldout.spacy")
    results = {
        "ner_conll_dev": ner_summary(conll),
        "ud_heldout": syntax_summary(ud),
        "sents_conll_dev": sents_summary(conll),
        "sents_ud_heldout": sents_summary(ud),
    }
    if (corpus_dir / "wikigold.spacy").exists():
        results["ner_wikigold"] = ner_summary(evaluate(nlp, corpus_dir / "wikigold.spacy"))
    if "senter" in nlp.pipe_names:  # for comparison: sentences from the parser alone
        with nlp.select_pipes(disable=["senter", "ner"]):
            results["sents_parser_only"] = {
                "conll_dev": sents_summary(evaluate(nlp, corpus_dir / "ner_dev.spacy")),
                "ud_heldout": sents_summary(evaluate(nlp, corpus_dir / "ud_heldout.spacy")),
            }
    return results


# ---------------------------------------------------------------- output


def dir_size_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 2)


def write_pipeline(nlp, output_dir: Path, report: dict) -> None:
    """Write the final pipeline (replacing an older one) with its meta and TRAINING.md."""
    if output_dir.exists():
        if not (output_dir / "meta.json").exists() and any(output_dir.iterdir()):
            raise RuntimeError(f"{output_dir} exists and is not a spaCy pipeline; not replacing it")
        shutil.rmtree(output_dir)
    nlp.meta.update(
        name="sitrep", version=__version__, license="CC BY-SA 4.0 (UD EWT) / research (CoNLL-2003)",
        description="sitrep English pipeline: CNN tagger, morphologizer, parser, lemmatizer "
        "(UD English EWT), senter and NER PER/ORG/LOC/MISC (CoNLL-2003). CPU, no vectors. "
        "See TRAINING.md.",
        performance=flat_scores(report["scores"]), spacy_version=">=3.8.0,<3.9.0",
    )  # fmt: skip
    nlp.to_disk(output_dir)
    report["model_size_mb"] = dir_size_mb(output_dir)
    (output_dir / "TRAINING.md").write_text(training_markdown(report), encoding="utf-8")


def flat_scores(scores: dict) -> dict:
    flat = {}
    for part, values in scores.items():
        for key, value in values.items():
            if isinstance(value, (int, float)):
                flat[f"{part}.{key}"] = value
    return flat


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.2f}"


def ner_table(ner: dict) -> str:
    rows = ["| label | P | R | F |", "|---|---|---|---|"]
    rows.append(f"| **all** | {pct(ner['p'])} | {pct(ner['r'])} | {pct(ner['f'])} |")
    for label, s in ner["per_label"].items():
        rows.append(f"| {label} | {pct(s['p'])} | {pct(s['r'])} | {pct(s['f'])} |")
    return "\n".join(rows)


def sents_section(scores: dict) -> str:
    rows = ["## Sentence splitting", "",
            "Shipped: the `senter` sets the boundaries and the parser keeps them. For comparison, "
            "the boundaries the parser alone would set:",
            "", "| set | shipped P / R / F | parser alone P / R / F |", "|---|---|---|"]  # fmt: skip
    alone = scores.get("sents_parser_only", {})
    for name, key in (("CoNLL-2003 dev (news)", "conll_dev"), ("UD EWT held-out (web)", "ud_heldout")):
        shipped, other = scores[f"sents_{key}"], alone.get(key)
        cells = [" / ".join(pct(s[k]) for k in "prf") if s else "n/a" for s in (shipped, other)]
        rows.append(f"| {name} | {cells[0]} | {cells[1]} |")
    rows += ["", "CoNLL-2003 treats headlines, datelines (`BRUSSELS 1996-08-22`) and sports result "
             "lines as sentences although no punctuation ends them; that keeps its figures low."]  # fmt: skip
    return "\n".join(rows) + "\n"


DEFAULT_STEPS = "config values (news max 5000, syntax max 4000, patience 1600, eval every 200)"
LIMITATIONS = """## Known limitations

- The syntax part learned from about 43k tokens of web English (no EWT train split), so
  tags, lemmas and trees are noticeably weaker than spaCy's published English models; the
  edit-tree lemmatizer misses irregular or unseen verbs (e.g. `struck`, `seized`).
- NER knows only what CoNLL-2003 (Reuters, 1996) taught it and has no word vectors: on
  other domains (Wikigold) it mostly finds the right spans but confuses their types.
- Labels are CoNLL's `PER`, `ORG`, `LOC`, `MISC`, not OntoNotes' `PERSON`, `GPE`, ...
"""


def syntax_table(ud: dict) -> str:
    names = {"tag_acc": "tag (PTB) accuracy", "pos_acc": "UPOS accuracy",
             "morph_acc": "morph features accuracy", "lemma_acc": "lemma accuracy",
             "dep_uas": "UAS", "dep_las": "LAS"}  # fmt: skip
    rows = ["| metric | score |", "|---|---|"]
    rows += [f"| {label} | {pct(ud.get(key))} |" for key, label in names.items()]
    return "\n".join(rows)


def data_section(data: dict) -> str:
    tokens = {name: f"{value['tokens']:,}" for name, value in data.items() if "tokens" in value}
    return "\n".join([
        "## Data and splits",
        "",
        f"- NER: CoNLL-2003 English `train.txt` minus its last {NER_TUNE_FRACTION:.0%} of "
        f"sentences ({tokens['news_train/conll']} tokens); that tail ({tokens['ner_tune']} "
        f"tokens) picks the best checkpoint. CoNLL `dev.txt` ({tokens['ner_dev']} tokens) is "
        "used only for the scores below.",
        f"- Syntax: UD English EWT dev (all) + first {UD_TRAIN_CUT:.0%} of EWT test "
        f"({tokens['ud_train']} tokens); the next {UD_TUNE_CUT - UD_TRAIN_CUT:.0%} of test "
        f"({tokens['ud_tune']} tokens) picks the checkpoint; the last {1 - UD_TUNE_CUT:.0%} of "
        f"test ({tokens['ud_heldout']} tokens, cut at a document boundary) is held out for the "
        "scores below. No EWT train split was available.",
        "- Sentence boundaries (`senter`): the CoNLL NER training sentences plus the UD "
        "training sentences (the UD docs carry no entity annotation, treated as missing by "
        "the ner).",
        "- Wikigold English (`ner_babelscape_wikineural/wikigold_en_test.conllu`, "
        f"{tokens.get('wikigold', '?')} tokens): evaluation only, never trained on.",
        f"- Sentences are grouped {SENTS_PER_DOC} per document so the models learn to split.",
        "- Scores are on raw text re-tokenized by the pipeline's own tokenizer (aligned to gold).",
        "",
    ])  # fmt: skip


def training_markdown(report: dict) -> str:
    scores, secs = report["scores"], report["train_seconds"]
    side_by_side = ", side by side, 1 thread each" if report["parallel"] else ", one after the other"
    lines = [
        "# sitrep English pipeline (`en_sitrep`): how it was trained",
        "",
        f"Built {report['built']} with spaCy {spacy.__version__}, CPU only, no static vectors.",
        f"Pipeline: `{', '.join(report['pipeline'])}`. tok2vec, tagger, morphologizer, parser "
        "and lemmatizer come from the syntax part: one CNN tok2vec (MultiHashEmbed "
        "NORM/PREFIX/SUFFIX/SHAPE + MaxoutWindowEncoder, width 96, depth 4) shared through "
        "listeners, trained on UD English EWT. senter and ner come from the news part; each "
        "owns its own CNN tok2vec inside its model (senter width 64, ner width 128, depth 4). "
        "The tokenizer adds rank abbreviations (`Lt.`, `Col.`, `Sgt.`...) and splits "
        "`U.S.-led` into `U.S.`, `-`, `led`.",
        "",
        "## Rebuild",
        "",
        "From the repository root (with sitrep installed, or `PYTHONPATH=src`):",
        "",
        "```",
        report["command"],
        "```",
        "",
        "Configs: `src/sitrep/train/configs/{news,syntax,assemble}.cfg`; code: "
        "`src/sitrep/train/english.py` (`train_english`); intermediate files and training "
        "logs go to the work folder.",
        "",
        data_section(report["data"]),
        "## Settings",
        "",
        f"- training wall time: {secs['total'] / 60:.1f} min (news {secs['news'] / 60:.1f} min, "
        f"syntax {secs['syntax'] / 60:.1f} min{side_by_side}); whole rebuild including "
        f"conversion and evaluation {report['wall_seconds'] / 60:.1f} min",
        f"- steps: {report['max_steps'] or DEFAULT_STEPS}",
        "- Adam lr 0.001 with parameter averaging, dropout 0.1, batch_by_words 100->1000 words",
        f"- model size on disk: {report['model_size_mb']} MB",
        "",
        "## NER, CoNLL-2003 English dev",
        "",
        ner_table(scores["ner_conll_dev"]),
        "",
    ]
    if "ner_wikigold" in scores:
        lines += ["## NER, Wikigold English (out of domain, evaluation only)", "",
                  ner_table(scores["ner_wikigold"]), ""]  # fmt: skip
    lines += [
        "## Syntax, held-out last 20% of UD English EWT test",
        "",
        syntax_table(scores["ud_heldout"]),
        "",
        sents_section(scores),
        f"Speed (whole pipeline, one process, on a shared 2-core machine): about "
        f"{scores['ner_conll_dev']['words_per_second']:,} words/s on CoNLL dev.",
        "",
        LIMITATIONS,
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- entry points


def train_english(data_dir: Path, output_dir: Path, work_dir: Path, *, gpu: bool = False,
                  max_steps: int | None = None, parallel: bool = True,
                  wikigold: Path | None = None) -> dict:
    """Convert the data, train the news and syntax parts, assemble, evaluate, write ``output_dir``.

    ``max_steps`` caps both trainings (for smoke runs); ``parallel`` trains the
    two parts side by side, one thread each. Returns scores, sizes and timings.
    """
    started = time.monotonic()
    data_dir, output_dir, work_dir = Path(data_dir), Path(output_dir), Path(work_dir)
    wikigold = wikigold if wikigold is not None else data_dir.parent / WIKIGOLD
    corpus_dir = work_dir / "corpus"
    report = {"data": prepare_data(data_dir, corpus_dir, wikigold), "max_steps": max_steps,
              "parallel": parallel, "command": rebuild_command(data_dir, output_dir, work_dir)}  # fmt: skip
    report["train_seconds"] = train_parts(
        corpus_dir, work_dir, gpu=gpu, max_steps=max_steps, parallel=parallel
    )
    nlp = news_tokenizer(spacy.load(assemble(work_dir)))
    report["pipeline"] = nlp.pipe_names
    report["scores"] = evaluate_all(nlp, corpus_dir)
    report["built"] = time.strftime("%Y-%m-%d")
    report["wall_seconds"] = round(time.monotonic() - started, 1)
    write_pipeline(nlp, output_dir, report)
    (work_dir / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report


def rebuild_command(data_dir: Path, output_dir: Path, work_dir: Path) -> str:
    return f"sitrep train en --data {data_dir} --out {output_dir} --work {work_dir}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True,
                        help="folder with conll2003_en/ and ud_english_ewt/")  # fmt: skip
    parser.add_argument("--out", type=Path, required=True, help="where to write the final pipeline")
    parser.add_argument("--work", type=Path, required=True, help="folder for intermediate files")
    parser.add_argument("--wikigold", type=Path, default=None, help="Wikigold IOB2 file (evaluation only)")
    parser.add_argument("--gpu", action="store_true")
    parser.add_argument("--max-steps", type=int, default=None, help="cap training steps (smoke runs)")
    parser.add_argument("--sequential", action="store_true", help="train the two parts one after the other")
    args = parser.parse_args(argv)
    report = train_english(args.data, args.out, args.work, gpu=args.gpu, max_steps=args.max_steps,
                           parallel=not args.sequential, wikigold=args.wikigold)  # fmt: skip
    print(json.dumps({k: report[k] for k in ("scores", "train_seconds", "wall_seconds",
                                             "model_size_mb")}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
