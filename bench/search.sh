#!/usr/bin/env bash
# Uncached search side by side: builds (their target/quarkus-app directories, default this one)
# against one database of N generated articles (bench/generate.sql), alternating ROUNDS times; each
# server is warmed up, then wrk searches a random topic word of the 997 (about N/1000 hits each;
# one word for all would measure request coalescing, not search) at each of CONNECTIONS. Prints
# requests/s, p50, p99 and errors (timeouts and non-2xx) per build, round and connection count.
#   bench/search.sh [app-dir ...]     ARTICLES=100000 ROUNDS=2 CONNECTIONS="32 128" DURATION=15s
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-100000}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-32 128}
DURATION=${DURATION:-15s}
JAVA_OPTS=${JAVA_OPTS:--Xmx320m -XX:+UseSerialGC}
DB=${BENCH_DB:-newsdesk_search}
PORT=${BENCH_PORT:-8094}
BASE="http://127.0.0.1:$PORT"
OUT=target/bench
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
mkdir -p "$OUT"
for tool in wrk psql curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install wrk postgresql-client)"; exit 1; }
done
[ -x target/quarkus-app/run.sh ] || ./mvnw -q -B package -DskipTests
APPS=("${@:-target/quarkus-app}")

APP=""
start_app() { # $1: app directory
  ! curl -fs "$BASE/q/health/live" >/dev/null || { echo "port $PORT is taken: stop what runs there"; exit 1; }
  JAVA_OPTS="$JAVA_OPTS" NEWSDESK_CLASS_CACHE_DIR="$OUT/class-cache-search-$(echo "$1" | cksum | cut -d' ' -f1)" \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT NEWSDESK_ADMIN_TOKEN=bench-admin \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" NEWSDESK_CACHE_ENABLED=false \
  QUARKUS_LOG_LEVEL=WARN "$1/run.sh" > "$OUT/app-search.log" 2>&1 &
  APP=$!
  until curl -fs "$BASE/q/health/ready" >/dev/null; do sleep 0.1; done
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; }
trap 'stop_app 2>/dev/null || true' EXIT

if [ "$("${PSQL[@]}" -d postgres -Atc "select count(*) from pg_database where datname = '$DB'")" = 0 ] ||
   [ "$("${PSQL[@]}" -d "$DB" -Atc "select count(*) from newsdesk.article" 2>/dev/null || echo 0)" != "$ARTICLES" ]; then
  echo "== Preparing $DB with $ARTICLES articles"
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
  start_app "${APPS[0]}" && stop_app # Flyway makes the schema
  "${PSQL[@]}" -d "$DB" -v articles="$ARTICLES" -f bench/generate.sql
fi
"${PSQL[@]}" -d "$DB" -c analyze
seq 0 996 | sed 's/^/topic/' > "$OUT/topics.txt"
SEARCH=(-s bench/pick.lua "$BASE/" -- "$OUT/topics.txt" "/api/v1/search?q=")

for round in $(seq "$ROUNDS"); do
  for app in "${APPS[@]}"; do
    start_app "$app"
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
