#!/usr/bin/env bash
# Newsdesk behind Varnish (docker/varnish/default.vcl, purged by surrogate key), side by side with
# wrk on loopback: the cached feed and an article through Varnish and from Newsdesk alone (its own
# response cache on), and Varnish's own ceiling, a small object it holds (robots.txt).
#   bench/varnish.sh            DURATION=10s CONNECTIONS=32 bench/varnish.sh
# Needs varnish and varnish-modules (Debian) besides wrk.
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=varnish
DB=${BENCH_DB:-newsdesk_bench_varnish}
PORT=${BENCH_PORT:-8094}
VARNISH_PORT=${BENCH_VARNISH_PORT:-8095}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh
command -v varnishd >/dev/null || { echo "varnishd is needed (apt-get install varnish varnish-modules)"; exit 1; }

fresh_db
start_app varnish-newsdesk.log NEWSDESK_CDN_VARNISH_URLS="http://127.0.0.1:$VARNISH_PORT"
WORK=$(mktemp -d)
chmod 755 "$WORK"
sed "s/\.port = \"8080\";/.port = \"$PORT\";/" docker/varnish/default.vcl > "$WORK/newsdesk.vcl"
varnishd -F -f "$WORK/newsdesk.vcl" -a "127.0.0.1:$VARNISH_PORT" -n "$WORK/instance" -T 127.0.0.1:0 \
  -s malloc,256m > "$OUT/varnishd.log" 2>&1 &
VARNISH=$!
trap 'kill $VARNISH 2>/dev/null || true; stop_app 2>/dev/null || true' EXIT
VBASE="http://127.0.0.1:$VARNISH_PORT"
until curl -fs "$VBASE/q/health/ready" >/dev/null; do sleep 0.1; done

publish_town_news
SLUG=$(curl -fs "$BASE/api/v1/feed?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')
FEED="/api/v1/feed?limit=20"
ARTICLE="/api/v1/articles/$SLUG"
rps() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H 'Accept-Encoding: gzip' "$1" | awk '/Requests\/sec/ {print $2}'; }
CELLS=("newsdesk feed|$BASE$FEED" "varnish feed|$VBASE$FEED" "newsdesk article|$BASE$ARTICLE"
  "varnish article|$VBASE$ARTICLE" "varnish robots.txt|$VBASE/robots.txt")
for cell in "${CELLS[@]}"; do rps "${cell#*|}" > /dev/null; done # warm-up: every cache holds it
declare -A R
for round in 1 2 3; do
  for cell in "${CELLS[@]}"; do R[${cell%%|*}-$round]=$(rps "${cell#*|}"); done
done
echo "requests/s, c=$CONNECTIONS, $DURATION, median of 3, gzip accepted"
declare -A M
for cell in "${CELLS[@]}"; do
  name=${cell%%|*}
  M[$name]=$(median "${R[$name-1]}" "${R[$name-2]}" "${R[$name-3]}")
  printf '%-24s %12s\n' "$name" "${M[$name]}"
done
ratio() { awk -v a="$2" -v b="$3" -v t="$1" 'BEGIN {printf "%-40s %8.2f\n", t, a/b}'; }
ratio "varnish feed / newsdesk feed" "${M[varnish feed]}" "${M[newsdesk feed]}"
ratio "varnish article / newsdesk article" "${M[varnish article]}" "${M[newsdesk article]}"
ratio "varnish feed / varnish robots.txt" "${M[varnish feed]}" "${M[varnish robots.txt]}"
ratio "varnish article / varnish robots.txt" "${M[varnish article]}" "${M[varnish robots.txt]}"
