import { describe, expect, it } from 'vitest';
import { Deflate, strToU8, zipSync } from 'fflate';
import { decodeBundle, encodeBundle, encryptBytes } from '../../../src/storage/bundle/codec';
import { gunzipCapped, INFLATE_SLICE_BYTES, pushBound, unzipCapped } from '../../../src/storage/bundle/inflate';
import { serializeBundle } from '../../../src/domain/bundle/format';
import { MAX_BUNDLE_BYTES } from '../../../src/domain/bundle/safeJson';
import { sampleBundle } from '../domain/bundle/sampleData';

// Issue 14: decompression counts its output and stops at the cap, whatever a header or a directory claims. These
// tests are not timed: they check a counter of the bytes the decompressor produced, which a decoder that ran a bomb
// to its end (or trusted its declared size) would blow past.

const MB = 1024 * 1024;
const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** A gzip stream of zeros that never ends: a header, then deflate blocks forever (never the final one). */
function* endlessGzip(pulled: { bytes: number }): Generator<Uint8Array> {
  const queue: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => queue.push(chunk));
  const zeros = new Uint8Array(MB);
  pulled.bytes += GZIP_HEADER.byteLength;
  yield GZIP_HEADER;
  for (;;) {
    deflate.push(zeros, false);
    // fflate's Deflate emits each 1 MB of zeros as one small piece; flush() would also do.
    while (queue.length) {
      const c = queue.shift()!;
      pulled.bytes += c.byteLength;
      yield c;
    }
  }
}

/** gzip of `mb` megabytes of zeros through CompressionStream, from one 1 MB buffer repeated (little memory). */
async function gzipOfZeros(mb: number): Promise<Uint8Array<ArrayBuffer>> {
  const zeros = new Uint8Array(MB);
  const blob = new Blob(Array.from({ length: mb }, () => zeros));
  return new Uint8Array(await new Response(blob.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

/** Writes `size` as the unpacked size of `name` in the local header and in the central directory of a ZIP. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const nameAt = (at: number) => nameBytes.every((b, i) => out[at + i] === b);
  let patched = 0;
  for (let at = 0; at + 46 < out.byteLength; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50 && view.getUint16(at + 26, true) === nameBytes.length && nameAt(at + 30)) {
      view.setUint32(at + 22, size, true);
      patched++;
    } else if (sig === 0x02014b50 && view.getUint16(at + 28, true) === nameBytes.length && nameAt(at + 46)) {
      view.setUint32(at + 24, size, true);
      patched++;
    }
  }
  expect(patched).toBe(2);
  return out;
}

describe('hostile files: decompression stops at the cap', () => {
  it('a gzip stream that would never end is refused by the cap, not run to its end', async () => {
    const meter = { produced: 0 };
    const pulled = { bytes: 0 };
    const r = await gunzipCapped(endlessGzip(pulled), { limit: MAX_BUNDLE_BYTES, meter });
    expect(r).toMatchObject({ ok: false, error: { kind: 'tooLarge', limit: MAX_BUNDLE_BYTES } });
    expect(meter.produced).toBeGreaterThan(MAX_BUNDLE_BYTES);
    expect(meter.produced).toBeLessThanOrEqual(MAX_BUNDLE_BYTES + pushBound());
    // It stopped reading too: about 1 KB of input per MB of zeros, so some 100 KB, not forever.
    expect(pulled.bytes).toBeLessThan(1 * MB);
  });

  it('a smaller slice bounds the overshoot tighter (the bound is per push)', async () => {
    const meter = { produced: 0 };
    const limit = 5 * MB;
    const r = await gunzipCapped(endlessGzip({ bytes: 0 }), { limit, meter, slice: 256 });
    expect(r.ok).toBe(false);
    expect(meter.produced).toBeLessThanOrEqual(limit + pushBound(256));
    expect(pushBound(256)).toBeLessThan(MB);
  });

  it('a gzip file of 300 MB of zeros (300 KB on disk, the trailer honest) is refused having unpacked ≤ limit + one slice', async () => {
    const bomb = await gzipOfZeros(300);
    expect(bomb.byteLength).toBeLessThan(400_000);
    const meter = { produced: 0 };
    const r = await decodeBundle(bomb, { meter });
    expect(r).toMatchObject({ ok: false, error: { kind: 'tooLarge', limit: MAX_BUNDLE_BYTES } });
    expect(meter.produced).toBeLessThanOrEqual(MAX_BUNDLE_BYTES + pushBound(INFLATE_SLICE_BYTES));
  });

  it('a gzip trailer that declares a small size does not matter: the output is what is counted', async () => {
    const bomb = await gzipOfZeros(8);
    new DataView(bomb.buffer).setUint32(bomb.byteLength - 4, 100, true); // «100 bytes»
    const meter = { produced: 0 };
    const r = await decodeBundle(bomb, { maxBytes: 2 * MB, meter });
    expect(r).toMatchObject({ ok: false, error: { kind: 'tooLarge', limit: 2 * MB } });
    expect(meter.produced).toBeLessThanOrEqual(2 * MB + pushBound());
  });

  it('a ZIP whose directory lies about bundle.json (declares 1 KB, holds 40 MB of zeros) stops at the declared size', async () => {
    const honest = zipSync({ 'bundle.json': [new Uint8Array(40 * MB), { level: 9 }] });
    expect(honest.byteLength).toBeLessThan(200_000);
    const liar = lieAboutSize(honest, 'bundle.json', 1024);
    const meter = { produced: 0 };
    const r = await decodeBundle(liar, { meter });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'notABundle', detail: expect.stringContaining('больше, чем указано в оглавлении') });
    expect(meter.produced).toBeLessThanOrEqual(1024 + pushBound());
  });

  it('a ZIP whose entries together unpack past the limit is refused at the cap, whatever each declares', async () => {
    // The directory check is told the two entries fit; the total cap is what stops them.
    const zip = zipSync({ 'bundle.json': [new Uint8Array(3 * MB), { level: 9 }], 'files.json': [new Uint8Array(3 * MB), { level: 9 }] });
    const meter = { produced: 0 };
    const r = await unzipCapped(zip, new Map([['bundle.json', 3 * MB], ['files.json', 3 * MB]]), { limit: 4 * MB, meter });
    expect(r).toMatchObject({ ok: false, error: { kind: 'tooLarge', limit: 4 * MB } });
    expect(meter.produced).toBeLessThanOrEqual(4 * MB + pushBound());
    // The same archive with a limit it fits unpacks both, each exactly its declared size.
    const fits = await unzipCapped(zip, new Map([['bundle.json', 3 * MB], ['files.json', 3 * MB]]), { limit: 6 * MB });
    expect(fits.ok && [...fits.value.values()].map((b) => b.byteLength)).toEqual([3 * MB, 3 * MB]);
  });

  it('an encrypted bomb is refused by the cap after decryption', async () => {
    const bomb = await gzipOfZeros(300);
    const file = await encryptBytes(bomb, 'фраза', 1000);
    const meter = { produced: 0 };
    expect(await decodeBundle(file)).toEqual({ ok: false, error: { kind: 'passphraseRequired' } });
    const r = await decodeBundle(file, { passphrase: 'фраза', meter });
    expect(r).toMatchObject({ ok: false, error: { kind: 'tooLarge', limit: MAX_BUNDLE_BYTES } });
    expect(meter.produced).toBeLessThanOrEqual(MAX_BUNDLE_BYTES + pushBound());
  });

  it('an honest file still opens, and a damaged gzip (bad CRC, cut, a flipped byte) is «повреждён» as before', async () => {
    const b = await sampleBundle();
    const gz = await encodeBundle(b);
    const progress: string[] = [];
    const r = await decodeBundle(gz, { onProgress: (p) => progress.push(p.stage) });
    expect(r.ok).toBe(true);
    expect(progress).toContain('inflating');
    expect(progress.at(-1)).toBe('checking');
    const badCrc = gz.slice();
    badCrc[badCrc.length - 6]! ^= 0xff;
    expect(await decodeBundle(badCrc)).toEqual({ ok: false, error: { kind: 'truncated' } });
    const badLength = gz.slice();
    badLength[badLength.length - 2]! ^= 0x01;
    expect(await decodeBundle(badLength)).toEqual({ ok: false, error: { kind: 'truncated' } });
    expect(await decodeBundle(gz.slice(0, 12))).toEqual({ ok: false, error: { kind: 'truncated' } });
    const flipped = gz.slice();
    flipped[Math.floor(gz.length / 2)]! ^= 0x55;
    expect((await decodeBundle(flipped)).ok).toBe(false);
    // The plain JSON is untouched by all this.
    expect((await decodeBundle(strToU8(serializeBundle(b)))).ok).toBe(true);
  });
});
