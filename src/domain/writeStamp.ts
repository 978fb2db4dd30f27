import { decodeHlc, isHlc } from './hlc';
import type { VersionVector } from './versionVector';

/**
 * One write of one device to one record, as the field-level merge names it: `<hlc>#<n>`, where `hlc` is the
 * write's clock stamp (it names the device) and `n` the device's count of writes to this record at that moment
 * (its entry in the record's version vector). The count says whether another replica has *seen* the write
 * (`coversWrite`); the stamp orders writes that did not see each other.
 */
export type WriteStamp = string;

export interface Write {
  hlc: string;
  device: string;
  counter: number;
}

const WRITE_RE = /^([0-9a-z]{11}:[0-9a-z]{5}:[A-Za-z0-9_-]{1,64})#([1-9][0-9]{0,9})$/;

export function encodeWrite(hlc: string, counter: number): WriteStamp {
  return `${hlc}#${counter}`;
}

export function isWriteStamp(s: unknown): s is WriteStamp {
  return typeof s === 'string' && WRITE_RE.test(s);
}

const cache = new Map<string, Write>();

export function decodeWrite(s: WriteStamp): Write {
  const hit = cache.get(s);
  if (hit) return hit;
  const m = WRITE_RE.exec(s);
  if (!m || !isHlc(m[1]!)) throw new Error(`Неверная отметка записи: ${s.slice(0, 90)}`);
  const w = { hlc: m[1]!, device: decodeHlc(m[1]!).deviceId, counter: Number(m[2]) };
  if (cache.size > 50_000) cache.clear();
  cache.set(s, w);
  return w;
}

/** Total order of writes: the clock stamp, then the count (equal stamps with different counts exist only in forged files). */
export function compareWrites(a: WriteStamp, b: WriteStamp): number {
  if (a === b) return 0;
  const x = decodeWrite(a);
  const y = decodeWrite(b);
  if (x.hlc !== y.hlc) return x.hlc < y.hlc ? -1 : 1;
  return x.counter - y.counter;
}

/** Has a replica whose context is `vv` seen this write? */
export function coversWrite(vv: VersionVector, w: WriteStamp): boolean {
  const d = decodeWrite(w);
  return (vv[d.device] ?? 0) >= d.counter;
}

/** The wall-clock time (ms) in a write's stamp. */
export function writeWall(w: WriteStamp): number {
  return decodeHlc(decodeWrite(w).hlc).wall;
}
