#!/usr/bin/python3
"""How much fine detail (texture, edges) a set of images holds: the root mean square of the 4-neighbour
Laplacian of the pixels (scaled to [0, 1]), over every interior pixel of every image, and the mean brightness.
Real Fashion-MNIST images score about 0.43; blurred reconstructions less.

    bench/diagnose/sharpness.py IDX_DIR...     (each DIR holds train-images-idx3-ubyte.gz)
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pixel_noise import read_idx  # noqa: E402


def images(directory):
    _, pixels = read_idx(os.path.join(directory, "train-images-idx3-ubyte.gz"))
    return pixels.astype(np.float32) / 255


def laplacian_rms(x):
    lap = (4 * x[:, 1:-1, 1:-1] - x[:, :-2, 1:-1] - x[:, 2:, 1:-1] - x[:, 1:-1, :-2] - x[:, 1:-1, 2:])
    return float(np.sqrt((lap ** 2).mean()))


def main():
    for directory in sys.argv[1:]:
        x = images(directory)
        print("%s: Laplacian rms %.4f, mean %.4f, %d images" % (directory, laplacian_rms(x), x.mean(), len(x)))


if __name__ == "__main__":
    main()
