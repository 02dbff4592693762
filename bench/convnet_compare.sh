#!/usr/bin/env bash
# LGC against real images at equal bytes, judged with the dataset-distillation ConvNet protocol, the
# protocol the published DC/DSA/IDC numbers use (the sweep uses the fast CNN; see the README).
#
# Usage: bench/convnet_compare.sh [ARTIFACT.lgc ...]
#   Each artifact is reconstructed at 3,000 images per class (seed 1, as in the sweep) and evaluated
#   with `--protocol convnet --seed 1` (default epochs: 10 epochs of 30,000 = 1,175 SGD steps).
#   Without artifacts, compresses fashion-mnist/train with the defaults first.
#   Then random real subsets of 10, 20 and 50 images per class (seed 1), same protocol (300 epochs).
# One JSON per point in bench/results/convnet-compare/ (skipped when present, so a rerun resumes);
# the table goes to bench/results/convnet-compare.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./lgc --version >/dev/null # builds when needed
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results=bench/results/convnet-compare
mkdir -p "$results"
artifacts=("$@")
if [[ ${#artifacts[@]} -eq 0 ]]; then
  ./lgc compress fashion-mnist/train -o "$work/lgc-default.lgc" -q
  artifacts=("$work/lgc-default.lgc")
fi

evaluate() { # evaluate TRAIN_DIR JSON
  ./lgc evaluate --train "$1" --test fashion-mnist/test --protocol convnet --seed 1 -q --json "$2" > /dev/null
  python3 -c "import json,sys; print('%s: %.2f %%' % (sys.argv[1], 100 * json.load(open(sys.argv[1]))['accuracy']))" "$2"
}

for artifact in "${artifacts[@]}"; do
  name="$(basename "$artifact" .lgc)"
  json="$results/$name.json"
  [[ -f "$json" ]] && { echo "$json exists, skipped"; continue; }
  rm -rf "$work/recon"
  ./lgc reconstruct "$artifact" -o "$work/recon" --per-class 3000 --seed 1 -q > /dev/null 2>&1
  evaluate "$work/recon" "$json.tmp"
  python3 - "$json.tmp" "$artifact" <<'PY'
import json, os, sys
path, artifact = sys.argv[1:]
result = json.load(open(path))
result["artifact"] = os.path.basename(artifact)
result["bytes"] = os.path.getsize(artifact)
json.dump(result, open(path, "w"), indent=2)
PY
  mv "$json.tmp" "$json"
done

for per_class in 10 20 50; do
  json="$results/random-subset-$per_class.json"
  [[ -f "$json" ]] && { echo "$json exists, skipped"; continue; }
  bytes=$((per_class * 10 * 784))
  rm -rf "$work/subset"
  ./lgc baseline random-subset fashion-mnist/train --bytes "$bytes" --seed 1 -o "$work/subset" -q > /dev/null
  evaluate "$work/subset" "$json.tmp"
  python3 - "$json.tmp" "$bytes" "$per_class" <<'PY'
import json, sys
path, size, per_class = sys.argv[1:]
result = json.load(open(path))
result["artifact"] = "random-subset, %s images per class" % per_class
result["bytes"] = int(size)
json.dump(result, open(path, "w"), indent=2)
PY
  mv "$json.tmp" "$json"
done

python3 - "$results" <<'PY' > bench/results/convnet-compare.md.tmp
import glob, json, os, sys
rows = sorted((json.load(open(p)) for p in glob.glob(os.path.join(sys.argv[1], "*.json"))),
              key=lambda r: r["bytes"])
print("| training data | bytes | train images | epochs | accuracy (convnet, seed 1) |")
print("|---|---:|---:|---:|---:|")
for r in rows:
    print("| %s | %s | %s | %d | %.2f %% |" % (r["artifact"], format(r["bytes"], ","), format(r["train_size"], ","),
                                             r["epochs"], 100 * r["accuracy"]))
PY
mv bench/results/convnet-compare.md.tmp bench/results/convnet-compare.md
cat bench/results/convnet-compare.md
