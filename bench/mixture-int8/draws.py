#!/usr/bin/python3
"""Draws of an artifact's mixtures as int8 storage with int8 means would give them (means and Cholesky
factors rounded per row, as kl.py does), decoded by the Python reader and written as an .npz for
`lgc evaluate`; MODE none draws the mixtures as stored. The first check of int8 mixtures (README,
Storage precision):

    bench/mixture-int8/draws.py FILE.lgc none|int8 OUT.npz [PER_CLASS]
    ./lgc evaluate --train OUT.npz --test fashion-mnist/test --protocol convnet --seed 1
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "src"))
import lgc  # noqa: E402

path, mode, out = sys.argv[1], sys.argv[2], sys.argv[3]
per_class = int(sys.argv[4]) if len(sys.argv) > 4 else 3000
a = lgc.load(path)
if mode == "int8":
    for c, (w, means, factors) in enumerate(a.mixtures):
        s = np.abs(factors).max(axis=-1, keepdims=True) / 127
        s[s == 0] = 1
        on_grid = np.clip(np.round(factors / s), -127, 127) * s
        idx = np.arange(factors.shape[-1])
        on_grid[:, idx, idx] = np.maximum(on_grid[:, idx, idx], s[:, :, 0])
        ms = np.abs(means).max(axis=-1, keepdims=True) / 127
        ms[ms == 0] = 1
        a.mixtures[c] = (w, np.clip(np.round(means / ms), -127, 127) * ms, on_grid)
elif mode != "none":
    sys.exit("MODE must be none or int8")
x, y = lgc.sample(a, per_class=per_class, seed=1, spread=1.2)
np.savez(out, x=x, y=y, class_names=np.array(a.classes))
