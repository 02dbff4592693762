"""The README's "Use from Python" example is examples/python/train_on_lgc.py, and it runs."""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
EXAMPLE = os.path.join(ROOT, "examples", "python", "train_on_lgc.py")
FIXTURE = os.path.join(HERE, "data", "digits-pca.lgc")


def readme_section(title):
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        text = f.read()
    start = text.index("## " + title)
    end = text.find("\n## ", start + 3)
    return text[start:end if end >= 0 else len(text)]


def example_source():
    with open(EXAMPLE, encoding="utf-8") as f:
        return f.read()


def test_the_readme_shows_the_example_file():
    blocks = re.findall(r"```python\n(.*?)```", readme_section("Use from Python"), re.S)
    assert example_source() in blocks


def test_the_example_is_at_most_fifteen_lines():
    lines = [line for line in example_source().splitlines() if line.strip()]
    assert 5 <= len(lines) <= 15


def test_the_example_trains_a_model_on_a_file():
    env = dict(os.environ, PYTHONPATH=os.path.join(HERE, "..", "src"))
    done = subprocess.run([sys.executable, EXAMPLE, FIXTURE], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    match = re.search(r"trained on (\d+) samples; last batch loss ([0-9.e-]+)", done.stdout)
    assert match, done.stdout
    assert int(match.group(1)) == 6000 * 10
    assert float(match.group(2)) < 2.3   # below chance (ln 10) for the fixture's ten digit classes
