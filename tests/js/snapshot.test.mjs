// node --test: a Python snapshot is stored without its all-zero blocks (snapshot.js) and comes back
// byte for byte; what is not such a packing is refused, never restored.
import assert from "node:assert/strict";
import test from "node:test";
import { pack, unpack } from "../../runtime/livedash/web/snapshot.js";

const BLOCK = 65536;

function memoryLike() {
  // Like a wasm heap: data, a long run of zeros, data ending mid-block, zeros to the end.
  const bytes = new Uint8Array(5 * BLOCK + 1000 * 4);
  for (let i = 0; i < BLOCK + 123; i++) bytes[i] = (i * 7 + 1) % 251;
  for (let i = 3 * BLOCK + 5; i < 3 * BLOCK + 40; i++) bytes[i] = 9;
  bytes[bytes.length - 1] = 0;
  return bytes;
}

test("packing drops the all-zero blocks and unpacking gives the same bytes back", () => {
  const bytes = memoryLike();
  const packed = pack(bytes);
  // six blocks (the last one short); the first two and the fourth hold data
  assert.equal(packed.length, 8 + 6 + 3 * BLOCK);
  assert.deepEqual(unpack(packed), bytes);
});

test("a heap with nothing but data, or nothing but zeros, also comes back", () => {
  const full = new Uint8Array(2 * BLOCK + 16).map((_, i) => (i % 200) + 1);
  assert.deepEqual(unpack(pack(full)), full);
  const empty = new Uint8Array(3 * BLOCK);
  assert.equal(pack(empty).length, 8 + 3);
  assert.deepEqual(unpack(pack(empty)), empty);
});

test("bytes that are not a packed snapshot, or one cut short, are refused", () => {
  assert.throws(() => unpack(new Uint8Array(100)), /not a stored snapshot/);
  const packed = pack(memoryLike());
  assert.throws(() => unpack(packed.subarray(0, packed.length - 10)), /cut short/);
});
