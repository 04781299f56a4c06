"""One process: articles in, results out through a callback, rejects counted with their reasons."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..pipeline import Extractor
from ..records import Article, Reject, Result


@dataclass
class RunSummary:
    read: int = 0
    results: int = 0
    events: int = 0
    skipped: int = 0  # already stored: a resumed run does not redo them
    rejects: list[Reject] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def reasons(self) -> Counter[str]:
        return Counter(r.code for r in self.rejects)


def run(items: Iterable[Article | Reject], extractor: Extractor, on_result: Callable[[Article, Result], None],
        *, skip: Callable[[Article], bool] | None = None, on_reject: Callable[[Reject], None] | None = None,
        advance: Callable[[int], None] | None = None) -> RunSummary:
    """Process ``items`` in input order; ``skip`` says which articles are already done."""
    summary = RunSummary()

    def feed() -> Iterator[Article | Reject]:
        for item in items:
            summary.read += 1
            if isinstance(item, Article) and skip is not None and skip(item):
                summary.skipped += 1
                if advance:
                    advance(1)
                continue
            yield item

    for item, output in extractor.process(feed()):
        if isinstance(output, Reject):
            summary.rejects.append(output)
            if on_reject:
                on_reject(output)
        else:
            assert isinstance(item, Article)
            summary.results += 1
            summary.events += len(output.events)
            on_result(item, output)
        if advance:
            advance(1)
    return summary
