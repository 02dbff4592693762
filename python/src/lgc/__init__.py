"""Read LGC files in Python: verify them, draw samples from their mixtures, decode them.

    import lgc
    artifact = lgc.load("fashion.lgc")              # every check of docs/FORMAT.md
    x, y = lgc.sample(artifact, per_class=100, seed=1)  # uint8 images [N, C, H, W] (a table: float32 rows)

``lgc.torch.LgcDataset`` is a ``torch.utils.data.Dataset`` over an artifact. Loading needs numpy
only; decoding needs torch.
"""
import numpy as np

from .reader import Artifact, LgcError, decode, read_artifact, sample_latents, to_samples

__all__ = ["Artifact", "LgcError", "load", "latents", "sample", "decode", "default_spread"]
__version__ = "0.1.0"


def load(path):
    """The artifact in ``path``, after every check of the format (LgcError names what is wrong)."""
    with open(path, "rb") as f:
        return read_artifact(f.read())


def _per_class_counts(artifact, per_class, count):
    classes = len(artifact.classes)
    if per_class is not None and count is not None:
        raise ValueError("give per_class or count, not both")
    if count is not None:
        if count < 0:
            raise ValueError("count must be >= 0, got %r" % (count,))
        shares = np.asarray(artifact.counts, dtype=np.float64)
        shares = shares / shares.sum() if shares.sum() > 0 else np.full(classes, 1.0 / classes)
        exact = shares * count
        counts = np.floor(exact).astype(np.int64)
        # largest remainders get the rest, as lgc reconstruct --count splits
        for c in np.argsort(-(exact - counts), kind="stable")[: count - counts.sum()]:
            counts[c] += 1
        return counts
    if per_class is None:
        return np.asarray(artifact.counts, dtype=np.int64)
    if per_class < 0:
        raise ValueError("per_class must be >= 0, got %r" % (per_class,))
    return np.full(classes, per_class, dtype=np.int64)


#: The covariance scale ``lgc reconstruct`` samples with by default (its ``--spread``; see the README).
DEFAULT_SPREAD = 1.2


def default_spread(artifact):
    """The spread to draw ``artifact`` at unless told otherwise: the one its writer recorded (header
    ``spread``, ``lgc compress --spread``), else DEFAULT_SPREAD, as ``lgc reconstruct`` decides."""
    return artifact.spread if artifact.spread is not None else DEFAULT_SPREAD


def latents(artifact, per_class=None, count=None, seed=0, spread=None):
    """Latents drawn from each class's mixture and their labels: ``per_class`` each, ``count`` split
    by the source's class shares, or (neither) the source's own class counts. Seeded by ``seed``.
    Every covariance is scaled by ``spread`` first, as ``lgc reconstruct --spread`` does (1: the
    mixtures as fitted; None: the file's recommended spread, else DEFAULT_SPREAD)."""
    if spread is None:
        spread = default_spread(artifact)
    if not (spread > 0 and np.isfinite(spread)):
        raise ValueError("spread must be a positive number, got %r" % (spread,))
    rng = np.random.default_rng(seed)
    counts = _per_class_counts(artifact, per_class, count)
    zs, ys = [], []
    for c, n in enumerate(counts):
        one = _OneClass(artifact, c, spread)
        z, _ = sample_latents(one, int(n), rng)
        zs.append(z)
        ys.append(np.full(len(z), c, dtype=np.int64))
    return np.concatenate(zs).astype(np.float32), np.concatenate(ys)


def sample(artifact, per_class=None, count=None, seed=0, spread=None):
    """Decoded samples and labels: uint8 images [N, C, H, W], or a table's float32 rows in the source's
    units, drawn as ``latents`` draws them. Needs torch."""
    z, y = latents(artifact, per_class=per_class, count=count, seed=seed, spread=spread)
    return to_samples(artifact, decode(artifact, z)), y


class _OneClass:
    """An artifact seen as holding one class only, for the reader's per-class sampler; its Cholesky
    factors scaled by sqrt(spread), so that every covariance is scaled by spread."""

    def __init__(self, artifact, c, spread=1.0):
        weights, means, factors = artifact.mixtures[c]
        self.mixtures = [(weights, means, np.sqrt(spread) * factors)]
        self.latent_dim = artifact.latent_dim
