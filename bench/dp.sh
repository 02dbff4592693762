#!/usr/bin/env bash
# Differentially private files (compress --epsilon) on Fashion-MNIST: accuracy of a classifier trained
# on their reconstruction (fast protocol, seeds 1-3, 60,000 samples) at several epsilons, delta 1e-5,
# against the non-private PCA file of the same latent size (k = 16, K = 1), and the audit of one DP file.
# Usage: bench/dp.sh [EPSILON ...]   (default: 1 10)
# Results: bench/results/dp/*.json, bench/results/dp.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="${LGC_BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$work"
source "$root/bench/snapshot.sh"
out=bench/results/dp
mkdir -p "$out"

point() { # point NAME [compress options...]
  local name="$1"; shift
  [[ -f "$out/$name.json" ]] && { echo "$out/$name.json exists, skipped"; return; }
  [[ -f "$work/$name.lgc" ]] || lgc compress fashion-mnist/train -o "$work/$name.lgc" --seed 1 -q "$@" \
    > "$out/$name.compress.txt"
  rm -rf "$work/$name-recon"
  lgc reconstruct "$work/$name.lgc" -o "$work/$name-recon" --per-class auto --seed 1 -q > /dev/null
  lgc evaluate --train "$work/$name-recon" --test fashion-mnist/test --seed 1 --repeats 3 \
    --json "$out/$name.json" --force -q
}

point pca-k16-K1 --decoder pca --components 1
for eps in "${@:-1 10}"; do
  point "dp-eps$eps" --epsilon "$eps" --delta 1e-5
done
[[ -f "$out/audit-dp-eps1.json" ]] || lgc audit "$work/dp-eps1.lgc" --train fashion-mnist/train \
  --holdout fashion-mnist/test --json "$out/audit-dp-eps1.json" --force -q | tee "$out/audit-dp-eps1.txt"

/usr/bin/python3 - "$out" <<'PY' > bench/results/dp.md
import json, os, sys
out = sys.argv[1]
print("| file | bytes | accuracy (fast, seeds 1-3) |")
print("|---|---:|---:|")
for name in sorted(f[:-5] for f in os.listdir(out) if f.endswith(".json") and not f.startswith("audit")):
    r = json.load(open(os.path.join(out, name + ".json")))
    size = "?"
    txt = os.path.join(out, name + ".compress.txt")
    if os.path.exists(txt):
        for line in open(txt):
            if line.startswith("wrote "):
                size = line.split(": ", 1)[1].strip()
    print("| %s | %s | %.2f %% +/- %.2f |" % (name, size, 100 * r["accuracy"], 100 * r["accuracy_std"]))
PY
cat bench/results/dp.md
