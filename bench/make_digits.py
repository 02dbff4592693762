"""scikit-learn's 8x8 digits as an LGC dataset: 1,347 train / 450 test images (seeded split), pixels scaled
from 0..16 to 0..255, written as DIR/train/train.npz and DIR/test/test.npz.
Usage: /usr/bin/python3 bench/make_digits.py DIR"""
import os
import sys

import numpy as np
from sklearn.datasets import load_digits

out = sys.argv[1]
d = load_digits()
x = np.clip(np.round(d.images * 255 / 16), 0, 255).astype(np.uint8)
y = d.target.astype(np.int64)
order = np.random.default_rng(0).permutation(len(y))
test, train = order[:450], order[450:]
for name, idx in (("train", train), ("test", test)):
    os.makedirs(os.path.join(out, name), exist_ok=True)
    np.savez(os.path.join(out, name, name + ".npz"), x=x[idx], y=y[idx])
