#!/usr/bin/env bash
# The convnet (dataset-distillation) protocol trained on the whole Fashion-MNIST training set, three
# seeds: the "whole dataset" reference row next to the reconstructions and the equal-byte baselines.
#
# With the default epochs (5 for 60,000 images; see `lgc evaluate --help`) that is
# 3 runs x 5 epochs x 235 steps = 3,525 SGD steps of 256 images, plus 3 predictions of the test set.
# Measured on the shared 2-core VM while other jobs ran (load average 6-7): 4.25 s per step (0.24 steps/s),
# i.e. about 4.2 hours; probably 2-2.5 hours on an otherwise idle machine (not measured).
# EPOCHS=N overrides the default (the run's time grows in proportion).
#
# Writes bench/results/convnet-full.json (the evaluate JSON) and bench/results/convnet-full.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mkdir -p bench/results
extra=()
if [[ -n "${EPOCHS:-}" ]]; then
  extra+=(--epochs "$EPOCHS")
fi
./lgc evaluate --train fashion-mnist/train --test fashion-mnist/test --protocol convnet --repeats 3 \
  ${extra[@]+"${extra[@]}"} --json bench/results/convnet-full.json 2>&1 | tee bench/results/convnet-full.log
