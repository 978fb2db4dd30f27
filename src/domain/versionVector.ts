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
