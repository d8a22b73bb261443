#!/usr/bin/env bash
# Random articles of a large archive (ARTICLES, bench/generate.sql), read with wrk (loopback,
# bounded, no gzip, like bench/run.sh) with the response cache on and off, side by side in one run:
# the cache must never make this workload slower than no cache.
#   bench/random.sh            ARTICLES=100000 DURATION=10s CONNECTIONS=32 bench/random.sh
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=random
DB=${BENCH_DB:-newsdesk_bench_random}
PORT=${BENCH_PORT:-8097}
ARTICLES=${ARTICLES:-100000}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh

generated_archive
"${PSQL[@]}" -d "$DB" -At -c "select slug from newsdesk.teaser" > "$OUT/random-slugs.txt"
load() { # -> "rps p50_ms p99_ms"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/pick.lua "$BASE/" -- "$OUT/random-slugs.txt" > "$OUT/wrk.txt"
  wrk_summary "$OUT/wrk.txt"
}
printf '%-14s %10s %8s %8s\n' cell rps p50ms p99ms
for round in 1 2 3; do
  for cache in true false; do
    start_app "random-$cache.log" NEWSDESK_CACHE_ENABLED=$cache
    load > /dev/null # warm-up
    printf '%-14s %10s %8s %8s\n' "cache=$cache r$round" $(load)
    stop_app
  done
done
