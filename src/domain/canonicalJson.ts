/**
 * JSON with object keys sorted at every level and no white space, so that the same data always gives the same
 * text (for checksums and deterministic tie-breaks) whatever order its keys were written in. Members that are
 * `undefined` or functions are left out, as JSON.stringify does.
 *
 * Done with JSON.stringify and a replacer that hands it each object re-keyed in order: about three times faster
 * than walking the tree in script, which matters for a whole school's bundle.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortKeys) ?? 'null';
}

function sortKeys(_key: string, v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  // No prototype: a key such as "__proto__" stays an ordinary member instead of reaching a setter.
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

/**
 * The canonical JSON text of `value` in pieces, in order: their concatenation is `canonicalJson(value)`. Arrays and
 * objects down to `depth` levels are written member by member, deeper values whole — a bundle (`{conflicts,
 * tables: {name: [record…]}}`) then comes a record at a time, and its checksum needs no text of the whole file.
 */
export function* canonicalJsonPieces(value: unknown, depth = 3): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield canonicalJson(value);
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i) yield ',';
      // As in JSON.stringify: an element that has no JSON (undefined, a function, a hole) is written as null.
      yield* canonicalJsonPieces(value[i] as unknown, depth - 1);
    }
    yield ']';
    return;
  }
  const o = value as Record<string, unknown>;
  let first = true;
  yield '{';
  // The order canonicalJson writes: sorted keys put into a fresh object, whose own order puts integer-like keys
  // («0», «12») first — that is what JSON.stringify then walks.
  const order = Object.create(null) as Record<string, true>;
  for (const k of Object.keys(o).sort()) order[k] = true;
  for (const k of Object.keys(order)) {
    const v = o[k];
    // As in JSON.stringify: a member that has no JSON is left out.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    yield* canonicalJsonPieces(v, depth - 1);
  }
  yield '}';
}

/** Deep equality of JSON-like values, ignoring key order; cheaper than comparing canonical texts. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!Object.hasOwn(bo, k) || !sameJson(ao[k], bo[k])) return false;
  return true;
}

/** Up to this many bytes of text are hashed in one go by WebCrypto; a longer text is hashed as it comes. */
export const ONE_SHOT_HASH_BYTES = 32 * 1024 * 1024;
const BATCH_CHARS = 1 << 20;

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * SHA-256 (lower-case hex) of the UTF-8 text made of `pieces`, without ever holding the whole text: pieces are
 * encoded a megabyte of text at a time. Up to `oneShotBytes` the bytes are kept and hashed by WebCrypto at the end
 * (fast; WebCrypto cannot hash in parts); past that the hashing goes on in parts with @noble/hashes (slower, but
 * the memory stays a few megabytes whatever the size — a 200,000-record file held 280 MB more for its checksum).
 * The digest is the same either way: that of `sha256Hex(pieces.join(''))`.
 */
export async function sha256HexOfPieces(pieces: Iterable<string>, oneShotBytes: number = ONE_SHOT_HASH_BYTES): Promise<string> {
  const encoder = new TextEncoder();
  let kept: Uint8Array[] = [];
  let keptBytes = 0;
  let hasher: { update(b: Uint8Array): unknown; digest(): Uint8Array } | undefined;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (!batch.length) return;
    const bytes = encoder.encode(batch.join(''));
    batch = [];
    chars = 0;
    if (hasher) {
      hasher.update(bytes);
      return;
    }
    kept.push(bytes);
    keptBytes += bytes.length;
    if (keptBytes > oneShotBytes) {
      const { sha256 } = await import('@noble/hashes/sha2.js');
      hasher = sha256.create();
      for (const b of kept) hasher.update(b);
      kept = [];
    }
  };
  for (const piece of pieces) {
    batch.push(piece);
    chars += piece.length;
    if (chars >= BATCH_CHARS) await flush();
  }
  await flush();
  if (hasher) return hex(hasher.digest());
  const all = new Uint8Array(keptBytes);
  let at = 0;
  for (const b of kept) {
    all.set(b, at);
    at += b.length;
  }
  return sha256HexOfBytes(all);
}

/** SHA-256 of bytes at once, lower-case hex. WebCrypto exists in browsers and in Node ≥ 20 alike. */
async function sha256HexOfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return hex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)));
}

/** SHA-256 of the UTF-8 text at once, lower-case hex (the reference the tests hold `sha256HexOfPieces` to). */
export function sha256Hex(text: string): Promise<string> {
  return sha256HexOfBytes(new TextEncoder().encode(text));
}
