#!/usr/bin/env bash
# Cold 300x300 (q80) thumbnails of the 16 MP photo, imagegate against vipsthumbnail, side by side:
#
#   bash bench/thumbnail.sh            # photo from ../shared/corpus/photos (PHOTO=... to override)
#
# Two sources: the progressive photo as shipped, and the same photo re-encoded as a baseline JPEG
# (vips copy ...[Q=92,strip]). Per source and round: imagegate's ThumbnailBenchmark (JMH, one
# calling thread, shrink-on-load, the backend given by BACKEND: native or java; HELPER=true, the
# default, lets the first resample hand half its rows to a helper thread as the filter's renders do
# on a multi-core machine, HELPER=false keeps it on the calling thread), then vipsthumbnail
# rendering ten copies in one process (--crop, Q=80, libvips' default threads; wall time / 10,
# median of VIPS_RUNS). ROUNDS interleaved rounds; the medians and their ratio at the end.
# Installs libvips-tools from Debian when missing. Bounded: about 40 s per source and round.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
PHOTO=${PHOTO:-../shared/corpus/photos/nature-dandelion-seeds.jpg}
ROUNDS=${ROUNDS:-3}
VIPS_RUNS=${VIPS_RUNS:-3}
BACKEND=${BACKEND:-native}
HELPER=${HELPER:-true}

say() { printf '%s\n' "$*"; }
die() { printf 'thumbnail.sh: %s\n' "$*" >&2; exit 1; }

[[ -f $PHOTO ]] || die "no photo $PHOTO (set PHOTO=...)"
if ! command -v vipsthumbnail >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvips-tools >/dev/null
fi
mvn -B -q -o -pl filter-core -am test-compile
mvn -B -q -o -pl filter-core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$(pwd)/filter-core/target/bench-classpath.txt"
CP="filter-core/target/test-classes:filter-core/target/classes:$(cat filter-core/target/bench-classpath.txt)"

TMP=$(mktemp -d /tmp/imagegate-thumbnail.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
cp "$PHOTO" "$TMP/progressive.jpg"
vips copy "$PHOTO" "$TMP/baseline.jpg[Q=92,strip]"

imagegate_ms() { # source file -> mean ms per thumbnail (JMH)
  java -cp "$CP" org.openjdk.jmh.Main ThumbnailBenchmark -p shrinkOnLoad=true -p backend="$BACKEND" -p helper="$HELPER" \
    -wi 3 -w 2 -i 5 -r 2 -f 1 -jvmArgsAppend "-Dimagegate.bench.photo=$1" 2>&1 |
    awk '/^ThumbnailBenchmark.thumbnail300/ {print $(NF-3)}'
}

vips_ms() { # source file -> median of VIPS_RUNS, wall ms per image for ten copies in one process
  local copies=()
  : >"$TMP/vips.runs"
  for i in $(seq 1 10); do cp "$1" "$TMP/copy$i.jpg"; copies+=("$TMP/copy$i.jpg"); done
  for _ in $(seq 1 "$VIPS_RUNS"); do
    local start end ms
    start=$(date +%s%N)
    vipsthumbnail -s 300x300 --crop -o "$TMP/out_%s.jpg[Q=80]" "${copies[@]}"
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    echo "$ms" >>"$TMP/vips.runs"
  done
  awk -v t="$(median <"$TMP/vips.runs")" 'BEGIN {printf "%.1f", t / 10}'
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

say "imagegate ThumbnailBenchmark ($BACKEND, shrink-on-load, helper=$HELPER) vs vipsthumbnail, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
say "$(java -version 2>&1 | head -1); $(vips --version)"
say "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for source in baseline progressive; do
  : >"$TMP/$source.ig"
  : >"$TMP/$source.vips"
  for round in $(seq 1 "$ROUNDS"); do
    ig=$(imagegate_ms "$TMP/$source.jpg")
    vp=$(vips_ms "$TMP/$source.jpg")
    [[ -n $ig ]] || die "JMH printed no result for $source"
    say "$(printf '%-12s round %d: imagegate %8s ms   vipsthumbnail %8s ms   ratio %s' "$source" "$round" "$ig" "$vp" \
      "$(awk -v a="$ig" -v b="$vp" 'BEGIN {printf "%.2fx", a / b}')")"
    echo "$ig" >>"$TMP/$source.ig"
    echo "$vp" >>"$TMP/$source.vips"
  done
  ig=$(median <"$TMP/$source.ig")
  vp=$(median <"$TMP/$source.vips")
  say "$(printf '%-12s median:  imagegate %8s ms   vipsthumbnail %8s ms   imagegate / vips: %s (target <= 1.0x)' "$source" "$ig" "$vp" \
    "$(awk -v a="$ig" -v b="$vp" 'BEGIN {printf "%.2fx", a / b}')")"
done
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
