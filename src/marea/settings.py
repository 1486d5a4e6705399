"""One frozen settings object, built from the packaged defaults overlaid by a user's file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from marea.errors import ConfigError

CONFIG_ENV = "MAREA_CONFIG"


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

    def with_(self, **changes: Any) -> Settings:
        """Return a copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def model_for(self, language: str | None) -> str:
        """Return the spaCy pipeline name or path configured for a language, or the fallback."""
        return self.models.get(language or "", self.models.get("fallback", "blank"))


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
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"[E001] Can't read settings file {user}: {exc}") from exc
    lang, dedup, actors = raw.get("language", {}), raw.get("dedup", {}), raw.get("actors", {})
    try:
        return Settings(
            db=str(raw["db"]),
            batch_size=int(raw["batch_size"]),
            max_file_mb=float(raw["max_file_mb"]),
            language_candidates=tuple(lang["candidates"]),
            language_sample_chars=int(lang["sample_chars"]),
            language_default=str(lang["default"]),
            models=dict(raw.get("models", {})),
            dedup_num_perm=int(dedup["num_perm"]),
            dedup_shingle_words=int(dedup["shingle_words"]),
            dedup_threshold=float(dedup["threshold"]),
            kb_files=tuple(str(path) for path in actors.get("kb", [])),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"[E002] Bad settings value: {exc}. Compare with defaults.toml.") from exc
