#!/usr/bin/env bash
# Issue 16's frontier on Fashion-MNIST: for each budget of 1, 5, 10, 20, 50 and 100 images per class, the
# file `lgc compress --budget B --seed 1` writes (the most accurate setting measured that fits; budgets
# that start from the same setting share its file), beside random real subsets and k-center coresets of
# the same bytes, every point judged with the fast protocol (seed 1) on the real test set, as
# bench/sweep.sh judges its grid (3,000 draws a class, 10 epochs). Trains the 78,400 B and 392,000 B
# settings (24 epochs each): about an hour on 2 idle cores.
#
# Resumable: rerun after an interruption and it continues at the point it was on. The sweep directory
# defaults to ./lgc-frontier (SWEEP_DIR overrides; LGC the command, ./lgc by default). When complete,
# copies sweep.json, sweep.png and sweep.md to bench/results/fashion-mnist-frontier.{json,png,md}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dir="${SWEEP_DIR:-lgc-frontier}"
${LGC:-./lgc} sweep fashion-mnist/train --test fashion-mnist/test -o "$dir" --decoders none --frontier --per-class 3000
mkdir -p bench/results
cp "$dir/sweep.json" bench/results/fashion-mnist-frontier.json
cp "$dir/sweep.png" bench/results/fashion-mnist-frontier.png
cp "$dir/sweep.md" bench/results/fashion-mnist-frontier.md
