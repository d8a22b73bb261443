#!/usr/bin/env bash
# Newsdesk benchmark: fills a database with N published articles (default 100,000), runs the
# packaged app against it with and without the response cache, loads it with wrk (loopback only,
# bounded durations), measures PostgreSQL's own ceiling for the same SQL with pgbench at the same
# concurrency, and prints one table. See BENCHMARKS.md.
#   bench/run.sh [articles]        DURATION=10s CONNECTIONS="32 64 128" bench/run.sh 100000
# then the write cells (bench/import.sh) and the breaking-news cells (bench/breaking.sh); WRITES=0
# leaves them out.
# The server is started by target/quarkus-app/run.sh, as in production: with JAVA_OPTS (default: the
# flags README.md recommends) and the class cache a first start of the same build records, on the
# JVM of JAVA_HOME (else the PATH's).
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${1:-100000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32 64 128}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-3}
RECENT=1000   # article-recent: the newest articles, a working set that fits the response cache
DB=${BENCH_DB:-newsdesk_bench}
PORT=${BENCH_PORT:-8090}
BASE="http://127.0.0.1:$PORT"
OUT=target/bench
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
mkdir -p "$OUT"
declare -A R   # results by name
ratio() { [ -n "$2" ] && [ "$2" != 0 ] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}' || echo "-"; }

for tool in wrk pgbench psql python3; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install wrk postgresql-client)"; exit 1; }
done
[ -x target/quarkus-app/run.sh ] || ./mvnw -q -B package -DskipTests

APP=""
CLASS_CACHE="$OUT/class-cache"
start_app() { # $1: response cache enabled (true/false), $2: class cache (on/off)
  local started cache=$1; started=$(date +%s%N)
  NEWSDESK_CLASS_CACHE="$2" NEWSDESK_CLASS_CACHE_DIR="$CLASS_CACHE" \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT NEWSDESK_ADMIN_TOKEN=bench-admin \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" NEWSDESK_CACHE_ENABLED="$cache" \
  QUARKUS_LOG_LEVEL=WARN target/quarkus-app/run.sh > "$OUT/app-cache-$cache.log" 2>&1 &
  APP=$!
  until curl -fs "$BASE/q/health/ready" >/dev/null; do sleep 0.05; done
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; }
rss_mb() { echo $(( $(ps -o rss= -p "$APP") / 1024 )); }

if [ "${REUSE:-}" = 1 ]; then
  echo "== Reusing $DB as it is (REUSE=1)"
else
  echo "== Preparing $DB with $ARTICLES articles"
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
  start_app true off && stop_app   # Flyway creates the schema
  time "${PSQL[@]}" -d "$DB" -v articles="$ARTICLES" -f bench/generate.sql
fi
echo "== First start of the build: the classes a start and the read paths load go into $CLASS_CACHE"
rm -rf "$CLASS_CACHE"
start_app true on
for path in /api/v1/feed /api/v1/articles/bench-1 "/api/v1/search?q=topic1" /api/v1/categories; do
  curl -fs "$BASE$path" > /dev/null
done
stop_app
start_app true on && stop_app # checks the cache the first start wrote
start_app true off && R[ready-plain]=$READY_MS && stop_app
# pgbench opens one connection per client: stay under the server's limit.
PG_MAX=$(( $("${PSQL[@]}" -d "$DB" -At -c "show max_connections") - 10 ))
"${PSQL[@]}" -d "$DB" -At -c "select slug from newsdesk.teaser" > "$OUT/slugs.txt"
seq 0 996 | sed 's/^/topic/' > "$OUT/topics.txt" # the search cell: a random word of bench/generate.sql's 997
"${PSQL[@]}" -d "$DB" -At -c "select slug from newsdesk.teaser order by published_at desc limit $RECENT" \
  > "$OUT/recent.txt"
DEPTH=$(( ARTICLES / 2 < 50000 ? ARTICLES / 2 : 50000 ))
read -r CURSOR DEPTH_AT DEPTH_ID < <(python3 bench/cursor.py "$DB" "$DEPTH")

declare -A PATHS=(
  [health]="/q/health/live"
  [article]="@slugs"
  [article-recent]="@recent"
  [feed]="/api/v1/feed"
  [feed-depth]="/api/v1/feed?cursor=$CURSOR"
  [feed-category]="/api/v1/feed?category=world"
  [feed-page1]="/api/v1/feed?page=1&limit=20"
  [feed-page50]="/api/v1/feed?page=50&limit=20"
  [search]="@topics /api/v1/search?q=" # one word for all would measure request coalescing
)
ORDER=(health article article-recent feed feed-depth feed-category feed-page1 feed-page50 search)

# wrk -> "rps p50_ms p99_ms errors"
load() { # $1 path (@list [prefix]: a random line of $OUT/list.txt after prefix, default an article), $2 connections
  local path=$1 args=(-s bench/status.lua) list prefix
  if [[ $path == @* ]]; then
    read -r list prefix <<< "$path"
    args=(-s bench/pick.lua); path="/ -- $OUT/${list#@}.txt $prefix"
  fi
  # shellcheck disable=SC2086 # path carries the script's argument
  wrk -t2 -c"$2" -d"$DURATION" --latency "${args[@]}" $BASE$path > "$OUT/wrk.txt"
  awk '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
       /Socket errors/ {err+=$4+$6+$8+$10} /non2xx/ {bad=$2}
       function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
       END {printf "%.0f %.2f %.2f %d\n", rps, ms(p50), ms(p99), err+bad}' "$OUT/wrk.txt"
}

for cache in true false; do
  echo "== Server with the response cache enabled=$cache"
  start_app "$cache" on
  R[ready-$cache]=$READY_MS
  for _ in $(seq "$WARMUP_ROUNDS"); do # the JIT compilers need minutes of load on two cores
    for name in "${ORDER[@]}"; do load "${PATHS[$name]}" 32 >/dev/null; done
  done
  for c in $CONNECTIONS; do
    for name in "${ORDER[@]}"; do
      R[$name-$cache-$c]=$(load "${PATHS[$name]}" "$c")
      echo "  $name c=$c: ${R[$name-$cache-$c]}"
    done
  done
  R[rss-$cache]=$(rss_mb)
  stop_app
done

echo "== PostgreSQL's ceiling for the same SQL (pgbench)"
declare -A SQL=([article]=article [article-recent]=article [feed]=feed [feed-depth]=feed-depth
                [feed-category]=feed-category [search]=search)
for c in $CONNECTIONS; do
  for name in article article-recent feed feed-depth feed-category search; do
    clients=$(( c < PG_MAX ? c : PG_MAX )) range=$ARTICLES
    [ "$name" = article-recent ] && range=$RECENT
    tps=$(pgbench -h 127.0.0.1 -U postgres -n -c "$clients" -j 2 -T "${DURATION%s}" -D articles="$range" \
            -D at="'$DEPTH_AT'" -D id="'$DEPTH_ID'" -f "bench/sql/${SQL[$name]}.sql" "$DB" \
          | awk '/^tps/ {printf "%.0f", $3}')
    R[pg-$name-$c]=$tps
    echo "  $name c=$c (pgbench clients $clients): $tps tps"
  done
done

echo
echo "Newsdesk benchmark: $ARTICLES articles, feed depth $DEPTH, wrk -t2 -d$DURATION, $(nproc) cores"
echo "JVM: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1), JAVA_OPTS=${JAVA_OPTS:-run.sh default} + class cache"
printf "%-14s %4s | %9s %8s %8s %5s | %9s %8s %8s %5s | %9s | %6s %6s %6s | %6s %6s\n" \
  endpoint conn "rps cache" p50ms p99ms err "rps cold" p50ms p99ms err "pg tps" "c/live" "c/pg" \
  "cold/pg" "c p99/" "cold p99/"
for c in $CONNECTIONS; do
  read -r live _ <<< "${R[health-true-$c]}"
  for name in "${ORDER[@]}"; do
    read -r warm wp50 wp99 werr <<< "${R[$name-true-$c]}"
    read -r cold cp50 cp99 cerr <<< "${R[$name-false-$c]}"
    pg=${R[pg-$name-$c]:-}
    printf "%-14s %4s | %9s %8s %8s %5s | %9s %8s %8s %5s | %9s | %6s %6s %6s | %6s %6s\n" "$name" "$c" \
      "$warm" "$wp50" "$wp99" "$werr" "$cold" "$cp50" "$cp99" "$cerr" "${pg:--}" \
      "$(ratio "$warm" "$live")" "$(ratio "$warm" "$pg")" "$(ratio "$cold" "$pg")" \
      "$(ratio "$wp99" "$wp50")" "$(ratio "$cp99" "$cp50")"
  done
done
for c in $CONNECTIONS; do # issue 19: page numbers at least 0.8x the cursor's first page, cache off
  read -r cursor _ <<< "${R[feed-false-$c]}"
  read -r page1 _ <<< "${R[feed-page1-false-$c]}"
  read -r page50 _ <<< "${R[feed-page50-false-$c]}"
  echo "Page-number mode against the cursor's first page, cache off, c=$c:" \
    "page 1 $(ratio "$page1" "$cursor")x, page 50 $(ratio "$page50" "$cursor")x"
done
echo "Start to ready: ${R[ready-true]} ms (cache on), ${R[ready-false]} ms (cache off) with the class cache;" \
  "${R[ready-plain]} ms without it."
echo "Resident memory after load: ${R[rss-true]} MB (cache on), ${R[rss-false]} MB (cache off)."

# The write cells and the breaking-news cells run apart (fresh databases of their own, the same
# jar): an import of new articles and single creates (issue 19), and the cached feed while a
# writer edits at 1 and 5 edits a second (issue 20).
if [ "${WRITES:-1}" = 1 ]; then
  echo
  echo "== Writes (bench/import.sh)"
  DURATION="$DURATION" bench/import.sh "${IMPORT_LINES:-3000}"
  echo
  echo "== Breaking news (bench/breaking.sh)"
  DURATION="$DURATION" bench/breaking.sh
fi
