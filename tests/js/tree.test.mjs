// tree.js: an app's layout as Dash's own components see it (paths, setProps, loading state); sanitize.js: the
// props they are drawn with. (The elements themselves are checked in Chromium and by the build's server render.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { AppTree } from "../../runtime/livedash/web/tree.js";
import { safeProps } from "../../runtime/livedash/web/sanitize.js";

const H = (type, props) => ({ namespace: "dash_html_components", type, props });
const D = (type, props) => ({ namespace: "dash_core_components", type, props });

function app(layout, options = {}) {
  const told = [];
  const tree = new AppTree({ key: "k", resolve: () => null, onSetProps: (c, path, changed) => told.push(changed),
    ...options });
  tree.setLayout(layout);
  return { tree, told };
}

test("components are found by id, inside children and children props", () => {
  const { tree } = app(H("Div", { children: [H("P", { id: "p" }), D("Tabs", { children: [
    D("Tab", { label: H("B", { id: "label" }), children: H("Span", { id: { kind: "s", n: 1 } }) })] })] }),
  { childrenProps: { dash_core_components: { Tab: ["label"] } } });
  assert.deepEqual(tree.pathOf("p"), ["k", "props", "children", 0]);
  assert.deepEqual(tree.pathOf("label"), ["k", "props", "children", 1, "props", "children", 0, "props", "label"]);
  assert.deepEqual(tree.pathOf({ n: 1, kind: "s" }),
    ["k", "props", "children", 1, "props", "children", 0, "props", "children"]);
  assert.deepEqual([...tree.namespaces].sort(), ["dash_core_components", "dash_html_components"]);
});

test("setProps applies and tells only what changed; _dash_error is reported", () => {
  const problems = [];
  const { tree, told } = app(H("Div", { children: [D("Input", { id: "i", value: "a" })] }),
    { report: (m) => problems.push(m) });
  const before = tree.layout;
  tree.setProps(tree.pathOf("i"), "i", { value: "a" });
  assert.deepEqual(told, []);
  assert.equal(tree.layout, before);
  tree.setProps(tree.pathOf("i"), "i", { value: "b", n_blur: 1, _dash_error: { message: "Dangerous link detected" } });
  assert.deepEqual(told, [{ value: "b", n_blur: 1 }]);
  assert.deepEqual(problems, ["Dangerous link detected"]);
  assert.equal(tree.component("i").props.value, "b");
  // Only the path to the change is new: React skips the rest.
  assert.notEqual(tree.layout, before);
});

test("children props specs reach lists and dicts", () => {
  const { tree } = app(D("Thing", { items: [{ content: H("I", { id: "a" }) }, { content: H("I", { id: "b" }) }],
    slots: { left: H("I", { id: "c" }) } }),
  { childrenProps: { dash_core_components: { Thing: ["items[].content", "slots{}"] } } });
  assert.deepEqual(tree.pathOf("b"), ["k", "props", "items", 1, "content"]);
  assert.deepEqual(tree.pathOf("c"), ["k", "props", "slots", "left"]);
});

test("loading state is kept per component path, as dash-renderer's reducer", () => {
  const { tree } = app(H("Div", { children: [H("P", { id: "out" })] }));
  tree.setLoading([{ id: "out", property: "children" }], true);
  const key = JSON.stringify(tree.pathOf("out"));
  assert.deepEqual(tree.state.loading[key], [{ path: tree.pathOf("out"), property: "children", id: "out" }]);
  tree.setLoading([{ id: "out", property: "children" }], false);
  assert.deepEqual(tree.state.loading[key], []);
});

test("props reach components as Dash gives them, without what could run script", () => {
  const html = (type, props, trusted = true) => safeProps("dash_html_components", type, props, { trusted, report: () => {} });
  assert.deepEqual(html("A", { href: "javascript:alert(1)", title: "t", children: "x" }),
    { href: "about:blank", title: "t", children: "x" });
  assert.deepEqual(html("Div", { dangerouslySetInnerHTML: { __html: "<img>" }, onClick: "x()", className: "c" }),
    { className: "c" });
  assert.equal(html("Iframe", { srcDoc: "<script>x()</script>" }, false).sandbox, "allow-scripts allow-forms allow-popups");
  assert.equal(html("Iframe", { sandbox: "allow-same-origin allow-scripts" }, false).sandbox, "allow-scripts");
  assert.equal(html("Iframe", { src: "/x" }, true).sandbox, undefined);
  const md = (trusted) => safeProps("dash_core_components", "Markdown", { dangerously_allow_html: true }, { trusted });
  assert.equal(md(true).dangerously_allow_html, true);
  assert.equal(md(false).dangerously_allow_html, false);
  const table = safeProps("dash_table", "DataTable", { markdown_options: { html: true, link_target: "_blank" } },
    { trusted: false });
  assert.deepEqual(table.markdown_options, { html: false, link_target: "_blank" });
});
