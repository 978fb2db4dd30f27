import type { Envelope } from './envelope';
import { canonicalJson, sameJson } from './canonicalJson';
import { coversDot, dotOf, joinVv, type VersionVector } from './versionVector';

/**
 * The merge of two copies of the data, record by record. Pure: storage reads, calls this, writes the result.
 *
 * The model (docs/BUNDLE_FORMAT.md explains it at length). For one record id a replica holds a set of *versions*
 * (each made by one write, identified by its hlc) and a *context*: the version vector of every write it has seen.
 * The stored record is the deterministic winner of the set (latest hlc) with the context as its `vv`; the other
 * versions of the set are the kept conflicts. Two replicas merge like a causal set:
 * a version stays if both hold it, or if one holds it and the other has never seen it. A version one side has seen
 * but no longer holds was replaced there by a later write (an edit on top of it, or a resolution), so it goes.
 * This is a join: commutative, associative and idempotent, whatever order bundles travel in; and no version
 * disappears unless someone wrote on top of it.
 */

export type VersionedRecord = Envelope & Record<string, unknown>;

export interface RecordState {
  /** The winner's fields with `vv` = everything this replica has seen of the record. */
  record: VersionedRecord;
  /** Concurrent versions kept for review, oldest first; each `vv` holds only the write that made it. */
  kept: readonly VersionedRecord[];
}

export type MergeOutcome = 'new' | 'updated' | 'unchanged' | 'conflict';
export const MERGE_OUTCOMES: readonly MergeOutcome[] = ['new', 'updated', 'unchanged', 'conflict'];

/** A kept version's vv is reduced to its own write, so one write looks the same on every device. */
export function asKeptVersion(r: VersionedRecord): VersionedRecord {
  const d = dotOf(r);
  return { ...r, vv: { [d.device]: d.counter } };
}

/** Total order of versions: hlc, then the write counter, then the content, so every device picks the same winner. */
export function compareVersions(a: VersionedRecord, b: VersionedRecord): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  const ca = dotOf(a).counter;
  const cb = dotOf(b).counter;
  if (ca !== cb) return ca < cb ? -1 : 1;
  if (sameJson(a, b)) return 0;
  const ja = canonicalJson(a);
  const jb = canonicalJson(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

function maxVersion(a: VersionedRecord, b: VersionedRecord): VersionedRecord {
  return compareVersions(a, b) >= 0 ? a : b;
}

function present(s: RecordState): Map<string, VersionedRecord> {
  const m = new Map<string, VersionedRecord>();
  for (const v of [...s.kept, s.record]) {
    const k = asKeptVersion(v);
    const cur = m.get(k.hlc);
    m.set(k.hlc, cur ? maxVersion(cur, k) : k);
  }
  return m;
}

function fromPresent(versions: Map<string, VersionedRecord>, context: VersionVector): RecordState {
  const sorted = [...versions.values()].sort(compareVersions);
  const winner = sorted.pop()!;
  return { record: { ...winner, vv: { ...context } }, kept: sorted };
}

/** The state a replica reaches when it has seen both `a` and `b`. */
export function mergeRecordStates(a: RecordState | undefined, b: RecordState | undefined): RecordState {
  if (!a && !b) throw new Error('mergeRecordStates: nothing to merge');
  if (!a || !b) {
    const only = (a ?? b)!;
    return fromPresent(present(only), only.record.vv);
  }
  // The common case of an exchange: both sides hold the very same single version.
  if (a.kept.length === 0 && b.kept.length === 0 && a.record.hlc === b.record.hlc && sameJson(a.record, b.record)) return a;

  const pa = present(a);
  const pb = present(b);
  const out = new Map<string, VersionedRecord>();
  for (const [h, v] of pa) {
    const w = pb.get(h);
    if (w) out.set(h, maxVersion(v, w));
    else if (!coversDot(b.record.vv, dotOf(v))) out.set(h, v);
  }
  for (const [h, w] of pb) if (!pa.has(h) && !coversDot(a.record.vv, dotOf(w))) out.set(h, w);
  if (out.size === 0) {
    // Only a forged or corrupt history gets here (each side replaced the other's version). Keep the latest rather
    // than nothing.
    const v = maxVersion(asKeptVersion(a.record), asKeptVersion(b.record));
    out.set(v.hlc, v);
  }
  return fromPresent(out, joinVv(a.record.vv, b.record.vv));
}

export function sameRecordState(a: RecordState, b: RecordState): boolean {
  if (!sameJson(a.record, b.record) || a.kept.length !== b.kept.length) return false;
  const byHlc = new Map(b.kept.map((k) => [k.hlc, k]));
  return a.kept.every((k) => {
    const o = byHlc.get(k.hlc);
    return o !== undefined && sameJson(k, o);
  });
}

/** What a merge did to one record, as the import preview counts it. */
export function classifyMerge(before: RecordState | undefined, after: RecordState): MergeOutcome {
  const keptBefore = new Set((before?.kept ?? []).map((k) => k.hlc));
  if (after.kept.some((k) => !keptBefore.has(k.hlc))) return 'conflict';
  if (!before) return 'new';
  return sameRecordState(before, after) ? 'unchanged' : 'updated';
}

/**
 * Two copies of one record with no kept versions on either side. `loser` is the version to keep as a conflict when
 * they were written concurrently (a deletion against an edit included). For replicas that already keep versions,
 * use `mergeRecordStates`.
 */
export function mergeRecord(
  local: VersionedRecord | undefined,
  incoming: VersionedRecord,
): { record: VersionedRecord; loser: VersionedRecord | undefined; outcome: MergeOutcome } {
  const before = local ? { record: local, kept: [] } : undefined;
  const after = mergeRecordStates(before, { record: incoming, kept: [] });
  return { record: after.record, loser: after.kept[0], outcome: classifyMerge(before, after) };
}

/** Kept versions (as storage lists them) grouped under their records. */
export function toRecordStates(
  records: Iterable<VersionedRecord>,
  kept: Iterable<{ recordId: string; version: VersionedRecord }> = [],
): Map<string, RecordState> {
  const keptById = new Map<string, VersionedRecord[]>();
  for (const k of kept) {
    const list = keptById.get(k.recordId);
    if (list) list.push(k.version);
    else keptById.set(k.recordId, [k.version]);
  }
  const out = new Map<string, RecordState>();
  for (const r of records) {
    const list = keptById.get(r.id) ?? [];
    out.set(r.id, { record: r, kept: list.sort(compareVersions) });
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
  for (const s of incoming) grouped.set(s.record.id, mergeRecordStates(grouped.get(s.record.id), s));

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
