#!/usr/bin/env bash
# Loopback HTTP benchmarks for imagegate, bounded to about 7 minutes. Run from anywhere:
#
#   bash bench/http.sh                   # photos from ../shared/corpus/photos (relative to the repo)
#   PHOTOS=/some/dir bash bench/http.sh  # any folder of JPEGs; nature-dandelion-seeds.jpg preferred
#   SECTIONS=1 bash bench/http.sh        # only section 1 (the cache hit against its ceilings), ~3 min
#
# 1. A cached, signed 300x300 thumbnail, the same bytes five ways, wrk -t2 -c16 --latency:
#    nginx serving it as a static file; imagegate as the demo serves it (its cache hits answered on
#    Jetty's own path, ahead of the servlet layer: CachedHitHandler); imagegate's filter through the
#    servlet layer, as in any servlet container; a bare servlet writing it from memory with exactly
#    the headers imagegate's hit sent (what a servlet costs on this Jetty); and the same from a bare
#    Jetty core handler that never blocks (what Jetty itself can do). All get the same request line
#    (SAME_URL=no: short ones for nginx and the bare ones). The four Jetty servers run in one JVM
#    (bench/Ceiling.java, DemoServer.jetty), so they share the JIT. After a JIT warm-up, ROUNDS
#    interleaved rounds of ROUND_SECONDS per server (the order rotates each round); medians of
#    requests/s and of p99 latency.
# 2. Cold 300x300 render per photo: imagegate (a never-seen URL each run, curl time_total,
#    median) vs vipsthumbnail -s 300x300 --crop (hyperfine median, or a date loop).
# 3. A flood of distinct variants (w-100,f-png ... w-2099,f-png of the 16 MP photo, shuffled,
#    xargs -P 8 curl) against a server with -Xmx256m and cache.max-bytes=64MB, bounded by
#    FLOOD_SECONDS; then checks that the server still answers, that the cache stayed within its
#    bound and that no 5xx other than 503 occurred. PNG, because its variants are large (about
#    1-3 MB) so that the 64 MB bound is reached, and evictions happen, within the time a 2-core
#    machine renders a few hundred 16 MP variants.
#
# Installs wrk, nginx, libvips-tools (and hyperfine if it can) from Debian when missing, builds
# the demo jar when missing, and stops everything it started on exit. Nothing listens or is
# sent anywhere but 127.0.0.1.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
# shellcheck source=bench/static-nginx.sh
source bench/static-nginx.sh
PHOTOS=${PHOTOS:-../shared/corpus/photos}
PORT=${PORT:-18480}
NGINX_PORT=${NGINX_PORT:-18481}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
ROUNDS=${ROUNDS:-5}
ROUND_SECONDS=${ROUND_SECONDS:-5}
RUNS=${RUNS:-5}
FLOOD_SECONDS=${FLOOD_SECONDS:-120}
FLOOD_COUNT=${FLOOD_COUNT:-2000}
BUDGET_SECONDS=${BUDGET_SECONDS:-420}
SECTIONS=${SECTIONS:-1 2 3} # which of the sections below to run, e.g. SECTIONS=1
SAME_URL=${SAME_URL:-yes}    # section 1: the same request line for all servers (see there)
JAR=jetty-demo/target/imagegate-demo.jar
KEY=http-bench-key-not-secret-0123456789abcdef
STARTED=$SECONDS

say() { printf '%s\n' "$*"; }
die() { printf 'http.sh: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------ tools
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx)
command -v vipsthumbnail >/dev/null || missing+=(libvips-tools)
command -v curl >/dev/null || missing+=(curl)
command -v openssl >/dev/null || missing+=(openssl)
if ((${#missing[@]})); then
  say "installing ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v hyperfine >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
fi
[[ -f $JAR ]] || mvn -B -q -o package -DskipTests -pl jetty-demo -am
[[ -d $PHOTOS ]] || die "no photo folder $PHOTOS (set PHOTOS=...)"

# ------------------------------------------------------------------ scratch space and cleanup
TMP=$(mktemp -d /tmp/imagegate-http.XXXXXX)
SERVER_PID=
NGINX_PID=
cleanup() {
  set +e # a killed process's exit status must not stop the cleanup half-way
  if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  if [[ -n $NGINX_PID ]]; then kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# nginx's workers run as nobody: they must be able to read the static folder.
chmod 755 "$TMP"
mkdir -p "$TMP/images" "$TMP/static" "$TMP/nginx" "$TMP/vips"
shopt -s nullglob
for f in "$PHOTOS"/*.jpg "$PHOTOS"/*.jpeg; do cp "$f" "$TMP/images/"; done
photos=("$TMP"/images/*)
((${#photos[@]})) || die "no JPEG in $PHOTOS"
BIG=nature-dandelion-seeds.jpg
[[ -f $TMP/images/$BIG ]] || BIG=$(ls -S "$TMP/images" | head -1)

config() { # cache bound
  printf 'key=%s\nrequire-signature=true\ncache.max-bytes=%s\n' "$KEY" "$1"
}
config 256MB > "$TMP/gate.properties"
config 64MB > "$TMP/flood.properties"

# ImageKit signing in the shell, for the thousands of URLs the jar's sign command (one JVM each)
# would take minutes to print; checked against the jar once below.
sign_fast() { # path transformation
  local relative="tr:$2/$1"
  local sig
  sig=$(printf '%s9999999999' "$relative" | openssl dgst -sha1 -hmac "$KEY" -r | cut -d' ' -f1)
  printf 'http://127.0.0.1:%s/img/%s?ik-s=%s\n' "$PORT" "$relative" "$sig"
}
sign_jar() {
  java -jar "$JAR" sign --config "$TMP/gate.properties" --path "$1" --tr "$2" --position path \
    --endpoint "http://127.0.0.1:$PORT/img"
}

start_server() { # properties file, then "ceiling" (bench/Ceiling.java) or extra JVM options
  local props=$1
  shift
  if [[ ${1:-} == ceiling ]]; then
    java -cp "$JAR" bench/Ceiling.java "$PORT" "$TMP/images" "$props" "$TMP/static/thumb.jpg" \
      "$TMP/thumb.headers" >"$TMP/server.log" 2>&1 &
  else
    java "$@" -jar "$JAR" --host 127.0.0.1 --port "$PORT" --images "$TMP/images" --config "$props" \
      >"$TMP/server.log" 2>&1 &
  fi
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/stats" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; die "the demo server did not start"; }
    sleep 0.5
  done
  die "the demo server did not answer within 60 s"
}
stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

wrk_summary() { # wrk output file -> "requests/s p99"
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$1")
  p99=$(awk '$1 == "99%" {print $2}' "$1")
  printf '%s %s' "$rps" "$p99"
}
to_ms() { # wrk latency such as 850.00us, 12.3ms, 1.2s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
median() { sort -n | awk '{a[NR] = $1} END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

say "imagegate HTTP benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)"
say "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# ------------------------------------------------------------------ 1. cached thumbnail: nginx and four Jetty servers
# bench/Ceiling.java: on PORT the demo's arrangement (CachedHitHandler around the context with the
# filter at /img/*); on PORT+2 the same context without it (the filter through the servlet layer,
# and the bare servlet at /bare/*); on PORT+3 the bare core handler. nginx serves the same bytes as a
# file.
start_server "$TMP/gate.properties" "ceiling"
URL=$(sign_jar "$BIG" "w-300,h-300")
[[ $URL == "$(sign_fast "$BIG" "w-300,h-300")" ]] || die "shell signing differs from the jar's: $URL"
PATH_AND_QUERY=${URL#"http://127.0.0.1:$PORT/img/"}
FILTER_URL=http://127.0.0.1:$((PORT + 2))/img/$PATH_AND_QUERY
for u in "$URL" "$FILTER_URL"; do # each server renders it once into its own cache
  code=$(curl -s -o "$TMP/static/thumb.jpg" -w '%{http_code}' "$u")
  [[ $code == 200 ]] || die "the signed thumbnail answered $code at $u"
done
# A cache hit's headers: the bare servlet and core handler send exactly these (less Date, which
# Jetty adds to all).
code=$(curl -s -o /dev/null -D "$TMP/thumb.headers" -w '%{http_code}' "$URL")
[[ $code == 200 ]] || die "the signed thumbnail's hit answered $code"
# Like with like: by default the bare ones and nginx are asked for the very request line imagegate
# gets (its path and signed query below /bare/ and /img/), so Jetty and nginx parse the same bytes
# for all and the difference is imagegate's own work. SAME_URL=no asks them for a short
# /bare/thumb.jpg and /thumb.jpg instead (as before 2026-12-02).
if [[ $SAME_URL == yes ]]; then
  BARE=http://127.0.0.1:$((PORT + 2))/bare/$PATH_AND_QUERY
  CORE=http://127.0.0.1:$((PORT + 3))/bare/$PATH_AND_QUERY
  NGINX_URL=http://127.0.0.1:$NGINX_PORT/img/$PATH_AND_QUERY
  NGINX_FILE=$TMP/static/img/${PATH_AND_QUERY%%\?*}
else
  BARE=http://127.0.0.1:$((PORT + 2))/bare/thumb.jpg
  CORE=http://127.0.0.1:$((PORT + 3))/bare/thumb.jpg
  NGINX_URL=http://127.0.0.1:$NGINX_PORT/thumb.jpg
  NGINX_FILE=$TMP/static/thumb.jpg
fi
mkdir -p "$(dirname "$NGINX_FILE")"
[[ -f $NGINX_FILE ]] || cp "$TMP/static/thumb.jpg" "$NGINX_FILE"
chmod -R a+rX "$TMP/static"
same_headers() { grep -iv '^date:' "$1" | tr -d '\r' | sort; }
for u in "$FILTER_URL" "$BARE" "$CORE"; do
  cmp -s "$TMP/static/thumb.jpg" <(curl -s "$u") || die "$u does not serve the thumbnail"
  curl -s -o /dev/null -D "$TMP/other.headers" "$u"
  if ! diff <(same_headers "$TMP/thumb.headers") <(same_headers "$TMP/other.headers") >"$TMP/headers.diff"; then
    cat "$TMP/headers.diff" >&2
    die "the headers of $u differ from imagegate's hit"
  fi
done
say "headers of imagegate's hit, its filter's, the bare servlet's and core handler's (Date aside): $(same_headers "$TMP/thumb.headers" | grep -v '^HTTP' | grep -v '^$' | cut -d: -f1 | paste -sd, | sed 's/,/, /g')"
start_static_nginx "$TMP/nginx" "$TMP/static" "$NGINX_PORT"
for _ in $(seq 1 40); do curl -s -o /dev/null --max-time 1 "$NGINX_URL" && break; sleep 0.25; done
cmp -s "$TMP/static/thumb.jpg" <(curl -s "$NGINX_URL") || die "nginx does not serve the thumbnail"

say ""
say "== 1. cached 300x300 thumbnail of $BIG ($(stat -c %s "$TMP/static/thumb.jpg") bytes), wrk -t2 -c$CONNECTIONS --latency"
say "request lines: imagegate $URL; filter $FILTER_URL; bare $BARE; core $CORE; nginx $NGINX_URL"
say "JIT warm-up ${WARMUP_SECONDS}s each for the Jetty servers, then $ROUNDS interleaved rounds of ${ROUND_SECONDS}s per server (order rotated), medians"
run_wrk() { # label url round
  wrk -t2 -c"$CONNECTIONS" -d"${ROUND_SECONDS}s" --latency "$2" >"$TMP/wrk-$1-$3.txt"
  grep -q "Non-2xx" "$TMP/wrk-$1-$3.txt" && say "WARNING: $1 answered non-2xx: $(grep Non-2xx "$TMP/wrk-$1-$3.txt")"
  grep -q "Socket errors" "$TMP/wrk-$1-$3.txt" && say "WARNING: $1 round $3: $(grep "Socket errors" "$TMP/wrk-$1-$3.txt")"
  read -r rps p99 <<<"$(wrk_summary "$TMP/wrk-$1-$3.txt")"
  printf '%s %s %s\n' "$1" "$rps" "$(to_ms "$p99")" >>"$TMP/rounds.txt"
}
for u in "$BARE" "$CORE" "$FILTER_URL" "$URL"; do wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "$u" >/dev/null; done
wrk -t2 -c"$CONNECTIONS" -d2s "$NGINX_URL" >/dev/null
: >"$TMP/rounds.txt"
servers=(nginx core bare filter imagegate)
declare -A target=([nginx]="$NGINX_URL" [core]="$CORE" [bare]="$BARE" [filter]="$FILTER_URL" [imagegate]="$URL")
for round in $(seq 1 "$ROUNDS"); do
  for k in 0 1 2 3 4; do
    s=${servers[(round + k) % 5]}
    run_wrk "$s" "${target[$s]}" "$round"
  done
done
printf '%-8s %-50s %-40s\n' "round" "requests/s (${servers[*]})" "p99 ms (same order)"
for round in $(seq 1 "$ROUNDS"); do
  r=() p=()
  for s in "${servers[@]}"; do
    read -r rps p99 <<<"$(awk -v s="$s" '$1 == s { print $2, $3 }' "$TMP/rounds.txt" | sed -n "${round}p")"
    r+=("$rps") p+=("$p99")
  done
  printf '%-8s %-50s %-40s\n' "$round" "${r[*]}" "${p[*]}"
done
med() { awk -v s="$1" -v c="$2" '$1 == s { print $c }' "$TMP/rounds.txt" | median; }
printf '%-22s %14s %14s\n' "median of $ROUNDS" "requests/s" "p99 (ms)"
for s in "${servers[@]}"; do printf '%-22s %14.0f %14.2f\n' "$s" "$(med "$s" 2)" "$(med "$s" 3)"; done
awk -v g="$(med imagegate 2)" -v f="$(med filter 2)" -v b="$(med bare 2)" -v c="$(med core 2)" -v n="$(med nginx 2)" 'BEGIN {
  printf "imagegate / bare servlet: %.2fx (target >= 0.9x); imagegate / nginx: %.2fx (target >= 0.75x)\n", g / b, g / n
  printf "imagegate / bare core handler: %.2fx; filter (servlet layer) / bare servlet: %.2fx; bare servlet / nginx: %.2fx; bare core / nginx: %.2fx\n", g / c, f / b, b / n, c / n }'
kill "$NGINX_PID" 2>/dev/null || true
wait "$NGINX_PID" 2>/dev/null || true
NGINX_PID=
stop_server
section() { [[ " $SECTIONS " == *" $1 "* ]]; }
if ! section 2 && ! section 3; then
  say ""
  say "load after: $(cut -d' ' -f1-3 /proc/loadavg); whole run $((SECONDS - STARTED)) s"
  exit 0
fi
start_server "$TMP/gate.properties"

# ------------------------------------------------------------------ 2. cold render vs vipsthumbnail
if section 2; then
say ""
say "== 2. cold 300x300 render, median of $RUNS (imagegate: curl time_total of a never-seen URL; vips: vipsthumbnail -s 300x300 --crop)"
printf '%-32s %11s %11s %11s %8s\n' "photo" "size" "imagegate" "vips" "ratio"
for f in "${photos[@]}"; do
  name=$(basename "$f")
  size=$(vipsheader -f width "$f")x$(vipsheader -f height "$f")
  times=()
  for run in $(seq 1 "$RUNS"); do
    # q-6N: a distinct transformation per run, so every request misses the cache.
    u=$(sign_fast "$name" "w-300,h-300,q-$((60 + run))")
    t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$u")
    [[ ${t%% *} == 200 ]] || die "cold render of $name answered ${t%% *}"
    times+=("$(awk -v s="${t#* }" 'BEGIN { printf "%.1f", s * 1000 }')")
  done
  gate_ms=$(printf '%s\n' "${times[@]}" | median)
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs "$RUNS" --export-csv "$TMP/vips.csv" \
      "vipsthumbnail -s 300x300 --crop $f -o $TMP/vips/%s.jpg" >/dev/null 2>&1
    vips_ms=$(awk -F, 'NR == 2 { printf "%.1f", $4 * 1000 }' "$TMP/vips.csv")
  else
    vt=()
    for run in $(seq 1 "$RUNS"); do
      s=$(date +%s%N)
      vipsthumbnail -s 300x300 --crop "$f" -o "$TMP/vips/%s.jpg"
      vt+=("$(( ($(date +%s%N) - s) / 100000 ))")
    done
    vips_ms=$(printf '%s\n' "${vt[@]}" | median | awk '{ printf "%.1f", $1 / 10 }')
  fi
  ratio=$(awk -v g="$gate_ms" -v v="$vips_ms" 'BEGIN { printf "%.2f", g / v }')
  printf '%-32s %11s %8s ms %8s ms %7sx\n' "$name" "$size" "$gate_ms" "$vips_ms" "$ratio"
done
say "(target: imagegate <= 3x vipsthumbnail; imagegate's time includes HTTP, signature check and cache)"
stop_server
fi
stop_server 2>/dev/null || true

# ------------------------------------------------------------------ 3. flood of distinct variants
if section 3; then
say ""
left=$((BUDGET_SECONDS - (SECONDS - STARTED) - 20))
flood_seconds=$((left < FLOOD_SECONDS ? left : FLOOD_SECONDS))
((flood_seconds > 10)) || flood_seconds=10
say "== 3. flood: $FLOOD_COUNT distinct variants of $BIG (w-100,f-png ... w-$((99 + FLOOD_COUNT)),f-png, shuffled), xargs -P 8 curl, at most ${flood_seconds}s; server -Xmx256m, cache.max-bytes=64MB"
start_server "$TMP/flood.properties" -Xmx256m
for n in $(seq 100 $((99 + FLOOD_COUNT))); do sign_fast "$BIG" "w-$n,f-png"; done \
  | shuf --random-source=<(yes) >"$TMP/flood-urls.txt"
set +e
timeout "$flood_seconds" xargs -P 8 -n 1 curl -s -o /dev/null --max-time 30 -w '%{http_code}\n' \
  <"$TMP/flood-urls.txt" >"$TMP/flood-codes.txt"
set -e
sent=$(wc -l <"$TMP/flood-codes.txt")
say "answered in time: $sent of $FLOOD_COUNT; status counts: $(sort "$TMP/flood-codes.txt" | uniq -c | awk '{printf "%s x%s  ", $2, $1}')"
server_errors=$(( $(grep -cE '^5' "$TMP/flood-codes.txt" || true) - $(grep -cE '^503$' "$TMP/flood-codes.txt" || true) ))
client_errors=$(grep -cE '^4' "$TMP/flood-codes.txt" || true)
gave_up=$(grep -cE '^000$' "$TMP/flood-codes.txt" || true)
# Renders the flood queued may still be running: a 503 (with Retry-After: 1) is retried for up
# to 30 s; "alive" means the thumbnail is served again.
for _ in $(seq 1 30); do
  alive=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$URL")
  [[ $alive == 503 ]] || break
  sleep 1
done
stats=$(curl -s --max-time 10 "http://127.0.0.1:$PORT/stats")
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<<"$stats"; }
cache_bytes=$(field cacheBytes)
printf 'renders=%s cacheBytes=%s (bound %s) cacheEvictions=%s cacheEntries=%s\n' \
  "$(field renders)" "$cache_bytes" $((64 * 1024 * 1024)) "$(field cacheEvictions)" "$(field cacheEntries)"
say "thumbnail after the flood: HTTP $alive; server process alive: $(kill -0 "$SERVER_PID" 2>/dev/null && echo yes || echo no)"
say "5xx other than 503: $server_errors; 4xx: $client_errors (a 422 here is a render that ran out of the 256 MB heap); curl gave up (30 s): $gave_up"
ok=yes
[[ $alive == 200 ]] || ok=no
((cache_bytes <= 64 * 1024 * 1024)) || ok=no
((server_errors == 0)) || ok=no
say "flood check (alive, cache within bound, no 5xx but 503): $ok"
fi
say ""
say "load after: $(cut -d' ' -f1-3 /proc/loadavg); whole run $((SECONDS - STARTED)) s"
