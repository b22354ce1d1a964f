// node --test: window.dash_clientside as the page fills it (runtime/livedash/web/clientside.js), against
// dash-renderer 4.4.1's PatchBuilder / handlePatch (actions/patch.ts) and set_props.
import assert from "node:assert/strict";
import test from "node:test";

globalThis.window = globalThis;
const { PatchBuilder, applyPatch, patched, registerApp, runClientside } = await import("../../runtime/livedash/web/clientside.js");

test("dash_clientside has Dash's members", () => {
  const dc = window.dash_clientside;
  assert.equal(dc.Patch, PatchBuilder);
  assert.deepEqual(dc.no_update, { description: "Return to prevent updating an Output." });
  assert.equal(dc.clean_url("javascript:alert(1)"), "about:blank");
  assert.equal(dc.clean_url("vbscript:x", "#"), "#");
  assert.equal(dc.clean_url("https://x.org/"), "https://x.org/");
  assert.equal(typeof dc.set_props, "function");
});

test("a Patch built clientside is Dash's JSON and applies as dash-renderer applies it", () => {
  const built = new PatchBuilder().append(["items"], 4).insert(["items"], -1, 0).remove(["items"], 2)
    .merge([], { k: 1 }).delete(["gone"]).add(["n"], 5).assign(["deep", "x"], 1).reverse(["r"]).clear(["c"]).build();
  assert.equal(built.__dash_patch_update, "__dash_patch_update");
  assert.deepEqual(built.operations[1], { operation: "Insert", location: ["items"], params: { index: -1, value: 0 } });
  const before = { items: [1, 2, 3], gone: 1, n: 1, r: [1, 2], c: [1] };
  assert.deepEqual(applyPatch(before, built), { items: [1, 3, 0, 4], n: 6, k: 1, deep: { x: 1 }, r: [2, 1], c: [] });
  assert.deepEqual(before.items, [1, 2, 3], "the previous value is not changed");
  assert.throws(() => patched({ data: built }, {}), /Cannot patch undefined/);
});

test("set_props during a call is the call's; after it, the last called app's own change", async () => {
  const changes = [];
  const app = { has: (id) => id === "x" || id?.type === "d", props: () => ({ data: [1] }),
    set: (id, props) => changes.push([id, props]), call: null };
  const other = { has: () => true, props: () => ({}), set: () => changes.push("other"), call: null };
  const stop = registerApp(app);
  const stopOther = registerApp(other);
  const answer = await runClientside({
    function: { source: `function(n) {
      dash_clientside.set_props({type: "d", index: 1}, {children: "now " + n});
      return new Promise((resolve) => setTimeout(() => resolve([n, dash_clientside.no_update, [1, dash_clientside.no_update]]), 1));
    }` },
    args: [3], multi: true,
    context: { triggered: [{ prop_id: '{"index":1,"type":"d"}.n_clicks' }], inputs_list: [{ id: "b", property: "n_clicks", value: 3 }],
      states_list: [], outputs_list: [{ id: "x", property: "children" }, { id: "y", property: "children" },
        [{ id: "p1", property: "children" }, { id: "p2", property: "children" }, { id: "p3", property: "children" }]] },
  }, app);
  const NO = { _dash_no_update: "_dash_no_update" };
  assert.deepEqual(answer, { value: [3, NO, [1, NO, NO]], set_props: [[{ type: "d", index: 1 }, { children: "now 3" }]] });
  window.dash_clientside.set_props("x", { data: new PatchBuilder().append([], 2).build() });
  assert.deepEqual(changes, [["x", { data: [1, 2] }]]);
  stop();
  stopOther();
});
