import { sameJson } from './canonicalJson';
import { compareWrites, decodeWrite, encodeWrite, type WriteStamp } from './writeStamp';

/**
 * Every stored record carries this envelope. Only the storage layer writes it.
 *
 * - `vv`, the record's version vector (device id → number of writes that device made to this record): everything
 *   this replica has seen of the record. With it a merge tells "newer" from "concurrent".
 * - `writes` and `fieldWrites`: which write set each field. `writes` lists the writes whose values the record holds
 *   (`<hlc>#<count>`, see writeStamp.ts), the one that set most fields first; `fieldWrites` maps a field to its
 *   write's index when that is not 0, and always lists a field that was written *absent* (cleared). `deleted` is a
 *   field like any other here. A field neither present nor listed was never written. This is what lets two devices
 *   that changed different fields merge with no conflict (docs/BUNDLE_FORMAT.md, section 4).
 * - `hlc`: the latest of `writes` (for ordering, the clock and "changed since" checks).
 */
export interface Envelope {
  id: string;
  createdAt: string;
  updatedAt: string;
  hlc: string;
  vv: Record<string, number>;
  deleted: boolean;
  writes?: WriteStamp[];
  fieldWrites?: Record<string, number>;
}

export type Stored<T> = T & Envelope;

/** The fields a user may edit: a record without its envelope. */
export type Draft<T> = Omit<T, keyof Envelope>;

/** A record of any synced table, as merge and the bundle see it. */
export type VersionedRecord = Envelope & Record<string, unknown>;

export const ENVELOPE_KEYS = ['id', 'createdAt', 'updatedAt', 'hlc', 'vv', 'deleted', 'writes', 'fieldWrites'] as const;
const ENVELOPE = new Set<string>(ENVELOPE_KEYS);
export function isEnvelopeKey(k: string): boolean {
  return ENVELOPE.has(k);
}

/** The pseudo-field under which a deletion is written, merged and offered on «Конфликты» like any other field. */
export const DELETED_FIELD = 'deleted';

export function newId(): string {
  return crypto.randomUUID();
}

export function stripEnvelope<T extends Envelope>(r: T): Draft<T> {
  const out = { ...r } as Record<string, unknown>;
  for (const k of ENVELOPE_KEYS) delete out[k];
  return out as Draft<T>;
}

/** One field's value as one write set it; `has: false` is a field written absent. */
export interface FieldEntry {
  write: WriteStamp;
  has: boolean;
  value?: unknown;
}

/** The single write of a record stored before field stamps (format ≤ 2): it set every field the record has. */
export function legacyWrite(r: Pick<Envelope, 'hlc' | 'vv'>): WriteStamp {
  const device = r.hlc.slice(r.hlc.lastIndexOf(':') + 1);
  return encodeWrite(r.hlc, Math.max(1, r.vv[device] ?? 0));
}

/** Every written field of a record (and `deleted`) with the write that set it. */
export function fieldEntries(r: VersionedRecord): Map<string, FieldEntry> {
  const writes = r.writes?.length ? r.writes : [legacyWrite(r)];
  const fw = r.fieldWrites ?? {};
  const at = (k: string) => writes[fw[k] ?? 0] ?? writes[0]!;
  const out = new Map<string, FieldEntry>();
  for (const k of Object.keys(r)) {
    if (ENVELOPE.has(k) || r[k] === undefined) continue;
    out.set(k, { write: at(k), has: true, value: r[k] });
  }
  for (const k of Object.keys(fw)) if (k !== DELETED_FIELD && !out.has(k) && !ENVELOPE.has(k)) out.set(k, { write: at(k), has: false });
  out.set(DELETED_FIELD, { write: at(DELETED_FIELD), has: true, value: r.deleted === true });
  return out;
}

/**
 * The record that holds these field entries (which must include `deleted`). Deterministic: the same entries give
 * the same record on every device, whatever order they came in.
 */
export function buildRecord(
  base: { id: string; createdAt: string; updatedAt: string; vv: Record<string, number> },
  entries: ReadonlyMap<string, FieldEntry>,
): VersionedRecord {
  const counts = new Map<WriteStamp, number>();
  for (const e of entries.values()) counts.set(e.write, (counts.get(e.write) ?? 0) + 1);
  const writes = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(writes.map((w, i) => [w, i]));
  const fields: Record<string, unknown> = {};
  const fieldWrites: Record<string, number> = {};
  let deleted = false;
  for (const k of [...entries.keys()].sort()) {
    const e = entries.get(k)!;
    const i = index.get(e.write)!;
    if (k === DELETED_FIELD) deleted = e.value === true;
    else if (e.has) fields[k] = e.value;
    if (i !== 0 || !e.has) fieldWrites[k] = i;
  }
  let latest = writes[0]!;
  for (const w of writes) if (compareWrites(w, latest) > 0) latest = w;
  return {
    ...fields,
    id: base.id,
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
    hlc: decodeWrite(latest).hlc,
    vv: base.vv,
    deleted,
    writes,
    ...(Object.keys(fieldWrites).length ? { fieldWrites } : {}),
  };
}

export interface StampContext {
  hlc: string;
  deviceId: string;
  now: string;
}

export interface StampOptions {
  id?: string;
  deleted?: boolean;
  /**
   * Fields that a table's rules tie together (a pair's status with its end date and reason): a write that changes
   * one of them sets them all, so a merge never mixes one device's status with another's end date.
   */
  groups?: readonly (readonly string[])[];
}

/** Does writing `fields` (and `deleted`) over `existing` change anything? A save that changes nothing writes nothing. */
export function changesRecord(existing: VersionedRecord, fields: object, deleted: boolean): boolean {
  if (existing.deleted !== deleted) return true;
  const clean = fields as Record<string, unknown>;
  const keys = new Set([...Object.keys(existing), ...Object.keys(clean)]);
  for (const k of keys) if (!ENVELOPE.has(k) && !sameJson(existing[k], clean[k])) return true;
  return false;
}

/**
 * The envelope of the next version of a record written on this device: a new record gets an id and createdAt;
 * every write gets the new hlc, updatedAt, one more write counted for this device in `vv`, and its stamp on the
 * fields it changed (and on `deleted`, so that an edit concurrent with a deletion is seen as a conflict). Fields it
 * did not change keep the writes that set them.
 */
export function stampRecord<T extends object>(existing: Envelope | undefined, fields: T, ctx: StampContext, opts: StampOptions = {}): T & Envelope {
  const clean = { ...fields } as Record<string, unknown>;
  for (const k of ENVELOPE_KEYS) delete clean[k];
  const vv = { ...(existing?.vv ?? {}) };
  vv[ctx.deviceId] = (vv[ctx.deviceId] ?? 0) + 1;
  const write = encodeWrite(ctx.hlc, vv[ctx.deviceId]!);
  const entries = existing ? fieldEntries(existing as VersionedRecord) : new Map<string, FieldEntry>();
  const has = (k: string) => Object.hasOwn(clean, k) && clean[k] !== undefined;
  const changed = new Set<string>();
  for (const k of new Set([...Object.keys(clean), ...entries.keys()])) {
    if (k === DELETED_FIELD) continue;
    const cur = entries.get(k);
    if (!cur) {
      if (has(k)) changed.add(k);
    } else if (cur.has !== has(k) || (has(k) && !sameJson(cur.value, clean[k]))) changed.add(k);
  }
  for (const g of opts.groups ?? []) if (g.some((f) => changed.has(f))) for (const f of g) if (has(f) || entries.has(f)) changed.add(f);
  for (const k of changed) entries.set(k, has(k) ? { write, has: true, value: clean[k] } : { write, has: false });
  entries.set(DELETED_FIELD, { write, has: true, value: opts.deleted ?? false });
  const record = buildRecord(
    { id: existing?.id ?? opts.id ?? newId(), createdAt: existing?.createdAt ?? ctx.now, updatedAt: ctx.now, vv: sortedVv(vv) },
    entries,
  );
  return record as unknown as T & Envelope;
}

function sortedVv(vv: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(vv).sort()) out[k] = vv[k]!;
  return out;
}
