#!/usr/bin/env bash
# Which decoder suits small or tiny-image datasets: the autoencoder (compress's default) against the
# PCA decoder (`--decoder pca`), each file reconstructed at the source's class counts and judged with
# the fast protocol over classifier seeds 1-3, beside the real training images with the same protocol.
#
# Usage: [ARMS="autoencoder pca real"] bench/small-data.sh [DATA...]
#   (default: digits fashion-1000 fashion-6000 fashion-20000)
#   digits:        scikit-learn's 8x8 digits, 1,347 train / 450 test (bench/make_digits.py)
#   fashion-N:     N Fashion-MNIST training images, N/10 per class at random (lgc baseline random-subset,
#                  seed 1), tested on the 10,000 test images
#   rgb, gray:     bench/rgb.sh's CIFAR-like folders (300 train / 100 test images per class, 32x32, garments
#                  in random colours; and the same in gray)
# One JSON per (data, arm, seed) in bench/results/small-data/ (skipped when present: a rerun resumes);
# the table goes to bench/results/small-data.md (`bench/small-data.sh --summary`: the table alone, of the runs so
# far). Work files in $SMALL_WORK (default /tmp/lgc-small-work).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="${SMALL_WORK:-/tmp/lgc-small-work}"
out=bench/results/small-data
mkdir -p "$work" "$out"

prepare() { # prepare DATA: sets train and test
  case "$1" in
    digits)
      [[ -d "$work/digits" ]] || /usr/bin/python3 bench/make_digits.py "$work/digits" > /dev/null
      train="$work/digits/train/train.npz" test="$work/digits/test/test.npz" ;;
    fashion-*)
      local n="${1#fashion-}"
      train="$work/$1"
      [[ -f "$train.done" ]] || { rm -rf "$train"; ./lgc baseline random-subset fashion-mnist/train \
        --bytes $((n * 784)) -o "$train" --seed 1 -q > /dev/null; touch "$train.done"; }
      test=fashion-mnist/test ;;
    rgb|gray)
      if [[ ! -f "$work/rgb-folders.done" ]]; then
        mvn -B -q -o test-compile -pl lgc-cli -am > /dev/null
        rm -rf "$work/rgb-folders"
        mkdir -p "$work/rgb-folders"
        java -Djava.awt.headless=true -cp "lgc-cli/target/test-classes:lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" \
          io.lgc.bench.RgbFolderGenerator "$work/rgb-folders" 300 100 1 > /dev/null
        touch "$work/rgb-folders.done"
      fi
      train="$work/rgb-folders/$1/train" test="$work/rgb-folders/$1/test" ;;
    *) echo "bench/small-data.sh: unknown data '$1'" >&2; exit 2 ;;
  esac
}

summary_only=0
[[ ${1:-} == --summary ]] && { summary_only=1; shift; }
((summary_only)) || ./lgc --version > /dev/null # builds when needed
for data in "${@:-digits fashion-1000 fashion-6000 fashion-20000}"; do
  ((summary_only)) && break
  for d in $data; do
    prepare "$d"
    for arm in ${ARMS:-autoencoder pca real}; do
      set_train="$train"
      if [[ $arm != real ]]; then
        file="$work/$d-$arm.lgc"
        [[ -f "$file" ]] || ./lgc compress "$train" -o "$file" --decoder "$arm" --seed 1 -q > /dev/null
        set_train="$work/$d-$arm-recon"
        [[ -f "$set_train.done" ]] || { rm -rf "$set_train"; ./lgc reconstruct "$file" -o "$set_train" \
          --per-class auto --seed 1 -q > /dev/null; touch "$set_train.done"; }
      fi
      for seed in 1 2 3; do
        json="$out/$d-$arm-seed$seed.json"
        [[ -f "$json" ]] && continue
        ./lgc evaluate --train "$set_train" --test "$test" --seed "$seed" -q --json "$json.tmp" > /dev/null
        if [[ $arm != real ]]; then
          python3 - "$json.tmp" "$(stat -c %s "$file")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["file_bytes"] = int(sys.argv[2])
json.dump(r, open(sys.argv[1], "w"), indent=2)
PY
        fi
        mv "$json.tmp" "$json"
        echo "$d $arm seed $seed: $(python3 -c "import json,sys; print(round(100*json.load(open(sys.argv[1]))['accuracy'],2))" "$json") %"
      done
    done
  done
done

python3 - "$out" <<'PY' > bench/results/small-data.md
import glob, json, os, statistics, sys
runs = {}
for p in glob.glob(os.path.join(sys.argv[1], "*.json")):
    data, rest = os.path.basename(p).rsplit("-seed", 1)[0].rsplit("-", 1)
    r = json.load(open(p))
    runs.setdefault((data, rest), []).append((int(os.path.basename(p)[:-5].rsplit("seed", 1)[1]), r))
def cell(key):
    if key not in runs:
        return "", ""
    rs = sorted(runs[key], key=lambda x: x[0])
    accs = [100 * r["accuracy"] for _, r in rs]
    text = "%.2f" % accs[0] if len(accs) == 1 else "%.2f ± %.2f" % (statistics.mean(accs), statistics.stdev(accs))
    size = format(rs[0][1]["file_bytes"], ",") if "file_bytes" in rs[0][1] else ""
    return text + " (" + ",".join(str(s) for s, _ in rs) + ")", size
print("# Small and tiny-image datasets: autoencoder or PCA decoder (bench/small-data.sh)\n")
print("Fast protocol, mean ± sample standard deviation over classifier seeds (in brackets); files made with")
print("`lgc compress DATA --decoder D --seed 1`, reconstructed with `--per-class auto --seed 1`.\n")
print("| data | training images | autoencoder | its bytes | pca | its bytes | real images |")
print("|---|---:|---:|---:|---:|---:|---:|")
order = lambda d: ({"digits": 0, "gray": 2, "rgb": 3}.get(d, 1), int(d.split("-")[1]) if "-" in d else 0)
for data in sorted({d for d, _ in runs}, key=order):
    size = {"digits": "1,347 (8×8)", "rgb": "3,000 (3×32×32)", "gray": "3,000 (32×32)"}.get(
        data, format(int(data.split("-")[1]), ",") + " (28×28)" if "-" in data else "")
    ae, ae_bytes = cell((data, "autoencoder"))
    pca, pca_bytes = cell((data, "pca"))
    real, _ = cell((data, "real"))
    print("| %s | %s | %s | %s | %s | %s | %s |" % (data, size, ae, ae_bytes, pca, pca_bytes, real))
PY
cat bench/results/small-data.md
