"""``sitrep gazetteer add``: GeoNames dump files (``UA.zip``, ``RU.zip``, ``allCountries.zip``,
``alternateNamesV2.zip``, or their ``.txt``) from a URL or a local path, added to a gazetteer.

A URL is downloaded to a temporary file next to the gazetteer first (zip archives need seeking),
then removed. The file kind is told from its rows: 19 columns for places, fewer for alternate
names. Unreadable rows are counted and reported, never fatal; an unreadable source is (E602).
"""

from __future__ import annotations

import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from ..errors import SitrepError
from .gazetteer import Gazetteer
from .sources import alternate_name_rows, geonames_dump_entries, is_alternate_names, open_text_members

_DOWNLOAD_TIMEOUT = 60


@dataclass(slots=True)
class AddReport:
    source: str
    kind: str = ""  # places / alternate names
    places: int = 0
    names: int = 0
    replaced_admin_units: int = 0
    bad_rows: list[str] = field(default_factory=list)


def add_source(gazetteer_path: Path, source: str, progress: Callable[[int], None] | None = None) -> AddReport:
    report = AddReport(source)
    with _local_copy(source, gazetteer_path.parent) as path:
        try:
            with path.open("rb") as data:
                for text in open_text_members(data, path.name):
                    first = text.readline()
                    if not first:
                        continue
                    lines = _counted(chain([first], text), progress)
                    if is_alternate_names(first):
                        report.kind = report.kind or "alternate names"
                        counts = Gazetteer.add(gazetteer_path, alternate_names=alternate_name_rows(lines, report.bad_rows),
                                               source=source)
                    else:
                        report.kind = report.kind or "places"
                        counts = Gazetteer.add(gazetteer_path, entries=geonames_dump_entries(lines, report.bad_rows),
                                               source=source)
                    report.places += counts["places"]
                    report.names += counts["names"]
                    report.replaced_admin_units += counts["replaced_admin_units"]
        except (zipfile.BadZipFile, UnicodeDecodeError, OSError) as exc:
            raise SitrepError("E602", source=source, problem=f"cannot read it ({exc})") from None
    if not report.kind:
        raise SitrepError("E602", source=source, problem="no GeoNames rows in it")
    return report


def _counted(lines, progress: Callable[[int], None] | None) -> Iterator[str]:
    for line in lines:
        if progress is not None:
            progress(len(line))
        yield line


@contextmanager
def _local_copy(source: str, workdir: Path) -> Iterator[Path]:
    """The source as a local file: itself, or a downloaded temporary copy removed afterwards."""
    if not source.startswith(("http://", "https://")):
        path = Path(source)
        if not path.is_file():
            raise SitrepError("E602", source=source, problem="no such file")
        yield path
        return
    workdir.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=workdir, suffix=".download", delete=False)
    tmp = Path(handle.name)
    try:
        try:
            with handle, urllib.request.urlopen(source, timeout=_DOWNLOAD_TIMEOUT) as response:
                shutil.copyfileobj(response, handle, length=1 << 20)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise SitrepError("E602", source=source, problem=f"cannot download it ({exc})") from None
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)
