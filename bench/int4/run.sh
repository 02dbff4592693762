#!/usr/bin/env bash
# int4 experiments (issue 16): a decoder stored on coarser grids, and one tuned to be rounded.
# Usage: bench/int4/run.sh STEM16.lgc OUTDIR
#   STEM16.lgc: ./lgc compress fashion-mnist/train -o STEM16.lgc --stem 16 --seed 1 (bench/ab.sh's stem-16.lgc)
# Writes OUTDIR/int4.lgc (--precision int4's rounding, from the file's int8 weights), int4-retuned.lgc (the same
# after compress --rounding-steps 300's tuning), int4-max7.lgc,
# int5-max7.lgc, int6-max7.lgc (plain max/LEVELS rounding), int4-tuned.lgc (qat.py, 1,500 steps) and
# prints each decoder's outputs' mean squared difference from the file's own (QAT_STEPS=N: fewer qat.py steps). Judge F as the
# README does: ./lgc reconstruct F -o R --per-class 3000 --seed 1 --spread 1.2, then
# ./lgc evaluate --train R --test fashion-mnist/test --protocol convnet --seed S.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[[ $# -eq 2 ]] || { echo "usage: bench/int4/run.sh STEM16.lgc OUTDIR" >&2; exit 2; }
in="$1" out="$2"
mkdir -p "$out"
(cd "$root" && ./lgc --version > /dev/null)
cp="$root/lgc-cli/target/lgc.jar:$root/lgc-cli/target/lib/*"
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" -cp "$cp" "$here/Int4Sim.java" "$here/Requant.java" "$here/Retune.java"
run() { java -cp "$cp:$classes" "$@"; }
run Requant "$in" "$out/int4.lgc" int4
(source "$root/tools/native-env.sh" && java -Dai.djl.offline=true -cp "$cp:$classes" Retune "$in" "$out/int4-retuned.lgc" \
  int4 300 1)
run Int4Sim "$in" "$out/int4-max7.lgc" 7 0 fp16
run Int4Sim "$in" "$out/int5-max7.lgc" 15 0 fp16
run Int4Sim "$in" "$out/int6-max7.lgc" 31 0 fp16
/usr/bin/python3 "$here/qat.py" "$in" "$out/tuned-weights" "${QAT_STEPS:-1500}" 2e-4
run Int4Sim "$in" "$out/int4-tuned.lgc" 7 0 fp16 "$out/tuned-weights"
/usr/bin/python3 "$here/compare.py" "$in" "$out"/int4*.lgc "$out"/int5-max7.lgc "$out"/int6-max7.lgc
