import os
import sys

# The tests run against the sources; `pip install ./python` installs the same package.
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
