#!/usr/bin/env bash
# Would the demo's stages gain from running side by side on one thread each? Compresses Fashion-MNIST for one
# epoch (--epochs 1 --feature-epochs 1) with libtorch at 1 and at 2 intra-op threads, alternately, and prints
# the training time, the process's CPU time and the last training loss of each run (thread counts change
# libtorch's reductions, so losses differ slightly between them).
# Usage: bench/speed/threads.sh [ROUNDS]   (default 2; results of 2026-12-05 in bench/results/speed-threads.txt)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
"$root/lgc" --version > /dev/null   # build outside the timed runs
source tools/native-env.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for ((round = 1; round <= ${1:-2}; round++)); do
  for threads in 2 1; do
    /usr/bin/time -f "%U %S" -o "$work/time" java -Djava.awt.headless=true -Dai.djl.offline=true \
      -Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1 \
      -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" io.lgc.cli.Main compress fashion-mnist/train \
      -o "$work/t.lgc" --force --epochs 1 --feature-epochs 1 --seed 1 > "$work/out" 2> "$work/err"
    read -r user sys < "$work/time"
    train="$(grep -o 'train autoencoder [0-9.]* s' "$work/out")"
    loss="$(tr '\r' '\n' < "$work/err" | grep -o 'autoencoder epoch 1/1: train loss [0-9.]*' | tail -1)"
    echo "threads $threads: $train; CPU user $user s, system $sys s; $loss; load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
