#!/usr/bin/env bash
# Uncached search side by side: builds (their target/quarkus-app directories, default this one)
# against one database of N generated articles (bench/generate.sql), alternating ROUNDS times; each
# server is warmed up, then wrk searches a random topic word of the 997 (about N/1000 hits each;
# one word for all would measure request coalescing, not search) at each of CONNECTIONS. Prints
# requests/s, p50, p99 and errors (timeouts and non-2xx) per build, round and connection count.
#   bench/search.sh [app-dir ...]     ARTICLES=100000 ROUNDS=2 CONNECTIONS="32 128" DURATION=15s
#                                     REUSE=1 (keep the database)
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=search
DB=${BENCH_DB:-newsdesk_bench_random}
PORT=${BENCH_PORT:-8094}
ARTICLES=${ARTICLES:-100000}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-32 128}
DURATION=${DURATION:-15s}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh
APPS=("${@:-target/quarkus-app}")

generated_archive
seq 0 996 | sed 's/^/topic/' > "$OUT/topics.txt"
SEARCH=(-s bench/pick.lua "$BASE/" -- "$OUT/topics.txt" "/api/v1/search?q=")
for round in $(seq "$ROUNDS"); do
  for app in "${APPS[@]}"; do
    APP_DIR=$app start_app search.log NEWSDESK_CACHE_ENABLED=false
    wrk -t2 -c32 -d20s "${SEARCH[@]}" > /dev/null # warm-up: the JIT needs load
    for c in $CONNECTIONS; do
      wrk -t2 -c"$c" -d"$DURATION" --latency "${SEARCH[@]}" > "$OUT/wrk-search.txt"
      awk -v app="$app" -v round="$round" -v c="$c" '
        /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
        /Socket errors/ {err+=$4+$6+$8+$10} /non2xx/ {bad=$2}
        END {printf "%-40s round %d c=%-4d %8.1f req/s  p50 %-9s p99 %-9s errors %d\n", app, round, c, rps, p50, p99, err+bad}' \
        "$OUT/wrk-search.txt"
    done
    stop_app
  done
done
