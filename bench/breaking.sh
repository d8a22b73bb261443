#!/usr/bin/env bash
# Breaking news: the cached feed read with wrk (loopback, bounded, response cache on) while a writer
# edits the title of the newest article (on the feed's first page) 0, 1 and 5 times a second, and
# of an old one (not on it) 5 times a second, side by side in one run, on ARTICLES articles
# (bench/generate.sql). Per cell: requests/s, p50 and p99, the edits made, the cache misses, and
# how many of those shared another request's read (coalesced), and how many requests got the
# previous response while another refilled it (stale).
#   bench/breaking.sh            ARTICLES=10000 DURATION=10s CONNECTIONS=32 bench/breaking.sh
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=breaking
DB=${BENCH_DB:-newsdesk_bench_breaking}
PORT=${BENCH_PORT:-8096}
ARTICLES=${ARTICLES:-10000}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh
METRICS=bench-metrics

generated_archive
start_app breaking.log NEWSDESK_METRICS_TOKEN=$METRICS
id_of() { "${PSQL[@]}" -d "$DB" -At -c "select id from newsdesk.article where slug = '$1'"; }
FRONT=$(id_of bench-1) # the newest
OLD=$(id_of "bench-$((ARTICLES / 2))")
FEED="$BASE/api/v1/feed"

metric() { # metric NAME LABEL-FILTER: its value now
  curl -fs -H "Authorization: Bearer $METRICS" "$BASE/q/metrics" \
    | awk -v n="$1" -v f="$2" 'index($0, n) == 1 && index($0, f) {v = $2} END {print v + 0}'
}
misses() { metric 'cache_gets_total{' 'result="miss"'; }
coalesced() { metric newsdesk_delivery_coalesced_total ''; }
stale() { metric newsdesk_delivery_stale_total ''; }
load() { # -> "rps p50_ms p99_ms"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$FEED" > "$OUT/wrk.txt"
  wrk_summary "$OUT/wrk.txt"
}
load > /dev/null; load > /dev/null # warm-up
printf '%-18s %10s %8s %8s %6s %12s %8s %10s %6s\n' cell rps p50ms p99ms edits edit_p50/max misses coalesced stale
for round in 1 2 3; do
  for cell in "0 -" "1 $FRONT" "5 $FRONT" "5 $OLD"; do
    read -r rate id <<< "$cell"
    echo "0 - -" > "$OUT/edits.txt"
    m0=$(misses); c0=$(coalesced); s0=$(stale)
    WRITER=""
    if [ "$rate" != 0 ]; then edit "$rate" "$id" & WRITER=$!; fi
    result=$(load)
    if [ -n "$WRITER" ]; then kill "$WRITER"; wait "$WRITER" 2>/dev/null || true; fi
    what=$([ "$id" = "$OLD" ] && echo old || echo front)
    [ "$rate" = 0 ] && what=idle
    read -r edits edit_p50 edit_max < "$OUT/edits.txt"
    printf '%-18s %10s %8s %8s %6s %12s %8s %10s %6s\n' "$rate/s $what r$round" $result "$edits" "$edit_p50/$edit_max" \
      $(( $(misses) - m0 )) $(( $(coalesced) - c0 )) $(( $(stale) - s0 ))
  done
done
