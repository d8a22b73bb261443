#!/usr/bin/env bash
# Newsdesk media benchmark (loopback only, bounded): uploads PHOTOS generated 12 MP JPEGs with
# real detail to the packaged server, times the upload and the first render of a 640-wide WebP and
# of a 1280-wide 16:9 JPEG crop, times Debian's vipsthumbnail (the engine behind sharp and
# imgproxy) on the same files side by side, then loads one stored rendition and /q/health/live
# with wrk. Prints medians and ratios.
#   bench/media.sh                  PHOTOS=5 DURATION=10 CONNECTIONS=32
# Needs wrk, vipsthumbnail and ImageMagick's convert (apt-get install wrk libvips-tools imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."

PHOTOS=${PHOTOS:-5}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
DB=${MEDIA_DB:-newsdesk_media_bench}
PORT=${MEDIA_PORT:-8092}
BASE="http://127.0.0.1:$PORT"
TOKEN=media-bench-admin
OUT=target/media-bench
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
rm -rf "$OUT" && mkdir -p "$OUT/photos" "$OUT/vips"

# Debian's ImageMagick (some machines put a stand-in convert earlier on the PATH)
CONVERT=${CONVERT:-$( [ -x /usr/bin/convert ] && echo /usr/bin/convert || command -v convert || true)}
for tool in wrk psql curl vipsthumbnail "$CONVERT" bc; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install wrk libvips-tools imagemagick postgresql-client curl)"; exit 1; }
done
[ -x target/quarkus-app/run.sh ] || ./mvnw -q -B package -DskipTests

APP=""
stop_app() { [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true; }
trap 'stop_app; "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)"' EXIT
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

echo "Making $PHOTOS photos of 4000x3000 (plasma fractal: detail everywhere, not flat colour)"
for i in $(seq 1 "$PHOTOS"); do
  "$CONVERT" -size 4000x3000 -seed "$i$RANDOM" plasma:fractal -quality 90 "$OUT/photos/$i.jpg"
done

QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT NEWSDESK_ADMIN_TOKEN=$TOKEN \
NEWSDESK_MEDIA_DIRECTORY="$OUT/store" NEWSDESK_SITE_BASE_URL="$BASE" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_LOG_LEVEL=WARN \
NEWSDESK_CLASS_CACHE_DIR="$OUT/class-cache" target/quarkus-app/run.sh > "$OUT/app.log" 2>&1 &
APP=$!
until curl -fs "$BASE/q/health/ready" >/dev/null; do
  kill -0 "$APP" 2>/dev/null || { echo "the server did not start; see $OUT/app.log"; exit 1; }
  sleep 0.1
done
# warm-up: one photo through the whole path, not counted
"$CONVERT" -size 1200x900 plasma:fractal "$OUT/warm.jpg"
warm=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: image/jpeg' --data-binary "@$OUT/warm.jpg" "$BASE/api/v1/manage/assets" | sed 's/.*"id":"\([^"]*\)".*/\1/')
curl -fs -o /dev/null "$BASE/media/$warm/w640.webp"
curl -fs -o /dev/null "$BASE/media/$warm/16x9-f500x500-w960.jpg"

seconds() { curl -fs -o /dev/null -w '%{time_total}' "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: > "$OUT/upload" ; : > "$OUT/webp" ; : > "$OUT/crop" ; : > "$OUT/vips-webp" ; : > "$OUT/vips-crop"
for i in $(seq 1 "$PHOTOS"); do
  f="$OUT/photos/$i.jpg"
  curl -fs -o "$OUT/asset.json" -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: image/jpeg' --data-binary "@$f" "$BASE/api/v1/manage/assets" >> "$OUT/upload"
  id=$(sed 's/.*"id":"\([^"]*\)".*/\1/' "$OUT/asset.json")
  seconds "$BASE/media/$id/w640.webp" >> "$OUT/webp"; echo >> "$OUT/webp"
  seconds "$BASE/media/$id/16x9-f500x500-w1280.jpg" >> "$OUT/crop"; echo >> "$OUT/crop"
  /usr/bin/time -f '%e' -a -o "$OUT/vips-webp" vipsthumbnail "$f" -s 640 -o "$PWD/$OUT/vips/$i.webp[Q=80,strip]"
  /usr/bin/time -f '%e' -a -o "$OUT/vips-crop" vipsthumbnail "$f" -s 1280x720 --smartcrop centre -o "$PWD/$OUT/vips/$i-crop.jpg[Q=85,strip]"
done
last=$id
rss=$(ps -o rss= -p "$APP")

wrk_rps() { wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
health=$(wrk_rps "$BASE/q/health/live")
stored=$(wrk_rps "$BASE/media/$last/w640.webp")
errors=$(grep -c -E 'ERROR' "$OUT/app.log" || true)

up=$(median < "$OUT/upload"); webp=$(median < "$OUT/webp"); crop=$(median < "$OUT/crop")
vwebp=$(median < "$OUT/vips-webp"); vcrop=$(median < "$OUT/vips-crop")
printf '\n%-44s %10s\n' "Media, $PHOTOS photos of 12 MP" "median s"
printf '%-44s %10s\n' "upload (type, pixels, decode, placeholder)" "$up"
printf '%-44s %10s   vipsthumbnail %s s: %.1fx\n' "first render, 640-wide WebP" "$webp" "$vwebp" "$(echo "$webp / $vwebp" | bc -l)"
printf '%-44s %10s   vipsthumbnail %s s: %.1fx\n' "first render, 1280-wide 16:9 JPEG crop" "$crop" "$vcrop" "$(echo "$crop / $vcrop" | bc -l)"
printf '%-44s %10s req/s\n' "/q/health/live, $CONNECTIONS connections" "$health"
printf '%-44s %10s req/s (%.2fx)\n' "stored rendition, $CONNECTIONS connections" "$stored" "$(echo "$stored / $health" | bc -l)"
printf '%-44s %10s KB\n' "server resident memory after rendering" "$rss"
printf '%-44s %10s\n' "ERROR lines in the server log" "$errors"
