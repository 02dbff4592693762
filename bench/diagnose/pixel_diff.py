#!/usr/bin/env python3
"""How far two reconstructions (`lgc reconstruct ... -o DIR`, IDX) lie apart, pixel for pixel: the share of pixels
that differ, their mean absolute difference and the largest, in uint8 levels. For two files meant to hold the same
contents (a format change), reconstructed with the same --per-class, --seed and --spread.

Usage: /usr/bin/python3 bench/diagnose/pixel_diff.py DIR_A DIR_B
"""
import glob
import gzip
import sys

import numpy as np


def pixels(directory):
    name = glob.glob(directory + "/*images-idx3-ubyte*")[0]
    raw = gzip.open(name).read() if name.endswith(".gz") else open(name, "rb").read()
    return np.frombuffer(raw[16:], dtype=np.uint8).astype(np.int16)


def main():
    a, b = pixels(sys.argv[1]), pixels(sys.argv[2])
    if a.shape != b.shape:
        sys.exit("pixel_diff: %d pixels against %d" % (a.size, b.size))
    d = np.abs(a - b)
    print("%d pixels, %.1f %% differ, mean absolute difference %.3f levels, at most %d"
          % (a.size, 100 * (d > 0).mean(), d.mean(), d.max()))


if __name__ == "__main__":
    main()
