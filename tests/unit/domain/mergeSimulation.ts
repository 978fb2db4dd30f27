import fc from 'fast-check';
import { stampRecord } from '../../../src/domain/envelope';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc, type Hlc } from '../../../src/domain/hlc';
import { mergeTable, type RecordState, type VersionedRecord } from '../../../src/domain/merge';
import { pickFields, resolveRecord } from '../../../src/domain/conflictResolution';
import type { VersionVector } from '../../../src/domain/versionVector';

/**
 * Three devices editing one table and swapping full-state bundles, as the app does: each stamps its writes with its
 * own hlc and one more count in the record's vv (`stampRecord`), and advances its clock past every stamp it imports.
 * The world remembers every write ever made, with the versions its author was looking at, so that a test can tell
 * whether a version was replaced on purpose or lost.
 */
export type Op =
  | { kind: 'create'; d: number; v: number }
  | { kind: 'edit'; d: number; pick: number; v: number }
  | { kind: 'delete'; d: number; pick: number }
  | { kind: 'resolve'; d: number; pick: number; choice: number }
  | { kind: 'exchange'; from: number; to: number }
  | { kind: 'wait'; ms: number };

const device = fc.nat(2);
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), d: device, v: fc.nat(5) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), d: device, pick: fc.nat(), v: fc.nat(5) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), d: device, pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('resolve' as const), d: device, pick: fc.nat(), choice: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('exchange' as const), from: device, to: device }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.nat(3) }), weight: 1 },
);

/**
 * A history: one shared record to start from (so that devices edit the same thing and conflicts are common), then
 * random operations. `size: 'medium'` lets fast-check reach the longer histories where conflicts pile up.
 */
const SEED_OPS: Op[] = [
  { kind: 'create', d: 0, v: 0 },
  { kind: 'exchange', from: 0, to: 1 },
  { kind: 'exchange', from: 0, to: 2 },
];
export const historyArb: fc.Arbitrary<Op[]> = fc
  .array(opArb, { minLength: 5, maxLength: 80, size: 'medium' })
  .map((ops) => [...SEED_OPS, ...ops]);

export interface Write {
  hlc: string;
  vv: VersionVector;
  /** The versions the author had on screen: the winner, and for a resolution every kept version too. */
  parents: string[];
}

export interface Device {
  id: string;
  skew: number;
  clock: Hlc | null;
  state: Map<string, RecordState>;
}

export class World {
  readonly devices: Device[] = ['devA', 'devB', 'devC'].map((id, i) => ({ id, skew: [0, 7, -5][i]!, clock: null, state: new Map() }));
  readonly writes = new Map<string, Write>();
  /** Every state any device passed through, for the algebra properties. */
  readonly snapshots: Map<string, RecordState>[] = [];
  private time = Date.UTC(2025, 8, 1);
  private ids = 0;

  run(ops: readonly Op[]): this {
    for (const op of ops) this.apply(op);
    return this;
  }

  apply(op: Op): void {
    this.time += 1;
    switch (op.kind) {
      case 'wait':
        this.time += op.ms;
        return;
      case 'exchange':
        if (op.from !== op.to) this.exchange(this.devices[op.from]!, this.devices[op.to]!);
        return;
      case 'create':
        this.write(this.devices[op.d]!, undefined, { name: `v${op.v}`, n: op.v }, false, []);
        return;
      default:
    }
    const d = this.devices[op.d]!;
    const ids = [...d.state.keys()].sort();
    if (ids.length === 0) return;
    const s = d.state.get(ids[op.pick % ids.length]!)!;
    const fields = { name: s.record.name, n: s.record.n };
    if (op.kind === 'edit') this.write(d, s, { ...fields, name: `v${op.v}` }, false, [s.record.hlc]);
    else if (op.kind === 'delete') this.write(d, s, fields, true, [s.record.hlc]);
    else if (s.kept.length > 0) {
      // The curator takes `name` from one version and everything else from the winner.
      const versions = [s.record, ...s.kept];
      const { fields: chosen, deleted } = pickFields(versions, { name: op.choice % versions.length, deleted: op.choice % 2 });
      this.write(d, s, chosen, deleted, versions.map((v) => v.hlc), true);
    }
  }

  private now(d: Device): number {
    return this.time + d.skew;
  }

  private write(d: Device, s: RecordState | undefined, fields: object, deleted: boolean, parents: string[], resolve = false): void {
    d.clock = tickHlc(d.clock, d.id, this.now(d));
    const ctx = { hlc: encodeHlc(d.clock), deviceId: d.id, now: new Date(this.now(d)).toISOString() };
    const rec = (
      resolve && s
        ? resolveRecord(s.record, fields as Record<string, unknown>, ctx, { deleted })
        : stampRecord(s?.record, fields, ctx, { id: s ? undefined : `r${++this.ids}`, deleted })
    ) as VersionedRecord;
    this.writes.set(rec.hlc, { hlc: rec.hlc, vv: rec.vv, parents });
    // A plain edit replaces the stored record only; the kept versions wait for the curator.
    d.state = new Map(d.state).set(rec.id, { record: rec, kept: resolve ? [] : (s?.kept ?? []) });
    this.snapshots.push(d.state);
  }

  exchange(from: Device, to: Device): void {
    const incoming = [...from.state.values()];
    to.state = mergeTable(to.state, incoming).states;
    const stamps = incoming.flatMap((s) => [s.record.hlc, ...s.kept.map((k) => k.hlc)]).sort();
    const top = stamps.at(-1);
    if (top) to.clock = receiveHlc(to.clock, decodeHlc(top), to.id, this.now(to));
    this.snapshots.push(to.state);
  }

  /** Everyone exchanges with everyone, twice around, so every write has reached every device. */
  gossip(): void {
    for (let round = 0; round < 2; round++)
      for (const to of this.devices) for (const from of this.devices) if (from !== to) this.exchange(from, to);
  }

  /** The writes whose content `hlc` was made from, itself included. */
  lineage(hlc: string, out = new Set<string>()): Set<string> {
    if (out.has(hlc)) return out;
    out.add(hlc);
    for (const p of this.writes.get(hlc)?.parents ?? []) this.lineage(p, out);
    return out;
  }
}
