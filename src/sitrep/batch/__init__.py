"""Running the flow over many articles: the same ``run`` in one process (here), later a pool or a Dask cluster."""

from .local import RunSummary, run

__all__ = ["run", "RunSummary"]
