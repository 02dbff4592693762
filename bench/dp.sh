#!/usr/bin/env bash
# Differentially private files (compress --epsilon) on Fashion-MNIST: accuracy of a classifier trained
# on their reconstruction (fast protocol, seeds 1-3, as many samples as the file's class counts) at
# several epsilons, delta 1e-5, against the non-private PCA file of the same latent size (k = 16, K = 1),
# and the audit of one DP file. Two modes:
# - fully private (dp-eps*): PCA decoder from a private covariance, one Gaussian per class;
# - public decoder (pub-*): the first 10,000 training images play the public data (bench/split_public.py),
#   compressed with the defaults (autoencoder k = 16) into public-ae.lgc; the other 50,000 are the private
#   records, compressed with --decoder-from public-ae.lgc: only their mixtures and counts are private.
#   pub-ceiling uses epsilon 1e6, as good as no noise: what this mode gives at best. These points pass
#   --private-fit em, the fit they were measured with before axes became the default.
# - public data (pubdata-*): as public decoder, but the autoencoder is trained on the public images in the
#   run (--public-data) and its own encoder gives each private record its latent.
# Usage: bench/dp.sh [EPSILON ...]   (default: 1 10; the fully private points)
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
  point_on fashion-mnist/train "$@"
}

point_on() { # point_on DATASET NAME [compress options...]
  local data="$1" name="$2"; shift 2
  [[ -f "$out/$name.json" ]] && { echo "$out/$name.json exists, skipped"; return; }
  echo "lgc compress ${data/#$work/\$work} -o \$work/$name.lgc --seed 1 -q ${*//$work/\$work}" > "$out/$name.command.txt"
  [[ -f "$work/$name.lgc" ]] || lgc compress "$data" -o "$work/$name.lgc" --seed 1 -q "$@" \
    > "$out/$name.compress.txt"
  rm -rf "$work/$name-recon"
  lgc reconstruct "$work/$name.lgc" -o "$work/$name-recon" --per-class auto --seed 1 -q > /dev/null
  lgc evaluate --train "$work/$name-recon" --test fashion-mnist/test --seed 1 --repeats 3 \
    --json "$out/$name.json" --force -q
}

point pca-k16-K1 --decoder pca --components 1
epsilons=("$@")
[[ ${#epsilons[@]} -gt 0 ]] || epsilons=(1 10)
for eps in "${epsilons[@]}"; do
  point "dp-eps$eps" --epsilon "$eps" --delta 1e-5
done
split="$work/split"
[[ -d "$split/private" ]] || /usr/bin/python3 bench/split_public.py /usr/share/datasets/fashion-mnist "$split" 10000
[[ -f "$work/public-ae.lgc" ]] || lgc compress "$split/public" -o "$work/public-ae.lgc" --seed 1 -q \
  > "$out/public-ae.compress.txt"
public=(--delta 1e-5 --decoder-from "$work/public-ae.lgc")
point_on "$split/private" pub-eps1-K1 --epsilon 1 "${public[@]}" --components 1 --private-fit em
point_on "$split/private" pub-eps10-K5 --epsilon 10 "${public[@]}" --components 5 --private-fit em
point_on "$split/private" pub-ceiling-K5 --epsilon 1e6 "${public[@]}" --components 5 --private-fit em
point_on "$split/private" pub-eps10-K1 --epsilon 10 "${public[@]}" --components 1 --private-fit em
point_on "$split/private" pub-eps1-K5 --epsilon 1 "${public[@]}" --components 5 --private-fit em
# --public-data: the autoencoder is trained on the 10,000 public images in the run itself (as public-ae.lgc
# was), and its own encoder gives the private latents, instead of an encoder learned from decoded samples.
pubdata=(--delta 1e-5 --noise-seed 1 --public-data "$split/public")
point_on "$split/private" pubdata-eps10-K1 --epsilon 10 "${pubdata[@]}" --components 1 --private-fit em
point_on "$split/private" pubdata-eps1-K1 --epsilon 1 "${pubdata[@]}" --components 1 --private-fit em
# the budget split (counts, sums, second moments) and the clip quantile, at epsilon 1
point_on "$split/private" pub-eps1-K1-split-q90 --epsilon 1 "${public[@]}" --components 1 \
  --budget-split 0.02,0.1,0.88 --clip-quantile 0.9 --private-fit em
# one pass instead of private EM: each private record goes to its component of the public mixtures (K Gaussians
# fitted to the public latents of its class), and each component's covariance is estimated along that public
# component's principal axes (--private-fit axes)
point_on "$split/private" pubdata-eps10-K5-axes --epsilon 10 "${pubdata[@]}" --components 5 --private-fit axes
point_on "$split/private" pubdata-eps10-K10-axes --epsilon 10 "${pubdata[@]}" --components 10 --private-fit axes
point_on "$split/private" pubdata-eps1-K1-axes --epsilon 1 "${pubdata[@]}" --components 1 --private-fit axes \
  --budget-split 0.02,0.1,0.88 --clip-quantile 0.9
point_on "$split/private" pubdata-eps1-K1-default --epsilon 1 "${pubdata[@]}" --components 1 # axes, default split
point_on "$split/private" pubdata-eps1-K5-axes --epsilon 1 "${pubdata[@]}" --components 5 --private-fit axes \
  --budget-split 0.02,0.1,0.88 --clip-quantile 0.9

[[ -f "$out/audit-dp-eps1.json" ]] || lgc audit "$work/dp-eps1.lgc" --train fashion-mnist/train \
  --holdout fashion-mnist/test --json "$out/audit-dp-eps1.json" --force -q | tee "$out/audit-dp-eps1.txt"

/usr/bin/python3 - "$out" <<'PY' > bench/results/dp.md
import json, os, sys
out = sys.argv[1]
print("| file | bytes | accuracy (fast, seeds 1-3) |")
print("|---|---:|---:|")
commands = []
for name in sorted(f[:-5] for f in os.listdir(out) if f.endswith(".json") and not f.startswith("audit")):
    r = json.load(open(os.path.join(out, name + ".json")))
    size = "?"
    txt = os.path.join(out, name + ".compress.txt")
    if os.path.exists(txt):
        for line in open(txt):
            if line.startswith("wrote "):
                size = line.split(": ", 1)[1].strip()
    print("| %s | %s | %.2f %% +/- %.2f |" % (name, size, 100 * r["accuracy"], 100 * r["accuracy_std"]))
    cmd = os.path.join(out, name + ".command.txt")
    if os.path.exists(cmd):
        commands.append((name, open(cmd).read().strip()))
if commands:
    print()
    print("Compress commands (then `lgc reconstruct FILE --per-class auto --seed 1` and `lgc evaluate --seed 1"
          " --repeats 3`; $work is LGC_BENCH_WORK, $work/split from bench/split_public.py):")
    print()
    for name, cmd in commands:
        print("- %s: `%s`" % (name, cmd))
PY
cat bench/results/dp.md
