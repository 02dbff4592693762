#!/usr/bin/env python3
"""Writes the .npz fixtures of NpzNumpyFixtureTest with NumPy itself, so that the reader is
checked against files NumPy made, not only against LGC's own writer.

Run from this directory: python3 make_npz_fixtures.py (made with NumPy 1.24.2). The values are
simple formulas that the test recomputes.
"""
import numpy as np

# 5 RGB images 4 high, 3 wide, channels last; pixel value = (31 * flat index) % 256.
x = (np.arange(5 * 4 * 3 * 3) * 31 % 256).astype(np.uint8).reshape(5, 4, 3, 3)
np.savez_compressed("numpy-rgb-nhwc.npz", x=x, y=np.array([0, 1, 2, 0, 1], dtype=np.int64),
                    class_names=np.array(["cat", "dog", "T-shirt/top"]))

# 4 grayscale images 3x2 as float32 in [0, 1]: value = flat index / 23; stored, not compressed.
np.savez("numpy-gray-float32.npz", x=(np.arange(4 * 3 * 2) / 23).astype(np.float32).reshape(4, 3, 2),
         y=np.array([1, 0, 1, 0], dtype=np.int32))

# Keras-style keys, channels first (3 images of 1x2x5: the last axis cannot be channels),
# labels as a column of uint8.
np.savez("numpy-keras-keys.npz", x_train=np.arange(30, dtype=np.uint8).reshape(3, 1, 2, 5),
         y_train=np.array([[2], [0], [1]], dtype=np.uint8))
