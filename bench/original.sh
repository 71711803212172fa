#!/usr/bin/env bash
# A 5 MB original three ways, loopback only, bounded to about 2 minutes:
#
#   bash bench/original.sh                  # photo from ../shared/corpus/photos (PHOTOS=... to override)
#
# - nginx serving the file (sendfile);
# - "stream": a plain servlet on the same Jetty sending it through a 64 KiB heap buffer and the
#   servlet output stream, which is how imagegate sent originals before (bench/Ceiling.java);
# - imagegate's signed original, which on Jetty 12 goes through Jetty's own content path from a
#   file channel (io.imagegate.response.FileBody).
# The stream servlet and imagegate share one JVM (bench/Ceiling.java). After a warm-up, ROUNDS
# interleaved rounds of ROUND_SECONDS per server (wrk -t2 -cCONNECTIONS, order rotated); medians of
# requests/s (and MB/s), p99, the Jetty JVM's CPU time per request and its young GCs per 1,000
# requests (from /proc and jstat). Installs wrk and nginx from Debian when missing, builds the demo
# jar, and stops everything it started on exit.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
# shellcheck source=bench/static-nginx.sh
source bench/static-nginx.sh
PHOTOS=${PHOTOS:-../shared/corpus/photos}
PORT=${PORT:-18490}
NGINX_PORT=${NGINX_PORT:-18491}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
ROUNDS=${ROUNDS:-3}
ROUND_SECONDS=${ROUND_SECONDS:-5}
SIZE=$((5 * 1024 * 1024))
JAR=jetty-demo/target/imagegate-demo.jar
KEY=original-bench-key-not-secret-0123456789abcdef

say() { printf '%s\n' "$*"; }
die() { printf 'original.sh: %s\n' "$*" >&2; exit 1; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx)
command -v openssl >/dev/null || missing+=(openssl)
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Always from the current sources: the body path is what is measured.
mvn -B -q -o package -DskipTests -pl jetty-demo -am
[[ -d $PHOTOS ]] || die "no photo folder $PHOTOS (set PHOTOS=...)"

TMP=$(mktemp -d /tmp/imagegate-original.XXXXXX)
SERVER_PID=
NGINX_PID=
cleanup() {
  set +e
  if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  if [[ -n $NGINX_PID ]]; then kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 755 "$TMP"
mkdir -p "$TMP/images" "$TMP/nginx"
chmod 755 "$TMP/images"

# A real JPEG padded with noise to 5 MB: still a JPEG by its bytes, served as it is.
photo=$(ls -S "$PHOTOS"/*.jpg | head -1)
{ cat "$photo"; head -c $((SIZE - $(stat -c %s "$photo"))) /dev/urandom; } >"$TMP/images/big.jpg"
chmod 644 "$TMP/images/big.jpg"
printf 'key=%s\nrequire-signature=true\n' "$KEY" >"$TMP/gate.properties"

# Ceiling's /bare/ servlet (only its readiness answer is used here) sends no headers of its own.
: >"$TMP/bare.headers"
java -cp "$JAR" bench/Ceiling.java "$PORT" "$TMP/images" "$TMP/gate.properties" "$TMP/images/big.jpg" \
  "$TMP/bare.headers" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/bare/x" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; die "the server did not start"; }
  sleep 0.5
done
sig=$(printf '%s9999999999' "big.jpg" | openssl dgst -sha1 -hmac "$KEY" -r | cut -d' ' -f1)
GATE="http://127.0.0.1:$PORT/img/big.jpg?ik-s=$sig"
STREAM="http://127.0.0.1:$PORT/stream/big.jpg"
start_static_nginx "$TMP/nginx" "$TMP/images" "$NGINX_PORT"
NGINX_URL="http://127.0.0.1:$NGINX_PORT/big.jpg"
for _ in $(seq 1 40); do curl -s -o /dev/null --max-time 1 "$NGINX_URL" && break; sleep 0.25; done
for u in "$GATE" "$STREAM" "$NGINX_URL"; do
  cmp -s "$TMP/images/big.jpg" <(curl -s "$u") || die "$u does not send the file's bytes"
done
cmp -s <(tail -c 1000 "$TMP/images/big.jpg") <(curl -s -H 'Range: bytes=-1000' "$GATE") \
  || die "imagegate's range is not the file's bytes"
grep -q "Jetty's own content path" "$TMP/server.log" || die "imagegate did not use Jetty's content path"

say "imagegate 5 MB original, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)"
say "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "$(grep -m1 'originals of' "$TMP/server.log" | sed 's/^.*imagegate: //')"
say "wrk -t2 -c$CONNECTIONS --latency, ${WARMUP_SECONDS}s warm-up each, $ROUNDS interleaved rounds of ${ROUND_SECONDS}s, medians"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
young_gcs() { jstat -gc "$SERVER_PID" | awk 'NR == 2 { print $(NF - 6) }'; }
for u in "$NGINX_URL" "$STREAM" "$GATE"; do wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "$u" >/dev/null; done
: >"$TMP/rounds.txt"
servers=(nginx stream imagegate)
declare -A target=([nginx]="$NGINX_URL" [stream]="$STREAM" [imagegate]="$GATE")
hz=$(getconf CLK_TCK)
for round in $(seq 1 "$ROUNDS"); do
  for k in 0 1 2; do
    s=${servers[(round + k) % 3]}
    t0=$(cpu_ticks) g0=$(young_gcs)
    wrk -t2 -c"$CONNECTIONS" -d"${ROUND_SECONDS}s" --latency "${target[$s]}" >"$TMP/wrk.txt"
    t1=$(cpu_ticks) g1=$(young_gcs)
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$TMP/wrk.txt")
    requests=$(awk '/requests in/ {print $1}' "$TMP/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$TMP/wrk.txt")
    p99=$(awk -v v="$p99" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }')
    # The JVM's CPU per request and young GCs per 1,000 requests (nginx: not the JVM, "-").
    if [[ $s == nginx ]]; then cpu=- gcs=-; else
      cpu=$(awk -v d=$((t1 - t0)) -v n="$requests" -v hz="$hz" 'BEGIN { printf "%.0f", d / hz * 1e6 / n }')
      gcs=$(awk -v d="$(awk -v a="$g0" -v b="$g1" 'BEGIN { print b - a }')" -v n="$requests" 'BEGIN { printf "%.2f", d * 1000 / n }')
    fi
    printf '%s %s %s %s %s\n' "$s" "$rps" "$p99" "$cpu" "$gcs" >>"$TMP/rounds.txt"
  done
done
median() { sort -n | awk '{a[NR] = $1} END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
med() { awk -v s="$1" -v c="$2" '$1 == s { print $c }' "$TMP/rounds.txt" | median; }
printf '%-10s %12s %10s %10s %16s %16s\n' "server" "requests/s" "MB/s" "p99 (ms)" "JVM CPU us/req" "young GC/1k req"
for s in "${servers[@]}"; do
  rps=$(med "$s" 2)
  printf '%-10s %12.0f %10.0f %10.2f %16s %16s\n' "$s" "$rps" "$(awk -v r="$rps" -v b=$SIZE 'BEGIN { print r * b / 1048576 }')" \
    "$(med "$s" 3)" "$(med "$s" 4)" "$(med "$s" 5)"
done
awk -v g="$(med imagegate 2)" -v s="$(med stream 2)" -v n="$(med nginx 2)" 'BEGIN {
  printf "imagegate / stream: %.2fx; imagegate / nginx: %.2fx\n", g / s, g / n }'
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
