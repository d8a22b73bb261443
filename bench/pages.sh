#!/usr/bin/env bash
# Page-number feeds against cursor mode on a large archive (ARTICLES, bench/generate.sql), response
# cache off, side by side in one run with wrk (loopback, bounded): page 1 and page 50 must keep at
# least 0.8x the requests/s of cursor mode's first page, since no request counts the archive.
#   bench/pages.sh            ARTICLES=100000 DURATION=10s CONNECTIONS=32 REUSE=1 bench/pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=pages
DB=${BENCH_DB:-newsdesk_bench_pages}
PORT=${BENCH_PORT:-8098}
ARTICLES=${ARTICLES:-100000}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh

generated_archive
start_app pages.log NEWSDESK_CACHE_ENABLED=false
rps() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$BASE$1" | awk '/Requests\/sec/ {print $2}'; }
CELLS=("cursor, first page|/api/v1/feed" "page 1|/api/v1/feed?page=1" "page 50|/api/v1/feed?page=50")
for cell in "${CELLS[@]}"; do rps "${cell#*|}" > /dev/null; done # warm-up
declare -A R
for round in 1 2 3; do
  for cell in "${CELLS[@]}"; do R[${cell%%|*}-$round]=$(rps "${cell#*|}"); done
done
echo "requests/s, response cache off, $ARTICLES articles, c=$CONNECTIONS, $DURATION, median of 3"
cursor=$(median "${R[cursor, first page-1]}" "${R[cursor, first page-2]}" "${R[cursor, first page-3]}")
for cell in "${CELLS[@]}"; do
  name=${cell%%|*}
  m=$(median "${R[$name-1]}" "${R[$name-2]}" "${R[$name-3]}")
  awk -v n="$name" -v m="$m" -v c="$cursor" 'BEGIN {printf "%-20s %10s %8.2fx cursor\n", n, m, m/c}'
done
