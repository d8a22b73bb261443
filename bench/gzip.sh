#!/usr/bin/env bash
# What gzip costs and saves on the cached feed: a page of 100 teasers, read side by side with wrk
# (loopback, bounded, response cache on) with and without Accept-Encoding: gzip. The gzip bytes are
# made once when the page is kept, so a hit should cost what an identity hit costs.
#   bench/gzip.sh            DURATION=10s CONNECTIONS=32 bench/gzip.sh
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=gzip
DB=${BENCH_DB:-newsdesk_bench_gzip}
PORT=${BENCH_PORT:-8093}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh

fresh_db
start_app gzip.log

publish_town_news
FEED="/api/v1/feed?limit=100"
identity=$(curl -fs "$BASE$FEED" | wc -c)
gzipped=$(curl -fs -H 'Accept-Encoding: gzip' "$BASE$FEED" | wc -c)
rps() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$@" | awk '/Requests\/sec/ {print $2}'; }
rps "$BASE$FEED" > /dev/null; rps -H 'Accept-Encoding: gzip' "$BASE$FEED" > /dev/null # warm-up
declare -A R
for round in 1 2 3; do
  R[identity-$round]=$(rps "$BASE$FEED")
  R[gzip-$round]=$(rps -H 'Accept-Encoding: gzip' "$BASE$FEED")
done
stop_app
trap - EXIT
plain=$(median "${R[identity-1]}" "${R[identity-2]}" "${R[identity-3]}")
gz=$(median "${R[gzip-1]}" "${R[gzip-2]}" "${R[gzip-3]}")
echo "cached feed page of 100 teasers (c=$CONNECTIONS, $DURATION, median of 3)"
printf '%-32s %12s\n' "bytes, identity" "$identity" "bytes, gzip" "$gzipped"
awk -v a="$gzipped" -v b="$identity" 'BEGIN {printf "%-32s %12.2f\n", "gzip / identity, bytes", a/b}'
printf '%-32s %12s\n' "requests/s, identity" "$plain" "requests/s, gzip" "$gz"
awk -v a="$gz" -v b="$plain" 'BEGIN {printf "%-32s %12.2f\n", "gzip / identity, requests/s", a/b}'
