#!/usr/bin/env bash
# Size/accuracy of the default Fashion-MNIST artifact at fp32, fp16 and int8 (issue 4's table).
# Usage: bench/precision.sh [ARTIFACT.lgc]   (without one, compresses fashion-mnist/train first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
artifact="${1:-}"
if [[ -z "$artifact" ]]; then
  artifact="$work/default.lgc"
  "$root/lgc" compress fashion-mnist/train -o "$artifact" -q
fi
cd "$root" && mvn -q -B -o test-compile
source tools/native-env.sh
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$(nproc)" -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "lgc-cli/target/test-classes:lgc-cli/target/lgc.jar:lgc-cli/target/lib/*:lgc-core/target/test-classes" io.lgc.bench.PrecisionBenchmark "$artifact" "$work" \
  | tee bench/results/precision.md
