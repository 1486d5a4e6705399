"""Language identification and the spaCy linguistic layer."""
