#!/usr/bin/env bash
# What gzip costs and saves on the cached feed: a page of 100 teasers, read side by side with wrk
# (loopback, bounded, response cache on) with and without Accept-Encoding: gzip. The gzip bytes are
# made once when the page is kept, so a hit should cost what an identity hit costs.
#   bench/gzip.sh            DURATION=10s CONNECTIONS=32 bench/gzip.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
JAVA_OPTS=${JAVA_OPTS:--Xmx320m -XX:+UseSerialGC}
DB=${BENCH_DB:-newsdesk_bench_gzip}
PORT=${BENCH_PORT:-8093}
BASE="http://127.0.0.1:$PORT"
TOKEN=bench-admin
OUT=target/bench
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
mkdir -p "$OUT"
for tool in wrk psql python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install wrk postgresql-client)"; exit 1; }
done
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT NEWSDESK_ADMIN_TOKEN=$TOKEN \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
NEWSDESK_MEDIA_DIRECTORY="$OUT/gzip-media" QUARKUS_LOG_LEVEL=WARN \
  java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$OUT/gzip.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -fs "$BASE/q/health/ready" >/dev/null; do sleep 0.1; done

python3 - "$BASE" "$TOKEN" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def call(method, path, body=None):
    request = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
        method=method, headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))
call("POST", "/api/v1/manage/categories", {"slug": "town", "name": "Town"})
for n in range(100):
    created = call("POST", "/api/v1/manage/articles", {
        "title": f"Council notes, meeting {n}: the harbour, the buses and the library",
        "subtitle": f"What was decided on item {n} and what happens next",
        "category": "town",
        "body": f"The council met for the {n}th time this year and agreed on the harbour budget, "
                "new bus times for the coast road and longer library hours in winter."})
    call("POST", f"/api/v1/manage/articles/{created['id']}/publish")
PY
"${PSQL[@]}" -d "$DB" -c "analyze"
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
kill $APP; wait $APP 2>/dev/null || true
trap - EXIT
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
plain=$(median "${R[identity-1]}" "${R[identity-2]}" "${R[identity-3]}")
gz=$(median "${R[gzip-1]}" "${R[gzip-2]}" "${R[gzip-3]}")
echo "cached feed page of 100 teasers (c=$CONNECTIONS, $DURATION, median of 3)"
printf '%-32s %12s\n' "bytes, identity" "$identity" "bytes, gzip" "$gzipped"
awk -v a="$gzipped" -v b="$identity" 'BEGIN {printf "%-32s %12.2f\n", "gzip / identity, bytes", a/b}'
printf '%-32s %12s\n' "requests/s, identity" "$plain" "requests/s, gzip" "$gz"
awk -v a="$gz" -v b="$plain" 'BEGIN {printf "%-32s %12.2f\n", "gzip / identity, requests/s", a/b}'
