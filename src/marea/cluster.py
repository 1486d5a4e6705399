"""Run the pipeline's stages on a dask.distributed cluster (the `dask` extra).

Each Dask worker loads the models once (the `LoadModels` worker plugin) and computes whole
batches; results stream back as they complete to the one writer, the calling process. A worker
killed mid-run loses nothing: the scheduler recomputes its unfinished batches elsewhere (the
batch is part of the task), and a batch whose workers keep dying has its documents failed with
a one-line reason. The writer skips document ids already stored, so a batch seen twice stores
nothing twice. Stages run in a worker thread, where `budget.stage_seconds` is enforced as in a
local run (pipeline._deadline): a document past it fails alone. Start workers with
`--nthreads 1` (spaCy pipelines are not shared between threads); a long call in C outlives the
timer, which `dask worker --lifetime` or the cluster's own limits bound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any

from distributed import Client, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from marea.errors import ConfigError
from marea.executors import failed_batch, load_models
from marea.model import Document
from marea.settings import Settings


class LoadModels(WorkerPlugin):
    """Loads the spaCy pipelines and the encoder when a worker joins, before any batch."""

    name = "marea-models"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        load_models(self.settings)


class DaskExecutor:
    """DaskExecutor(settings)  # batches computed on the cluster at settings.dask_scheduler

    Up to `dask.in_flight` batches per worker thread are submitted ahead, so input is read as
    the cluster consumes it; results are yielded in the order they complete.
    """

    def __init__(self, settings: Settings) -> None:
        address = settings.dask_scheduler
        self.settings = settings
        try:
            self.client = Client(address, timeout=settings.dask_connect_seconds,
                                 set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"[E141] Can't reach the dask scheduler at {address}: "
                              f"{_one_line(exc)}") from exc
        try:
            self.client.wait_for_workers(1, timeout=settings.dask_connect_seconds)
            self.client.register_plugin(LoadModels(settings))
        except (OSError, TimeoutError) as exc:
            self.client.close()
            raise ConfigError(f"[E142] The dask scheduler at {address} has no worker after "
                              f"{settings.dask_connect_seconds:g} s: start some with `dask "
                              f"worker {address} --nthreads 1`.") from exc

    def map(self, fn: Callable[[list[Document]], Any],
            batches: Iterable[list[Document]]) -> Iterator[Any]:
        threads = max(1, sum(self.client.nthreads().values()))
        ahead = threads * self.settings.dask_in_flight
        waiting = iter(batches)
        submitted: dict[Any, list[Document]] = {}
        done = as_completed(loop=self.client.loop)

        def submit_next() -> None:
            batch = next(waiting, None)
            if batch is not None:
                future = self.client.submit(fn, batch, pure=False)
                submitted[future] = batch
                done.add(future)

        for _ in range(ahead):
            submit_next()
        for future in done:
            batch = submitted.pop(future)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - its workers died, or it can't be sent
                result = failed_batch(batch, f"batch failed on the cluster: {_one_line(exc)}")
            future.release()
            submit_next()
            yield result

    def run_everywhere(self, fn: Callable[..., Any], *args: Any) -> dict[str, Any]:
        """fn(*args) run once on every worker of the cluster, by worker address."""
        return dict(self.client.run(fn, *args))

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())
