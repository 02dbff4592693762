#!/usr/bin/env bash
# compress's own int4 pair (issue 16): the stem file at int4 with and without --rounding-steps 300, each
# reconstructed once and judged with the ConvNet protocol at classifier seeds 1-3.
# Usage: bench/int4/pair.sh WORKDIR
#   WORKDIR/stem-16-int4-tuned.lgc   ./lgc compress fashion-mnist/train --stem 16 --precision int4 --rounding-steps 300 --seed 1
#   WORKDIR/stem-16-int4-untuned.lgc the same with --rounding-steps 0
# JSON per file and seed in bench/results/int4/NAME-seedS.json (kept: a rerun resumes).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[[ $# -eq 1 ]] || { echo "usage: bench/int4/pair.sh WORKDIR" >&2; exit 2; }
work="$1"
mkdir -p "$work" bench/results/int4
declare -A steps=([stem-16-int4-tuned]=300 [stem-16-int4-untuned]=0)
for name in stem-16-int4-tuned stem-16-int4-untuned; do
  file="$work/$name.lgc" recon="$work/recon-$name"
  [[ -f "$file" ]] || ./lgc compress fashion-mnist/train -o "$file" --seed 1 --stem 16 --precision int4 \
    --rounding-steps "${steps[$name]}" -q
  [[ -f "$recon.done" ]] || { rm -rf "$recon"; ./lgc reconstruct "$file" -o "$recon" --per-class 3000 --seed 1 \
    --spread 1.2 -q > /dev/null; touch "$recon.done"; }
done
for seed in 1 2 3; do
  for name in stem-16-int4-tuned stem-16-int4-untuned; do
    json="bench/results/int4/$name-seed$seed.json"
    [[ -f "$json" ]] || ./lgc evaluate --train "$work/recon-$name" --test fashion-mnist/test --protocol convnet \
      --seed "$seed" --json "$json" -q > /dev/null
    python3 -c "import json,sys; print(sys.argv[1], sys.argv[2], '%.2f %%' % (100 * json.load(open(sys.argv[3]))['accuracy']))" \
      "$name" "$seed" "$json"
  done
done
