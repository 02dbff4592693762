#!/usr/bin/env bash
# Does the judge of `compress --rounding-candidates` tell good files from bad?  For each file given, the
# score the judges give it (a fast-protocol CNN trained on 3,000 draws a class at the file's spread, tested on
# the 60,000 training images; classifier seeds 1 and 2) beside its ConvNet-protocol accuracy on the real test
# set (reconstruct --per-class 3000 --seed 1; classifier seeds 1 and 2).  bench/results/rounding-choice.md.
#   bench/rounding-choice.sh OUT_DIR FILE.lgc...
set -euo pipefail
out=$1; shift
mkdir -p "$out"
lgc="$(cd "$(dirname "$0")/.." && pwd)/lgc"
for file in "$@"; do
  name=$(basename "$file" .lgc)
  recon="$out/recon-$name"
  [ -d "$recon" ] || "$lgc" reconstruct "$file" -o "$recon" --per-class 3000 --seed 1 -q
  for s in 1 2; do
    [ -f "$out/$name-judge-s$s.json" ] || "$lgc" evaluate -q --train "$recon" --test fashion-mnist/train \
      --protocol fast --seed "$s" --json "$out/$name-judge-s$s.json" > /dev/null
    [ -f "$out/$name-convnet-s$s.json" ] || "$lgc" evaluate -q --train "$recon" --test fashion-mnist/test \
      --protocol convnet --seed "$s" --json "$out/$name-convnet-s$s.json" > /dev/null
  done
done
python3 - "$out" "$@" <<'PY'
import json, os, sys
out = sys.argv[1]
acc = lambda p: 100 * json.load(open(p))['accuracy']
rows = []
for f in sys.argv[2:]:
    n = os.path.basename(f)[:-4]
    j = [acc(f'{out}/{n}-judge-s{s}.json') for s in (1, 2)]
    c = [acc(f'{out}/{n}-convnet-s{s}.json') for s in (1, 2)]
    rows.append((n, sum(j) / 2, sum(c) / 2))
    print(f'{n:24s} judges {j[0]:.2f} {j[1]:.2f} mean {sum(j)/2:.2f}   convnet {c[0]:.2f} {c[1]:.2f} mean {sum(c)/2:.2f}')
if len(rows) > 2:
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0] * len(v)
        for k, i in enumerate(order):
            r[i] = k
        return r
    def pearson(a, b):
        ma, mb = sum(a) / len(a), sum(b) / len(b)
        cov = sum((x - ma) * (y - mb) for x, y in zip(a, b))
        return cov / (sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b)) ** 0.5
    j = [r[1] for r in rows]; c = [r[2] for r in rows]
    print(f'pearson {pearson(j, c):.2f}  spearman {pearson(ranks(j), ranks(c)):.2f}  ({len(rows)} files)')
PY
