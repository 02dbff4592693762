"""A ``torch.utils.data.Dataset`` over an LGC file: train a PyTorch model on it, no files written.

    from torch.utils.data import DataLoader
    from lgc.torch import LgcDataset
    data = LgcDataset("fashion.lgc", per_class=6000, seed=1)
    for x, y in DataLoader(data, batch_size=128, shuffle=True):
        ...   # x float32 [B, C, H, W] in [0, 1] (a table: [B, F] in the source's units), y int64 [B]
"""
import numpy as np
import torch

from . import latents, load
from .reader import build_decoder, to_samples


class LgcDataset(torch.utils.data.Dataset):
    """Samples of an artifact, drawn once from its mixtures (``per_class`` each, ``count`` split by
    the source's class shares, or the source's own counts) and decoded lazily, ``batch`` latents at a
    time, the first time one of them is asked for. Decoded batches are kept as uint8 images (float32
    table rows), so memory grows to what the decoded dataset takes, and only as far as it is read.
    Pixels come back scaled to [0, 1] after the same uint8 rounding as a reconstructed file.
    The same artifact, sizes, seed and ``spread`` (the covariance scale, as ``lgc.latents``; None: the
    file's recommended spread, else lgc.DEFAULT_SPREAD) give the same samples."""

    def __init__(self, artifact, per_class=None, count=None, seed=0, batch=1024, spread=None):
        self.artifact = load(artifact) if isinstance(artifact, (str, bytes)) or hasattr(artifact, "__fspath__") \
            else artifact
        if batch <= 0:
            raise ValueError("batch must be > 0, got %r" % (batch,))
        self.latents, self.labels = latents(self.artifact, per_class=per_class, count=count, seed=seed,
                                            spread=spread)
        self.batch = batch
        self._decoder = None
        self._decoded = {}

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("index %d out of range for %d samples" % (index, len(self)))
        block, row = divmod(index, self.batch)
        values = self._block(block)[row]
        x = torch.from_numpy(values.astype(np.float32) / 255.0 if values.dtype == np.uint8 else values.copy())
        return x, int(self.labels[index])

    @property
    def decoded_batches(self):
        """How many batches have been decoded so far."""
        return len(self._decoded)

    def _block(self, block):
        if block not in self._decoded:
            if self._decoder is None:
                self._decoder = build_decoder(self.artifact)
            z = torch.from_numpy(np.ascontiguousarray(self.latents[block * self.batch:(block + 1) * self.batch]))
            with torch.no_grad():
                outputs = self._decoder(z).numpy()
            self._decoded[block] = to_samples(self.artifact, outputs)
        return self._decoded[block]
