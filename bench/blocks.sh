#!/usr/bin/env bash
# What body.blocks costs an uncached article read: one article of about 1,000 words (headings,
# paragraphs with marks and links, a quote, lists, a table, code), read side by side with wrk
# (loopback, bounded, response cache off) in full and with ?fields= naming everything but
# body.blocks. The blocks are made from the stored HTML on every read; this says what that costs.
#   bench/blocks.sh            DURATION=10s CONNECTIONS=32 bench/blocks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
JAVA_OPTS=${JAVA_OPTS:--Xmx320m -XX:+UseSerialGC}
DB=${BENCH_DB:-newsdesk_bench_blocks}
PORT=${BENCH_PORT:-8092}
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
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" NEWSDESK_CACHE_ENABLED=false \
NEWSDESK_MEDIA_DIRECTORY="$OUT/blocks-media" QUARKUS_LOG_LEVEL=WARN \
  java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$OUT/blocks.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -fs "$BASE/q/health/ready" >/dev/null; do sleep 0.1; done

SLUG=$(python3 - "$BASE" "$TOKEN" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def call(method, path, body=None):
    request = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
        method=method, headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))
call("POST", "/api/v1/manage/categories", {"slug": "long", "name": "Long reads"})
section = ("## Section {n}\n\nThe council met on **Tuesday** and agreed a *new* budget for the "
           "harbour, the ferries and the [coast road](https://example.com/road). Residents asked "
           "for more buses, better lighting and a `timetable` that works.\n\n"
           "> We will keep the crossings open all winter.\n\n"
           "- buses every ten minutes\n- lighting on the pier\n  - and on the steps\n\n"
           "| Route | Buses |\n|:--|--:|\n| North | 6 |\n| South | 4 |\n\n"
           "```\nfare = 2.50\n```\n\n")
body = "".join(section.format(n=n) for n in range(12))
created = call("POST", "/api/v1/manage/articles", {"title": "A long read", "category": "long", "body": body})
call("POST", f"/api/v1/manage/articles/{created['id']}/publish")
print(created["slug"])
PY
)
"${PSQL[@]}" -d "$DB" -c "analyze"
FIELDS="id,slug,url,title,subtitle,category,authors,tags,byline,body.html,body.text,image,seo,firstPublishedAt,publishedAt,updatedAt,wordCount,readingTimeMinutes,structuredData"
FULL="/api/v1/articles/$SLUG"
LESS="/api/v1/articles/$SLUG?fields=$FIELDS"
rps() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$BASE$1" | awk '/Requests\/sec/ {print $2}'; }
words=$(curl -fs "$BASE$FULL" | python3 -c 'import json,sys; print(json.load(sys.stdin)["wordCount"])')
blocks=$(curl -fs "$BASE$FULL" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["body"]["blocks"]))')
rps "$FULL" > /dev/null; rps "$LESS" > /dev/null # warm-up
declare -A R
for round in 1 2 3; do
  R[full-$round]=$(rps "$FULL")
  R[less-$round]=$(rps "$LESS")
done
kill $APP; wait $APP 2>/dev/null || true
trap - EXIT
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
full=$(median "${R[full-1]}" "${R[full-2]}" "${R[full-3]}")
less=$(median "${R[less-1]}" "${R[less-2]}" "${R[less-3]}")
echo "article of $words words, $blocks blocks; uncached reads (c=$CONNECTIONS, $DURATION, median of 3)"
printf '%-40s %12s\n' "requests/s with body.blocks" "$full" "requests/s without (fields=)" "$less"
awk -v a="$full" -v b="$less" 'BEGIN {printf "%-40s %12.2f\n", "ratio with / without", a/b}'
