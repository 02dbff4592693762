"""``python3 -m lgc FILE.lgc --verify``: the reference reader's command line."""
import sys

from .reader import main

sys.exit(main())
