#!/usr/bin/env bash
# What lgc audit says of three files (issue 11): the default Fashion-MNIST file, a deliberately
# leaky control (10 training images per class, one mixture component per image, 300 epochs), and
# the default file of held-out digits (scikit-learn's 8x8 digits, 1,347 train / 450 test).
# Usage: bench/privacy.sh [fashion|leaky|digits ...]   (default: all three)
# Results: bench/results/privacy/<name>.{json,txt,time} (time: /usr/bin/time -v of the audit).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="${LGC_BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$work"
source "$root/bench/snapshot.sh"
out=bench/results/privacy
mkdir -p "$out"

audit() { # audit NAME FILE TRAIN HOLDOUT [options...]
  local name="$1" file="$2" train="$3" holdout="$4"; shift 4
  /usr/bin/time -v -o "$out/$name.time" "${lgc_java[@]}" audit "$file" --train "$train" --holdout "$holdout" \
    --json "$out/$name.json" --force -q "$@" | tee "$out/$name.txt"
}

fashion() {
  [[ -f "$work/fashion.lgc" ]] || lgc compress fashion-mnist/train -o "$work/fashion.lgc" --seed 1 -q
  audit fashion-default "$work/fashion.lgc" fashion-mnist/train fashion-mnist/test
}

leaky() {
  [[ -d "$work/subset100" ]] || lgc baseline random-subset fashion-mnist/train --bytes 78400 -o "$work/subset100" \
    --seed 1 -q
  [[ -f "$work/leaky.lgc" ]] || lgc compress "$work/subset100" -o "$work/leaky.lgc" --components 10 --epochs 300 \
    --feature-weight 0 --seed 1 -q
  audit fashion-leaky-control "$work/leaky.lgc" "$work/subset100" fashion-mnist/test --samples 2000
}

digits() {
  [[ -d "$work/digits" ]] || /usr/bin/python3 "$root/bench/make_digits.py" "$work/digits"
  [[ -f "$work/digits.lgc" ]] || lgc compress "$work/digits/train/train.npz" -o "$work/digits.lgc" --decoder autoencoder --seed 1 -q
  audit digits-default "$work/digits.lgc" "$work/digits/train/train.npz" "$work/digits/test/test.npz" --samples 2000
}

for what in "${@:-fashion leaky digits}"; do
  for w in $what; do "$w"; done
done
