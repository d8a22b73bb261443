#!/usr/bin/env bash
# Random articles of a large archive with the response cache on, builds side by side (their
# target/quarkus-app directories; default this one), with the collector's log: where p99 comes
# from. Per build and round: requests/s, p50, p99, p99/p50, and the pauses of the measured 20 s
# (young: count, mean, max; full: count, longest), and the resident memory after it.
#   bench/tails.sh [app-dir ...]      ARTICLES=100000 ROUNDS=2 REUSE=1 (keep the database)
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=tails
DB=${BENCH_DB:-newsdesk_bench_random}
PORT=${BENCH_PORT:-8098}
ARTICLES=${ARTICLES:-100000}
ROUNDS=${ROUNDS:-2}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh
APPS=("${@:-target/quarkus-app}")

generated_archive
"${PSQL[@]}" -d "$DB" -At -c "select slug from newsdesk.teaser" > "$OUT/tails-slugs.txt"
BASE_OPTS=$JAVA_OPTS
printf '%-32s %6s %8s %8s %8s %7s  %s\n' build rps p50ms p99ms p99/p50 rss_mb "GC in the measured 20 s"
for round in $(seq "$ROUNDS"); do
  for app in "${APPS[@]}"; do
    gc="$OUT/tails-gc.log"
    rm -f "$gc"
    APP_DIR=$app JAVA_OPTS="$BASE_OPTS -Xlog:gc:file=$gc:uptime" start_app tails.log
    wrk -t2 -c32 -d30s -s bench/pick.lua "$BASE/" -- "$OUT/tails-slugs.txt" > /dev/null # warm-up
    from=$(awk '/Pause/ {gsub(/[\[\]s]/, "", $1); t=$1} END {print t + 0}' "$gc")
    wrk -t2 -c32 -d20s --latency -s bench/pick.lua "$BASE/" -- "$OUT/tails-slugs.txt" > "$OUT/wrk.txt"
    read -r rps p50 p99 < <(wrk_summary "$OUT/wrk.txt")
    rss=$(( $(ps -o rss= -p "$APP") / 1024 ))
    stop_app
    pauses=$(awk -v from="$from" '/Pause/ {
        t = $1; gsub(/[\[\]s]/, "", t); if (t + 0 <= from) next
        ms = $NF; sub(/ms$/, "", ms); ms += 0
        if (/Pause Young/) {yn++; ys += ms; if (ms > ym) ym = ms} else {fn++; if (ms > fm) fm = ms}
      } END {printf "young %d, mean %.1f ms, max %.1f ms; full %d, longest %.0f ms", yn, yn ? ys / yn : 0, ym, fn, fm}' "$gc")
    printf '%-32s %6s %8s %8s %8s %7s  %s\n' "${app%/target/quarkus-app} r$round" "$rps" "$p50" "$p99" \
      "$(awk -v a="$p99" -v b="$p50" 'BEGIN {printf "%.2f", a / b}')" "$rss" "$pauses"
  done
done
