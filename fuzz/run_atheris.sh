#!/usr/bin/env bash
# Fuzz one reader with atheris for SECONDS seconds (default 600), from the seed corpus.
#   fuzz/run_atheris.sh READER [SECONDS] [WORKDIR]
# READER: bibtex, ris, csljson, portal, portal-html. Needs `pip install atheris`.
# The growing corpus and any crash go under WORKDIR (default /tmp/citekit-fuzz), never the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
reader=$1
seconds=${2:-600}
work=${3:-/tmp/citekit-fuzz}
python=${PYTHON:-python}
mkdir -p "$work/corpus/$reader" "$work/artifacts"
[ -d "$work/seeds/$reader" ] || "$python" fuzz/make_seeds.py "$work/seeds"
mkdir -p "$work/seeds/$reader"
exec "$python" fuzz/atheris_target.py "$reader" \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=16384 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/$reader-" \
  "$work/corpus/$reader" "$work/seeds/$reader"
