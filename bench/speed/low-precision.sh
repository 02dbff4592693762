#!/usr/bin/env bash
# Issue 13: one training step of the default autoencoder's widest convolution in float32, float16 and bfloat16
# (bench/speed/LowPrecision.java), each type in its own JVM, ROUNDS rounds interleaved; a type whose cast
# ends the process is reported with its exit status and the last line it printed. Beside each, the same step in
# plain PyTorch (bench/speed/low_precision.py, Debian's python3-torch): what the engine could do without DJL.
#
# Usage: bench/speed/low-precision.sh [ROUNDS] [JAR_DIR]     (results: bench/results/speed-low-precision.txt)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-3}"
"$root/lgc" --version >/dev/null || exit 1 # builds when needed
jars="${2:-$root/lgc-cli/target}"
out="$root/bench/results/speed-low-precision.txt"
work="$(mktemp -d "${TMPDIR:-/tmp}/lgc-lowp.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# shellcheck source=tools/native-env.sh
source "$root/tools/native-env.sh"
cores="$(nproc)"
{
  echo "# bench/speed/low-precision.sh $rounds; $(date -u +%FT%TZ); commit $(git -C "$root" rev-parse --short HEAD);" \
    "$cores cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for ((r = 1; r <= rounds; r++)); do
    for type in float32 float16 bfloat16; do
      java -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$cores" \
        -Dai.djl.pytorch.num_interop_threads=1 -cp "$jars/lgc.jar:$jars/lib/*" \
        "$root/bench/speed/LowPrecision.java" "$type" >"$work/out" 2>&1
      rc=$?
      line="$(grep -v 'NNPACK\|WARN' "$work/out" | tail -1)"
      echo "round $r, $type, exit $rc: $line"
      echo "round $r, $type, python: $(/usr/bin/python3 "$root/bench/speed/low_precision.py" "$type" 2>&1 | tail -1)"
    done
  done
  echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"
