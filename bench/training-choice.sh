#!/usr/bin/env bash
# Does the judge of `compress --training-candidates` tell good compressions from bad?  For each file given, the
# judge's score (a ConvNet-protocol classifier, seed 1, trained on 3,000 draws a class at the file's spread and
# tested on the 60,000 TRAINING images) beside its ConvNet-protocol accuracy on the real test set (reconstruct
# --per-class 3000 --seed 1; classifier seeds 1, 2, 3).  Test-set JSON already in OUT (FILE's name minus .lgc,
# then -convnet-s1.json ...) is reused.  bench/results/training-choice.md.
#   bench/training-choice.sh OUT_DIR FILE.lgc...
set -euo pipefail
out=$1; shift
mkdir -p "$out"
lgc="$(cd "$(dirname "$0")/.." && pwd)/lgc"
for file in "$@"; do
  name=$(basename "$file" .lgc)
  recon="$out/recon-$name"
  [ -d "$recon" ] || "$lgc" reconstruct "$file" -o "$recon" --per-class 3000 --seed 1 -q
  [ -f "$out/$name-judge.json" ] || "$lgc" evaluate -q --train "$recon" --test fashion-mnist/train \
    --protocol convnet --seed 1 --json "$out/$name-judge.json" > /dev/null
  for s in 1 2 3; do
    [ -f "$out/$name-convnet-s$s.json" ] || "$lgc" evaluate -q --train "$recon" --test fashion-mnist/test \
      --protocol convnet --seed "$s" --json "$out/$name-convnet-s$s.json" > /dev/null
  done
done
python3 - "$out" "$@" <<'PY'
import json, os, statistics as st, sys
out = sys.argv[1]
acc = lambda p: 100 * json.load(open(p))['accuracy']
rows = []
for f in sys.argv[2:]:
    n = os.path.basename(f)[:-4]
    rows.append((n, acc(f'{out}/{n}-judge.json'), [acc(f'{out}/{n}-convnet-s{s}.json') for s in (1, 2, 3)]))
def pearson(x, y):
    mx, my = st.mean(x), st.mean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    return sxy / (sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y)) ** .5
def ranks(v):
    r = [0] * len(v)
    for k, i in enumerate(sorted(range(len(v)), key=lambda i: v[i])):
        r[i] = k
    return r
print('| file | judge (training images) | ConvNet, test set (seeds 1, 2, 3) | seeds 2-3 | mean |')
print('|---|---:|---|---:|---:|')
for n, j, t in sorted(rows, key=lambda r: -r[1]):
    print(f'| {n} | {j:.2f} | {t[0]:.2f}, {t[1]:.2f}, {t[2]:.2f} | {st.mean(t[1:]):.2f} | {st.mean(t):.2f} |')
if len(rows) > 2:
    judge = [r[1] for r in rows]
    for label, pick in (('seed 1 (the judge\'s own network)', lambda t: t[0]), ('seeds 2-3', lambda t: st.mean(t[1:])),
                        ('mean of 3', st.mean)):
        y = [pick(r[2]) for r in rows]
        print(f'{label}: Pearson {pearson(judge, y):+.2f}, Spearman {pearson(ranks(judge), ranks(y)):+.2f} over {len(rows)} files')
PY
