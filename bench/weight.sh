#!/usr/bin/env bash
# Page weight of the first load of /mi (issue 6): the HTML and every stylesheet, script and icon it
# links, as transferred. When the server compresses (Content-Encoding: gzip for Accept-Encoding:
# gzip) the compressed figure is what curl --compressed downloads; when it does not, the figure is
# gzip -9 of each file, and the report says so.
#
#   bench/weight.sh
#
# Environment: PAGE (/mi; the course page is PAGE=/), PORT (7171), NO_BUILD=1, OUT (also write the
# report to this file). Only 127.0.0.1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PAGE=${PAGE:-/mi}
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT

build_jar
check_port_free
prepare_jar "$WORK/server.log"
start_server "$WORK/server.log"
wait_for "$BASE/healthz"

curl -s -o "$WORK/page.html" "$BASE$PAGE"
# Same-host assets the page links: stylesheets, scripts, icons. (Anything from another host would
# show here as an absolute URL; there should be none.)
# Links that are not fetched (rel="canonical", the address shared in previews) are not counted.
ASSETS=$(grep -oE '<(link|script)[^>]*>' "$WORK/page.html" | grep -vE 'rel="(canonical|alternate)"' |
  grep -oE '(href|src)="[^"]+"' | sed -E 's/^(href|src)="//; s/"$//' | sort -u)
OTHER_HOSTS=$(grep -cE '^(https?:)?//' <<<"$ASSETS" || true)
{
  echo "First load of GET $PAGE, $(date -u +%Y-%m-%dT%H:%MZ)"
  printf '%-52s %9s %12s %9s %s\n' resource bytes 'as served' 'gzip -9' 'Content-Encoding'
} >"$WORK/report"
TOTAL_RAW=0
TOTAL_SERVED=0
TOTAL_GZ=0
SERVER_COMPRESSES=no
for url in "$PAGE" $ASSETS; do
  raw=$(curl -s -o "$WORK/body" -w '%{size_download}' "$BASE$url")
  gz=$(gzip -9 -c "$WORK/body" | wc -c)
  # What a browser downloads: curl --compressed asks for gzip (and others) and counts the bytes on the wire.
  served=$(curl -s --compressed -o /dev/null -w '%{size_download}' "$BASE$url")
  enc=$(curl -s --compressed -D - -o /dev/null "$BASE$url" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-encoding" {print $2}')
  [ -n "$enc" ] && SERVER_COMPRESSES=yes
  printf '%-52s %9d %12d %9d %s\n' "$url" "$raw" "$served" "$gz" "${enc:-none}" >>"$WORK/report"
  TOTAL_RAW=$((TOTAL_RAW + raw))
  TOTAL_SERVED=$((TOTAL_SERVED + served))
  TOTAL_GZ=$((TOTAL_GZ + gz))
done
{
  printf '%-52s %9d %12d %9d\n' total "$TOTAL_RAW" "$TOTAL_SERVED" "$TOTAL_GZ"
  echo "assets from other hosts: $OTHER_HOSTS"
  if [ "$SERVER_COMPRESSES" = yes ]; then
    COMPRESSED=$TOTAL_SERVED
    echo "the server compresses: the compressed total is what curl --compressed downloaded"
  else
    COMPRESSED=$TOTAL_GZ
    echo "the server does not compress (yet): the compressed total is gzip -9 of each file, what a gzip-serving server would send at best"
  fi
  echo "budget: under 100 KB (102400 B) compressed: $COMPRESSED B -> $([ "$COMPRESSED" -lt 102400 ] && [ "$OTHER_HOSTS" = 0 ] && echo PASS || echo FAIL)"
} >>"$WORK/report"
cat "$WORK/report"
[ -n "${OUT:-}" ] && cp "$WORK/report" "$OUT"
exit 0
