#!/usr/bin/env bash
# What the search index adds to a build: OLD without search (`search: false`), OLD with search and NEW with search, on
# one corpus, interleaved (the order rotates each round), each run into an emptied output folder. Prints, for each: the
# median wall and CPU time (user + system, all threads), user and system time, peak RSS, and the median of its per-round
# ratio to the run without search; then the load average seen at the start of the rounds (other users of the machine).
#
# usage: tests/Benchmarks/compare-search.sh ROUNDS DIR OLD/SiteGen NEW/SiteGen
#   DIR as made by `dotnet run -c Release --project tests/Benchmarks -- corpus N DIR`; DIR/no-search is made from it.
# BENCH_OUT=/dev/shm/… puts the outputs on a RAM disk (default: a temporary folder).
set -euo pipefail
rounds=$1; dir=$2; old=$3; new=$4
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
if [ ! -d "$dir/no-search" ]; then
  cp -r "$dir/sitegen" "$dir/no-search"
  printf '\nsearch: false\n' >> "$dir/no-search/site.yml"
fi
work=$(mktemp -d); base=${BENCH_OUT:-$work}; out=$base/sitegen-search-out
labels=(no-search old new); bins=("$old" "$old" "$new"); roots=("$dir/no-search" "$dir/sitegen" "$dir/sitegen")
for i in 0 1 2; do : > "$work/r$i"; done
for r in $(seq "$rounds"); do
  cut -d' ' -f1 /proc/loadavg >> "$work/load"
  for k in 0 1 2; do
    i=$(( (k + r) % 3 ))
    rm -rf "$out"; sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "${bins[$i]}" build --root "${roots[$i]}" --out "$out" >/dev/null
    awk '{print $1, $2 + $3, $2, $3, $4 / 1024}' "$work/t" >> "$work/r$i"
  done
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
for i in 0 1 2; do
  col() { cut -d' ' -f"$1" "$work/r$i" | median; }
  printf '%-9s wall %6.2f s, CPU %6.2f s (user %6.2f, system %5.2f), peak RSS %4.0f MB; per round against no-search: CPU %5.3f, wall %5.3f\n' \
    "${labels[$i]}" "$(col 1)" "$(col 2)" "$(col 3)" "$(col 4)" "$(col 5)" \
    "$(paste -d' ' "$work/r0" "$work/r$i" | awk '{print $7/$2}' | median)" "$(paste -d' ' "$work/r0" "$work/r$i" | awk '{print $6/$1}' | median)"
done
echo "load average at the start of each round: $(sort -g "$work/load" | head -1)–$(sort -g "$work/load" | tail -1), median $(median < "$work/load")"
rm -rf "$out" "$work"
