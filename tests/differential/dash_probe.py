"""Run in the real-Dash venv: load an example app, then play steps against Dash's own HTTP endpoints.

Usage: python dash_probe.py EXAMPLE.py  < steps.json  > result.json

It plays the part of dash-renderer only as far as these examples need: the initial call of each
callback with the layout's values, then for each step the callbacks whose Inputs the step changed,
applying their responses to its copy of the layout. (Chained callbacks are the browser runner's job.)
"""

import json
import runpy
import sys


def find(node, wanted):
    if isinstance(node, list):
        for child in node:
            found = find(child, wanted)
            if found is not None:
                return found
    elif isinstance(node, dict) and "props" in node:
        if node["props"].get("id") == wanted:
            return node
        return find(node["props"].get("children"), wanted)
    return None


def main():
    namespace = runpy.run_path(sys.argv[1], run_name="__dash_probe__")
    app = namespace["app"]
    client = app.server.test_client()
    layout = client.get("/_dash-layout").get_json()
    callbacks = client.get("/_dash-dependencies").get_json()
    steps = json.load(sys.stdin)

    def prop(dep):
        component = find(layout, dep["id"])
        entry = {"id": dep["id"], "property": dep["property"]}
        if component is not None and dep["property"] in component["props"]:
            entry["value"] = component["props"][dep["property"]]
        return entry

    def call(callback, changed):
        body = {"output": callback["output"], "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]}
                for o in callback["output"].strip(".").split("...")],
                "inputs": [prop(d) for d in callback["inputs"]], "state": [prop(d) for d in callback["state"]],
                "changedPropIds": changed}
        if not callback["output"].startswith(".."):
            body["outputs"] = body["outputs"][0]
        response = client.post("/_dash-update-component", json=body)
        if response.status_code == 204:
            return
        assert response.status_code == 200, response.get_data(as_text=True)
        for component_id, props in response.get_json()["response"].items():
            find(layout, component_id)["props"].update(props)

    for callback in callbacks:
        if not callback["prevent_initial_call"]:
            call(callback, [])
    for step in steps:
        for component_id, props in step.items():
            find(layout, component_id)["props"].update(props)
            changed = [f"{component_id}.{p}" for p in props]
            for callback in callbacks:
                if any(f"{d['id']}.{d['property']}" in changed for d in callback["inputs"]):
                    call(callback, changed)
    json.dump(layout, sys.stdout)


if __name__ == "__main__":
    main()
