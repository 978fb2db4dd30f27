import { buildRecord, DELETED_FIELD, fieldEntries, type FieldEntry, type VersionedRecord } from './envelope';
import { canonicalJson, sameJson } from './canonicalJson';
import { joinVv, type VersionVector } from './versionVector';
import { compareWrites, coversWrite, type WriteStamp } from './writeStamp';

/**
 * The merge of two copies of the data, field by field. Pure: storage reads, calls this, writes the result.
 *
 * The model (docs/BUNDLE_FORMAT.md, section 4). For one record a replica holds, per field, a set of values, each
 * set by one write (`<hlc>#<count>`), and one *context* for the record: the version vector of every write it has
 * seen. The stored record holds each field's winner (the latest write of its set); the other values of a set are
 * the kept values of that field. Two replicas merge each field like a causal set: a value stays if both hold it, or
 * if one holds it and the other has never seen its write. A value one side has seen but no longer holds was
 * replaced there by a later write, so it goes. A kept value equal to its field's winner is no conflict (two devices
 * wrote the same thing); it is kept only so that the merge knows who saw what, and the next write of the field
 * replaces it (`keptAfterWrite`).
 *
 * Hence edits of *different* fields never conflict, a conflict is two devices writing *different values into the
 * same field* without seeing each other (a deletion against an edit included: every write also sets `deleted`),
 * and no value disappears unless someone wrote on top of it. This is a join: commutative, associative and
 * idempotent, whatever order bundles travel in.
 */

export type { VersionedRecord };

/** A value that lost a same-field conflict, kept for review. No `value` member: the losing write cleared the field. */
export interface KeptValue {
  field: string;
  write: WriteStamp;
  value?: unknown;
}

export interface RecordState {
  /** Every field's winner, with `vv` = everything this replica has seen of the record. */
  record: VersionedRecord;
  /** Losing values of same-field conflicts, by field, then write. */
  kept: readonly KeptValue[];
}

export type MergeOutcome = 'new' | 'updated' | 'unchanged' | 'conflict';
export const MERGE_OUTCOMES: readonly MergeOutcome[] = ['new', 'updated', 'unchanged', 'conflict'];

export function keptKey(k: Pick<KeptValue, 'field' | 'write'>): string {
  return `${k.field}|${k.write}`;
}

export function keptHas(k: KeptValue): boolean {
  return Object.hasOwn(k, 'value');
}

function keptEntry(k: KeptValue): FieldEntry {
  return keptHas(k) ? { write: k.write, has: true, value: k.value } : { write: k.write, has: false };
}

function valueKey(e: FieldEntry): string {
  return e.has ? canonicalJson(e.value) : '\u0000';
}

/** Per field: the winner first, then the kept values. */
function fieldSets(s: RecordState): Map<string, FieldEntry[]> {
  const out = new Map<string, FieldEntry[]>();
  for (const [k, e] of fieldEntries(s.record)) out.set(k, [e]);
  for (const k of s.kept) {
    const list = out.get(k.field);
    if (list) list.push(keptEntry(k));
    else out.set(k.field, [keptEntry(k)]);
  }
  return out;
}

function latestFirst(entries: FieldEntry[]): FieldEntry[] {
  return entries.sort((a, b) => compareWrites(b.write, a.write));
}

/** The same write seen with two contents exists only in forged files: settle it the same way on every device. */
function sameWrite(a: FieldEntry, b: FieldEntry): FieldEntry {
  if (a.has === b.has && (!a.has || sameJson(a.value, b.value))) return a;
  return valueKey(a) >= valueKey(b) ? a : b;
}

function mergeField(a: readonly FieldEntry[], b: readonly FieldEntry[], ctxA: VersionVector, ctxB: VersionVector): FieldEntry[] {
  const inB = new Map(b.map((e) => [e.write, e]));
  const inA = new Set(a.map((e) => e.write));
  const out: FieldEntry[] = [];
  for (const e of a) {
    const o = inB.get(e.write);
    if (o) out.push(sameWrite(e, o));
    else if (!coversWrite(ctxB, e.write)) out.push(e);
  }
  for (const e of b) if (!inA.has(e.write) && !coversWrite(ctxA, e.write)) out.push(e);
  return latestFirst(out);
}

function toState(base: Parameters<typeof buildRecord>[0], sets: Map<string, FieldEntry[]>): RecordState {
  const winners = new Map<string, FieldEntry>();
  const kept: KeptValue[] = [];
  for (const [field, list] of sets) {
    if (!list.length) continue;
    winners.set(field, list[0]!);
    for (const e of list.slice(1)) kept.push(e.has ? { field, write: e.write, value: e.value } : { field, write: e.write });
  }
  kept.sort((x, y) => (x.field < y.field ? -1 : x.field > y.field ? 1 : compareWrites(x.write, y.write)));
  return { record: buildRecord(base, winners), kept };
}

/** The state a replica reaches when it has seen both `a` and `b`. */
export function mergeRecordStates(a: RecordState | undefined, b: RecordState | undefined): RecordState {
  if (!a && !b) throw new Error('mergeRecordStates: nothing to merge');
  if (!a || !b) {
    const only = (a ?? b)!;
    return only;
  }
  // The common case of an exchange: both sides hold the very same record and nothing kept.
  if (a.kept.length === 0 && b.kept.length === 0 && a.record.hlc === b.record.hlc && sameJson(a.record, b.record)) return a;

  const sa = fieldSets(a);
  const sb = fieldSets(b);
  const ctxA = a.record.vv;
  const ctxB = b.record.vv;
  const out = new Map<string, FieldEntry[]>();
  for (const field of new Set([...sa.keys(), ...sb.keys()])) {
    const merged = mergeField(sa.get(field) ?? [], sb.get(field) ?? [], ctxA, ctxB);
    if (merged.length) out.set(field, merged);
  }
  if (!out.has(DELETED_FIELD)) {
    // Only a forged history gets here (each side replaced the other's write): keep the later of the two.
    const da = sa.get(DELETED_FIELD)![0]!;
    const db = sb.get(DELETED_FIELD)![0]!;
    out.set(DELETED_FIELD, [compareWrites(da.write, db.write) >= 0 ? da : db]);
  }
  return toState(
    {
      id: a.record.id,
      createdAt: a.record.createdAt <= b.record.createdAt ? a.record.createdAt : b.record.createdAt,
      updatedAt: a.record.updatedAt >= b.record.updatedAt ? a.record.updatedAt : b.record.updatedAt,
      vv: joinVv(a.record.vv, b.record.vv),
    },
    out,
  );
}

export function sameRecordState(a: RecordState, b: RecordState): boolean {
  if (!sameJson(a.record, b.record) || a.kept.length !== b.kept.length) return false;
  const byKey = new Map(b.kept.map((k) => [keptKey(k), k]));
  return a.kept.every((k) => {
    const o = byKey.get(keptKey(k));
    return o !== undefined && keptHas(o) === keptHas(k) && sameJson(k.value, o.value);
  });
}

/** The kept values that differ from their field's winner: what a person must settle on «Конфликты». */
export function conflictingValues(s: RecordState): KeptValue[] {
  if (s.kept.length === 0) return [];
  const winners = fieldEntries(s.record);
  return s.kept.filter((k) => {
    const w = winners.get(k.field);
    if (!w) return keptHas(k);
    return w.has !== keptHas(k) || (w.has && !sameJson(w.value, k.value));
  });
}

export function hasConflict(s: RecordState): boolean {
  return conflictingValues(s).length > 0;
}

/**
 * The kept values left after a local write of the record (`written` is the record that write produced): the write
 * replaced, in each field it set, the value it had on screen — the winner and any kept value equal to it. Kept
 * values that differ stay for review: only a resolution settles them.
 */
export function keptAfterWrite(before: RecordState, written: VersionedRecord): KeptValue[] {
  if (before.kept.length === 0) return [];
  const old = fieldEntries(before.record);
  const now = fieldEntries(written);
  return before.kept.filter((k) => {
    const was = old.get(k.field);
    const is = now.get(k.field);
    if (!was || !is || was.write === is.write) return true;
    const equal = was.has === keptHas(k) && (!was.has || sameJson(was.value, k.value));
    return !equal;
  });
}

/** What a merge did to one record, as the import preview counts it: a new differing kept value is a conflict. */
export function classifyMerge(before: RecordState | undefined, after: RecordState): MergeOutcome {
  const keptBefore = new Set((before?.kept ?? []).map(keptKey));
  if (conflictingValues(after).some((k) => !keptBefore.has(keptKey(k)))) return 'conflict';
  if (!before) return 'new';
  return sameRecordState(before, after) ? 'unchanged' : 'updated';
}

/** Two copies of one record with nothing kept on either side (for replicas that keep values, `mergeRecordStates`). */
export function mergeRecord(
  local: VersionedRecord | undefined,
  incoming: VersionedRecord,
): { record: VersionedRecord; kept: readonly KeptValue[]; outcome: MergeOutcome } {
  const before = local ? { record: local, kept: [] } : undefined;
  const after = mergeRecordStates(before, { record: incoming, kept: [] });
  return { record: after.record, kept: after.kept, outcome: classifyMerge(before, after) };
}

/** Kept values (as storage lists them) grouped under their records. */
export function toRecordStates(
  records: Iterable<VersionedRecord>,
  kept: Iterable<{ recordId: string } & KeptValue> = [],
): Map<string, RecordState> {
  const keptById = new Map<string, KeptValue[]>();
  for (const k of kept) {
    const v: KeptValue = keptHas(k) ? { field: k.field, write: k.write, value: k.value } : { field: k.field, write: k.write };
    const list = keptById.get(k.recordId);
    if (list) list.push(v);
    else keptById.set(k.recordId, [v]);
  }
  const out = new Map<string, RecordState>();
  for (const r of records) {
    const list = keptById.get(r.id) ?? [];
    out.set(r.id, { record: r, kept: list.sort((x, y) => (x.field < y.field ? -1 : x.field > y.field ? 1 : compareWrites(x.write, y.write))) });
  }
  return out;
}

export interface RecordChange {
  id: string;
  before: RecordState | undefined;
  after: RecordState;
  outcome: Exclude<MergeOutcome, 'unchanged'>;
}

export interface TableMergeResult {
  /** The whole table after the merge (the local map is not modified). */
  states: Map<string, RecordState>;
  /** Per incoming record id. */
  outcomes: Map<string, MergeOutcome>;
  /** Only what storage must write. */
  changes: RecordChange[];
  counts: Record<MergeOutcome, number>;
}

/** Merges incoming record states into one table of a replica; the import preview and the import both use it. */
export function mergeTable(local: ReadonlyMap<string, RecordState>, incoming: Iterable<RecordState>): TableMergeResult {
  // A file that repeats an id is refused by the parser; merging repeats first keeps this function total anyway.
  const grouped = new Map<string, RecordState>();
  for (const s of incoming) {
    const held = grouped.get(s.record.id);
    grouped.set(s.record.id, held ? mergeRecordStates(held, s) : s);
  }

  const states = new Map(local);
  const outcomes = new Map<string, MergeOutcome>();
  const changes: RecordChange[] = [];
  const counts: Record<MergeOutcome, number> = { new: 0, updated: 0, unchanged: 0, conflict: 0 };
  for (const [id, inc] of grouped) {
    const before = local.get(id);
    const after = mergeRecordStates(before, inc);
    const outcome = classifyMerge(before, after);
    outcomes.set(id, outcome);
    counts[outcome] += 1;
    if (outcome !== 'unchanged') {
      states.set(id, after);
      changes.push({ id, before, after, outcome });
    }
  }
  return { states, outcomes, changes, counts };
}

/** A replica's data: table name → record id → state. */
export type ReplicaState = ReadonlyMap<string, ReadonlyMap<string, RecordState>>;

/** Everything `incoming` knows merged into `local`, table by table (tables absent from one side stay as they are). */
export function mergeReplicas(local: ReplicaState, incoming: ReplicaState): Map<string, Map<string, RecordState>> {
  const out = new Map<string, Map<string, RecordState>>();
  for (const [t, m] of local) out.set(t, new Map(m));
  for (const [t, m] of incoming) out.set(t, mergeTable(local.get(t) ?? new Map(), m.values()).states);
  return out;
}
