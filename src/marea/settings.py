"""One frozen settings object, built from the packaged defaults overlaid by a user's file."""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from marea.errors import ConfigError

CONFIG_ENV = "MAREA_CONFIG"
SPACY_MAX_CHARS = 1_000_000  # spaCy refuses longer texts (nlp.max_length)


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

    def with_(self, **changes: Any) -> Settings:
        """Return a copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def model_for(self, language: str | None) -> str:
        """Return the spaCy pipeline name or path configured for a language, or the fallback."""
        return self.models.get(language or "", self.models.get("fallback", "blank"))


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
    budget = raw.get("budget", {})
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


def _integer(value: Any) -> int:
    """int() that refuses 2.5 and "3" instead of truncating or parsing them."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not an integer")
    return value
