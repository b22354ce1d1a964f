// node --test: the pure parts of the widget's connection (connection.js) and of its ids (sanitize.js's idKey):
// an answer never overwrites a prop the reader set after the update it answers.
import assert from "node:assert/strict";
import test from "node:test";
import { EditedProps } from "../../runtime/livedash/web/connection.js";
import { idKey } from "../../runtime/livedash/web/sanitize.js";

test("idKey: string ids as they are, dict ids with their keys sorted", () => {
  assert.equal(idKey("count"), "count");
  assert.equal(idKey(null), null);
  assert.equal(idKey({ type: "item", index: 2 }), '{"index":2,"type":"item"}');
  assert.equal(idKey({ index: 2, type: "item" }), idKey({ type: "item", index: 2 }));
  assert.notEqual(idKey({ index: 2, type: "item" }), idKey({ index: "2", type: "item" }));
  assert.notEqual(idKey({ a: "b,c" }), idKey({ a: "b", c: undefined }));
});

const change = (id, props) => ({ id, props });

test("an older answer leaves alone a prop the reader set later; the latest answer's value shows", () => {
  const edited = new EditedProps();
  edited.mark([change("name", { value: "a" })], 1);
  edited.mark([change("name", { value: "ab" })], 2);
  // The answer to update 1 writes back "A" into the input and sets a label: only the label is shown.
  assert.deepEqual(edited.fresh(change("name", { value: "A", title: "t" }), 1), { title: "t" });
  assert.deepEqual(edited.fresh(change("label", { children: "A" }), 1), { children: "A" });
  // The answer to update 2 brings the value that counts, and the prop is the worker's again afterwards.
  assert.deepEqual(edited.fresh(change("name", { value: "AB" }), 2), { value: "AB" });
  assert.deepEqual(edited.fresh(change("name", { value: "from a later callback" }), 2),
    { value: "from a later callback" });
});

test("a queued change (not sent yet) outranks every answer until it is sent", () => {
  const edited = new EditedProps();
  edited.mark([change("name", { value: "typed while loading" })], Infinity);
  assert.deepEqual(edited.fresh(change("name", { value: "old" }), 5), {});
  edited.mark([change("name", { value: "typed while loading" })], 6);   // sent as update 6
  assert.deepEqual(edited.fresh(change("name", { value: "old" }), 5), {});
  assert.deepEqual(edited.fresh(change("name", { value: "new" }), 6), { value: "new" });
});

test("dict ids match whatever the order of their keys; clear forgets every edit (a new load)", () => {
  const edited = new EditedProps();
  edited.mark([change({ type: "in", index: 1 }, { value: 3 })], 4);
  assert.deepEqual(edited.fresh(change({ index: 1, type: "in" }, { value: 0 }), 3), {});
  assert.deepEqual(edited.fresh(change({ index: 2, type: "in" }, { value: 0 }), 3), { value: 0 });
  edited.clear();
  assert.deepEqual(edited.fresh(change({ index: 1, type: "in" }, { value: 0 }), 3), { value: 0 });
});

test("a background job's answer (no seq) shows only props the reader has not set since", () => {
  const edited = new EditedProps();
  edited.mark([change("name", { value: "mine" })], 2);
  assert.deepEqual(edited.fresh(change("name", { value: "job's", title: "done" }), null), { title: "done" });
  assert.deepEqual(edited.fresh(change("name", { value: "answer to 2" }), 2), { value: "answer to 2" });
});
