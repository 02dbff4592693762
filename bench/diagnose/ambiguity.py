#!/usr/bin/python3
"""How often a file's draws are more likely under another class's mixture than under their own: the
share of each class's draws that the file's own mixtures, used as a Bayes classifier (equal priors),
would give another label. A high share would mean label noise in the reconstruction.

    bench/diagnose/ambiguity.py FILE.lgc [SPREAD]     (3,000 draws a class, seed 1; SPREAD 1.2 as reconstruct)
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "src"))
import lgc  # noqa: E402


def log_density(z, weights, means, factors):
    """log p(z) under a full-covariance mixture given by Cholesky factors (rows of z)."""
    terms = []
    for w, mean, factor in zip(weights, means, factors):
        y = np.linalg.solve(factor, (z - mean).T)
        terms.append(np.log(w) - 0.5 * (y * y).sum(0) - np.log(np.diag(factor)).sum()
                     - 0.5 * len(mean) * np.log(2 * np.pi))
    terms = np.array(terms)
    top = terms.max(0)
    return top + np.log(np.exp(terms - top).sum(0))


def main():
    artifact = lgc.load(sys.argv[1])
    spread = float(sys.argv[2]) if len(sys.argv) > 2 else 1.2
    rng = np.random.default_rng(1)
    shares = []
    for c, (weights, means, factors) in enumerate(artifact.mixtures):
        picks = rng.choice(len(weights), size=3000, p=weights / weights.sum())
        noise = rng.standard_normal((3000, means.shape[1]))
        z = means[picks] + spread * np.einsum("nij,nj->ni", factors[picks], noise)
        labels = np.array([log_density(z, *mixture) for mixture in artifact.mixtures]).argmax(0)
        shares.append((labels != c).mean())
        print("%d %-12s %.4f other-class" % (c, artifact.classes[c], shares[-1]))
    print("mean %.4f" % np.mean(shares))


if __name__ == "__main__":
    main()
