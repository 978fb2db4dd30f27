import type { BundleError } from '../../domain/bundle/errors';
import { err, ok, type Result } from '../../domain/bundle/result';

/**
 * Decompression with a hard cap (issue 14). What a gzip trailer or a ZIP directory *declares* is only a hint an
 * attacker writes; here the output is counted as fflate produces it, and decoding stops the moment it passes the
 * limit. The input is pushed in small slices: DEFLATE cannot expand one input byte to more than 1032 bytes (a
 * 258-byte match in as little as 2 bits), so one slice of 4 KB produces at most ≈ 4.2 MB, and the cap is never
 * passed by more than that, however large the bomb and whatever its headers claim. (16 KB slices held the gzip
 * bomb's renderer at +235 MB in bench/hostile.mjs, fflate's output buffer doubling per push; 4 KB costs nothing
 * measurable on an honest file.)
 *
 * fflate's streaming classes (`Gunzip`, `Unzip` + `UnzipInflate`) are synchronous: in the app this runs in the import
 * worker (importWorker.ts), so the page stays responsive and «Отмена» terminates it mid-slice.
 */

type Bytes = Uint8Array<ArrayBuffer>;

export const INFLATE_SLICE_BYTES = 4 * 1024;
/** DEFLATE's largest expansion of one input byte. */
export const DEFLATE_MAX_RATIO = 1032;
/** The most a single push of `slice` input bytes can produce (plus fflate's 32 KB window). */
export const pushBound = (slice = INFLATE_SLICE_BYTES) => slice * DEFLATE_MAX_RATIO + 32 * 1024;

export interface InflateProgress {
  /** Input bytes pushed so far, of `total`. */
  read: number;
  total: number;
  /** Output bytes produced so far. */
  produced: number;
}

export interface CapOptions {
  limit: number;
  /** Input per push; only tests change it. */
  slice?: number;
  onProgress?: (p: InflateProgress) => void;
  /** Counts every byte the decompressor produced, kept or not: tests check that a bomb stopped early. */
  meter?: { produced: number };
}

/** `data` as slices of `size` bytes (views, no copies). */
export function* slicesOf(data: Uint8Array, size = INFLATE_SLICE_BYTES): Generator<Uint8Array> {
  for (let at = 0; at < data.byteLength; at += size) yield data.subarray(at, Math.min(at + size, data.byteLength));
}

/** The pieces of `source` cut to at most `size` bytes each. */
function* resliced(source: Iterable<Uint8Array>, size = INFLATE_SLICE_BYTES): Generator<Uint8Array> {
  for (const piece of source) yield* slicesOf(piece, size);
}

/** Each piece with whether it is the last one (one piece of look-ahead, so a source that never ends is fine). */
function* withLast(source: Iterable<Uint8Array>): Generator<[Uint8Array, boolean]> {
  const it = source[Symbol.iterator]();
  let cur = it.next();
  while (!cur.done) {
    const next = it.next();
    yield [cur.value, !!next.done];
    cur = next;
  }
}

/** Reports at most every 256 KB of input, so a worker does not flood the page with messages. */
function progressReporter(opts: CapOptions, total: number) {
  let last = -Infinity;
  return (read: number, produced: number, force = false) => {
    if (!opts.onProgress || (!force && read - last < 256 * 1024)) return;
    last = read;
    opts.onProgress({ read, total, produced });
  };
}

function concat(chunks: readonly Uint8Array[], total: number): Bytes {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

let crcTable: Uint32Array | null = null;
/** CRC-32 (IEEE), as the gzip trailer holds it: fflate's streaming Gunzip does not check it, DecompressionStream did. */
export function crc32(crc: number, data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const t = crcTable;
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * gzip → bytes, refusing with `tooLarge` as soon as the output passes `limit`. `source` is the file's bytes or any
 * sequence of pieces (a test feeds one that never ends). A damaged or cut file is `truncated`, as before: fflate
 * throws on bad data and on a missing end, and the CRC-32 and length of the trailer are checked here.
 */
export async function gunzipCapped(source: Uint8Array | Iterable<Uint8Array>, opts: CapOptions): Promise<Result<Bytes, BundleError>> {
  const { Gunzip } = await import('fflate');
  const { limit } = opts;
  const total = source instanceof Uint8Array ? source.byteLength : 0;
  const pieces = source instanceof Uint8Array ? slicesOf(source, opts.slice) : resliced(source, opts.slice);
  const report = progressReporter(opts, total);
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let over = false;
  let crc = 0;
  const gunzip = new Gunzip((chunk) => {
    produced += chunk.byteLength;
    if (opts.meter) opts.meter.produced += chunk.byteLength;
    if (over || produced > limit) {
      over = true;
      return;
    }
    if (!chunk.byteLength) return;
    crc = crc32(crc, chunk);
    chunks.push(chunk);
  });
  let read = 0;
  const trailer = new Uint8Array(8);
  try {
    for (const [piece, last] of withLast(pieces)) {
      gunzip.push(piece, last);
      read += piece.byteLength;
      // The last 8 bytes seen: the trailer once the input ends (CRC-32, length mod 2^32, little-endian).
      if (piece.byteLength >= 8) trailer.set(piece.subarray(piece.byteLength - 8));
      else {
        trailer.copyWithin(0, piece.byteLength);
        trailer.set(piece, 8 - piece.byteLength);
      }
      if (over) return err({ kind: 'tooLarge', bytes: produced, limit });
      report(read, produced);
    }
  } catch {
    // A cut-off or damaged archive: fflate fails on the missing end or on bad data.
    return over ? err({ kind: 'tooLarge', bytes: produced, limit }) : err({ kind: 'truncated' });
  }
  if (over) return err({ kind: 'tooLarge', bytes: produced, limit });
  if (read < 18) return err({ kind: 'truncated' });
  const view = new DataView(trailer.buffer);
  if (view.getUint32(0, true) !== crc || view.getUint32(4, true) !== produced % 2 ** 32) return err({ kind: 'truncated' });
  report(read, produced, true);
  return ok(concat(chunks, produced));
}

/**
 * The entries of a ZIP archive whose directory has been checked (names, declared sizes within the limit): each is
 * unpacked into a buffer of its declared size, and the archive is refused the moment an entry produces more than it
 * declares (a lying directory) or all of them more than `limit`; an entry the directory does not list, listed twice,
 * or cut short is refused too. Stored and deflated entries only (what any archiver writes by default).
 */
export async function unzipCapped(
  zip: Uint8Array,
  declared: ReadonlyMap<string, number>,
  opts: CapOptions,
): Promise<Result<Map<string, Bytes>, BundleError>> {
  const { Unzip, UnzipInflate } = await import('fflate');
  const { limit } = opts;
  const report = progressReporter(opts, zip.byteLength);
  const entries = new Map<string, { bytes: Bytes; at: number; done: boolean }>();
  let produced = 0;
  let problem: BundleError | null = null;
  const unreadable = (detail: string): BundleError => ({ kind: 'notABundle', detail: `архив не читается (${detail})` });
  const unzip = new Unzip((file) => {
    if (problem) return;
    const size = declared.get(file.name);
    if (size === undefined) return void (problem = unreadable(`«${file.name.slice(0, 120)}» нет в оглавлении`));
    if (entries.has(file.name)) return void (problem = unreadable(`«${file.name.slice(0, 120)}» встречается дважды`));
    if (file.compression !== 0 && file.compression !== 8) return void (problem = unreadable(`неизвестный способ сжатия ${file.compression}`));
    const entry = { bytes: new Uint8Array(size), at: 0, done: false };
    entries.set(file.name, entry);
    file.ondata = (e, chunk, final) => {
      if (problem) return;
      if (e) return void (problem = unreadable(e.message));
      produced += chunk.byteLength;
      if (opts.meter) opts.meter.produced += chunk.byteLength;
      if (produced > limit) return void (problem = { kind: 'tooLarge', bytes: produced, limit });
      if (entry.at + chunk.byteLength > size)
        return void (problem = unreadable(`«${file.name.slice(0, 120)}» распаковывается больше, чем указано в оглавлении архива`));
      entry.bytes.set(chunk, entry.at);
      entry.at += chunk.byteLength;
      if (final) entry.done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  let read = 0;
  try {
    for (const piece of slicesOf(zip, opts.slice)) {
      read += piece.byteLength;
      unzip.push(piece, read === zip.byteLength);
      if (problem) return err(problem);
      report(read, produced);
    }
  } catch (e) {
    return err(problem ?? unreadable(e instanceof Error ? e.message : String(e)));
  }
  if (problem) return err(problem);
  const out = new Map<string, Bytes>();
  for (const [name, size] of declared) {
    const entry = entries.get(name);
    if (!entry || !entry.done || entry.at !== size) return err(unreadable(`«${name.slice(0, 120)}» повреждён или не полон`));
    out.set(name, entry.bytes);
  }
  report(read, produced, true);
  return ok(out);
}
