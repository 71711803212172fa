#!/usr/bin/env bash
# Scale-out behind a real caching proxy: three imagegate instances (the demo jar, one key) behind
# nginx configured by deploy/nginx/imagegate.conf, all on 127.0.0.1. Run from anywhere:
#
#   bash bench/scaleout.sh
#   PHOTOS=/some/dir bash bench/scaleout.sh     # any folder of JPEGs instead of the demo's photos
#
# Shows, each with a PASS/FAIL line (the exit status is 1 if any check fails):
#  1. 1,000 requests over 100 distinct signed variants (each 10 times, shuffled) from 8 concurrent
#     clients through the proxy: total renders over the three instances (from each /stats) equal
#     to 100, the proxy's hit ratio, throughput and p50/p99; then the same 1,000 again, warm.
#  2. A cached hit through the proxy against the same hit straight from one instance
#     (wrk -t2 -c16, WRK_SECONDS each).
#  3. An expiring URL (ik-t EXPIRY_AHEAD seconds ahead), polled until two seconds after ik-t: 200
#     up to ik-t, and never a 200 (cached or not) after it; what a browser behind the proxy is
#     told (it may keep the image no longer than ik-t); If-None-Match is a 304 before ik-t and a
#     401 after it.
#  4. An f-auto variant through the same proxy: WebP bytes for a client whose Accept names
#     image/webp, JPEG bytes for one that does not, AVIF for one that names image/avif (WebP
#     without an AVIF encoder), each from the cache the second time.
#  5. Errors (tampered signature 401, missing file 404) are never cached: every repeat reaches an
#     instance, whose refusal counters grow by one each time.
#
# Bounded: every curl has --max-time, the load client a deadline, and the whole run takes about
# a minute. Installs Debian's nginx if missing and builds the demo jar if missing. nginx runs with
# a private prefix and configuration in a temporary directory; the instances and nginx are
# stopped and the directory removed on exit, however the script ends.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
JAR=jetty-demo/target/imagegate-demo.jar
CONF=deploy/nginx/imagegate.conf
INSTANCES=3
VARIANTS=${VARIANTS:-100}
REPEATS=${REPEATS:-10}
CLIENTS=${CLIENTS:-8}
LOAD_SECONDS=${LOAD_SECONDS:-120}
WRK_SECONDS=${WRK_SECONDS:-5}
EXPIRY_AHEAD=${EXPIRY_AHEAD:-4}

say() { printf '%s\n' "$*"; }
die() { printf 'scaleout.sh: %s\n' "$*" >&2; exit 2; }
FAILED=0
check() { # description, then a command whose success is the check
  local what=$1
  shift
  if "$@"; then say "PASS  $what"; else say "FAIL  $what"; FAILED=1; fi
}

# ------------------------------------------------------------------ tools
missing=()
command -v nginx >/dev/null || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
command -v openssl >/dev/null || missing+=(openssl)
command -v unzip >/dev/null || missing+=(unzip)
if ((${#missing[@]})); then
  say "installing ${missing[*]} from Debian ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 || true
[[ -f $JAR ]] || mvn -B -q -o package -DskipTests -pl jetty-demo -am
[[ -f $JAR ]] || die "no $JAR (build: mvn -B -q package -DskipTests -pl jetty-demo -am)"

# ------------------------------------------------------------------ scratch space and cleanup
TMP=$(mktemp -d /tmp/imagegate-scaleout.XXXXXX)
PIDS=()
NGINX_PID=
cleanup() {
  set +e # a killed process's exit status must not stop the cleanup half-way
  if [[ -n $NGINX_PID ]]; then kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 755 "$TMP" # nginx's workers (user nobody) read and write its cache below
mkdir -p "$TMP/images" "$TMP/nginx"

if [[ -n ${PHOTOS:-} ]]; then
  cp "$PHOTOS"/*.jpg "$TMP/images/"
else
  unzip -q -j "$JAR" 'demo-images/gallery/*.jpg' -d "$TMP/images"
fi
mapfile -t photos < <(cd "$TMP/images" && ls)
((${#photos[@]})) || die "no photos"

# One key for all instances, random per run, handed over in the environment, never in a file.
export IMAGEGATE_SCALEOUT_KEY
IMAGEGATE_SCALEOUT_KEY=scaleout-$(openssl rand -hex 24)
KEY=$IMAGEGATE_SCALEOUT_KEY
# A render may wait up to a minute for its turn: this run is about caching, not about shedding
# load (bench/http.sh's flood is), and on a busy 2-core machine 100 cold renders queue for a while.
printf 'key=env:IMAGEGATE_SCALEOUT_KEY\nrequire-signature=true\ncache.max-bytes=128MB\nrender.queue-timeout=60s\n' \
  >"$TMP/gate.properties"

# ------------------------------------------------------------------ three instances
ports=()
for i in $(seq 1 $INSTANCES); do
  java -Xmx256m -jar "$JAR" --host 127.0.0.1 --port 0 --images "$TMP/images" \
    --config "$TMP/gate.properties" >"$TMP/instance$i.log" 2>&1 &
  PIDS+=($!)
done
for i in $(seq 1 $INSTANCES); do
  port=
  for _ in $(seq 1 120); do
    port=$(sed -n 's#^imagegate demo running: open http://localhost:\([0-9]*\)/.*#\1#p' "$TMP/instance$i.log")
    [[ -n $port ]] && break
    kill -0 "${PIDS[i - 1]}" 2>/dev/null || { cat "$TMP/instance$i.log" >&2; die "instance $i did not start"; }
    sleep 0.25
  done
  [[ -n $port ]] || die "instance $i did not start within 30 s"
  ports+=("$port")
done
stats() { curl -s --max-time 5 "http://127.0.0.1:$1/stats"; }
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
renders_total() {
  local sum=0 p
  for p in "${ports[@]}"; do sum=$((sum + $(stats "$p" | field renders))); done
  echo "$sum"
}
denials_total() { # code
  local sum=0 p n
  for p in "${ports[@]}"; do
    n=$(stats "$p" | sed -n "s/.*\"denials\":{[^}]*\"$1\":\([0-9]*\).*/\1/p")
    sum=$((sum + ${n:-0}))
  done
  echo "$sum"
}

# ------------------------------------------------------------------ nginx with deploy/nginx/imagegate.conf
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    ss -Htln "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
  die "no free port found"
}
NGINX_PORT=$(free_port)
# The deployed file with only the marked values replaced; each replacement is checked.
sed -e "s#/var/cache/nginx/imagegate#$TMP/nginx/cache#" \
  -e "s#server 127.0.0.1:8081;#server 127.0.0.1:${ports[0]};#" \
  -e "s#server 127.0.0.1:8082;#server 127.0.0.1:${ports[1]};#" \
  -e "s#server 127.0.0.1:8083;#server 127.0.0.1:${ports[2]};#" \
  -e "s#listen 127.0.0.1:8080;#listen 127.0.0.1:$NGINX_PORT;#" \
  "$CONF" >"$TMP/nginx/imagegate.conf"
for want in "$TMP/nginx/cache" "127.0.0.1:${ports[0]};" "127.0.0.1:${ports[1]};" \
  "127.0.0.1:${ports[2]};" "listen 127.0.0.1:$NGINX_PORT;"; do
  grep -qF "$want" "$TMP/nginx/imagegate.conf" || die "$CONF: could not set $want"
done
cat >"$TMP/nginx/nginx.conf" <<NGINX
worker_processes 2;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
  log_format cache '\$upstream_cache_status \$status \$upstream_addr \$request_uri';
  access_log $TMP/nginx/access.log cache;
  client_body_temp_path $TMP/nginx/body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
  include $TMP/nginx/imagegate.conf;
}
NGINX
nginx -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" -t -q \
  || die "nginx rejects the configuration"
nginx -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" &
NGINX_PID=$!
PROXY=http://127.0.0.1:$NGINX_PORT
for _ in $(seq 1 40); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$PROXY/img/x.jpg") == 000 ]] || break
  sleep 0.25
done

# ImageKit signing in the shell (checked against the jar's sign command once).
sign() { # path transformation [ik-t]
  local relative="tr:$2/$1" sig
  if [[ -n ${3:-} ]]; then
    sig=$(printf '%s%s' "$relative" "$3" | openssl dgst -sha1 -hmac "$KEY" -r | cut -d' ' -f1)
    printf '%s/img/%s?ik-t=%s&ik-s=%s\n' "$PROXY" "$relative" "$3" "$sig"
  else
    sig=$(printf '%s9999999999' "$relative" | openssl dgst -sha1 -hmac "$KEY" -r | cut -d' ' -f1)
    printf '%s/img/%s?ik-s=%s\n' "$PROXY" "$relative" "$sig"
  fi
}
jar_url=$(java -jar "$JAR" sign --config "$TMP/gate.properties" --path "${photos[0]}" \
  --tr w-120 --position path --endpoint "$PROXY/img")
[[ $jar_url == "$(sign "${photos[0]}" w-120)" ]] || die "shell signing differs from the jar's: $jar_url"

say "imagegate scale-out, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(nginx -v 2>&1), $(java -version 2>&1 | head -1)"
say "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "instances on 127.0.0.1:${ports[*]} (-Xmx256m, one key), nginx on 127.0.0.1:$NGINX_PORT with $CONF"
say "photos: ${#photos[@]} ($(cd "$TMP/images" && du -ch ./*.jpg | tail -1 | cut -f1))"

# ------------------------------------------------------------------ 1. 1,000 requests, 100 variants
say ""
say "== 1. $((VARIANTS * REPEATS)) requests over $VARIANTS distinct signed variants (each $REPEATS times, shuffled), $CLIENTS concurrent clients, through nginx"
for i in $(seq 0 $((VARIANTS - 1))); do
  sign "${photos[i % ${#photos[@]}]}" "w-$((100 + 4 * i))"
done >"$TMP/variants.txt"
for _ in $(seq 1 "$REPEATS"); do cat "$TMP/variants.txt"; done | shuf >"$TMP/load.txt"
cold=$(java bench/LoadClient.java "$TMP/load.txt" "$CLIENTS" "$LOAD_SECONDS")
say "cold: $cold"
renders=$(renders_total)
per_instance=$(for p in "${ports[@]}"; do echo "$(stats "$p" | field renders)"; done | paste -sd/)
say "renders over the three instances: $renders (per instance $per_instance)"
hits=$(sed -n 's/.*cache=.*HIT:\([0-9]*\).*/\1/p' <<<"$cold")
answered=$(sed -n 's/.*answered=\([0-9]*\).*/\1/p' <<<"$cold")
say "proxy hit ratio: ${hits:-0}/$answered = $(awk -v h="${hits:-0}" -v n="$answered" 'BEGIN { printf "%.1f%%", 100 * h / n }')"
check "all $((VARIANTS * REPEATS)) answered 200" grep -q "answered=$((VARIANTS * REPEATS)) .*status=200:$((VARIANTS * REPEATS)) " <<<"$cold"
check "total renders $renders = $VARIANTS distinct variants" test "$renders" -eq "$VARIANTS"
warm=$(java bench/LoadClient.java "$TMP/load.txt" "$CLIENTS" "$LOAD_SECONDS")
say "warm: $warm"
check "warm pass: every request a proxy HIT, no new render" \
  bash -c "grep -q 'cache=HIT:$((VARIANTS * REPEATS))\$' <<<'$warm' && test $(renders_total) -eq $VARIANTS"

# ------------------------------------------------------------------ 2. a hit through the proxy vs straight from an instance
say ""
if command -v wrk >/dev/null; then
  say "== 2. one cached variant, wrk -t2 -c16 -d${WRK_SECONDS}s: through nginx (proxy HIT) vs straight from its instance (imagegate cache hit)"
  hit=$(head -1 "$TMP/variants.txt")
  owner=$(grep -F "${hit#"$PROXY"}" "$TMP/nginx/access.log" | awk '$1 == "MISS" { print $3; exit }')
  [[ -n $owner ]] || die "no instance rendered $hit"
  wrk_line() { # url -> "requests/s p99"
    wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency "$1" >"$TMP/wrk.txt"
    grep -q Non-2xx "$TMP/wrk.txt" && say "WARNING: $(grep Non-2xx "$TMP/wrk.txt")"
    awk '/^Requests\/sec:/ { r = $2 } $1 == "99%" { p = $2 } END { print r, p }' "$TMP/wrk.txt"
  }
  wrk -t2 -c16 -d"${WRK_SECONDS}s" "http://$owner${hit#"$PROXY"}" >/dev/null # JIT warm-up
  read -r proxy_rps proxy_p99 <<<"$(wrk_line "$hit")"
  read -r direct_rps direct_p99 <<<"$(wrk_line "http://$owner${hit#"$PROXY"}")"
  printf '%-28s %12s %10s\n' "" "requests/s" "p99"
  printf '%-28s %12s %10s\n' "nginx proxy_cache HIT" "$proxy_rps" "$proxy_p99"
  printf '%-28s %12s %10s\n' "instance $owner" "$direct_rps" "$direct_p99"
  awk -v a="$proxy_rps" -v b="$direct_rps" 'BEGIN { printf "proxy hit / instance hit: %.2fx\n", a / b }'
else
  say "== 2. skipped: wrk is not installed"
fi

# ------------------------------------------------------------------ 3. an expiring URL
say ""
expires_at=$(($(date +%s) + EXPIRY_AHEAD))
expiring=$(sign "${photos[0]}" "w-333" "$expires_at")
say "== 3. expiring URL, ik-t=$expires_at ($EXPIRY_AHEAD s ahead), polled every 0.25 s until ik-t + 2 s"
curl -s -o /dev/null --max-time 10 "$expiring"
sleep 2
curl -s -o /dev/null -D "$TMP/expiring-headers.txt" --max-time 10 "$expiring"
say "headers of a hit from the proxy's cache 2 s later, as a browser behind it gets them:"
grep -iE '^(HTTP|Date|Cache-Control|Expires|Age|X-Cache-Status)' "$TMP/expiring-headers.txt" | tr -d '\r' | sed 's/^/    /'
# How long that browser may keep it: max-age (minus Age) wins over Expires - Date (RFC 9111 4.2.1).
header() { sed -n "s/^$1: //Ip" "$TMP/expiring-headers.txt" | tr -d '\r'; }
date_s=$(date -d "$(header Date)" +%s)
max_age=$(header Cache-Control | sed -n 's/.*max-age=\([0-9]*\).*/\1/p')
if [[ -n $max_age ]]; then
  browser_until=$((date_s + max_age - $(header Age | grep . || echo 0)))
elif [[ -n $(header Expires) ]]; then
  browser_until=$(date -d "$(header Expires)" +%s)
else
  browser_until=$date_s
fi
say "    a browser may keep it until $browser_until; ik-t is $expires_at"
check "expiring URL: a browser behind the proxy may keep it no longer than ik-t" \
  test "$browser_until" -le "$expires_at"
etag=$(header ETag)
conditional() { curl -s -o /dev/null --max-time 5 -H "If-None-Match: $etag" -w '%{http_code} %header{x-cache-status}' "$expiring"; }
fresh_conditional=$(conditional)
say "    If-None-Match with its ETag before ik-t: $fresh_conditional"
check "expiring URL: a browser's revalidation before ik-t is a 304" test "${fresh_conditional%% *}" = 304
: >"$TMP/poll.txt"
while (($(date +%s) <= expires_at + 2)); do
  before=$(date +%s.%N)
  line=$(curl -s -o /dev/null --max-time 5 -w '%{http_code} %header{x-cache-status}' "$expiring" || echo "000 -")
  printf '%s %s %s\n' "$before" "$(date +%s.%N)" "$line" >>"$TMP/poll.txt"
  sleep 0.25
done
# Sent and answered within the seconds <= ik-t: 200. Sent in a second after ik-t: never 200.
awk -v t="$expires_at" '{ s = int($1); e = int($2); k = (e <= t) ? "valid" : (s > t) ? "expired" : "edge"; n[k " " $3 " " $4]++ }
  END { for (x in n) print "    " x ": " n[x] }' "$TMP/poll.txt" | sort
check "expiring URL: 200 every time before ik-t" \
  test "$(awk -v t="$expires_at" 'int($2) <= t && $3 != 200' "$TMP/poll.txt" | wc -l)" -eq 0
check "expiring URL: never a 200 (cached or not) after ik-t, and never a proxy HIT" \
  test "$(awk -v t="$expires_at" 'int($1) > t && ($3 == 200 || $4 == "HIT")' "$TMP/poll.txt" | wc -l)" -eq 0
check "expiring URL: the proxy answered after ik-t at all" \
  test "$(awk -v t="$expires_at" 'int($1) > t && $3 == 401' "$TMP/poll.txt" | wc -l)" -gt 0
late_conditional=$(conditional)
say "    If-None-Match with its ETag after ik-t: $late_conditional"
check "expiring URL: a revalidation after ik-t is refused (401), never a 304" \
  test "${late_conditional%% *}" = 401

# ------------------------------------------------------------------ 4. f-auto through one proxy
say ""
say "== 4. f-auto: the same URL for a client that accepts WebP, one that does not, and one that accepts AVIF"
auto=$(sign "${photos[1]}" "w-320,f-auto")
negotiate() { # label accept-header
  local i
  for i in 1 2; do
    curl -s --max-time 10 -H "Accept: $2" -o "$TMP/auto.bin" -D "$TMP/auto.h" "$auto"
    printf '    %-22s request %s: %s, %s, Vary: %s, X-Cache-Status: %s, magic %s\n' "$1" "$i" \
      "$(sed -n 's/^HTTP[^ ]* \([0-9]*\).*/\1/p' "$TMP/auto.h" | tr -d '\r')" \
      "$(sed -n 's/^content-type: //Ip' "$TMP/auto.h" | tr -d '\r')" \
      "$(sed -n 's/^vary: //Ip' "$TMP/auto.h" | tr -d '\r')" \
      "$(sed -n 's/^x-cache-status: //Ip' "$TMP/auto.h" | tr -d '\r')" \
      "$(head -c 12 "$TMP/auto.bin" | od -An -c | tr -s ' ' | tr -d '\n' | sed 's/^ //')"
  done
}
# The WebP client names WebP but not AVIF (as Safari 14-15 and older Chrome do): one that names
# AVIF gets AVIF where the instances encode it (libavif installed), which is checked apart.
negotiate "webp client" "image/webp,image/apng,*/*;q=0.8" | tee "$TMP/auto-webp.txt"
negotiate "no-webp client" "image/jpeg,image/png,*/*;q=0.5" | tee "$TMP/auto-jpeg.txt"
negotiate "webp client again" "image/webp,image/apng,*/*;q=0.8" | tee -a "$TMP/auto-webp.txt"
negotiate "avif client" "image/avif,image/webp,image/apng,*/*;q=0.8" | tee "$TMP/auto-avif.txt"
check "f-auto: WebP (RIFF....WEBP) every time to the client that accepts it" \
  test "$(grep -c 'image/webp, Vary: Accept.*magic R I F F .* W E B P' "$TMP/auto-webp.txt")" -eq 4
check "f-auto: JPEG (FF D8) every time to the client that does not" \
  test "$(grep -c 'image/jpeg, Vary: Accept.*magic 377 330' "$TMP/auto-jpeg.txt")" -eq 2
check "f-auto: AVIF (ftypavif) or, without an AVIF encoder, WebP every time to a client that accepts AVIF" \
  test "$(grep -c -e 'image/avif, Vary: Accept.*magic .*f t y p a v i f' -e 'image/webp, Vary: Accept.*magic R I F F .* W E B P' "$TMP/auto-avif.txt")" -eq 2
check "f-auto: the repeats came from the proxy's cache" \
  test "$(cat "$TMP/auto-webp.txt" "$TMP/auto-jpeg.txt" "$TMP/auto-avif.txt" | grep -c 'request 2: .*HIT')" -eq 4

# ------------------------------------------------------------------ 5. errors are never cached
say ""
say "== 5. errors through the proxy, each sent 3 times"
good=$(sign "${photos[0]}" "w-150")
tampered=${good%?}$([[ ${good: -1} == 0 ]] && echo 1 || echo 0)
missing=$(sign "no-such-photo.jpg" "w-150")
error_run() { # label url code
  local before after i line lines=()
  before=$(denials_total "$3")
  for i in 1 2 3; do
    line=$(curl -s -o /dev/null -D "$TMP/err.h" --max-time 10 -w '%{http_code} %header{x-cache-status}' "$2")
    lines+=("$line/$(sed -n 's/^cache-control: //Ip' "$TMP/err.h" | tr -d '\r')")
  done
  after=$(denials_total "$3")
  say "    $1: ${lines[*]}; the instances counted $((after - before)) new $3 refusals"
  [[ "${lines[*]}" != *HIT* && $((after - before)) -eq 3 ]]
}
check "tampered signature: 401 every time, from an instance, never from the cache" \
  error_run "tampered signature" "$tampered" signature_invalid
check "missing file: 404 every time, from an instance, never from the cache" \
  error_run "missing file" "$missing" not_found

say ""
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if ((FAILED)); then say "RESULT: some checks FAILED"; exit 1; fi
say "RESULT: all checks passed"
