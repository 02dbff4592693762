#!/usr/bin/python3
"""Would cheaper covariances let a wide latent pay? Fits each class's latents (RoundTrip.java's
DIR/latents.npy and DIR/labels.npy) with K full-covariance components (scikit-learn, LGC's EM settings:
k-means init, best of 2, regulariser 1e-6, seed 1), replaces every covariance by its rank-R-plus-diagonal
approximation (Σ ≈ W·Wᵀ + diag(ψ), W = the top R eigenvectors scaled by the root of their eigenvalues,
ψ = what W leaves of Σ's diagonal, so every coordinate keeps its variance; R = full keeps Σ), draws
PER_CLASS latents a class with every covariance scaled by SPREAD, decodes them through ARTIFACT's
decoder (a file RoundTrip.java wrote from the same network) and writes an IDX training set to OUT for
`lgc evaluate`. Prints the mean log-likelihood of the class's latents under each model, and the
int8 bytes the mixtures would take (means fp16, W int8 with an f32 scale per row, ψ^½ int8 with one scale).

    bench/diagnose/lowrank.py DIR ARTIFACT.lgc K R|full OUT [PER_CLASS [SPREAD]]
"""
import gzip
import os
import sys

import numpy as np
from sklearn.mixture import GaussianMixture

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "src"))
import lgc  # noqa: E402
from lgc.reader import decode, to_pixels  # noqa: E402


def low_rank(covariance, rank):
    values, vectors = np.linalg.eigh(covariance)
    top = np.argsort(values)[::-1][:rank]
    w = vectors[:, top] * np.sqrt(np.maximum(values[top], 0))
    psi = np.maximum(np.diag(covariance) - (w ** 2).sum(1), 1e-6 * np.diag(covariance).max())
    return w @ w.T + np.diag(psi)


def mean_log_likelihood(x, weights, means, covariances):
    per = []
    for w, m, s in zip(weights, means, covariances):
        sign, logdet = np.linalg.slogdet(s)
        diff = x - m
        maha = np.einsum("ij,ij->i", diff @ np.linalg.inv(s), diff)
        per.append(np.log(w) - 0.5 * (maha + logdet + len(m) * np.log(2 * np.pi)))
    per = np.stack(per, 1)
    top = per.max(1, keepdims=True)
    return float((top[:, 0] + np.log(np.exp(per - top).sum(1))).mean())


def stored_bytes(d, k, rank):
    if rank is None:
        return k * (4 + 2 * d + d * (d + 1) // 2 + 4 * d)
    return k * (4 + 2 * d + d * rank + 4 * d + d + 4)


def write_idx(path, magic, array):
    with gzip.open(path, "wb") as f:
        f.write(bytes([0, 0, 8, magic]))
        for n in array.shape:
            f.write(int(n).to_bytes(4, "big"))
        f.write(np.ascontiguousarray(array, dtype=np.uint8).tobytes())


def main():
    directory, artifact_file, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rank = None if sys.argv[4] == "full" else int(sys.argv[4])
    out = sys.argv[5]
    per_class = int(sys.argv[6]) if len(sys.argv) > 6 else 3000
    spread = float(sys.argv[7]) if len(sys.argv) > 7 else 1.2
    latents = np.load(os.path.join(directory, "latents.npy")).astype(np.float64)
    labels = np.load(os.path.join(directory, "labels.npy"))
    artifact = lgc.load(artifact_file)
    rng = np.random.default_rng(1)
    draws, draw_labels, total = [], [], 0
    for c in range(int(labels.max()) + 1):
        x = latents[labels == c]
        gmm = GaussianMixture(k, covariance_type="full", reg_covar=1e-6, n_init=2, random_state=1).fit(x)
        covariances = gmm.covariances_ if rank is None else np.stack([low_rank(s, rank) for s in gmm.covariances_])
        print("class %d: mean log-likelihood %.2f full, %.2f stored" % (
            c, mean_log_likelihood(x, gmm.weights_, gmm.means_, gmm.covariances_),
            mean_log_likelihood(x, gmm.weights_, gmm.means_, covariances)), flush=True)
        total += stored_bytes(x.shape[1], k, rank)
        counts = rng.multinomial(per_class, gmm.weights_)
        for m, s, n in zip(gmm.means_, covariances, counts):
            factor = np.linalg.cholesky(spread * s)
            draws.append(m + rng.standard_normal((n, len(m))) @ factor.T)
            draw_labels.append(np.full(n, c))
    pixels = to_pixels(artifact, decode(artifact, np.concatenate(draws)))
    os.makedirs(out, exist_ok=True)
    write_idx(os.path.join(out, "train-images-idx3-ubyte.gz"), 0x03, pixels.reshape(len(pixels), *pixels.shape[-2:]))
    write_idx(os.path.join(out, "train-labels-idx1-ubyte.gz"), 0x01, np.concatenate(draw_labels))
    with open(os.path.join(out, "classes.txt"), "w") as f:
        f.write("\n".join(artifact.classes) + "\n")
    print("mixtures at int8, before deflate: about %d B; %d draws written to %s" % (total, len(pixels), out))


if __name__ == "__main__":
    main()
