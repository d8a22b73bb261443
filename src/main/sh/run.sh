#!/bin/sh
# Starts Newsdesk in the foreground. The build copies this script to target/quarkus-app/run.sh.
#
# It execs java (so SIGTERM from an orchestrator reaches the JVM, which shuts down gracefully):
# $JAVA_HOME/bin/java when JAVA_HOME is set, else the java on the PATH, with JAVA_OPTS (default:
# the flags README.md recommends for a small machine, the one place they are set; the benchmarks
# take them from here too) and a class cache of this build for this JVM,
# which about halves the time to ready: an AOT cache (-XX:AOTCache) on Java 25 and later, a
# class-data archive (-XX:SharedArchiveFile) before.
#
# The first start of a build on a JVM records the cache, which the JVM writes as that start stops
# (give that one stop up to a minute); the next start checks what was written with a JVM that
# must map it (a cache cut short by a kill is deleted and recorded again) and uses it from then on.
# One start at a time records; starts beside it run without. The cache lives in
# NEWSDESK_CLASS_CACHE_DIR (default: this directory); NEWSDESK_CLASS_CACHE=off starts without one.
set -eu
app=$(cd "$(dirname "$0")" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
# MaxTenuringThreshold=2: what survives two young collections is almost all response-cache
# entries, which live until evicted; promoted then rather than copied between the survivor spaces
# up to 15 times, young pauses are about a third shorter (BENCHMARKS.md, 2026-12-07).
JAVA_OPTS=${JAVA_OPTS:--Xmx320m -XX:+UseSerialGC -XX:MaxTenuringThreshold=2}

cache_flags=""
if [ "${NEWSDESK_CLASS_CACHE:-on}" != off ]; then
  # The JVM is named by its release file (read, not started), the build by its jars' sizes and times.
  home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")}
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)
  key=$({ cat "$home/release" 2>/dev/null || "$java" -version 2>&1; \
          ls -lnR --time-style=+%s "$app/quarkus-run.jar" "$app/app" "$app/quarkus" "$app/lib"; } \
        | cksum | cut -d' ' -f1)
  dir=${NEWSDESK_CLASS_CACHE_DIR:-$app}
  if [ "${major:-0}" -ge 25 ]; then
    cache="$dir/newsdesk-$key.aot" use=-XX:AOTCache record=-XX:AOTCacheOutput strict=-XX:AOTMode=on
    quiet="-Xlog:aot*=error -Xlog:cds*=error" # the classes it leaves out, each with a warning
  else
    cache="$dir/newsdesk-$key.jsa" use=-XX:SharedArchiveFile record=-XX:ArchiveClassesAtExit strict=-Xshare:on
    quiet="-Xlog:cds*=error"
  fi
  written="$cache.written" # what the recording start wrote, until a later start has checked it
  lock="$cache.recording"  # the pid of the start that records
  recorder=$(cat "$lock" 2>/dev/null || true)
  if [ -n "$recorder" ] && [ "$recorder" != $$ ] && kill -0 "$recorder" 2>/dev/null; then
    : # another start is recording: this one runs without
  else
    if [ ! -s "$cache" ] && [ -s "$written" ]; then
      # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
      if "$java" $JAVA_OPTS "$strict" "$use=$written" -XX:ErrorFile="$dir/probe.log" \
          -cp "$app/quarkus-run.jar" -version >/dev/null 2>&1; then
        mv -f "$written" "$cache" 2>/dev/null || true # a start beside this one may have moved it
      fi
      rm -f "$written" "$dir/probe.log"
    fi
    if [ -s "$cache" ]; then
      rm -f "$lock"
      cache_flags="$use=$cache"
    elif mkdir -p "$dir" 2>/dev/null; then
      [ -z "$recorder" ] || rm -f "$lock" # the start that held it has ended
      if (set -C && echo $$ > "$lock") 2>/dev/null; then
        for other in "$dir"/newsdesk-*; do # caches of other builds or JVMs would only fill the disk
          case $other in "$dir/newsdesk-$key".*) ;; *) rm -f "$other" ;; esac
        done
        cache_flags="$record=$written $quiet"
      fi
    fi
  fi
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec "$java" $JAVA_OPTS $cache_flags -jar "$app/quarkus-run.jar" "$@"
