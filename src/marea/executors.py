"""Executors that run pipeline batches somewhere other than the calling thread.

`ProcessExecutor` computes batches in worker processes: `marea ingest` uses one per core, and
the server one, so a slow or runaway document costs a worker, not the server. A batch past
its deadline has its worker killed and its documents failed, and the store is still written
by the caller alone (DuckDB allows one read-write process). `open_executor` picks the
executor a run's settings ask for: in-process, a process pool, or a Dask cluster.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING

from marea.errors import ConfigError
from marea.heap import fix_mmap_threshold
from marea.model import Document
from marea.settings import Settings

if TYPE_CHECKING:
    from marea.pipeline import Executor

Work = Callable[[list[Document]], list[Document]]
STARTUP_SECONDS = 600.0  # the least time a pool batch is given: a new worker loads models first


class ExecutorClosed(RuntimeError):
    """The executor was closed (the server is stopping) while a run still used it."""


def load_models(settings: Settings) -> None:
    """Load the configured pipelines and the encoder once, when a worker starts."""
    from marea.nlp.encoder import DEFAULT, DISABLED, load_encoder
    from marea.nlp.models import load_pipeline

    for language in settings.language_candidates:
        load_pipeline(settings.model_for(language), language, settings.entities_for(language),
                      settings.kb_files)
    if settings.models.get("encoder", DEFAULT) != DISABLED:
        load_encoder(settings.models.get("encoder", DEFAULT))


def _start_worker(settings: Settings, parent: int) -> None:
    """Set up a pool worker: ignore ^C (the parent decides), leave with the parent, keep its
    heap from growing with the corpus (marea/heap.py), load."""
    fix_mmap_threshold()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    load_models(settings)


def _exit_with_parent(parent: int) -> None:
    """End this worker once its parent is gone (killed with SIGKILL, it cannot stop us),
    so no orphan keeps a core busy or holds the models in memory."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def failed_batch(batch: list[Document], reason: str) -> list[Document]:
    """Fail every document of a batch that could not be computed, with one reason."""
    for doc in batch:
        if doc.error is None:
            doc.error, doc.error_stage = reason, "process"
    return batch


class ProcessExecutor:
    """ProcessExecutor(settings, workers=1)  # batches computed in worker processes, in order

    At most `workers * 2` batches are in flight, so input is streamed. A batch not done
    `batch_timeout` seconds after the executor starts waiting for it has its workers killed,
    its documents failed with a one-line reason, and the pool restarted.
    """

    def __init__(self, settings: Settings, workers: int = 1,
                 batch_timeout: float = 900.0) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.batch_timeout = batch_timeout
        self._pool: ProcessPoolExecutor | None = None
        self._closed = False

    def _start(self) -> ProcessPoolExecutor:
        if self._closed:
            raise ExecutorClosed("the ingest executor is closed (server stopping)")
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker, initargs=(self.settings, os.getpid()))
        return self._pool

    def _kill(self) -> None:
        """Stop the pool now, killing workers that are still computing."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(pool._processes.values()):  # no public way to kill a worker
            if process.pid is not None and process.is_alive():
                os.kill(process.pid, signal.SIGKILL)
        pool.shutdown(wait=True, cancel_futures=True)

    def map(self, fn: Work, batches: Iterable[list[Document]]) -> Iterator[list[Document]]:
        in_flight: deque[tuple[list[Document], Future[list[Document]]]] = deque()
        for batch in batches:
            in_flight.append((batch, self._start().submit(fn, batch)))
            if len(in_flight) >= self.workers * 2:
                yield self._collect(fn, in_flight)
        while in_flight:
            yield self._collect(fn, in_flight)

    def _collect(self, fn: Work,
                 in_flight: deque[tuple[list[Document], Future[list[Document]]]]
                 ) -> list[Document]:
        batch, future = in_flight.popleft()
        try:
            return future.result(timeout=self.batch_timeout)
        except FutureTimeout:
            reason = f"batch took over {self.batch_timeout:g} s; its worker was stopped"
        except Exception as exc:  # noqa: BLE001 - a dead worker or an unpicklable result
            if self._closed:
                raise ExecutorClosed("the ingest executor is closed (server stopping)") from exc
            reason = f"worker failed: {type(exc).__name__}: {exc}".splitlines()[0]
        self._kill()
        pool = self._start()
        for index, (waiting, _) in enumerate(in_flight):  # the old pool's futures are lost
            in_flight[index] = (waiting, pool.submit(fn, waiting))
        return failed_batch(batch, reason)

    def close(self) -> None:
        """Stop the workers now; a run still using this executor raises ExecutorClosed."""
        self._closed = True
        self._kill()

    def __enter__(self) -> ProcessExecutor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


@contextmanager
def open_executor(settings: Settings) -> Iterator[Executor]:
    """The executor a run's settings ask for, closed afterwards: a Dask cluster when
    `dask.scheduler` is set, else `workers` processes (one per core when 0), else in-process."""
    from marea.pipeline import LocalExecutor

    if settings.dask_scheduler:
        if importlib.util.find_spec("distributed") is None:
            raise ConfigError("[E140] --scheduler needs dask.distributed: install the extra "
                              "with `pip install 'marea[dask]'`.")
        from marea.cluster import DaskExecutor

        with DaskExecutor(settings) as dask:
            yield dask
        return
    workers = settings.worker_processes
    if workers == 1:
        yield LocalExecutor()
        return
    # Stages enforce budget.stage_seconds per document inside a worker; this is the backstop
    # for work the timer cannot interrupt (a long call in C), counted from submission, so it
    # also covers a new worker loading its models (STARTUP_SECONDS).
    timeout = max(STARTUP_SECONDS, settings.max_stage_seconds * settings.batch_size)
    with ProcessExecutor(settings, workers, batch_timeout=timeout) as pool:
        yield pool
