import { decodeHlc, isHlc } from './hlc';

/** device id → how many writes that device made to one record (see `Envelope.vv`). */
export type VersionVector = Readonly<Record<string, number>>;

export type VvOrder = 'equal' | 'before' | 'after' | 'concurrent';

/** How `a` relates to `b` causally: `before` means every write `a` has seen, `b` has seen too, and more. */
export function compareVv(a: VersionVector, b: VersionVector): VvOrder {
  let aMore = false;
  let bMore = false;
  for (const k of Object.keys(a)) {
    const x = a[k] ?? 0;
    const y = b[k] ?? 0;
    if (x > y) aMore = true;
    else if (y > x) bMore = true;
  }
  for (const k of Object.keys(b)) if (!(k in a) && (b[k] ?? 0) > 0) bMore = true;
  if (aMore && bMore) return 'concurrent';
  if (aMore) return 'after';
  if (bMore) return 'before';
  return 'equal';
}

/** Pointwise maximum: everything either side has seen. Keys come out sorted, so equal vectors serialise equally. */
export function joinVv(a: VersionVector, b: VersionVector): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    out[k] = Math.max(a[k] ?? 0, b[k] ?? 0);
  }
  return out;
}

/**
 * The single write that produced a version: its device and that device's write count. A record written by
 * `stampRecord` has the device of its hlc in its vv; after a merge its vv is the join of both sides, and because an
 * import advances the clock past everything it brings, the winner is the latest write of its device, so the count
 * in the joined vector is still its own.
 */
export interface Dot {
  device: string;
  counter: number;
}

export function dotOf(r: { hlc: string; vv: VersionVector }): Dot {
  const device = isHlc(r.hlc) ? decodeHlc(r.hlc).deviceId : '';
  return { device, counter: r.vv[device] ?? 0 };
}

/** Has a replica whose context is `vv` seen the write `dot`? */
export function coversDot(vv: VersionVector, dot: Dot): boolean {
  return (vv[dot.device] ?? 0) >= dot.counter;
}
