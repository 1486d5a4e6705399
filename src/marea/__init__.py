"""marea: political news and opinion articles in, a dated, queryable knowledge base out."""

from marea.model import Document, Mention, Sentence, Token
from marea.pipeline import ingest
from marea.settings import Settings, load_settings
from marea.store import Store

__all__ = ["Document", "Mention", "Sentence", "Settings", "Store", "Token", "ingest",
           "load_settings"]
__version__ = "0.1.0"
