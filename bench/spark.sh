#!/usr/bin/env bash
# LGC on Apache Spark (lgc-spark), local mode: compress a generated table and Fashion-MNIST replicated,
# on local[1], local[2] and local[4] (one JVM each: driver and executors share it), and reconstruct as
# many samples as records to Parquet. Per run: wall time of every stage, and per stage the JVM's
# peak heap (in use, and left after collections) and resident memory (libtorch included), sampled
# every 20 ms; in local mode that one JVM is the driver and the executors.
# The inputs are generated in parallel (a range of row numbers, each row a seeded function of its
# number; Fashion-MNIST's 60,000 PNGs broadcast and repeated), one Parquet file per 250,000 rows.
#
# Usage: bench/spark.sh [TABLE_ROWS] [FASHION_ROWS]    (default 1000000 and 120000)
#   the issue's sizes: bench/spark.sh 10000000 1000000
#   env: SAMPLE_PER_CLASS (default 500), EPOCHS (default 2), THREADS (default "1 2 4")
# Results: bench/results/spark.txt and bench/results/spark-*.json (replaced; the 1,000,000-row run of
# 2026-12-04 is kept as spark-1m.txt and spark-1m-*.json).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
table_rows="${1:-1000000}"
fashion_rows="${2:-120000}"
sample="${SAMPLE_PER_CLASS:-500}"
epochs="${EPOCHS:-2}"
threads="${THREADS:-1 2 4}"
results="$root/bench/results"
mkdir -p "$results"
work="$(mktemp -d "${TMPDIR:-/tmp}/lgc-spark-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Build once, then run a snapshot of the classes so that a rebuild during the run changes nothing.
(cd "$root" && mvn -B -q -pl lgc-spark -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test)
mkdir -p "$work/build"
cp_line=""
for entry in $(tr ':' ' ' < "$work/cp.txt") "$root/lgc-spark/target/classes" "$root/lgc-spark/target/test-classes"; do
  if [[ -d "$entry" ]]; then
    copy="$work/build/$(echo "$entry" | sed "s|$root/||; s|/|_|g")"
    cp -r "$entry" "$copy"
    entry="$copy"
  fi
  cp_line="$cp_line:$entry"
done
source "$root/tools/native-env.sh"
bench() {
  java -Xmx6g -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1 \
    -Dlog4j2.configurationFile="$root/lgc-spark/src/test/resources/log4j2.properties" \
    -cp "${cp_line#:}" io.lgc.spark.bench.SparkBench "$@"
}

summary="$results/spark.txt"
say() { echo "$*" | tee -a "$summary"; }
: > "$summary"
say "# lgc-spark local-mode benchmark (bench/spark.sh $table_rows $fashion_rows), $(date -u +%Y-%m-%dT%H:%MZ)"
say "build: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
say "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, load $(cut -d' ' -f1-3 /proc/loadavg) at start"
say "autoencoder sample: $sample records per class, $epochs epochs; mixtures: 5 full components per class, n_init 1"
say ""
for kind in table fashion; do
  rows=$table_rows; [[ $kind == fashion ]] && rows=$fashion_rows
  start=$(date +%s)
  bench generate "$kind" "$rows" "$work/$kind.parquet"
  say "## $kind: $rows rows ($(du -sh "$work/$kind.parquet" | cut -f1) of Parquet, generated in $(( $(date +%s) - start )) s)"
  for t in $threads; do
    bench run "$kind" "$work/$kind.parquet" "$t" "$sample" "$epochs" "$results/spark-$kind-$t.json" >/dev/null
    say "local[$t]: $(cat "$results/spark-$kind-$t.json")"
  done
  say ""
done
# the files are the ones lgc compress writes: the CLI and the Python reader check every rule
for kind in table fashion; do
  t="${threads##* }"
  say "$kind-$t.lgc: $("$root/lgc" inspect --verify "$work/$kind-$t.lgc" >/dev/null 2>&1 && echo 'lgc inspect --verify: ok' || echo 'lgc inspect --verify: FAILED'); $(/usr/bin/python3 "$root/tools/lgc_read.py" "$work/$kind-$t.lgc" --verify >/dev/null 2>&1 && echo 'python reader --verify: ok' || echo 'python reader --verify: FAILED')"
done
