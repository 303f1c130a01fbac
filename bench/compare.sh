#!/bin/sh
# Rapport's graph algorithms against python-igraph and NetworkX; see bench/README.md.
# Arguments are passed on to compare.py (e.g. --quick).
set -eu
cd "$(dirname "$0")/.."
exec python3 bench/compare.py "$@"
