"""`pip install ./python` works offline where numpy, torch and setuptools are installed, and the
installed package (not these sources) reads a file and trains on it."""
import os
import shutil
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.join(HERE, "..")
EXAMPLE = os.path.join(HERE, "..", "..", "examples", "python", "train_on_lgc.py")
FIXTURE = os.path.join(HERE, "data", "digits-pca.lgc")


def run(args, **kwargs):
    done = subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    where = tmp_path_factory.mktemp("venv")
    made = subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(where / "v")],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip("python3 -m venv is not available here: " + made.stderr.strip()[-200:])
    source = where / "src"   # a copy, so that the build leaves nothing behind in the repository
    shutil.copytree(PACKAGE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", "tests"))
    python = str(where / "v" / "bin" / "python")
    run([python, "-m", "pip", "install", "--no-index", "--no-build-isolation", "--no-deps", "-q", str(source)])
    return python


def test_the_installed_package_is_the_one_imported(venv, tmp_path):
    where = run([venv, "-c", "import lgc, lgc.torch; print(lgc.__file__)"], cwd=tmp_path).strip()
    assert "site-packages" in where and os.path.dirname(os.path.dirname(where)) != os.path.abspath(PACKAGE)


def test_the_installed_package_verifies_a_file_from_the_command_line(venv, tmp_path):
    out = run([venv, "-m", "lgc", FIXTURE, "--verify"], cwd=tmp_path)
    assert "OK" in out


def test_the_readme_example_trains_with_the_installed_package(venv, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = run([venv, EXAMPLE, FIXTURE], cwd=tmp_path, env=env)
    assert "trained on 60000 samples" in out
