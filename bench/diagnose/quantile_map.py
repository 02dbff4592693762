#!/usr/bin/python3
"""Would a reconstruction train a better classifier if its pixel values were distributed as the real images'
are? Decoded draws rarely reach black: half of Fashion-MNIST's pixels are exactly 0, and 8 % of a
reconstruction's, whose background sits at 3 to 8. Maps each draw's pixel values through the monotone
table that carries their distribution onto the real training images' (a value's mid-rank among the draws'
values taken to the real values' quantile at that rank): 256 numbers in all, or 256 a class with
`class` (each class's draws onto its own real images). Writes an IDX training set to OUT for `lgc evaluate`.

    bench/diagnose/quantile_map.py TRAIN_IDX_DIR RECONSTRUCTION_DIR OUT [global|class]
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pixel_noise import read_idx, write_beside  # noqa: E402


def value_table(real, draws):
    """For each value 0..255 of the draws, the real value at the same quantile."""
    real_counts = np.bincount(real.ravel(), minlength=256).astype(np.float64)
    real_cdf = np.cumsum(real_counts) / real_counts.sum()
    counts = np.bincount(draws.ravel(), minlength=256).astype(np.float64)
    mid_rank = (np.cumsum(counts) - counts / 2) / counts.sum()
    return np.searchsorted(real_cdf, mid_rank, side="left").clip(0, 255).astype(np.uint8)


def main():
    train_dir, recon_dir, out = sys.argv[1:4]
    per_class = len(sys.argv) > 4 and sys.argv[4] == "class"
    _, real = read_idx(os.path.join(train_dir, "train-images-idx3-ubyte.gz"))
    _, real_labels = read_idx(os.path.join(train_dir, "train-labels-idx1-ubyte.gz"))
    header, draws = read_idx(os.path.join(recon_dir, "train-images-idx3-ubyte.gz"))
    _, labels = read_idx(os.path.join(recon_dir, "train-labels-idx1-ubyte.gz"))
    mapped = draws.copy()
    if per_class:
        for c in np.unique(labels):
            mine = labels == c
            mapped[mine] = value_table(real[real_labels == c], draws[mine])[draws[mine]]
    else:
        table = value_table(real, draws)
        print("table, values 0-39: " + " ".join(str(v) for v in table[:40]))
        mapped = table[draws]
    print("pixels at 0: real %.3f, draws %.3f, mapped %.3f" % ((real == 0).mean(), (draws == 0).mean(),
                                                                (mapped == 0).mean()))
    write_beside(recon_dir, out, header, mapped)


if __name__ == "__main__":
    main()
