#!/usr/bin/env bash
# What photos cost the feed: one category of 20 articles with library photos, one of 20 without,
# the same feed page of each read side by side with wrk (loopback, bounded), with the response
# cache off (every request reads the database: rows, plus one query for the page's photos) and on.
# Prints the page sizes and requests/s, and their ratios. See BENCHMARKS.md.
#   bench/pictures.sh            DURATION=10s CONNECTIONS=32 bench/pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=pictures
DB=${BENCH_DB:-newsdesk_bench_pictures}
PORT=${BENCH_PORT:-8091}
# shellcheck source=bench/side-by-side.sh
. bench/side-by-side.sh
api() { curl -fs -H "Authorization: Bearer $TOKEN" "$@"; }
rps() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$BASE$1" | awk '/Requests\/sec/ {print $2}'; }

fresh_db
rm -rf "$OUT/pictures-media"
start_app pictures-cache-false.log NEWSDESK_CACHE_ENABLED=false
python3 - "$BASE" "$TOKEN" <<'PY'
import io, json, random, struct, sys, urllib.request, zlib
base, token = sys.argv[1], sys.argv[2]
def call(method, path, body=None, content_type="application/json"):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method,
        headers={"Authorization": "Bearer " + token, "Content-Type": content_type})
    return json.load(urllib.request.urlopen(request))
def png(width, height, seed):  # a noisy PNG, so the photo has detail
    rnd = random.Random(seed)
    rows = b"".join(b"\0" + bytes(rnd.randrange(256) for _ in range(width * 3)) for _ in range(height))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
photos = [call("POST", "/api/v1/manage/assets", png(2000, 1250, n), "image/png")["id"] for n in range(2)]
for slug in ("photos", "plain"):
    call("POST", "/api/v1/manage/categories", {"slug": slug, "name": slug.title()})
    for n in range(20):
        article = {"title": f"Story {n} of the {slug} section", "category": slug,
                   "body": "A paragraph of text for the excerpt, long enough to be cut. " * 5}
        if slug == "photos":
            article["image"] = {"asset": photos[n % 2]}
        created = call("POST", "/api/v1/manage/articles", article)
        call("POST", f"/api/v1/manage/articles/{created['id']}/publish")
PY
"${PSQL[@]}" -d "$DB" -c "analyze"
declare -A R
for page in photos plain; do
  curl -fs "$BASE/api/v1/feed?category=$page&limit=20" > "$OUT/pictures-$page.json"
  R[bytes-$page]=$(wc -c < "$OUT/pictures-$page.json")
  R[gzip-$page]=$(gzip -6 -c "$OUT/pictures-$page.json" | wc -c)
done
for cache in false true; do
  [ "$cache" = true ] && { stop_app; start_app pictures-cache-true.log NEWSDESK_CACHE_ENABLED=true; }
  for page in photos plain; do rps "/api/v1/feed?category=$page&limit=20" > /dev/null; done # warm-up
  for page in photos plain; do R[$cache-$page]=$(rps "/api/v1/feed?category=$page&limit=20"); done
done
stop_app
trap - EXIT
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
printf '%-34s %12s %12s %8s\n' "feed page of 20 (c=$CONNECTIONS, $DURATION)" "with photos" "without" "ratio"
printf '%-34s %12s %12s %8s\n' "bytes" "${R[bytes-photos]}" "${R[bytes-plain]}" "$(ratio "${R[bytes-photos]}" "${R[bytes-plain]}")"
printf '%-34s %12s %12s %8s\n' "bytes, gzip -6" "${R[gzip-photos]}" "${R[gzip-plain]}" "$(ratio "${R[gzip-photos]}" "${R[gzip-plain]}")"
printf '%-34s %12s %12s %8s\n' "requests/s, cache off" "${R[false-photos]}" "${R[false-plain]}" "$(ratio "${R[false-photos]}" "${R[false-plain]}")"
printf '%-34s %12s %12s %8s\n' "requests/s, cache on" "${R[true-photos]}" "${R[true-plain]}" "$(ratio "${R[true-photos]}" "${R[true-plain]}")"
