# Sourced by the side-by-side benchmarks (blocks.sh, gzip.sh, pictures.sh, varnish.sh, breaking.sh,
# random.sh): their settings, the tools they need, a fresh database, the packaged server on loopback
# and 100 articles to read. Set NAME, DB and PORT before sourcing.
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
BASE="http://127.0.0.1:$PORT"
TOKEN=bench-admin
OUT=target/bench
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
mkdir -p "$OUT"
for tool in wrk psql python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install wrk postgresql-client)"; exit 1; }
done
[ -x target/quarkus-app/run.sh ] || ./mvnw -q -B package -DskipTests

fresh_db() { "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"; }

APP=""
# start_app LOG [NAME=VALUE...]: the packaged server ($APP_DIR/run.sh, default this build's) on $PORT
# and $DB, with these settings too, until it is ready; its output goes to $OUT/LOG.
start_app() {
  local log=$1
  shift
  ! curl -fs "$BASE/q/health/live" >/dev/null || { echo "port $PORT is taken: stop what runs there"; exit 1; }
  env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" NEWSDESK_ADMIN_TOKEN=$TOKEN \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    NEWSDESK_MEDIA_DIRECTORY="$OUT/$NAME-media" QUARKUS_LOG_LEVEL=WARN "$@" \
    NEWSDESK_CLASS_CACHE_DIR="$OUT/class-cache" "${APP_DIR:-target/quarkus-app}/run.sh" \
    > "$OUT/$log" 2>&1 &
  APP=$!
  until curl -fs "$BASE/q/health/ready" >/dev/null; do
    kill -0 "$APP" 2>/dev/null || { echo "the server exited: see $OUT/$log"; exit 1; }
    sleep 0.1
  done
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; }
trap 'stop_app 2>/dev/null || true' EXIT

# publish_town_news: a category "town" and 100 published articles in it, through the API
publish_town_news() {
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
}

# generated_archive: $ARTICLES articles from bench/generate.sql in a fresh $DB, analyzed (REUSE=1:
# the database as it is)
generated_archive() {
  [ "${REUSE:-}" = 1 ] && return
  fresh_db
  start_app "$NAME-migrate.log" && stop_app # Flyway creates the schema
  "${PSQL[@]}" -d "$DB" -v articles="$ARTICLES" -f bench/generate.sql > /dev/null
  "${PSQL[@]}" -d "$DB" -c "analyze"
}

# edit RATE ID: edits the title of article ID RATE times a second until killed (bench/editor.py);
# $OUT/edits.txt holds "edits p50_ms max_ms" so far
edit() {
  echo "0 - -" > "$OUT/edits.txt"
  exec python3 bench/editor.py "$BASE" "$TOKEN" "$2" "$1" "$OUT/edits.txt"
}
# warm_writer ID: edits the title of article ID as fast as one editor can for WRITER_WARMUP seconds
# (default 45), so that the JIT has compiled the edit path before it is measured, as in a server
# that has been up for a while. Cold, it is mostly compilation: at 5 edits a second after a
# readers-only warm-up, C1 and C2 took 1.6-3.2 s of CPU in every 20 s, an edit 30-60 ms of server CPU;
# after ~5,000 edits, C2 0.2-0.4 s and an edit ~6 ms (2026-12-07). Then VACUUM, as autovacuum
# would in production (it is off on these machines): no update of an article is HOT, so each
# edit leaves a dead row version and index entries that every later read of that article passed
# (11,806 after four runs on one database).
warm_writer() {
  edit 1000 "$1" &
  local writer=$!
  sleep "${WRITER_WARMUP:-45}"
  kill "$writer"
  wait "$writer" 2>/dev/null || true
  "${PSQL[@]}" -d "$DB" -c "vacuum (analyze) newsdesk.article, newsdesk.teaser"
}
# wrk_summary FILE: "rps p50_ms p99_ms" of a wrk --latency report
wrk_summary() {
  awk '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
       function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
       END {printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99)}' "$1"
}

median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
