#!/usr/bin/python3
"""scikit-learn side of the GMM benchmark: the fit GmmBenchmark.java times, on the same data.

K = 10 full covariances, n = 6000, d in {16, 64}, n_init = 1, tol = 0 so that exactly max_iter EM
iterations run, default k-means initialisation. Usage:
    /usr/bin/python3 bench/gmm/sklearn_bench.py [--reps R] [--iters I] [--dims 16,64]
"""
import argparse
import math
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

N, K = 6000, 10
MASK = (1 << 64) - 1


class SplitMix:
    """SplitMix64 + Box-Muller, bit-for-bit the generator of GmmBenchmark.java."""

    def __init__(self, seed):
        self.state = seed & MASK

    def uniform(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        return (z >> 11) * 2.0 ** -53

    def gaussian(self):
        u1 = 1.0 - self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


def data(n, d, k, seed):
    g = SplitMix(seed)
    centers = np.array([[3 * g.gaussian() for _ in range(d)] for _ in range(k)])
    noise = np.array([[g.gaussian() for _ in range(d)] for _ in range(n)])
    return centers[np.arange(n) % k] + noise


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--iters", type=int, default=100)
    parser.add_argument("--dims", default="16,64")
    args = parser.parse_args()
    warnings.simplefilter("ignore", ConvergenceWarning)
    print(f"sklearn {sklearn.__version__}: n={N} K={K} full, max_iter={args.iters} tol=0")
    for d in map(int, args.dims.split(",")):
        x = data(N, d, K, 12345)
        times = []
        for _ in range(args.reps):
            gm = GaussianMixture(K, covariance_type="full", tol=0, max_iter=args.iters, n_init=1, random_state=0)
            start = time.perf_counter()
            gm.fit(x)
            times.append(time.perf_counter() - start)
        print(f"sklearn d={d}: times {[round(t, 3) for t in times]} s, median {sorted(times)[len(times) // 2]:.3f} s, "
              f"iterations {gm.n_iter_}, lower bound {gm.lower_bound_:.6f}")


if __name__ == "__main__":
    main()
