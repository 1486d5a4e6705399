"""One frozen settings object, built from the packaged defaults overlaid by a user's file."""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from marea.errors import ConfigError

CONFIG_ENV = "MAREA_CONFIG"
SPACY_MAX_CHARS = 1_000_000  # spaCy refuses longer texts (nlp.max_length)
# A dask.distributed scheduler address: protocol, host (name, IPv4 or [IPv6]) and port.
SCHEDULER_ADDRESS = re.compile(r"^(tcp|tls)://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$")


# A pool worker's resident memory with the packaged models loaded (benchmarks/ingest.py
# prints it), rounded up: the default pool is no larger than available memory can hold.
WORKER_MB = 1000


def machine_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def available_mb() -> float | None:
    """Memory available to new processes (Linux MemAvailable), None where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return None


@dataclass(frozen=True)
class FetchSettings:
    """How URLs are fetched (the `[fetch]` block): politeness, retries, limits, safety."""

    user_agent: str = "marea/{version} (news research crawler; +https://pypi.org/project/marea/)"
    timeout_seconds: float = 20.0
    response_seconds: float = 60.0
    retries: int = 3
    backoff_seconds: float = 1.0
    max_wait_seconds: float = 60.0
    max_redirects: int = 5
    connections: int = 8
    host_connections: int = 2
    host_interval_seconds: float = 1.0
    max_items: int = 500
    obey_robots: bool = True
    allow_private: bool = False

    def __post_init__(self) -> None:
        """Refuse values that would hammer a host or never finish."""
        for name in ("timeout_seconds", "response_seconds", "max_wait_seconds"):
            value = getattr(self, name)
            _require(f"fetch.{name}", value, _number(value) and math.isfinite(value)
                     and value > 0, "a finite number > 0")
        for name in ("backoff_seconds", "host_interval_seconds"):
            value = getattr(self, name)
            _require(f"fetch.{name}", value, _number(value) and math.isfinite(value)
                     and value >= 0, "a finite number >= 0")
        for name, low in (("retries", 0), ("max_redirects", 0), ("connections", 1),
                          ("host_connections", 1), ("max_items", 1)):
            value = getattr(self, name)
            _require(f"fetch.{name}", value, isinstance(value, int)
                     and not isinstance(value, bool) and value >= low, f"an integer >= {low}")
        for name in ("obey_robots", "allow_private"):
            _require(f"fetch.{name}", getattr(self, name),
                     isinstance(getattr(self, name), bool), "true or false")
        _require("fetch.user_agent", self.user_agent,
                 isinstance(self.user_agent, str) and self.user_agent.strip() != "",
                 "a non-empty string")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass(frozen=True)
class Settings:
    """load_settings().with_(db="my.duckdb")  # defaults.toml, user file, then overrides"""

    db: str
    batch_size: int
    max_file_mb: float
    language_candidates: tuple[str, ...]
    language_sample_chars: int
    language_default: str
    models: dict[str, str]
    dedup_num_perm: int
    dedup_shingle_words: int
    dedup_threshold: float
    kb_files: tuple[str, ...]
    max_input_mb: float = 200.0
    max_document_chars: int = 100_000
    max_sentence_tokens: int = 300
    max_word_chars: int = 100
    max_stage_seconds: float = 120.0
    workers: int = 0  # processes computing batches; 0: one per core of the machine
    dask_scheduler: str = ""  # a dask.distributed scheduler to run the stages on instead
    dask_connect_seconds: float = 30.0
    dask_in_flight: int = 2  # batches submitted ahead per worker thread of the cluster
    fetch: FetchSettings = field(default_factory=FetchSettings)


    def __post_init__(self) -> None:
        """Refuse values that would silently disable a limit or store nothing."""
        for name in ("max_file_mb", "max_input_mb", "max_document_chars", "max_sentence_tokens",
                     "max_word_chars", "max_stage_seconds"):
            _require(name, getattr(self, name), math.isfinite(getattr(self, name))
                     and getattr(self, name) > 0, "a finite number > 0")
        _require("budget.document_chars", self.max_document_chars,
                 self.max_document_chars <= SPACY_MAX_CHARS, f"at most {SPACY_MAX_CHARS:,}")
        _require("batch_size", self.batch_size, self.batch_size >= 1, "an integer >= 1")
        _require("dedup.num_perm", self.dedup_num_perm, self.dedup_num_perm >= 1,
                 "an integer >= 1")
        _require("dedup.shingle_words", self.dedup_shingle_words, self.dedup_shingle_words >= 1,
                 "an integer >= 1")
        _require("dedup.threshold", self.dedup_threshold, 0 < self.dedup_threshold <= 1,
                 "a number in (0, 1]")
        _require("language.sample_chars", self.language_sample_chars,
                 self.language_sample_chars >= 1, "an integer >= 1")
        _require("workers", self.workers, self.workers >= 0,
                 "an integer >= 0 (0: one per core)")
        _require("dask.scheduler", self.dask_scheduler, not self.dask_scheduler
                 or bool(SCHEDULER_ADDRESS.match(self.dask_scheduler))
                 and 0 < int(self.dask_scheduler.rsplit(":", 1)[1]) < 65536,
                 '"" or an address tcp://HOST:PORT (port 1-65535)')
        _require("dask.connect_seconds", self.dask_connect_seconds,
                 math.isfinite(self.dask_connect_seconds) and self.dask_connect_seconds > 0,
                 "a finite number > 0")
        _require("dask.in_flight", self.dask_in_flight, self.dask_in_flight >= 1,
                 "an integer >= 1")

    @property
    def worker_processes(self) -> int:
        """How many processes compute batches: `workers`, or when 0 the machine's cores
        (fewer when the memory available cannot hold that many workers' models)."""
        if self.workers:
            return self.workers
        memory = available_mb()
        affordable = machine_cores() if memory is None else int(memory // WORKER_MB)
        return max(1, min(machine_cores(), affordable))

    def with_(self, **changes: Any) -> Settings:
        """Return a copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def model_for(self, language: str | None) -> str:
        """Return the spaCy pipeline name or path configured for a language, or the fallback."""
        return self.models.get(language or "", self.models.get("fallback", "blank"))

    def entities_for(self, language: str | None) -> str | None:
        """Return the pipeline whose entity recogniser a language without a pipeline of its
        own borrows (`[models] <language>_entities`), or None."""
        return self.models.get(f"{language}_entities") or None


def _require(name: str, value: Any, ok: bool, accepted: str) -> None:
    if not ok:
        raise ConfigError(f"[E003] Bad setting {name} = {value!r}: it must be {accepted}.")


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Read defaults.toml, overlay the user's TOML file (argument or $MAREA_CONFIG), freeze."""
    raw = tomllib.loads(resources.files("marea").joinpath("defaults.toml").read_text("utf-8"))
    user = path or os.environ.get(CONFIG_ENV)
    if user:
        try:
            raw = _merge(raw, tomllib.loads(Path(user).read_text("utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"[E001] Can't read settings file {user}: {exc}") from exc
    lang, dedup, actors = raw.get("language", {}), raw.get("dedup", {}), raw.get("actors", {})
    budget, dask = raw.get("budget", {}), raw.get("dask", {})
    try:
        return Settings(
            db=str(raw["db"]),
            batch_size=_integer(raw["batch_size"]),
            max_file_mb=float(raw["max_file_mb"]),
            language_candidates=tuple(lang["candidates"]),
            language_sample_chars=int(lang["sample_chars"]),
            language_default=str(lang["default"]),
            models=dict(raw.get("models", {})),
            dedup_num_perm=_integer(dedup["num_perm"]),
            dedup_shingle_words=_integer(dedup["shingle_words"]),
            dedup_threshold=float(dedup["threshold"]),
            kb_files=tuple(str(path) for path in actors.get("kb", [])),
            max_input_mb=float(budget["input_mb"]),
            max_document_chars=_integer(budget["document_chars"]),
            max_sentence_tokens=_integer(budget["sentence_tokens"]),
            max_word_chars=_integer(budget["word_chars"]),
            max_stage_seconds=float(budget["stage_seconds"]),
            workers=_integer(raw["workers"]),
            dask_scheduler=_text(dask["scheduler"]),
            dask_connect_seconds=float(dask["connect_seconds"]),
            dask_in_flight=_integer(dask["in_flight"]),
            fetch=_fetch_settings(raw.get("fetch", {})),

        )
    except (KeyError, TypeError, ValueError, OverflowError, AttributeError) as exc:
        raise ConfigError(f"[E002] Bad settings value: {exc}. Compare with defaults.toml.") from exc


def _fetch_settings(block: dict[str, Any]) -> FetchSettings:
    """Build the [fetch] block, refusing keys it does not have (a typo would be ignored)."""
    known = {f.name for f in fields(FetchSettings)}
    unknown = sorted(set(block) - known)
    if unknown:
        raise ConfigError(f"[E003] Unknown setting fetch.{unknown[0]}: the [fetch] block takes "
                          f"{', '.join(sorted(known))}.")
    return FetchSettings(**block)


def _text(value: Any) -> str:
    """str() that refuses numbers and lists instead of spelling them."""
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    return value



def _integer(value: Any) -> int:
    """int() that refuses 2.5 and "3" instead of truncating or parsing them."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not an integer")
    return value
