"""marea: political news and opinion articles in, a dated, queryable knowledge base out."""

from marea.corpus import Corpus
from marea.corpus import open_corpus as open  # noqa: A001 - marea.open("marea.duckdb")
from marea.model import Document, Mention, Sentence, Token
from marea.pipeline import ingest
from marea.settings import Settings, load_settings
from marea.store import Store

__all__ = ["Corpus", "Document", "Mention", "Sentence", "Settings", "Store", "Token", "ingest",
           "load_settings", "open"]
__version__ = "0.1.0"
