#!/usr/bin/env bash
# Newsdesk soak: a bounded run of mixed reads and writes against the packaged server (loopback
# only), sampling its memory as it goes. Fails (exit 1) on any 5xx or socket error.
#   bench/soak.sh                   DURATION=180 CONNECTIONS=16 SAMPLE_EVERY=10 ARTICLES=2000
# Needs wrk (apt-get install wrk) and psql; builds the jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-180}          # seconds
CONNECTIONS=${CONNECTIONS:-16}
SAMPLE_EVERY=${SAMPLE_EVERY:-10}   # seconds
ARTICLES=${ARTICLES:-2000}
DB=${SOAK_DB:-newsdesk_soak}
PORT=${SOAK_PORT:-8091}
BASE="http://127.0.0.1:$PORT"
TOKEN=soak-admin
OUT=target/soak
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
mkdir -p "$OUT"

for tool in wrk psql curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install wrk postgresql-client curl)"; exit 1; }
done
[ -x target/quarkus-app/run.sh ] || ./mvnw -q -B package -DskipTests

APP=""
start_app() {
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT NEWSDESK_ADMIN_TOKEN=$TOKEN NEWSDESK_METRICS_TOKEN=$TOKEN \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_LOG_LEVEL=WARN \
  NEWSDESK_CLASS_CACHE_DIR="$OUT/class-cache" target/quarkus-app/run.sh > "$OUT/app.log" 2>&1 &
  APP=$!
  until curl -fs "$BASE/q/health/ready" >/dev/null; do
    kill -0 "$APP" 2>/dev/null || { echo "the server did not start; see $OUT/app.log"; exit 1; }
    sleep 0.1
  done
}
stop_app() { [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true; }
trap 'stop_app; "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)"' EXIT

metric() { # sum of a Prometheus metric's samples whose labels match $2
  curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/q/metrics" | awk -v name="$1" -v labels="$2" \
    'index($0, name) == 1 && index($0, labels) { sum += $NF } END { printf "%.0f", sum }'
}
sample() {
  local rss heap active
  rss=$(( $(ps -o rss= -p "$APP") / 1024 ))
  heap=$(( $(metric jvm_memory_used_bytes 'area="heap"') / 1048576 ))
  active=$(metric agroal_active_count '')
  printf "%6s %8s %9s %12s\n" "$1" "$rss" "$heap" "$active"
}

echo "== Preparing $DB with $ARTICLES articles"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
start_app && stop_app   # Flyway creates the schema
"${PSQL[@]}" -d "$DB" -v articles="$ARTICLES" -f bench/generate.sql > /dev/null
start_app

echo "== Soak: ${DURATION}s, $CONNECTIONS connections, $(nproc) cores, JAVA_OPTS=${JAVA_OPTS:-run.sh default}"
printf "%6s %8s %9s %12s\n" "second" "RSS MB" "heap MB" "db active"
sample 0
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s bench/soak.lua "$BASE" \
  -- "$ARTICLES" "$TOKEN" > "$OUT/wrk.txt" &
WRK=$!
for (( t = SAMPLE_EVERY; t <= DURATION; t += SAMPLE_EVERY )); do
  sleep "$SAMPLE_EVERY"
  sample "$t"
done
wait "$WRK"
sample end
echo "== wrk"
grep -E "Requests/sec|answers| x |latency" "$OUT/wrk.txt"
ERRORS=$(grep -c ' ERROR ' "$OUT/app.log" || true)
echo "ERROR lines in the server log: $ERRORS"
if grep -qE '5xx=[1-9]|socket_errors=[1-9]' "$OUT/wrk.txt" || [ "$ERRORS" != 0 ]; then
  echo "FAIL: server errors during the soak"; exit 1
fi
echo "PASS: no 5xx, no socket error, no ERROR in the log"
