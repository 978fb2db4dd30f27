import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learn, recordsOf, selectDelta, sentKnowledge, type Knowledge } from '../../../../src/domain/handoff/delta';
import { mergeTable, sameRecordState, toRecordStates, type RecordState } from '../../../../src/domain/merge';
import type { VersionedRecord } from '../../../../src/domain/envelope';
import type { KeptValueEntry } from '../../../../src/domain/bundle/format';
import { World } from '../mergeSimulation';

type Table = Map<string, RecordState>;

const asTables = (t: Table) => ({ people: [...t.values()].map((s) => s.record) });
const keptOf = (t: Table) => [...t.values()].flatMap((s) => s.kept.map((k) => ({ table: 'people' as const, recordId: s.record.id, ...k })));
function importInto(local: Table, tables: { people: VersionedRecord[] }, kept: readonly KeptValueEntry[]): Table {
  return mergeTable(local, toRecordStates(tables.people, kept).values()).states;
}
function same(a: Table, b: Table): boolean {
  if (a.size !== b.size) return false;
  for (const [id, s] of a) if (!b.has(id) || !sameRecordState(s, b.get(id)!)) return false;
  return true;
}

describe('changes only: a delta for a peer', () => {
  it('applied to the peer gives the same state as the whole scope would, whatever the peer already had', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('edit', 'create', 'exchange', 'send'), d: fc.nat(2), v: fc.nat(3), pick: fc.nat(), f: fc.nat(3) }), { minLength: 5, maxLength: 60 }),
        (raw) => {
          const world = new World(3).run([{ kind: 'create', d: 0, v: 0 }, { kind: 'exchange', from: 0, to: 1 }]);
          const [me, peer] = world.devices;
          let known: Knowledge = {};
          let pending: Knowledge | null = null;
          for (const o of raw) {
            if (o.kind === 'edit') world.apply({ kind: 'edit', d: o.d, pick: o.pick, field: o.f, v: o.v });
            else if (o.kind === 'create') world.apply({ kind: 'create', d: o.d, v: o.v });
            else if (o.kind === 'exchange') {
              // the peer sends me its whole state: I learn what it holds, and that it imported my last delta
              world.exchange(peer!, me!);
              known = learn(known, recordsOf(asTables(peer!.state)));
              if (pending) known = learn(known, Object.entries(pending).map(([k, vv]) => ['people', { id: k.split('|')[1]!, vv }]));
              pending = null;
            } else {
              // I send the peer only what it has not seen; compare with sending everything
              const whole = importInto(peer!.state, asTables(me!.state), keptOf(me!.state));
              const d = selectDelta(asTables(me!.state), keptOf(me!.state), known);
              const viaDelta = importInto(peer!.state, d.tables as { people: VersionedRecord[] }, d.kept);
              expect(same(viaDelta, whole)).toBe(true);
              peer!.state = viaDelta;
              pending = sentKnowledge(d.tables);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('carries nothing the peer is known to hold, and everything it may not', () => {
    const r = (id: string, vv: Record<string, number>) => ({ id, vv }) as VersionedRecord;
    const tables = { people: [r('a', { x: 2 }), r('b', { x: 1, y: 1 }), r('c', { x: 1 })] };
    const known = learn({}, [
      ['people', r('a', { x: 2 })],
      ['people', r('b', { x: 1 })],
    ]);
    const d = selectDelta(tables, [{ table: 'people', recordId: 'b', field: 'n', write: 'w', value: 1 }, { table: 'people', recordId: 'a', field: 'n', write: 'w', value: 1 }], known);
    expect(d.tables.people.map((x) => x.id)).toEqual(['b', 'c']);
    expect(d.kept.map((k) => k.recordId)).toEqual(['b']);
    expect(selectDelta(tables, [], {}).tables.people).toHaveLength(3);
  });
});
