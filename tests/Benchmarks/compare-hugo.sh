#!/usr/bin/env bash
# SiteGen against Hugo on the same synthetic bilingual corpus, built interleaved (SiteGen, Hugo, SiteGen, Hugo…)
# with a clean output before each run. Prints, for each N: median wall time, peak RSS, pages per second and the
# SiteGen/Hugo ratio. The machine is shared and noisy: the ratio is the figure that counts.
# usage: tests/Benchmarks/compare-hugo.sh [RUNS] [N...]      (default: 3 runs, N = 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}; shift || true
sizes=("${@:-1000 10000}")
command -v hugo >/dev/null || { echo "needs Debian's hugo: apt-get install -y hugo" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }

work=$(mktemp -d)
dotnet publish SiteGen.csproj -c Release -o "$work/bin" -p:PublishReadyToRun=true --nologo -v q >/dev/null
echo "SiteGen $("$work/bin/SiteGen" --version), $(hugo version | cut -d' ' -f1-2), $(nproc) cores, $(date -u +%Y-%m-%d)"

measure() { # label command... → "seconds kilobytes"
  local log="$work/time.log"
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  echo "$wall $rss"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for n in ${sizes[*]}; do
  dotnet run -c Release --project tests/Benchmarks -- corpus "$n" "$work/corpus" >/dev/null
  pages=$(( 2 * n + 4 ))
  : > "$work/sg"; : > "$work/hugo"
  for i in $(seq "$runs"); do
    rm -rf "$work/out-sg" "$work/out-hugo"
    measure "$work/bin/SiteGen" build --root "$work/corpus/sitegen" --out "$work/out-sg" >> "$work/sg"
    measure hugo --source "$work/corpus/hugo" --destination "$work/out-hugo" --quiet >> "$work/hugo"
  done
  sg_wall=$(cut -d' ' -f1 "$work/sg" | median); sg_rss=$(cut -d' ' -f2 "$work/sg" | median)
  hu_wall=$(cut -d' ' -f1 "$work/hugo" | median); hu_rss=$(cut -d' ' -f2 "$work/hugo" | median)
  echo "N=$n ($pages pages): SiteGen ${sg_wall}s ${sg_rss}KB $(echo "$pages / $sg_wall" | bc) pages/s | Hugo ${hu_wall}s ${hu_rss}KB $(echo "$pages / $hu_wall" | bc) pages/s | ratio wall $(echo "scale=2; $sg_wall / $hu_wall" | bc), RSS $(echo "scale=2; $sg_rss / $hu_rss" | bc)"
  paste -d' ' "$work/sg" "$work/hugo" | awk '{printf "  pair %d: SiteGen %.2fs, Hugo %.2fs, ratio %.2f\n", NR, $1, $3, $1/$3}'
done
rm -rf "$work"
