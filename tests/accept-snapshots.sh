#!/usr/bin/env bash
# Accepts every pending snapshot: tests/Snapshots/X.received.txt replaces X.verified.txt.
# Review each diff (git diff tests/Snapshots) before committing.
set -euo pipefail
cd "$(dirname "$0")/Snapshots"
shopt -s nullglob
for r in *.received.txt; do
  mv -- "$r" "${r%.received.txt}.verified.txt"
  echo "accepted ${r%.received.txt}"
done
