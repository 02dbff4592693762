#!/bin/sh
# GMM benchmark: our fit and scikit-learn's on the same data (see GmmBenchmark.java).
# Usage: bench/gmm/run.sh [--reps R] [--iters I] [--dims 16,64]   (arguments go to both sides)
set -e
cd "$(dirname "$0")/../.."
mvn -q -B -o test-compile
java -cp target/classes:target/test-classes io.lgc.gmm.bench.GmmBenchmark "$@"
/usr/bin/python3 bench/gmm/sklearn_bench.py "$@"
