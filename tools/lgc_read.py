#!/usr/bin/python3
"""The reference reader's command line at its old path; the code is the ``lgc`` package in python/.

    tools/lgc_read.py FILE.lgc --verify | --decode LATENTS.npy -o OUT.npy | --sample N --seed S -o OUT.npz
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python", "src"))

from lgc.reader import *  # noqa: E402,F401,F403  scripts and tests use lgc_read's functions by name
from lgc.reader import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
