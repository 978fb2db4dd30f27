import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldEntries } from '../../../src/domain/envelope';
import { conflictingValues, mergeTable, sameRecordState, type RecordState } from '../../../src/domain/merge';
import { coversWrite, compareWrites } from '../../../src/domain/writeStamp';
import { historyArb, World } from './mergeSimulation';

type Table = ReadonlyMap<string, RecordState>;

const merge = (a: Table, b: Table): Table => mergeTable(a, b.values()).states;

function sameTable(a: Table, b: Table): boolean {
  if (a.size !== b.size) return false;
  for (const [id, s] of a) {
    const o = b.get(id);
    if (!o || !sameRecordState(s, o)) return false;
  }
  return true;
}

function describeTable(t: Table): string {
  return JSON.stringify([...t].map(([id, s]) => [id, s.record, s.kept]));
}

const RUNS = Number(process.env.MERGE_RUNS ?? 1000);

describe.each([3, 4, 5])('%i devices editing random fields and exchanging full-state bundles in random orders', (devices) => {
  it('converge to the same records and kept values, and lose no value', () => {
    let withConflicts = 0;
    let runs = 0;
    fc.assert(
      fc.property(historyArb(devices), ({ devices: n, ops }) => {
        const world = new World(n).run(ops);
        world.gossip();
        const [a, ...rest] = world.devices.map((d) => d.state);
        for (const b of rest) expect(sameTable(a!, b), `${describeTable(a!)}\n${describeTable(b)}`).toBe(true);
        for (const s of a!.values()) {
          const winners = fieldEntries(s.record);
          for (const k of s.kept) {
            // the record has seen every value it keeps, the field's winner is the latest of them, and they differ
            expect(coversWrite(s.record.vv, k.write)).toBe(true);
            expect(compareWrites(k.write, winners.get(k.field)!.write)).toBeLessThan(0);
          }
        }
        expect(world.lost(a!)).toEqual([]);
        runs += 1;
        if ([...a!.values()].some((s) => conflictingValues(s).length > 0)) withConflicts += 1;
      }),
      { numRuns: RUNS },
    );
    // the histories are not all trivial: same-field conflicts are common among them
    expect(withConflicts / runs).toBeGreaterThan(0.2);
  });

  it('zero conflicts when devices edit different fields, in any exchange order, duplicates included', () => {
    // Device i edits only field i (a, b, the status group) — never the same field as another, never a deletion.
    const own = fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('edit' as const), d: fc.nat(devices - 1), pick: fc.constant(0), v: fc.nat(5) }),
        fc.record({ kind: fc.constant('exchange' as const), from: fc.nat(devices - 1), to: fc.nat(devices - 1) }),
      ),
      { minLength: 5, maxLength: 60 },
    );
    fc.assert(
      fc.property(own, (raw) => {
        const ops = raw.map((o) => (o.kind === 'edit' ? { ...o, field: Math.min(o.d, 2) === 2 ? 2 : Math.min(o.d, 2) } : o));
        const usable = ops.filter((o) => o.kind !== 'edit' || o.d < 3);
        const world = new World(devices).run([{ kind: 'create', d: 0, v: 0 }, ...Array.from({ length: devices - 1 }, (_, i) => ({ kind: 'exchange' as const, from: 0, to: i + 1 })), ...usable]);
        // duplicated and reordered files: the same exchanges again, backwards
        for (const o of [...usable].reverse()) if (o.kind === 'exchange' && o.from !== o.to) world.exchange(world.devices[o.from]!, world.devices[o.to]!);
        world.gossip();
        for (const d of world.devices) for (const s of d.state.values()) expect(conflictingValues(s)).toEqual([]);
        expect(world.lost(world.devices[0]!.state)).toEqual([]);
      }),
      { numRuns: Math.round(RUNS / 2) },
    );
  });

  it('every write reaches every device: the record count is the number of creates', () => {
    fc.assert(
      fc.property(historyArb(devices), ({ devices: n, ops }) => {
        const world = new World(n).run(ops);
        world.gossip();
        const creates = ops.filter((o) => o.kind === 'create').length;
        for (const d of world.devices) expect(d.state.size).toBe(creates);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the merge of replica states is a join', () => {
  // Arbitrary version vectors would describe histories no set of devices can produce, so the states come from
  // simulated histories: any state any device passed through.
  const triple = fc.record({ h: historyArb(4), i: fc.nat(), j: fc.nat(), k: fc.nat() });
  const pick = (w: World, n: number): Table => w.snapshots[n % w.snapshots.length] ?? new Map();

  it('commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(triple, ({ h, i, j, k }) => {
        const w = new World(h.devices).run(h.ops);
        const [x, y, z] = [pick(w, i), pick(w, j), pick(w, k)];
        expect(sameTable(merge(x, y), merge(y, x))).toBe(true);
        expect(sameTable(merge(merge(x, y), z), merge(x, merge(y, z)))).toBe(true);
        expect(sameTable(merge(x, x), x)).toBe(true);
        const xy = merge(x, y);
        expect(sameTable(merge(xy, y), xy)).toBe(true);
        expect(sameTable(merge(xy, x), xy)).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('a second import of the same bundle changes nothing', () => {
    fc.assert(
      fc.property(triple, ({ h, i, j }) => {
        const w = new World(h.devices).run(h.ops);
        const once = mergeTable(pick(w, i), pick(w, j).values());
        const twice = mergeTable(once.states, pick(w, j).values());
        expect(twice.changes).toEqual([]);
        expect(twice.counts.new + twice.counts.updated + twice.counts.conflict).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
