#!/bin/sh
# GMM benchmark: our fit and scikit-learn's on the same data (see GmmBenchmark.java).
# Usage: bench/gmm/run.sh [--reps R] [--iters I] [--dims 16,64]   (arguments go to both sides)
set -e
cd "$(dirname "$0")/../.."
mvn -q -B -pl lgc-core -am test-compile
java -cp lgc-core/target/classes:lgc-core/target/test-classes:"$(ls ~/.m2/repository/com/google/code/gson/gson/2.13.1/gson-2.13.1.jar)" io.lgc.gmm.bench.GmmBenchmark "$@"
/usr/bin/python3 bench/gmm/sklearn_bench.py "$@"
