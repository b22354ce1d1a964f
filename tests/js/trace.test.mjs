// node --test: how the trace panel (trace.js) shortens a value to one line.
import assert from "node:assert/strict";
import test from "node:test";
import { shorten } from "../../runtime/livedash/web/trace.js";

test("short values are their JSON", () => {
  assert.equal(shorten(3), "3");
  assert.equal(shorten("hi"), '"hi"');
  assert.equal(shorten(null), "null");
  assert.equal(shorten([1, "a"]), '[1,"a"]');
  assert.equal(shorten(undefined), "undefined");
});

test("components are their type and id, also inside other values", () => {
  const p = { namespace: "dash_html_components", type: "P", props: { id: "x", children: "long ".repeat(50) } };
  assert.equal(shorten(p), '"<P \\"x\\">"');
  const noId = { namespace: "dash_html_components", type: "Div", props: { children: [p] } };
  assert.equal(shorten(noId), '"<Div>"');
  assert.equal(shorten([p, 1]), '["<P \\"x\\">",1]');
  // A dict with the same keys but not all three is a plain value.
  assert.equal(shorten({ type: "P", props: {} }), '{"type":"P","props":{}}');
});

test("long values are cut to 60 characters with an ellipsis", () => {
  const text = shorten("x".repeat(100));
  assert.equal(text.length, 60);
  assert.ok(text.endsWith("…") && text.startsWith('"xxx'));
  assert.equal(shorten("y".repeat(58)).length, 60);          // 58 + two quotes: exactly 60, kept whole
  assert.ok(!shorten("y".repeat(58)).endsWith("…"));
  assert.ok(shorten("y".repeat(59)).endsWith("…"));
});
