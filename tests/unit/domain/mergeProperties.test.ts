import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTable, sameRecordState, type RecordState } from '../../../src/domain/merge';
import { coversDot, dotOf } from '../../../src/domain/versionVector';
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
  return JSON.stringify([...t].map(([id, s]) => [id, s.record.hlc, s.record.vv, s.kept.map((k) => k.hlc)]));
}

const history = historyArb;

describe('three devices exchanging full-state bundles in random orders', () => {
  it('converge to the same records and kept versions, and lose nothing', () => {
    fc.assert(
      fc.property(history, (ops) => {
        const world = new World().run(ops);
        world.gossip();
        const [a, b, c] = world.devices.map((d) => d.state);
        expect(sameTable(a!, b!), `${describeTable(a!)}\n${describeTable(b!)}`).toBe(true);
        expect(sameTable(a!, c!)).toBe(true);

        for (const s of a!.values()) {
          // the stored record has seen every version it keeps, and the winner is the latest of them
          for (const k of s.kept) {
            expect(coversDot(s.record.vv, dotOf(k))).toBe(true);
            expect(k.hlc < s.record.hlc).toBe(true);
          }
        }
        // Nothing lost: every version ever written is the winner, a kept version, or part of what one of them was
        // written from (an edit on top of it, or a resolution that saw it).
        for (const w of world.writes.values()) {
          const id = [...a!.keys()].find((rid) => {
            const s = a!.get(rid)!;
            return [s.record, ...s.kept].some((v) => world.lineage(v.hlc).has(w.hlc));
          });
          expect(id, `version ${w.hlc} is lost`).toBeDefined();
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('every write reaches every device: the record count is the number of creates', () => {
    fc.assert(
      fc.property(history, (ops) => {
        const world = new World().run(ops);
        world.gossip();
        const creates = new Set([...world.writes.values()].filter((w) => w.parents.length === 0).map((w) => w.hlc));
        for (const d of world.devices) expect(d.state.size).toBe(creates.size);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the merge of replica states is a join', () => {
  // Arbitrary version vectors would describe histories no set of devices can produce, so the states come from
  // simulated histories: any state any device passed through.
  const triple = fc.record({ ops: history, i: fc.nat(), j: fc.nat(), k: fc.nat() });
  const pick = (w: World, n: number): Table => w.snapshots[n % w.snapshots.length] ?? new Map();

  it('commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(triple, ({ ops, i, j, k }) => {
        const w = new World().run(ops);
        const [x, y, z] = [pick(w, i), pick(w, j), pick(w, k)];
        expect(sameTable(merge(x, y), merge(y, x))).toBe(true);
        expect(sameTable(merge(merge(x, y), z), merge(x, merge(y, z)))).toBe(true);
        expect(sameTable(merge(x, x), x)).toBe(true);
        const xy = merge(x, y);
        expect(sameTable(merge(xy, y), xy)).toBe(true);
        expect(sameTable(merge(xy, x), xy)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('a second import of the same bundle changes nothing', () => {
    fc.assert(
      fc.property(triple, ({ ops, i, j }) => {
        const w = new World().run(ops);
        const once = mergeTable(pick(w, i), pick(w, j).values());
        const twice = mergeTable(once.states, pick(w, j).values());
        expect(twice.changes).toEqual([]);
        expect(twice.counts.new + twice.counts.updated + twice.counts.conflict).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
