#!/usr/bin/env bash
# What asking malloc for transparent huge pages (GLIBC_TUNABLES=glibc.malloc.hugetlb=1, set by
# tools/native-env.sh) does to a ConvNet training step, and that it changes no result.
#
# 1. Speed: for each setting, starts the convnet protocol on the whole Fashion-MNIST training set,
#    and over a 30 s window (after 15 s of start-up) counts SGD steps and reads the process's minor
#    page faults, user and system CPU seconds from /proc/PID/stat. Needs an otherwise idle machine.
# 2. Same results: with the tunable on and off, reconstructs 200 images per class from a small
#    artifact and trains both protocols for 2 epochs on them; files and JSONs must be identical.
# Usage: bench/hugepages.sh   (about 6 minutes; writes bench/results/hugepages.txt)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./lgc --version >/dev/null # builds when needed
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out=bench/results/hugepages.txt
: > "$out.tmp"
say() { echo "$@" | tee -a "$out.tmp"; }
ticks="$(getconf CLK_TCK)"

# probe LABEL ENV...: one 30 s window of convnet training under `env ENV... ./lgc`.
probe() {
  local label="$1"
  shift
  env "$@" ./lgc evaluate --train fashion-mnist/train --test fashion-mnist/test --protocol convnet \
    --seed 9 > "$work/probe.log" 2>&1 &
  local launcher=$!
  sleep 15
  local pid
  pid="$(pgrep -P "$launcher" java || echo "$launcher")"
  read -r f1 u1 s1 < <(awk '{print $10, $14, $15}' "/proc/$pid/stat")
  local n1
  n1="$(tr '\r' '\n' < "$work/probe.log" | grep -c 'convnet epoch' || true)"
  sleep 30
  read -r f2 u2 s2 < <(awk '{print $10, $14, $15}' "/proc/$pid/stat")
  local n2
  n2="$(tr '\r' '\n' < "$work/probe.log" | grep -c 'convnet epoch' || true)"
  kill "$pid" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
  say "$(printf '%-48s %6d steps %10d faults %6.1f user s %6.1f system s' "$label" $((n2 - n1)) $((f2 - f1)) \
    "$(echo "($u2 - $u1) / $ticks" | bc -l)" "$(echo "($s2 - $s1) / $ticks" | bc -l)")"
}

say "transparent_hugepage: $(cat /sys/kernel/mm/transparent_hugepage/enabled); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "30 s of convnet training (batch 256) on fashion-mnist/train, per setting:"
probe "hugetlb=0 (./lgc before the change)" GLIBC_TUNABLES=glibc.malloc.hugetlb=0
probe "hugetlb=0, MALLOC_MMAP_MAX_=0 (no mmap at all)" GLIBC_TUNABLES=glibc.malloc.hugetlb=0 MALLOC_MMAP_MAX_=0
probe "hugetlb=1 (./lgc now)" GLIBC_TUNABLES=glibc.malloc.hugetlb=1

say "same results with and without:"
./lgc baseline random-subset fashion-mnist/train --bytes 784000 -o "$work/subset" -q > /dev/null
./lgc compress "$work/subset" -o "$work/small.lgc" --epochs 2 --feature-epochs 0 --seed 1 -q > /dev/null
for mode in 0 1; do
  export GLIBC_TUNABLES="glibc.malloc.hugetlb=$mode"
  ./lgc reconstruct "$work/small.lgc" -o "$work/r$mode" --per-class 200 --seed 5 -q > /dev/null 2>&1
  for protocol in convnet fast; do
    ./lgc evaluate --train "$work/r$mode" --test fashion-mnist/test --protocol "$protocol" --epochs 2 --seed 3 \
      -q --json "$work/$protocol$mode.json" > /dev/null
  done
done
for f in "$work"/r0/*; do
  cmp -s "$f" "$work/r1/$(basename "$f")" && say "  identical: $(basename "$f")" || say "  DIFFERENT: $(basename "$f")"
done
for protocol in convnet fast; do
  say "  $protocol: $(python3 - "$work/${protocol}0.json" "$work/${protocol}1.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for d in (a, b):
    d.pop("seconds", None)
print(("identical JSON apart from seconds" if a == b else "DIFFERENT JSON") + ", accuracy %.2f %% / %.2f %%"
      % (100 * a["accuracy"], 100 * b["accuracy"]))
PY
)"
done
mv "$out.tmp" "$out"
