"""``sitrep train en``: rebuild sitrep's own English pipeline from local training data."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .common import stderr


class TrainLanguage(str, Enum):
    en = "en"


def train_command(
    language: Annotated[TrainLanguage, typer.Argument(help="the pipeline to rebuild")],
    data: Annotated[Path, typer.Option(help="folder with conll2003_en/ and ud_english_ewt/")] = Path("../shared/train"),
    out: Annotated[Path, typer.Option(help="where the pipeline is written")] = Path("src/sitrep/models/en_sitrep"),
    work: Annotated[Path, typer.Option(help="folder for corpora, logs and checkpoints")] = Path("training/work"),
) -> None:
    """Train the English pipeline (CoNLL-2003 NER, UD English EWT syntax); about 20 minutes on 2 cores."""
    from ..train import train_english

    report = train_english(data, out, work)
    stderr.print(f"pipeline written to {out} ({report['model_size_mb']:.1f} MB) in {report['wall_seconds'] / 60:.1f} min; "
                 f"scores and settings in {out / 'TRAINING.md'}", highlight=False)
