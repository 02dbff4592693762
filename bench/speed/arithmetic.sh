#!/usr/bin/env bash
# Issue 13: `lgc reconstruct` of one file computed fused and layerwise (header decoder_arithmetic), side by side.
# Writes FILE's twin with the other arithmetic (bench/speed/Arithmetic.java, the same weights bit for bit),
# then times `lgc reconstruct` of 60,000 images (bench/reconstruct-speed.sh) of each, alternating, ROUNDS
# times, and counts the uint8 pixels in which the two reconstructions differ.
# Usage: bench/speed/arithmetic.sh FILE.lgc [ROUNDS]   (results of 2026-12-07 in bench/results/speed-arithmetic.txt)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
file="${1:?usage: bench/speed/arithmetic.sh FILE.lgc [ROUNDS]}"
rounds="${2:-3}"
"$root/lgc" --version > /dev/null 2>&1 || { echo "lgc does not build" >&2; exit 1; }   # build outside the timed runs
work="$(mktemp -d "${TMPDIR:-/tmp}/lgc-arith.XXXXXX")"
trap 'rm -rf "$work"' EXIT
info="$("$root/lgc" inspect "$file")"
arithmetic="$(sed -n 's/^decoder arithmetic: //p' <<< "$info")"
other=fused
[[ "$arithmetic" == fused ]] && other=layerwise
precision="$(sed -n 's/^precision: \([a-z0-9]*\) decoder, \([a-z0-9]*\) mixtures.*/\1 \2/p' <<< "$info")"
read -r decoder mixtures <<< "$precision"
java -cp "$root/lgc-cli/target/lgc.jar:$root/lgc-cli/target/lib/*" "$root/bench/speed/Arithmetic.java" \
  "$file" "$work/twin.lgc" "$other" "$decoder" "$mixtures" > /dev/null
declare -A path=([$arithmetic]="$file" [$other]="$work/twin.lgc")
echo "# bench/speed/arithmetic.sh $file $rounds; $(date -u +%FT%TZ); commit $(git -C "$root" rev-parse --short HEAD); $(nproc) cores"
for ((r = 1; r <= rounds; r++)); do
  order=(layerwise fused)
  ((r % 2)) || order=(fused layerwise)
  for a in "${order[@]}"; do
    echo "round $r, $a: $("$root/bench/reconstruct-speed.sh" "${path[$a]}")"
  done
done
for a in layerwise fused; do
  "$root/lgc" reconstruct "${path[$a]}" -o "$work/$a" --per-class 6000 --seed 1 --format npz --quiet > /dev/null
done
/usr/bin/python3 - "$work/layerwise/train.npz" "$work/fused/train.npz" <<'PY'
import sys
import numpy as np
a, b = (np.load(p)["x"].astype(int) for p in sys.argv[1:3])
d = a - b
print("uint8 pixels that differ between the two: %d of %d (%.1e), by at most %d level(s)"
      % ((d != 0).sum(), d.size, (d != 0).mean(), np.abs(d).max()))
PY
