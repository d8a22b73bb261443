#!/usr/bin/env bash
# Start to ready of the packaged app as an operator restarts it: target/quarkus-app/run.sh on an
# already migrated database, for each JDK named (default: the java on the PATH): the first start
# of the build (it records the class cache, written as it stops), the second (it checks the cache
# before using it), then ROUNDS restarts and their median; and how long the recording start took
# to stop.
#   bench/start.sh [JAVA_HOME ...]      ROUNDS=5 bench/start.sh /usr/lib/jvm/temurin-25-jdk-amd64
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
DB=${BENCH_DB:-newsdesk_start}
PORT=${BENCH_PORT:-8091}
OUT=target/bench
mkdir -p "$OUT"
[ -x target/quarkus-app/run.sh ] || ./mvnw -q -B package -DskipTests
psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d postgres \
  -c "drop database if exists $DB with (force)" -c "create database $DB"

start() { # $1: JAVA_HOME ('' for the PATH's java), $2: class cache directory or off; sets MS, STOP
  local started app cache=on; started=$(date +%s%N)
  [ "$2" != off ] || cache=off
  ! curl -fs "http://127.0.0.1:$PORT/q/health/live" >/dev/null || { echo "port $PORT is taken"; exit 1; }
  JAVA_HOME=$1 NEWSDESK_CLASS_CACHE=$cache NEWSDESK_CLASS_CACHE_DIR=$2 QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
    NEWSDESK_ADMIN_TOKEN=bench-admin QUARKUS_LOG_LEVEL=WARN \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    target/quarkus-app/run.sh >> "$OUT/start.log" 2>&1 &
  app=$!
  until curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do
    kill -0 "$app" 2>/dev/null || { echo "the server exited: see $OUT/start.log"; exit 1; }
    sleep 0.02
  done
  MS=$(( ($(date +%s%N) - started) / 1000000 ))
  curl -fs "http://127.0.0.1:$PORT/api/v1/feed" >/dev/null
  started=$(date +%s%N)
  kill "$app"; wait "$app" 2>/dev/null || true
  STOP=$(( ($(date +%s%N) - started) / 1000000 ))
}

start "" off # Flyway makes the schema: later starts find it migrated
for home in "${@:-}"; do
  cache="$OUT/class-cache-$(basename "${home:-path}")"
  rm -rf "$cache"
  start "$home" "$cache"; recording=$MS stop=$STOP
  start "$home" "$cache"; second=$MS
  times=()
  for _ in $(seq "$ROUNDS"); do start "$home" "$cache"; times+=("$MS"); done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "${home:-java on the PATH} ($("${home:+$home/bin/}java" -version 2>&1 | head -1)):" \
    "first start $recording ms (its stop $stop ms), second $second ms, then ${times[*]} ms:" \
    "median $median ms"
done
