#!/usr/bin/env bash
# SiteGen's built-in search against Pagefind 1.6.0 (from npm) on the same built output of the synthetic corpus:
# build time with and without SiteGen's index, index bytes and files, Pagefind's indexing time, then Chromium
# queries on both (bytes fetched by a first query and by a second one in the same page, SiteGen's own time after the
# index parts arrived, the first results). Pagefind gets the output without the side-by-side views, so both index the
# same 2 × N pages. The machine is shared and noisy: build times swing by tens of percent from run to run.
#
# usage: tests/Benchmarks/compare-pagefind.sh [N] [RUNS]      (default: N = 10000, 3 runs)
# BENCH_OUT=/dev/shm/… puts the corpus and outputs on a RAM disk. Needs npm, GNU time and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}; runs=${2:-3}
work=${BENCH_OUT:-$(mktemp -d)}
mkdir -p "$work"
dotnet build -c Release SiteGen.csproj -o "$work/bin" -v q --nologo >/dev/null
dotnet build -c Release tests/Benchmarks -v q --nologo >/dev/null
[ -d "$work/corpus/sitegen" ] || dotnet run -c Release --no-build --project tests/Benchmarks -- corpus "$n" "$work/corpus" >/dev/null
rm -rf "$work/corpus/no-search" && cp -r "$work/corpus/sitegen" "$work/corpus/no-search"
echo "search: false" >> "$work/corpus/no-search/site.yml"
[ -x "$work/node_modules/.bin/pagefind" ] || (cd "$work" && npm install --no-audit --no-fund pagefind@1.6.0 >/dev/null)
echo "SiteGen $("$work/bin/SiteGen" --version), Pagefind $("$work/node_modules/.bin/pagefind" --version | tail -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), N = $n per language"

seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }
for i in $(seq "$runs"); do
  rm -rf "$work/out-off"; off=$(seconds "$work/bin/SiteGen" build --root "$work/corpus/no-search" --out "$work/out-off")
  rm -rf "$work/out"; on=$(seconds "$work/bin/SiteGen" build --root "$work/corpus/sitegen" --out "$work/out")
  echo "run $i: build without search ${off} s, with search ${on} s"
done
"$work/bin/SiteGen" build --root "$work/corpus/sitegen" --out "$work/out" --verbose 2>&1 | grep -o 'search [0-9]* ms' | sed 's/^/search stage: /'
echo "SiteGen index: $(du -sb "$work/out/search-index" | cut -f1) bytes in $(find "$work/out/search-index" -type f | wc -l) files" \
  "(postings $(cat "$work"/out/search-index/{s,t}/*.json | wc -c) bytes, result files $(du -sb "$work/out/search-index/g" | cut -f1) bytes)"

rm -rf "$work/pf" && mkdir -p "$work/pf"
(cd "$work/out" && find . -path '*/bilingual' -prune -o -type f -print | cpio -pdm --quiet "$work/pf")
pf=$(seconds "$work/node_modules/.bin/pagefind" --site "$work/pf")
echo "Pagefind indexing: ${pf} s; index: $(du -sb "$work/pf/pagefind" | cut -f1) bytes in $(find "$work/pf/pagefind" -type f | wc -l) files"
dotnet run -c Release --no-build --project tests/Benchmarks -- search-queries "$work/pf" 晶片 超音速海嘯 太空數據中心 電力供應 chips "data centres"
