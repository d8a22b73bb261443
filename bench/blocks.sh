#!/usr/bin/env bash
# What body.blocks costs an uncached article read: one article of about 1,000 words (headings,
# paragraphs with marks and links, a quote, lists, a table, code), read side by side with wrk
# (loopback, bounded, response cache off) in full and with ?fields= naming everything but
# body.blocks. The blocks are made from the stored HTML on every read; this says what that costs.
#   bench/blocks.sh            DURATION=10s CONNECTIONS=32 bench/blocks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=blocks
DB=${BENCH_DB:-newsdesk_bench_blocks}
PORT=${BENCH_PORT:-8092}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh

fresh_db
start_app blocks.log NEWSDESK_CACHE_ENABLED=false

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
stop_app
trap - EXIT
full=$(median "${R[full-1]}" "${R[full-2]}" "${R[full-3]}")
less=$(median "${R[less-1]}" "${R[less-2]}" "${R[less-3]}")
echo "article of $words words, $blocks blocks; uncached reads (c=$CONNECTIONS, $DURATION, median of 3)"
printf '%-40s %12s\n' "requests/s with body.blocks" "$full" "requests/s without (fields=)" "$less"
awk -v a="$full" -v b="$less" 'BEGIN {printf "%-40s %12.2f\n", "ratio with / without", a/b}'
