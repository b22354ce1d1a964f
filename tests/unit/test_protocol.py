"""The worker's side of the protocol: a request that does not fit is answered with `failed`, never run."""

import json

import pytest

from livedash.kernel import Kernel
from livedash.protocol import ProtocolError, check_request
from tests.sites import COUNTER


@pytest.mark.parametrize(
    "request_, expected",
    [
        ([], "JSON object with a type"),
        ({"type": "explode"}, "unknown request type"),
        ({"type": "load", "app": "a"}, "load.code"),
        ({"type": "load", "app": 1, "code": ""}, "load.app"),
        (
            {"type": "update", "app": "a", "changes": [{"id": "x"}]},
            "update.changes",
        ),  # (no id: a component without one)
        ({"type": "job-done", "app": "a", "job": True, "answer": {}}, "job-done.job"),
    ],
)
def test_malformed_requests_are_refused_with_what_is_wrong(request_, expected):
    with pytest.raises(ProtocolError, match=expected):
        check_request(request_)
    answer = json.loads(Kernel().handle(json.dumps(request_)))
    assert answer["type"] == "failed" and expected in answer["error"]["message"]


def test_a_refused_request_leaves_the_kernel_answering():
    kernel = Kernel()
    assert json.loads(kernel.handle(json.dumps({"type": "_on_load"})))["type"] == "failed"
    loaded = json.loads(kernel.handle(json.dumps({"type": "load", "app": "a", "code": COUNTER})))
    assert loaded["type"] == "loaded" and loaded["error"] is None
