#!/usr/bin/python3
"""Issue 13: bench/speed/LayerTimes.java in plain PyTorch (Debian's python3-torch): wall milliseconds per 1,000
images for each layer of FILE.lgc's decoder, ROWS latents a pass, REPS passes after two warm-up passes, the
upsamplings by interpolation as the Java decoder does them.

    /usr/bin/python3 bench/speed/layer_times.py FILE.lgc ROWS REPS
"""
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_bench import interpolating_decoder  # noqa: E402

torch.set_num_threads(os.cpu_count())
torch.set_num_interop_threads(1)
art, dec = interpolating_decoder(sys.argv[1])
rows, reps = int(sys.argv[2]), int(sys.argv[3])
ms = [0.0] * len(dec.layers)
rng = np.random.default_rng(1)
with torch.inference_mode():
    for rep in range(reps + 2):
        x = torch.from_numpy(rng.standard_normal((rows, art.latent_dim), dtype=np.float32))
        for k, layer in enumerate(dec.layers):
            t = time.perf_counter()
            x = layer(x)
            if rep >= 2: ms[k] += (time.perf_counter() - t) * 1000
        x.numpy()
for k, (op, f) in enumerate(art.layers):
    print("%2d %-28s %8.1f ms/1000 images" % (k, op, ms[k] / reps / rows * 1000))
print("total %.1f ms/1000 images" % (sum(ms) / reps / rows * 1000))
