#!/usr/bin/env bash
# Writes measured (issue 19): an import of new articles with ~1,000-word Markdown bodies through
# POST /api/v1/manage/import (half drafts, half back-dated publications), and editors creating such
# articles one POST at a time at 8 connections. A fresh database, the packaged app, a warm-up
# import first (the JIT compilers), then the measured one; prints articles/s and where the CPU went
# (the server's process against PostgreSQL's), then the create cell. See BENCHMARKS.md.
#   bench/import.sh [lines]        DURATION=20s WARM=4000 bench/import.sh 3000
#   APP_DIR=/tmp/old/target/quarkus-app bench/import.sh    (another build, as side-by-side.sh takes)
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${1:-3000}
DURATION=${DURATION:-20s}
DB=${BENCH_DB:-newsdesk_import}
PORT=${BENCH_PORT:-8092}
BASE="http://127.0.0.1:$PORT"
OUT=target/bench
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
mkdir -p "$OUT"
for tool in wrk psql python3; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install wrk postgresql-client)"; exit 1; }
done
APP_DIR=${APP_DIR:-target/quarkus-app}
[ -x "$APP_DIR/run.sh" ] || [ "$APP_DIR" != target/quarkus-app ] || ./mvnw -q -B package -DskipTests

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT NEWSDESK_ADMIN_TOKEN=bench-admin \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_LOG_LEVEL=WARN \
  NEWSDESK_CLASS_CACHE_DIR="$OUT/class-cache/$(echo "$APP_DIR" | cksum | cut -d" " -f1)" "$APP_DIR/run.sh" > "$OUT/app-import.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -fs "$BASE/q/health/ready" >/dev/null; do sleep 0.1; done
AUTH=(-H "Authorization: Bearer bench-admin")
curl -fs "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"name":"World","slug":"world"}' \
  "$BASE/api/v1/manage/categories" > /dev/null

# CPU seconds (user + system) of the app and of every PostgreSQL process, in clock ticks
ticks() {
  local app pg=0 p
  app=$(awk '{print $14 + $15}' "/proc/$APP/stat")
  for p in $(pgrep -u postgres); do
    pg=$(( pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$app $pg"
}
import() { # $1 file, $2 answers
  curl -fs "${AUTH[@]}" -H 'Content-Type: application/x-ndjson' --data-binary "@$1" \
    "$BASE/api/v1/manage/import" -o "$2"
}

# The warm-up is long because the JIT is: after 1,000 lines C2 still took ~40% of the server's CPU
# during the measured import (5 of 13 s, per-thread CPU from /proc), after 4,000 ~15%.
python3 bench/import-lines.py "${WARM:-4000}" warm > "$OUT/import-warm.ndjson"
python3 bench/import-lines.py "$LINES" run > "$OUT/import.ndjson"
import "$OUT/import-warm.ndjson" /dev/null
read -r app0 pg0 < <(ticks)
started=$(date +%s%N)
import "$OUT/import.ndjson" "$OUT/import-answers.ndjson"
ms=$(( ($(date +%s%N) - started) / 1000000 ))
read -r app1 pg1 < <(ticks)
created=$(grep -c '"result":"created"' "$OUT/import-answers.ndjson" || true)
hz=$(getconf CLK_TCK)
echo "import: $created of $LINES lines created in $ms ms = $(( created * 1000 / ms )) articles/s;" \
  "CPU per article: server $(awk -v t=$((app1 - app0)) -v n="$created" -v hz="$hz" 'BEGIN {printf "%.1f", t * 1000 / hz / n}') ms," \
  "PostgreSQL $(awk -v t=$((pg1 - pg0)) -v n="$created" -v hz="$hz" 'BEGIN {printf "%.1f", t * 1000 / hz / n}') ms"
[ "$created" = "$LINES" ] || { echo "not every line was created: see $OUT/import-answers.ndjson"; exit 1; }

wrk -t2 -c8 -d5s -s bench/create.lua "$BASE" > /dev/null # warm-up
wrk -t2 -c8 -d"$DURATION" --latency -s bench/create.lua "$BASE" > "$OUT/wrk-create.txt"
awk '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /non2xx/ {bad=$2}
     END {printf "create (POST, 1,000 words, 8 connections): %.0f requests/s, p50 %s, p99 %s, non-2xx %d\n", rps, p50, p99, bad}' \
  "$OUT/wrk-create.txt"
