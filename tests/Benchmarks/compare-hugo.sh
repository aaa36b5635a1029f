#!/usr/bin/env bash
# SiteGen against Hugo on the same synthetic bilingual corpus, built interleaved (SiteGen, SiteGen without side-by-side
# views, Hugo, Hugo with views, SiteGen, …) with a clean output before each run. Prints, for each N: median wall time,
# peak RSS, CPU time (user + system, all threads), pages per second and the SiteGen/Hugo ratios. The machine is shared
# and noisy: the ratios are the figures that count.
#
# SiteGen's full build writes two HTML files per translated page: the page and its side-by-side view. Two like-for-like
# pairs: both with views (Hugo's from a custom output format, `side-by-side.toml`, showing the two texts whole) and both
# without (`side_by_side: false` for SiteGen). The third row sets SiteGen's full build against Hugo's pages only.
#
# usage: tests/Benchmarks/compare-hugo.sh [RUNS] [N...]      (default: 3 runs, N = 1000 10000)
# BENCH_OUT=/dev/shm/… puts the outputs on a RAM disk: on a VM whose disk time swings by seconds from run to run, that
# compares the work of the two generators rather than the disk's mood.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}; shift || true
sizes=("${@:-1000 10000}")
command -v hugo >/dev/null || { echo "needs Debian's hugo: apt-get install -y hugo" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }

work=$(mktemp -d)
out=${BENCH_OUT:-$work/out}
mkdir -p "$out"
# The release build: the tool compiled ahead of time into one native executable (Native AOT, see SiteGen.csproj).
rid=$(dotnet --info | awk '/RID:/ {print $2; exit}')
dotnet publish SiteGen.csproj -c Release -r "$rid" -o "$work/bin" --nologo -v q >/dev/null
echo "SiteGen $("$work/bin/SiteGen" --version), $(hugo version | cut -d' ' -f1-2), $(nproc) cores, $(date -u +%Y-%m-%d), output on $(df --output=fstype "$out" | tail -1)"

measure() { # command... → "seconds kilobytes cpu-seconds" (CPU: user + system, all threads)
  local log="$work/time.log"
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$log")
  echo "$wall $rss $cpu"
}
# Each run starts from an empty output folder on a settled disk: the deletion and the last run's writeback are flushed
# first (`sync`), or whichever tool runs next pays for them (this VM's ext4 is mounted with online discard).
clean() { rm -rf "$1"; sync; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
row() { # label pages file hugo-file
  local wall rss cpu hwall hrss hcpu
  wall=$(cut -d' ' -f1 "$3" | median); rss=$(cut -d' ' -f2 "$3" | median); cpu=$(cut -d' ' -f3 "$3" | median)
  hwall=$(cut -d' ' -f1 "$4" | median); hrss=$(cut -d' ' -f2 "$4" | median); hcpu=$(cut -d' ' -f3 "$4" | median)
  echo "  $1: ${wall}s ${rss}KB ${cpu}s CPU $(echo "$2 / $wall" | bc) pages/s | ratio to Hugo: wall $(echo "scale=2; $wall / $hwall" | bc), RSS $(echo "scale=2; $rss / $hrss" | bc), CPU $(echo "scale=2; $cpu / $hcpu" | bc)"
}

for n in ${sizes[*]}; do
  dotnet run -c Release --project tests/Benchmarks -- corpus "$n" "$work/corpus" >/dev/null
  pages=$(( 2 * n + 4 ))
  : > "$work/sg"; : > "$work/sgp"; : > "$work/hugo"; : > "$work/hugov"
  for i in $(seq "$runs"); do
    clean "$out/sg"; measure "$work/bin/SiteGen" build --root "$work/corpus/sitegen" --out "$out/sg" >> "$work/sg"
    clean "$out/sgp"; measure "$work/bin/SiteGen" build --root "$work/corpus/sitegen-pages-only" --out "$out/sgp" >> "$work/sgp"
    clean "$out/hugo"; measure hugo --source "$work/corpus/hugo" --destination "$out/hugo" --quiet >> "$work/hugo"
    clean "$out/hugov"; measure hugo --source "$work/corpus/hugo" --config hugo.toml,side-by-side.toml --destination "$out/hugov" --quiet >> "$work/hugov"
  done
  for h in hugo hugov; do
    hwall=$(cut -d' ' -f1 "$work/$h" | median); hrss=$(cut -d' ' -f2 "$work/$h" | median); hcpu=$(cut -d' ' -f3 "$work/$h" | median)
    echo "N=$n ($pages pages): $([ $h = hugo ] && echo "Hugo, pages only" || echo "Hugo, pages + views") ${hwall}s ${hrss}KB ${hcpu}s CPU $(echo "$pages / $hwall" | bc) pages/s"
  done
  row "SiteGen, pages + views / Hugo, pages + views" "$pages" "$work/sg" "$work/hugov"
  row "SiteGen, pages only / Hugo, pages only      " "$pages" "$work/sgp" "$work/hugo"
  row "SiteGen, pages + views / Hugo, pages only   " "$pages" "$work/sg" "$work/hugo"
  paste -d' ' "$work/sg" "$work/hugov" "$work/sgp" "$work/hugo" |
    awk '{printf "  run %d: with views SiteGen %.2fs, Hugo %.2fs (%.2f); pages only SiteGen %.2fs, Hugo %.2fs (%.2f)\n", NR, $1, $4, $1/$4, $7, $10, $7/$10}'
done
rm -rf "$out/sg" "$out/sgp" "$out/hugo" "$out/hugov"
rm -rf "$work"
