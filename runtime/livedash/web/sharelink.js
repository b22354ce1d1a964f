// Share links: "#livedash=<widget key>~<base64url of the code, deflated>". A link is a stranger's input:
// any fragment, however damaged, gives either the code or a LinkError that says what is wrong, never an
// exception that stops the page, and the code it inflates to is capped (a small link can inflate to
// hundreds of megabytes).
const PREFIX = "livedash=";
export const MAX_CODE_BYTES = 512 * 1024;          // far above any example; far below what hurts a tab
const MAX_PACKED_CHARS = MAX_CODE_BYTES * 2;        // deflate never makes code longer than this in base64

export class LinkError extends Error {
  constructor(message) {
    super(message);
    this.name = "LinkError";
  }
}

/** What the address's fragment says: null when it is not a livedash link, else {key, packed} where key is
 *  null when even the widget it is for cannot be read (then `error` says why), and `error` is set when the
 *  link is damaged. */
export function readShareLink(hash = location.hash) {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!text.startsWith(PREFIX)) return null;          // someone else's fragment (#100%, a heading): not ours
  const rest = text.slice(PREFIX.length);
  const cut = rest.lastIndexOf("~");
  if (cut < 0) return { key: null, packed: "", error: "the link is cut short (it has no code)" };
  let key;
  try {
    key = decodeURIComponent(rest.slice(0, cut));
  } catch {
    return { key: null, packed: "", error: "the link's address is damaged" };
  }
  const packed = rest.slice(cut + 1);
  if (!packed || !/^[A-Za-z0-9_-]+$/.test(packed)) {
    return { key, packed: "", error: "the code in the link is damaged (it is not base64url text)" };
  }
  if (packed.length > MAX_PACKED_CHARS) {
    return { key, packed: "", error: `the link is too long (over ${MAX_PACKED_CHARS / 1024} KB)` };
  }
  return { key, packed };
}

/** The link for this page that opens widget `key` with `text`. */
export async function shareUrl(key, text, href = location.href) {
  const url = new URL(href);
  // (a "%" in the key is written %25: the reader decodes the key, and a bare "%" would not decode)
  url.hash = `${PREFIX}${key.replace(/%/g, "%25")}~${await pack(text)}`;
  return url.href;
}

export async function pack(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The code a packed link holds; throws LinkError when it is damaged, not text, or too large. */
export async function unpack(packed, limit = MAX_CODE_BYTES) {
  let bytes;
  try {
    bytes = Uint8Array.from(atob(packed.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  } catch {
    throw new LinkError("the code in the link is damaged (it is not base64url text)");
  }
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {   // stop inflating at once: the rest is never produced
        reader.cancel().catch(() => {});
        throw new LinkError(`the code in the link is larger than ${limit / 1024} KB`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof LinkError) throw error;
    throw new LinkError("the code in the link is damaged (it does not inflate)");
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) { whole.set(chunk, at); at += chunk.length; }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(whole);
  } catch {
    throw new LinkError("the code in the link is not text");
  }
}
