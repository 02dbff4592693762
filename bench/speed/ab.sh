#!/usr/bin/env bash
# Before/after of one change: runs bench/speed/run.sh alternately on an older build (a folder with
# lgc.jar and lib/, e.g. copied from lgc-cli/target before the change) and on this checkout's build,
# ROUNDS times each, one round per call so that both see the same load; the lines go to
# bench/results/speed-LABEL.txt. KINDS, STEPS_*, DECODE_N and RECONSTRUCT_N pass through to run.sh;
# BEFORE_ENV (e.g. "MALLOC_ARENA_MAX=0 MALLOC_MMAP_MAX_=65536") is set for the before side only, so
# OLD_JAR_DIR may be this checkout's own build (lgc-cli/target) to compare environments.
#
# Usage: bench/speed/ab.sh LABEL OLD_JAR_DIR [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
label="${1:?usage: bench/speed/ab.sh LABEL OLD_JAR_DIR [ROUNDS]}"
old="${2:?usage: bench/speed/ab.sh LABEL OLD_JAR_DIR [ROUNDS]}"
rounds="${3:-3}"
out="$root/bench/results/speed-$label.txt"
: > "$out.tmp"
for ((r = 1; r <= rounds; r++)); do
  for side in before after; do
    jars="$root/lgc-cli/target"
    [[ "$side" == before ]] && jars="$old"
    before_env=()
    [[ "$side" == before ]] && read -r -a before_env <<< "${BEFORE_ENV:-}"
    env "${before_env[@]}" "$root/bench/speed/run.sh" "ab-$side" 1 "$jars" | sed "s/^/$side: /" | tee -a "$out.tmp"
  done
  rm -f "$root/bench/results/speed-ab-before.txt" "$root/bench/results/speed-ab-after.txt"
done
mv "$out.tmp" "$out"
