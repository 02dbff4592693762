#!/usr/bin/env bash
# Issue 16's digit target (within 1 point of real data at <= 100 KB): PCA settings on scikit-learn's
# digits (8x8, 1,347 train / 450 test images, bench/make_digits.py), fast protocol, classifier seeds 1-3.
#
# Usage: bench/digits.sh [k:K ...]   (default: 16:10 24:5 24:10 32:5 32:10)
#   Each k:K compresses with `--decoder pca --latent-dim k --components K --seed 1`, reconstructs with
#   `--per-class auto --seed 1` and evaluates; one JSON per (setting, seed) in bench/results/digits/
#   (skipped when present), the summary in bench/results/digits.md. The defaults' file (k 16, K 5) and
#   the real training set are bench/small-data.sh's digits rows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="${SMALL_WORK:-/tmp/lgc-small-work}"
out=bench/results/digits
mkdir -p "$work" "$out"
[[ -d "$work/digits" ]] || /usr/bin/python3 bench/make_digits.py "$work/digits" > /dev/null
train="$work/digits/train/train.npz" test="$work/digits/test/test.npz"
./lgc --version > /dev/null # builds when needed
for setting in "${@:-16:10 24:5 24:10 32:5 32:10}"; do
  for s in $setting; do
    k="${s%%:*}" K="${s##*:}"
    name="pca-k$k-K$K"
    file="$work/digits-$name.lgc"
    recon="$work/digits-$name-recon"
    [[ -f "$file" ]] || { rm -f "$recon.done"; ./lgc compress "$train" -o "$file" --decoder pca --latent-dim "$k" \
      --components "$K" --seed 1 -q > /dev/null; }
    [[ -f "$recon.done" ]] || { rm -rf "$recon"; ./lgc reconstruct "$file" -o "$recon" --per-class auto --seed 1 -q > /dev/null; touch "$recon.done"; }
    for seed in 1 2 3; do
      json="$out/$name-seed$seed.json"
      [[ -f "$json" ]] && continue
      ./lgc evaluate --train "$recon" --test "$test" --seed "$seed" -q --json "$json.tmp" > /dev/null
      python3 - "$json.tmp" "$(stat -c %s "$file")" "$k" "$K" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["file_bytes"], r["latent_dim"], r["components"] = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
json.dump(r, open(sys.argv[1], "w"), indent=2)
PY
      mv "$json.tmp" "$json"
      echo "$name seed $seed: $(python3 -c "import json,sys; print(round(100*json.load(open(sys.argv[1]))['accuracy'],2))" "$json") %"
    done
  done
done

python3 - "$out" bench/results/small-data <<'PY' > bench/results/digits.md
import glob, json, os, statistics, sys
def load(pattern):
    runs = {}
    for p in glob.glob(pattern):
        name, seed = os.path.basename(p)[:-5].rsplit("-seed", 1)
        runs.setdefault(name, []).append((int(seed), json.load(open(p))))
    return runs
def cell(rs):
    accs = [100 * r["accuracy"] for _, r in sorted(rs, key=lambda x: x[0])]
    return ("%.2f" % accs[0]) if len(accs) == 1 else "%.2f ± %.2f" % (statistics.mean(accs), statistics.stdev(accs))
runs = load(os.path.join(sys.argv[1], "*.json"))
small = load(os.path.join(sys.argv[2], "digits-*.json"))
print("# scikit-learn digits: PCA settings against the real training set (bench/digits.sh)\n")
print("Fast protocol, mean ± sample standard deviation over classifier seeds 1-3; files made with")
print("`lgc compress digits/train.npz --decoder pca --latent-dim k --components K --seed 1`, reconstructed with")
print("`--per-class auto --seed 1`.\n")
print("| setting | file bytes | accuracy | seeds | gap to real |")
print("|---|---:|---:|---|---:|")
real = statistics.mean(100 * r["accuracy"] for _, r in small.get("digits-real", [])) if "digits-real" in small else None
rows = [("real training set (bench/small-data.sh)", small.get("digits-real"))]
rows += [("pca k 16, K 5, the default (bench/small-data.sh)", small.get("digits-pca"))]
for name in sorted(runs, key=lambda n: (runs[n][0][1]["latent_dim"], runs[n][0][1]["components"])):
    rows.append((name.replace("pca-k", "pca k ").replace("-K", ", K "), runs[name]))
for label, rs in rows:
    if not rs:
        continue
    size = format(rs[0][1]["file_bytes"], ",") if "file_bytes" in rs[0][1] else ""
    gap = "" if real is None or label.startswith("real") else "%+.2f" % (
        statistics.mean(100 * r["accuracy"] for _, r in rs) - real)
    print("| %s | %s | %s | %s | %s |" % (label, size, cell(rs), ",".join(str(s) for s, _ in sorted(rs, key=lambda x: x[0])), gap))
PY
cat bench/results/digits.md
