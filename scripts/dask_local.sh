#!/usr/bin/env bash
# Start a Dask scheduler and N workers on this machine's loopback, for `marea ingest
# --scheduler`; ^C stops them all. Usage: bash scripts/dask_local.sh [WORKERS] [PORT]
# On a real cluster run `dask scheduler` on one machine and `dask worker tcp://HOST:PORT
# --nthreads 1 --nworkers N` on each of the others (marea and its models installed there).
set -euo pipefail
workers="${1:-2}"
port="${2:-8786}"
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${MAREA_VENV:-$here/.venv}/bin"
"$bin/dask" scheduler --host 127.0.0.1 --port "$port" --no-dashboard &
scheduler=$!
trap 'kill $scheduler ${worker:-} 2>/dev/null; wait' EXIT INT TERM
# One thread per worker process: each holds its own spaCy pipelines and encoder.
"$bin/dask" worker "tcp://127.0.0.1:$port" --host 127.0.0.1 --nworkers "$workers" \
  --nthreads 1 --no-dashboard --memory-limit 0 &
worker=$!
echo "scheduler on tcp://127.0.0.1:$port with $workers workers; run:"
echo "  marea ingest FOLDER --scheduler tcp://127.0.0.1:$port"
wait
