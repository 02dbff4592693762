#!/usr/bin/python3
"""How far int8 storage would move each component of an artifact's full-covariance mixtures: the largest
KL divergence (nats) over all components when the means alone, the Cholesky factors alone, or both are
rounded to a 255-level grid with one scale per row (the factors' diagonal kept at least one step).

    bench/mixture-int8/kl.py FILE.lgc      (README, Storage precision: why int8 mixtures keep fp16 means)
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "src"))
import lgc  # noqa: E402


def rows_to_grid(x, levels=127):
    s = np.abs(x).max(axis=-1, keepdims=True) / levels
    s[s == 0] = 1
    return np.clip(np.round(x / s), -levels, levels) * s


def kl(m0, l0, m1, l1):
    """KL(N(m0, l0 l0ᵀ) || N(m1, l1 l1ᵀ))."""
    inv = np.linalg.inv(l1)
    m = inv @ l0
    diff = inv @ (m1 - m0)
    return 0.5 * (np.sum(m * m) + diff @ diff - len(m0)
                  + 2 * (np.sum(np.log(np.diag(l1))) - np.sum(np.log(np.diag(l0)))))


a = lgc.load(sys.argv[1])
worst = {"means and factors": 0.0, "means only": 0.0, "factors only": 0.0}
for _, means, factors in a.mixtures:
    for mean, factor in zip(means, factors):
        d = len(mean)
        on_grid = rows_to_grid(factor)
        idx = np.arange(d)
        on_grid[idx, idx] = np.maximum(on_grid[idx, idx], np.abs(factor).max(-1) / 127)
        mean_on_grid = rows_to_grid(mean[None, :])[0]
        worst["means and factors"] = max(worst["means and factors"], kl(mean, factor, mean_on_grid, on_grid))
        worst["means only"] = max(worst["means only"], kl(mean, factor, mean_on_grid, factor))
        worst["factors only"] = max(worst["factors only"], kl(mean, factor, mean, on_grid))
print({k: round(v, 4) for k, v in worst.items()})
