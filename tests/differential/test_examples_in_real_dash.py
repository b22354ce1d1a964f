"""Every lesson example runs unchanged in real Dash 4.4.1, and the same clicks give the same page there
as in livedash (compared on Dash's own layout JSON after the initial calls and after each step)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from livedash.testing import Client

ROOT = Path(__file__).resolve().parents[2]
DASH_PYTHON = Path(os.environ.get("LIVEDASH_DASH_VENV", ROOT / ".venv-dash")) / "bin" / "python"
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.py"))


def clicks(component_id, times):
    return [{component_id: {"n_clicks": n}} for n in range(1, times + 1)]


# What a reader does with each example (a step: {id: {prop: value}}, one setProps).
STEPS = {
    "counter.py": clicks("btn", 3),
    "plus_minus.py": clicks("plus", 2) + clicks("minus", 1),
    "sign_colour.py": clicks("down", 2) + clicks("up", 3),
}


def in_real_dash(example, steps):
    if not DASH_PYTHON.exists():
        pytest.fail(f"no real-Dash venv at {DASH_PYTHON.parent.parent}: scripts/test creates it")
    result = subprocess.run([str(DASH_PYTHON), str(Path(__file__).with_name("dash_probe.py")), str(example)],
                            input=json.dumps(steps), capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def in_livedash(example, steps):
    client = Client.from_file(example)
    for step in steps:
        for component_id, props in step.items():
            client.set(component_id, **props)
    return client.session.layout_json()


def test_every_example_has_steps():
    assert {e.name for e in EXAMPLES} == set(STEPS), "add the reader's steps for each new example"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_matches_real_dash(example):
    steps = STEPS[example.name]
    dash_layout = in_real_dash(example, steps)
    assert in_livedash(example, steps) == dash_layout
    assert in_livedash(example, []) == in_real_dash(example, [])
