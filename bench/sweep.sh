#!/usr/bin/env bash
# The committed Fashion-MNIST rate-accuracy sweep: LGC (autoencoder and PCA decoders; latent 8, 16, 32;
# 1 and 5 components; int8, the default storage) against random real subsets and k-center coresets at 1,
# 5, 10, 20, 50 and 100 images per class, every point evaluated with the fast protocol (seed 1) on the real
# test set. Storage precision is measured apart (bench/precision.sh: fp32 is 3x the bytes for +0.4 points).
#
# Resumable: rerun after an interruption and it continues at the point it was on. The sweep directory
# defaults to ./lgc-sweep (SWEEP_DIR overrides). When complete, copies sweep.json, sweep.png and sweep.md
# to bench/results/fashion-mnist-sweep.{json,png,md}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dir="${SWEEP_DIR:-lgc-sweep}"
./lgc sweep fashion-mnist/train --test fashion-mnist/test -o "$dir" --precisions int8 --per-class 3000
mkdir -p bench/results
cp "$dir/sweep.json" bench/results/fashion-mnist-sweep.json
cp "$dir/sweep.png" bench/results/fashion-mnist-sweep.png
cp "$dir/sweep.md" bench/results/fashion-mnist-sweep.md
