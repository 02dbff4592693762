#!/usr/bin/env bash
# The convnet (dataset-distillation) protocol trained on the whole Fashion-MNIST training set, three
# seeds: the "whole dataset" reference row next to the reconstructions and the equal-byte baselines.
#
# With the default epochs (5 for 60,000 images; see `lgc evaluate --help`) one seed is 5 x 235 = 1,175 SGD
# steps of 256 images plus one prediction of the test set. Measured on an idle 2-core machine: about
# 0.46 s per step, 9 minutes per seed (bench/results/convnet-full.txt). EPOCHS=N overrides the default
# (the time grows in proportion) and names the results convnet-full-Nep*.
#
# Resumable: each seed runs as its own process and writes bench/results/NAME-seedS.json (the evaluate
# JSON); seeds whose file exists are skipped, so the three can run in separate sittings. When all three
# exist, bench/results/NAME.json gets their mean and population standard deviation.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mkdir -p bench/results
extra=()
name=convnet-full
if [[ -n "${EPOCHS:-}" ]]; then
  extra+=(--epochs "$EPOCHS")
  name="convnet-full-${EPOCHS}ep"
fi
for seed in 1 2 3; do
  out="bench/results/$name-seed$seed.json"
  if [[ -f "$out" ]]; then
    echo "seed $seed: $out exists, skipped"
    continue
  fi
  ./lgc evaluate --train fashion-mnist/train --test fashion-mnist/test --protocol convnet --seed "$seed" \
    ${extra[@]+"${extra[@]}"} --json "$out" 2>&1 | tee "bench/results/$name-seed$seed.log"
done
NAME="$name" python3 - <<'PY'
import json, math, os
name = os.environ["NAME"]
runs = [json.load(open("bench/results/%s-seed%d.json" % (name, s))) for s in (1, 2, 3)]
acc = [r["accuracy"] for r in runs]
mean = sum(acc) / len(acc)
std = math.sqrt(sum((a - mean) ** 2 for a in acc) / len(acc))
summary = {"protocol": "convnet", "seeds": [1, 2, 3], "accuracies": acc, "accuracy": mean, "accuracy_std": std,
           "epochs": runs[0].get("epochs"), "train_size": runs[0].get("train_size")}
json.dump(summary, open("bench/results/%s.json" % name, "w"), indent=2)
print("convnet, full real training set, %s epochs, 3 seeds: %.2f %% +/- %.2f %%" % (summary["epochs"], 100 * mean, 100 * std))
PY
