#!/usr/bin/env bash
# Uncached search side by side: builds (their target/quarkus-app directories, default this one)
# against one database of N generated articles (bench/generate.sql), alternating ROUNDS times; each
# server is warmed up, then wrk searches a random word of a list at each of CONNECTIONS (one word
# for all would measure request coalescing, not search). Two lists: "topic", the 997 topic words
# (about N/1000 hits each), which stand at the top of their bodies; "body", the words of 2-6 of the
# 3,001 generated bodies (about N/1500 to N/500 hits), found anywhere in them, as most searched
# words are, so the snippet's passage has to be looked for. Prints requests/s, p50, p99 and errors
# (timeouts and non-2xx) per build, round, list and connection count.
#   bench/search.sh [app-dir ...]     ARTICLES=100000 ROUNDS=2 CONNECTIONS="32 128" DURATION=15s
#                                     WORDS="topic body" REUSE=1 (keep the database)
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=search
DB=${BENCH_DB:-newsdesk_bench_random}
PORT=${BENCH_PORT:-8094}
ARTICLES=${ARTICLES:-100000}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-32 128}
DURATION=${DURATION:-15s}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh
APPS=("${@:-target/quarkus-app}")

generated_archive
seq 0 996 | sed 's/^/topic/' > "$OUT/words-topic.txt"
"${PSQL[@]}" -d "$DB" -At -c "select word from ts_stat('select search_vector from newsdesk.article
    where slug in (select ''bench-'' || n from generate_series(1, 3001) n)')
  where ndoc between 2 and 6 and word !~ '^topic'" > "$OUT/words-body.txt"
search() { echo -s bench/pick.lua "$BASE/" -- "$OUT/words-$1.txt" "/api/v1/search?q="; }
for round in $(seq "$ROUNDS"); do
  for app in "${APPS[@]}"; do
    APP_DIR=$app start_app search.log NEWSDESK_CACHE_ENABLED=false
    for words in ${WORDS:-topic body}; do
      # shellcheck disable=SC2046 # search's words are wrk's arguments
      wrk -t2 -c32 -d20s $(search "$words") > /dev/null # warm-up: the JIT needs load
    done
    for words in ${WORDS:-topic body}; do
      for c in $CONNECTIONS; do
        # shellcheck disable=SC2046
        wrk -t2 -c"$c" -d"$DURATION" --latency $(search "$words") > "$OUT/wrk-search.txt"
        awk -v app="$app" -v round="$round" -v words="$words" -v c="$c" '
          /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
          /Socket errors/ {err+=$4+$6+$8+$10} /non2xx/ {bad=$2}
          END {printf "%-40s round %d %-5s c=%-4d %8.1f req/s  p50 %-9s p99 %-9s errors %d\n", app, round, words, c, rps, p50, p99, err+bad}' \
          "$OUT/wrk-search.txt"
      done
    done
    stop_app
  done
done
