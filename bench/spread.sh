#!/usr/bin/env bash
# Does a wider sampling spread (reconstruct --spread 1.2) help beyond Fashion-MNIST's ConvNet A/B?
# The fast protocol, classifier seeds 1-3, spread 1.0 against 1.2 on the same reconstruction seed, for
#   fashion: the defaults' file of Fashion-MNIST (./lgc compress fashion-mnist/train --seed 1), 6,000 per class;
#   digits:  scikit-learn's 8x8 digits (1,347 train / 450 test, as bench/privacy.sh splits them), the autoencoder (the default until 2026-12-05);
#   table:   scikit-learn's breast-cancer table (30 features, 2 classes; 400 train / 169 test), defaults.
# Usage: bench/spread.sh [fashion|digits|table ...]   (default: all three)
# Results: bench/results/spread/*.json and bench/results/spread.md (mean ± sd per spread, paired differences).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="${SPREAD_WORK:-/tmp/lgc-spread-work}"
out=bench/results/spread
mkdir -p "$work" "$out"
./lgc --version > /dev/null

point() { # point NAME ARTIFACT TEST PER_CLASS [evaluate options...]
  local name=$1 artifact=$2 test=$3 per_class=$4
  shift 4
  for spread in 1.0 1.2; do
    local recon="$work/$name-recon-$spread"
    [[ -f "$recon.done" ]] || { rm -rf "$recon"; ./lgc reconstruct "$artifact" -o "$recon" --per-class "$per_class" \
      --seed 1 --spread "$spread" -q > /dev/null; touch "$recon.done"; }
    for seed in 1 2 3; do
      local json="$out/$name-spread$spread-seed$seed.json"
      [[ -f "$json" ]] && continue
      ./lgc evaluate --train "$recon" --test "$test" --seed "$seed" "$@" -q --json "$json.tmp" > /dev/null
      mv "$json.tmp" "$json"
      echo "$name spread $spread seed $seed: $(python3 -c "import json,sys; print(round(100*json.load(open(sys.argv[1]))['accuracy'],2))" "$json") %"
    done
  done
}

fashion() {
  [[ -f "$work/fashion.lgc" ]] || ./lgc compress fashion-mnist/train -o "$work/fashion.lgc" --seed 1 -q > /dev/null
  point fashion "$work/fashion.lgc" fashion-mnist/test 6000
}

digits() {
  [[ -d "$work/digits" ]] || /usr/bin/python3 "$root/bench/make_digits.py" "$work/digits"
  [[ -f "$work/digits.lgc" ]] || ./lgc compress "$work/digits/train/train.npz" -o "$work/digits.lgc" --decoder autoencoder --seed 1 -q > /dev/null
  point digits "$work/digits.lgc" "$work/digits/test/test.npz" 135
}

table() {
  if [[ ! -f "$work/cancer-train.csv" ]]; then
    /usr/bin/python3 - "$work" <<'PY'
import sys, numpy as np
from sklearn.datasets import load_breast_cancer
d = load_breast_cancer()
order = np.random.default_rng(0).permutation(len(d.target))
header = ",".join(f"f{j}" for j in range(d.data.shape[1])) + ",label"
for name, idx in (("train", order[:400]), ("test", order[400:])):
    with open(f"{sys.argv[1]}/cancer-{name}.csv", "w") as f:
        f.write(header + "\n")
        for i in idx:
            f.write(",".join("%.6g" % v for v in d.data[i]) + "," + d.target_names[d.target[i]] + "\n")
PY
  fi
  [[ -f "$work/cancer.lgc" ]] || ./lgc compress "$work/cancer-train.csv" -o "$work/cancer.lgc" --seed 1 -q > /dev/null
  point table "$work/cancer.lgc" "$work/cancer-test.csv" 200
}

for what in "${@:-fashion digits table}"; do
  for w in $what; do
    case "$w" in
      fashion|digits|table) "$w" ;;
      *) echo "bench/spread.sh: unknown data '$w' (fashion, digits or table)" >&2; exit 2 ;;
    esac
  done
done

python3 - "$out" <<'PY' > bench/results/spread.md
import glob, json, os, statistics, sys
runs = {}
for p in glob.glob(os.path.join(sys.argv[1], "*.json")):
    name, spread, seed = os.path.basename(p)[:-5].rsplit("-", 2)
    runs.setdefault(name, {}).setdefault(spread[len("spread"):], {})[int(seed[len("seed"):])] = \
        100 * json.load(open(p))["accuracy"]
def ms(v):
    return "%.2f ± %.2f" % (statistics.mean(v), statistics.stdev(v)) if len(v) > 1 else "%.2f (1 seed)" % v[0]
print("# Sampling spread 1.0 against 1.2, fast protocol (bench/spread.sh)\n")
print("| data | spread 1.0 | spread 1.2 | paired difference (1.2 − 1.0) per seed | mean ± sd |")
print("|---|---:|---:|---|---:|")
for name in sorted(runs):
    a, b = runs[name].get("1.0", {}), runs[name].get("1.2", {})
    seeds = sorted(set(a) & set(b))
    if not seeds:
        continue
    d = [b[s] - a[s] for s in seeds]
    print("| %s | %s | %s | %s | %s |" % (name, ms([a[s] for s in seeds]), ms([b[s] for s in seeds]),
          ", ".join("%+.2f" % x for x in d), ms(d)))
PY
cat bench/results/spread.md
