// node --test: share links (runtime/livedash/web/sharelink.js) round-trip, and every damaged one is a LinkError.
import assert from "node:assert/strict";
import test from "node:test";
import { LinkError, MAX_CODE_BYTES, pack, readShareLink, shareUrl, unpack } from "../../runtime/livedash/web/sharelink.js";

test("code survives the round trip through a link", async () => {
  const code = "from dash import Dash\n# ünïcödé ✓\n".repeat(20);
  const url = await shareUrl("lessons/one/0", code, "https://user.github.io/course/page/");
  const link = readShareLink(new URL(url).hash);
  assert.equal(link.key, "lessons/one/0");
  assert.equal(await unpack(link.packed), code);
});

test("fragments that are not livedash links are left alone", () => {
  for (const hash of ["", "#", "#100%", "#section-2", "#livedash"]) assert.equal(readShareLink(hash), null, hash);
});

test("damaged links say what is wrong", () => {
  assert.match(readShareLink("#livedash=a/0").error, /cut short/);
  assert.match(readShareLink("#livedash=%E0%A4%A~abc").error, /address is damaged/);
  assert.match(readShareLink("#livedash=a/0~%%%").error, /not base64url/);
  assert.equal(readShareLink("#livedash=a/0~abc").error, undefined);
});

test("unpacking damaged, non-text or oversized code throws a LinkError", async () => {
  await assert.rejects(unpack("A".repeat(40)), LinkError);
  await assert.rejects(unpack("@@@"), LinkError);
  // Valid deflate of bytes that are not UTF-8:
  const bytes = new Uint8Array(await new Response(new Blob([new Uint8Array([0xff, 0xfe, 0xfd])]).stream()
    .pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer());
  const binary = Buffer.from(bytes).toString("base64url");
  await assert.rejects(unpack(binary), /not text/);
  const big = await pack("#".repeat(MAX_CODE_BYTES + 1));
  await assert.rejects(unpack(big), /larger than 512 KB/);
});

test("any widget key survives the link (slashes, spaces, unicode, a tilde); the page's address is kept", async () => {
  for (const key of ["lessons/one/0", "a b/ü ✓/1", "odd~key/2", "100%/3"]) {
    const url = await shareUrl(key, "x = 1\n", "https://user.github.io/course/page/?q=1#old-heading");
    const parsed = new URL(url);
    assert.equal(parsed.pathname + parsed.search, "/course/page/?q=1");
    assert.match(parsed.hash, /^#livedash=.*~[A-Za-z0-9_-]+$/);
    const link = readShareLink(parsed.hash);
    assert.equal(link.key, key);
    assert.equal(await unpack(link.packed), "x = 1\n");
  }
});

test("packed code is base64url text without padding, also for empty code", async () => {
  for (const code of ["", "a", "é".repeat(1000), "\n\t\r\u0000"]) {
    const packed = await pack(code);
    assert.match(packed, /^[A-Za-z0-9_-]*$/);
    assert.equal(await unpack(packed), code);
  }
});

test("a link longer than any real code is refused before inflating", () => {
  const link = readShareLink(`#livedash=a/0~${"A".repeat(MAX_CODE_BYTES * 2 + 1)}`);
  assert.equal(link.key, "a/0");
  assert.match(link.error, /too long/);
  assert.equal(link.packed, "");
});

test("code just under the cap unpacks; a lower limit refuses it", async () => {
  const code = "#".repeat(MAX_CODE_BYTES);
  const packed = await pack(code);
  assert.equal((await unpack(packed)).length, MAX_CODE_BYTES);
  await assert.rejects(unpack(packed, 1024), /larger than 1 KB/);
});
