#!/usr/bin/env bash
# Random articles of a large archive with the response cache on, builds side by side (their
# target/quarkus-app directories; default this one), with the collector's log: where p99 comes
# from. Per build, round and writer (EDITS: edits a second of the newest article's title during
# the measurement, 0 for none, by bench/editor.py; the line says how many were made and how long
# an edit took): requests/s, p50, p99, p99/p50, the pauses of the measured 20 s
# (young: count, mean, max; full: count, longest), and the resident memory after it.
#   bench/tails.sh [app-dir ...]      ARTICLES=100000 ROUNDS=2 EDITS="0 5" REUSE=1 (keep the database)
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=tails
DB=${BENCH_DB:-newsdesk_bench_random}
PORT=${BENCH_PORT:-8098}
ARTICLES=${ARTICLES:-100000}
ROUNDS=${ROUNDS:-2}
EDITS=${EDITS:-0 5}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh
APPS=("${@:-target/quarkus-app}")

generated_archive
"${PSQL[@]}" -d "$DB" -At -c "select slug from newsdesk.teaser" > "$OUT/tails-slugs.txt"
printf '%-32s %6s %8s %8s %8s %7s  %s\n' build rps p50ms p99ms p99/p50 rss_mb "GC in the measured 20 s"
NEWEST=$("${PSQL[@]}" -d "$DB" -At -c "select id from newsdesk.article where slug = 'bench-1'")
for round in $(seq "$ROUNDS"); do
  for app in "${APPS[@]}"; do
    gc="$OUT/tails-gc.log"
    rm -f "$gc"
    APP_DIR=$app start_app tails.log JDK_JAVA_OPTIONS="-Xlog:gc:file=$gc:uptime" # beside JAVA_OPTS
    [ "$EDITS" = 0 ] || warm_writer "$NEWEST"
    wrk -t2 -c32 -d30s -s bench/pick.lua "$BASE/" -- "$OUT/tails-slugs.txt" > /dev/null # warm-up
    for rate in $EDITS; do
      from=$(awk '/Pause/ {gsub(/[\[\]s]/, "", $1); t=$1} END {print t + 0}' "$gc")
      WRITER=""
      echo "0 - -" > "$OUT/edits.txt"
      if [ "$rate" != 0 ]; then edit "$rate" "$NEWEST" & WRITER=$!; fi
      wrk -t2 -c32 -d20s --latency -s bench/pick.lua "$BASE/" -- "$OUT/tails-slugs.txt" > "$OUT/wrk.txt"
      if [ -n "$WRITER" ]; then kill "$WRITER"; wait "$WRITER" 2>/dev/null || true; fi
      read -r rps p50 p99 < <(wrk_summary "$OUT/wrk.txt")
      rss=$(( $(ps -o rss= -p "$APP") / 1024 ))
      pauses=$(awk -v from="$from" '/Pause/ {
          t = $1; gsub(/[\[\]s]/, "", t); if (t + 0 <= from) next
          ms = $NF; sub(/ms$/, "", ms); ms += 0
          if (/Pause Young/) {yn++; ys += ms; if (ms > ym) ym = ms} else {fn++; if (ms > fm) fm = ms}
        } END {printf "young %d, mean %.1f ms, max %.1f ms; full %d, longest %.0f ms", yn, yn ? ys / yn : 0, ym, fn, fm}' "$gc")
      read -r edits edit_p50 edit_max < "$OUT/edits.txt"
      printf '%-32s %6s %8s %8s %8s %7s  %s\n' "${app%/target/quarkus-app} r$round edits $edits" \
        "$rps" "$p50" "$p99" \
        "$(awk -v a="$p99" -v b="$p50" 'BEGIN {printf "%.2f", a / b}')" "$rss" "$pauses; an edit p50 $edit_p50 ms, max $edit_max ms"
    done
    stop_app
  done
done
