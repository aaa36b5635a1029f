#!/usr/bin/env bash
# Two or more builds of SiteGen against each other on one corpus, interleaved (the order rotates each round), each run
# into an emptied output folder. Prints, for each binary: median wall and CPU time (user + system, all threads), and the
# median of its per-round ratio to the first binary's run of the same round, which is steadier than the ratio of medians
# on a shared machine.
#
# usage: tests/Benchmarks/compare-builds.sh ROUNDS CORPUS BIN...
#   e.g. dotnet run -c Release --project tests/Benchmarks -- corpus 1000 /dev/shm/corpus
#        tests/Benchmarks/compare-builds.sh 15 /dev/shm/corpus/sitegen /dev/shm/before/SiteGen /dev/shm/after/SiteGen
# BENCH_OUT=/dev/shm/… puts the outputs on a RAM disk (default: a temporary folder).
set -euo pipefail
rounds=$1; corpus=$2; shift 2; bins=("$@")
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
work=$(mktemp -d); base=${BENCH_OUT:-$work}; out=$base/sitegen-compare-out
run() { # binary → "wall cpu"
  rm -rf "$out"; sync
  /usr/bin/time -v "$1" build --root "$corpus" --out "$out" >/dev/null 2>"$work/time.log" || { cat "$work/time.log" >&2; exit 1; }
  local wall cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$work/time.log")
  echo "$wall $cpu"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
n=${#bins[@]}
for i in "${!bins[@]}"; do : > "$work/r$i"; done
for r in $(seq "$rounds"); do
  for k in $(seq 0 $((n - 1))); do i=$(( (k + r) % n )); run "${bins[$i]}" >> "$work/r$i"; done
done
for i in "${!bins[@]}"; do
  echo "${bins[$i]}: wall $(cut -d' ' -f1 "$work/r$i" | median) s, CPU $(cut -d' ' -f2 "$work/r$i" | median) s;" \
    "per-round ratio to the first: CPU $(paste -d' ' "$work/r0" "$work/r$i" | awk '{print $4/$2}' | median)," \
    "wall $(paste -d' ' "$work/r0" "$work/r$i" | awk '{print $3/$1}' | median)"
done
rm -rf "$out" "$work"
