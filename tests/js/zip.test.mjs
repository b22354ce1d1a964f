// node --test: the Download's zip (zip.js) is a valid archive: its headers and CRCs read back here, and
// Python's zipfile lists and tests it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";
import { crc32 } from "node:zlib";
import { zip } from "../../runtime/livedash/web/zip.js";

const FILES = [
  { name: "app.py", text: "from dash import Dash\napp = Dash()\n# ünïcödé ✓\n" },
  { name: "assets/style.css", text: ".big { font-size: 2em }\n" },
  { name: "assets/empty.js", text: "" },
];

async function bytesOf(files) {
  const blob = zip(files);
  assert.equal(blob.type, "application/zip");
  return new Uint8Array(await blob.arrayBuffer());
}

test("every entry's local header, central header and CRC say the same as its data", async () => {
  const bytes = await bytesOf(FILES);
  const view = new DataView(bytes.buffer);
  const end = bytes.length - 22;
  assert.equal(view.getUint32(end, true), 0x06054b50);
  assert.equal(view.getUint16(end + 10, true), FILES.length);
  let central = view.getUint32(end + 16, true);
  assert.equal(central + view.getUint32(end + 12, true), end, "the central directory ends where the end record starts");
  const decoder = new TextDecoder();
  for (const file of FILES) {
    assert.equal(view.getUint32(central, true), 0x02014b50);
    const size = view.getUint32(central + 24, true);
    const nameLength = view.getUint16(central + 28, true);
    const local = view.getUint32(central + 42, true);
    assert.equal(decoder.decode(bytes.subarray(central + 46, central + 46 + nameLength)), file.name);
    assert.equal(view.getUint32(local, true), 0x04034b50);
    assert.equal(view.getUint16(local + 8, true), 0, "stored, not compressed");
    assert.equal(view.getUint32(local + 14, true), view.getUint32(central + 16, true));
    const start = local + 30 + view.getUint16(local + 26, true);
    const data = bytes.subarray(start, start + size);
    assert.equal(decoder.decode(data), file.text);
    assert.equal(view.getUint32(central + 16, true), crc32(data));
    central += 46 + nameLength;
  }
});

test("Python's zipfile reads it back: names, texts, CRCs", async () => {
  const path = join(mkdtempSync(join(tmpdir(), "livedash-zip-")), "example.zip");
  writeFileSync(path, await bytesOf(FILES));
  const python = process.env.PYTHON || "python3";
  const script = "import json, sys, zipfile\n"
    + "z = zipfile.ZipFile(sys.argv[1])\n"
    + "assert z.testzip() is None\n"
    + "print(json.dumps([[i.filename, z.read(i).decode('utf-8')] for i in z.infolist()]))\n";
  const listed = JSON.parse(execFileSync(python, ["-c", script, path], { encoding: "utf-8" }));
  assert.deepEqual(listed, FILES.map((file) => [file.name, file.text]));
});

test("an empty archive is valid too", async () => {
  const bytes = await bytesOf([]);
  assert.equal(bytes.length, 22);
  assert.equal(new DataView(bytes.buffer).getUint32(0, true), 0x06054b50);
});
