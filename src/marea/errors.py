"""Exceptions raised by marea.

    MareaError
     ├── ConfigError      settings file unreadable or a value of the wrong type
     ├── InputError       one input (file, record, feed item) can't be turned into a document
     ├── ModelError       a spaCy pipeline can't be found or loaded
     ├── ParameterError   a filter value a user typed (a date, a count) is not accepted
     └── StoreError       the database file can't be opened or is of a newer schema
"""

from __future__ import annotations


class MareaError(Exception):
    """Base of every error marea raises on purpose."""


class ConfigError(MareaError):
    """Settings can't be read."""


class InputError(MareaError):
    """An input can't become a document; the message names the reason, the caller the input."""


class ModelError(MareaError):
    """A spaCy pipeline can't be loaded."""


class ParameterError(MareaError):
    """A value given as a filter can't be used; the message shows the accepted forms."""


class StoreError(MareaError):
    """The store can't be opened or migrated."""
