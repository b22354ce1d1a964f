// node --test: the page's protocol checker (runtime/livedash/web/protocol.js) keeps what fits and drops the rest.
import assert from "node:assert/strict";
import test from "node:test";
import { checkWorkerMessage, ProtocolError } from "../../runtime/livedash/web/protocol.js";

const div = (props) => ({ namespace: "dash_html_components", type: "Div", props });

test("a well-formed loaded message is kept, with only the protocol's fields", () => {
  const message = { type: "loaded", app: "a/0", layout: div({ id: "x", children: ["hi", div({})] }), trace: [],
    error: null, problems: [], background: false, extra: "<img onerror>" };
  const checked = checkWorkerMessage(message);
  assert.deepEqual(checked.layout, message.layout);
  assert.equal("extra" in checked, false);
});

test("a component's fields beyond namespace, type, props are dropped", () => {
  const layout = { ...div({}), html: "<script>x()</script>", markdown: ["p", {}, "hi"] };
  const checked = checkWorkerMessage({ type: "loaded", app: "a", layout, trace: [], error: null, problems: [] });
  assert.equal("html" in checked.layout, false);
  assert.equal("markdown" in checked.layout, false);
});

test("children_props is a table of namespaces, types and spec strings", () => {
  const base = { type: "loaded", app: "a", layout: div({}), trace: [], error: null, problems: [] };
  const table = { dash_core_components: { Tab: ["label"] } };
  assert.deepEqual(checkWorkerMessage({ ...base, children_props: table }).children_props, table);
  assert.throws(() => checkWorkerMessage({ ...base, children_props: { x: { Tab: "label" } } }), /children_props/);
});

test("malformed messages are refused with the path of what is wrong", () => {
  const cases = [
    [null, /message/],
    [{ type: "nonsense" }, /known message type/],
    [{ type: "updated", app: "a", seq: 1, updates: "<b>x</b>", trace: [] }, /updated\.updates: expected a list/],
    [{ type: "updated", app: 3, seq: 1, updates: [], trace: [] }, /updated\.app: expected a string/],
    [{ type: "updated", app: "a", seq: 1, updates: [{ id: { a: [1] }, props: {} }], trace: [] }, /component id/],
    [{ type: "loaded", app: "a", layout: div({}), trace: [], error: null, problems: [],
      diagram: { text: "%%{init: {}}%%\nflowchart LR", callbacks: {} } }, /without directives/],
    [{ type: "updated", app: "a", seq: null, updates: [], trace: [],
      clientside: { function: { source: 1 }, args: [], context: {} } }, /source: expected a string/],
    [{ type: "booted", ms: 1, python: "3.14" }, /protocol/],
  ];
  for (const [message, expected] of cases) {
    assert.throws(() => checkWorkerMessage(message), (error) => error instanceof ProtocolError && expected.test(error.message),
      JSON.stringify(message));
  }
});

test("deeply nested data is refused instead of exhausting the stack", () => {
  let layout = div({});
  for (let i = 0; i < 5000; i += 1) layout = div({ children: layout });
  assert.throws(() => checkWorkerMessage({ type: "loaded", app: "a", layout, trace: [], error: null, problems: [] }),
    ProtocolError);
});

test("an update queued behind a run that waits for the page keeps its queued mark", () => {
  const checked = checkWorkerMessage({ type: "updated", app: "a", seq: 2, updates: [], trace: [], queued: true });
  assert.equal(checked.queued, true);
  assert.throws(() => checkWorkerMessage({ type: "updated", app: "a", seq: 2, updates: [], trace: [], queued: "yes" }),
    ProtocolError);
});
