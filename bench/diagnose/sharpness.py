#!/usr/bin/python3
"""How much fine detail (texture, edges) a set of images holds: the root mean square of the 4-neighbour
Laplacian of the pixels (scaled to [0, 1]), over every interior pixel of every image, and the mean brightness.
Real Fashion-MNIST images score about 0.43; blurred reconstructions less.

    bench/diagnose/sharpness.py IDX_DIR...     (each DIR holds train-images-idx3-ubyte.gz)
"""
import gzip
import os
import sys

import numpy as np


def images(directory):
    with gzip.open(os.path.join(directory, "train-images-idx3-ubyte.gz")) as f:
        data = f.read()
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(data[3])]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * len(dims)).reshape(dims).astype(np.float32) / 255


def laplacian_rms(x):
    lap = (4 * x[:, 1:-1, 1:-1] - x[:, :-2, 1:-1] - x[:, 2:, 1:-1] - x[:, 1:-1, :-2] - x[:, 1:-1, 2:])
    return float(np.sqrt((lap ** 2).mean()))


def main():
    for directory in sys.argv[1:]:
        x = images(directory)
        print("%s: Laplacian rms %.4f, mean %.4f, %d images" % (directory, laplacian_rms(x), x.mean(), len(x)))


if __name__ == "__main__":
    main()
