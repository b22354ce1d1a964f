// node --test: the words of an error (errors.js), which the build writes the same way (livedash/errors.py,
// tests/unit/test_error_lines.py checks the same strings).
import assert from "node:assert/strict";
import test from "node:test";
import { errorStatus, lineNote, ownLine } from "../../runtime/livedash/web/errors.js";

const error = { kind: "ValueError", message: "boom", filename: "app.py", line: 7 };

test("the status names the callback and the editor line", () => {
  assert.equal(errorStatus(error, "update_output"), "Error in update_output (line 7)");
  assert.equal(errorStatus(error), "Error: ValueError (line 7)");
  assert.equal(errorStatus({ kind: "NoApp", message: "" }), "Error: NoApp");
  assert.equal(lineNote({ line: null }), "");
});

test("only a line of the reader's own file is marked in the editor", () => {
  assert.equal(ownLine(error, "app.py"), 7);
  assert.equal(ownLine({ ...error, filename: "docs/examples/app.py" }, "app.py"), 7);
  assert.equal(ownLine({ ...error, filename: "docs/lesson.md" }, "app.py"), null);
  assert.equal(ownLine({ ...error, filename: "myapp.py" }, "app.py"), null);
  assert.equal(ownLine({ ...error, line: null }, "app.py"), null);
});
