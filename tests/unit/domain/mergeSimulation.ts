import fc from 'fast-check';
import { fieldEntries, stampRecord, type VersionedRecord } from '../../../src/domain/envelope';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc, type Hlc } from '../../../src/domain/hlc';
import { keptAfterWrite, mergeTable, type RecordState } from '../../../src/domain/merge';
import { conflictFields, pickFields, resolveRecord } from '../../../src/domain/conflictResolution';
import { decodeWrite, encodeWrite } from '../../../src/domain/writeStamp';
import { canonicalJson } from '../../../src/domain/canonicalJson';
import { keptHas } from '../../../src/domain/merge';

/**
 * Devices editing one table and swapping full-state bundles, as the app does: each stamps its writes with its own
 * hlc (`stampRecord`: one more count in the record's vv, its stamp on the fields it changed and on `deleted`), and
 * advances its clock past every stamp it imports (up to the drift bound). The world remembers, per field, every
 * value ever written and the values its author had on screen, so that a test can tell a value replaced on purpose
 * from a value lost. Field `a` and `b` are free; `status` and `reason` are a group (a write of one stamps both).
 */
export const FIELDS = ['a', 'b', 'status', 'reason'] as const;
export const GROUPS = [['status', 'reason']] as const;

export type Op =
  | { kind: 'create'; d: number; v: number }
  | { kind: 'edit'; d: number; pick: number; field: number; v: number }
  | { kind: 'clear'; d: number; pick: number; field: number }
  | { kind: 'delete'; d: number; pick: number }
  | { kind: 'restore'; d: number; pick: number }
  | { kind: 'resolve'; d: number; pick: number; choice: number }
  | { kind: 'exchange'; from: number; to: number }
  | { kind: 'wait'; ms: number };

export function opArb(devices: number, fields: readonly number[] = [0, 1, 2, 3]): fc.Arbitrary<Op> {
  const device = fc.nat(devices - 1);
  const field = fc.constantFrom(...fields);
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('create' as const), d: device, v: fc.nat(3) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('edit' as const), d: device, pick: fc.nat(), field, v: fc.nat(3) }), weight: 6 },
    { arbitrary: fc.record({ kind: fc.constant('clear' as const), d: device, pick: fc.nat(), field }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('delete' as const), d: device, pick: fc.nat() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('restore' as const), d: device, pick: fc.nat() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('resolve' as const), d: device, pick: fc.nat(), choice: fc.nat() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('exchange' as const), from: device, to: device }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.nat(3) }), weight: 1 },
  );
}

/** A history: one shared record to start from (so devices edit the same thing), then random operations. */
export function historyArb(devices = 3, opts: { fields?: readonly number[]; maxLength?: number } = {}): fc.Arbitrary<{ devices: number; ops: Op[] }> {
  const seed: Op[] = [{ kind: 'create', d: 0, v: 0 }];
  for (let i = 1; i < devices; i++) seed.push({ kind: 'exchange', from: 0, to: i });
  return fc
    .array(opArb(devices, opts.fields), { minLength: 5, maxLength: opts.maxLength ?? 80, size: 'medium' })
    .map((ops) => ({ devices, ops: [...seed, ...ops] }));
}

export interface Device {
  id: string;
  skew: number;
  clock: Hlc | null;
  state: Map<string, RecordState>;
}

/** One value one write set: its content and the writes of that field its author had seen on screen. */
interface Written {
  value: string;
  parents: string[];
}

const SKEWS = [0, 7, -5, 3, -11];

export class World {
  readonly devices: Device[];
  /** `recordId|field` → write → what it set. */
  readonly written = new Map<string, Map<string, Written>>();
  /** Every state any device passed through, for the algebra properties. */
  readonly snapshots: Map<string, RecordState>[] = [];
  private time = Date.UTC(2025, 8, 1);
  private ids = 0;

  constructor(count = 3) {
    this.devices = Array.from({ length: count }, (_, i) => ({ id: `dev${'ABCDE'[i]}`, skew: SKEWS[i]!, clock: null, state: new Map() }));
  }

  run(ops: readonly Op[]): this {
    for (const op of ops) this.apply(op);
    return this;
  }

  apply(op: Op): void {
    this.time += 1;
    if (op.kind === 'wait') {
      this.time += op.ms;
      return;
    }
    if (op.kind === 'exchange') {
      if (op.from !== op.to && this.devices[op.from] && this.devices[op.to]) this.exchange(this.devices[op.from]!, this.devices[op.to]!);
      return;
    }
    const d = this.devices[op.d];
    if (!d) return;
    if (op.kind === 'create') {
      this.write(d, undefined, { a: `a${op.v}`, b: `b${op.v}`, status: 'open', reason: '' }, false);
      return;
    }
    const ids = [...d.state.keys()].sort();
    if (ids.length === 0) return;
    const s = d.state.get(ids[op.pick % ids.length]!)!;
    const fields = current(s.record);
    const field = 'field' in op ? FIELDS[op.field]! : 'a';
    switch (op.kind) {
      case 'edit': {
        const next = { ...fields, [field]: `${field}${op.v}@${d.id}` };
        // The group's rule, as a schema would check it: a closed record has a reason.
        if (field === 'status') next.reason = op.v % 2 ? `why${op.v}` : '';
        this.write(d, s, next, s.record.deleted);
        return;
      }
      case 'clear': {
        const next: Record<string, unknown> = { ...fields };
        delete next[field];
        this.write(d, s, next, s.record.deleted);
        return;
      }
      case 'delete':
        this.write(d, s, fields, true);
        return;
      case 'restore':
        this.write(d, s, fields, false);
        return;
      case 'resolve': {
        if (s.kept.length === 0) return;
        const picks: Record<string, string> = {};
        for (const [i, f] of conflictFields(s).entries()) picks[f.field] = f.options[(op.choice + i) % f.options.length]!.write;
        const { fields: chosen, deleted } = pickFields(s, picks);
        this.write(d, s, chosen, deleted, true);
      }
    }
  }

  private now(d: Device): number {
    return this.time + d.skew;
  }

  private write(d: Device, s: RecordState | undefined, fields: Record<string, unknown>, deleted: boolean, resolve = false): void {
    d.clock = tickHlc(d.clock, d.id, this.now(d));
    const ctx = { hlc: encodeHlc(d.clock), deviceId: d.id, now: new Date(this.now(d)).toISOString() };
    const rec = (
      resolve && s
        ? resolveRecord(s.record, fields, ctx, { deleted, groups: GROUPS })
        : stampRecord(s?.record, fields, ctx, { id: s ? undefined : `r${++this.ids}`, deleted, groups: GROUPS })
    ) as VersionedRecord;
    const before = s ? fieldEntries(s.record) : new Map();
    const mine = encodeWrite(ctx.hlc, rec.vv[d.id]!);
    const keptLeft = resolve || !s ? [] : keptAfterWrite(s, rec);
    const replacedKept = new Set((s?.kept ?? []).filter((k) => !keptLeft.includes(k)).map((k) => `${k.field}|${k.write}`));
    for (const [field, e] of fieldEntries(rec)) {
      if (e.write !== mine) continue;
      const parents = [
        ...(before.has(field) ? [before.get(field)!.write] : []),
        ...(s ? s.kept.filter((k) => k.field === field && (resolve || replacedKept.has(`${k.field}|${k.write}`))).map((k) => k.write) : []),
      ];
      const key = `${rec.id}|${field}`;
      const byWrite = this.written.get(key) ?? new Map<string, Written>();
      byWrite.set(e.write, { value: e.has ? canonicalJson(e.value) : '∅', parents });
      this.written.set(key, byWrite);
    }
    if (resolve && s) {
      // The curator chose having seen every value of the conflicted fields: the one that stays descends from them all.
      const after = fieldEntries(rec);
      for (const k of s.kept) {
        const e = after.get(k.field);
        if (!e || e.write === mine) continue;
        const w = this.written.get(`${rec.id}|${k.field}`)?.get(e.write);
        if (w) w.parents.push(k.write, ...(before.get(k.field) ? [before.get(k.field)!.write] : []));
      }
    }
    // A plain edit replaces the values it had on screen; kept values that differ wait for the curator.
    d.state = new Map(d.state).set(rec.id, { record: rec, kept: keptLeft });
    this.snapshots.push(d.state);
  }

  exchange(from: Device, to: Device): void {
    const incoming = [...from.state.values()];
    to.state = mergeTable(to.state, incoming).states;
    const stamps = incoming.flatMap((s) => [s.record.hlc, ...s.kept.map((k) => decodeWrite(k.write).hlc)]).sort();
    const top = stamps.at(-1);
    if (top) to.clock = receiveHlc(to.clock, decodeHlc(top), to.id, this.now(to));
    this.snapshots.push(to.state);
  }

  /** Everyone exchanges with everyone, twice around, so every write has reached every device. */
  gossip(): void {
    for (let round = 0; round < 2; round++)
      for (const to of this.devices) for (const from of this.devices) if (from !== to) this.exchange(from, to);
  }

  /** The writes of one record's field that the value set by `write` was made from, itself included. */
  lineage(key: string, write: string, out = new Set<string>()): Set<string> {
    if (out.has(write)) return out;
    out.add(write);
    for (const p of this.written.get(key)?.get(write)?.parents ?? []) this.lineage(key, p, out);
    return out;
  }

  /** Values written and then neither kept, nor replaced by a write that saw them, nor still held as an equal value. */
  lost(state: ReadonlyMap<string, RecordState>): string[] {
    const out: string[] = [];
    for (const [key, byWrite] of this.written) {
      const [recordId, field] = key.split('|') as [string, string];
      const s = state.get(recordId);
      if (!s) {
        out.push(`${key}: запись пропала`);
        continue;
      }
      const winner = fieldEntries(s.record).get(field);
      const present = [
        ...(winner ? [{ write: winner.write, value: winner.has ? canonicalJson(winner.value) : '∅' }] : []),
        ...s.kept.filter((k) => k.field === field).map((k) => ({ write: k.write, value: keptHas(k) ? canonicalJson(k.value) : '∅' })),
      ];
      // A value is accounted for when it is present, or a present value was written by someone who had seen it.
      const accounted = new Set<string>();
      for (const p of present) for (const x of this.lineage(key, p.write)) accounted.add(x);
      for (const [write, w] of byWrite) if (!accounted.has(write)) out.push(`${key}@${write}=${w.value}`);
    }
    return out;
  }
}

/** The record's own fields, as a form would hand them back. */
export function current(r: VersionedRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) if (r[f] !== undefined) out[f] = r[f];
  return out;
}
