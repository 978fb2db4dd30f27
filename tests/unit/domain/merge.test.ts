import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../src/domain/hlc';
import {
  classifyMerge,
  mergeRecord,
  mergeRecordStates,
  mergeReplicas,
  mergeTable,
  sameRecordState,
  type RecordState,
  type VersionedRecord,
} from '../../../src/domain/merge';
import { compareVv, joinVv } from '../../../src/domain/versionVector';
import { differingFields, pickFields, resolveRecord } from '../../../src/domain/conflictResolution';

/** A version of record `p1` written by `device` at `wall`, having seen `vv`. */
function ver(device: string, wall: number, vv: Record<string, number>, fields: Record<string, unknown> = {}, deleted = false): VersionedRecord {
  return {
    id: 'p1',
    createdAt: '2025-09-01T00:00:00.000Z',
    updatedAt: new Date(wall).toISOString(),
    hlc: encodeHlc({ wall, counter: 0, deviceId: device }),
    vv,
    deleted,
    name: 'Иван',
    ...fields,
  };
}
const one = (record: VersionedRecord, kept: readonly VersionedRecord[] = []): RecordState => ({ record, kept });

const base = ver('A', 1000, { A: 1 });
const editA = ver('A', 2000, { A: 2 }, { name: 'Иван А' });
const editB = ver('B', 3000, { A: 1, B: 1 }, { name: 'Иван Б' });
const deleteB = ver('B', 3000, { A: 1, B: 1 }, {}, true);

/** Both directions, and a second pass over the result, must agree. */
function both(x: RecordState, y: RecordState): RecordState {
  const xy = mergeRecordStates(x, y);
  const yx = mergeRecordStates(y, x);
  expect(sameRecordState(xy, yx)).toBe(true);
  expect(sameRecordState(mergeRecordStates(xy, y), xy)).toBe(true);
  expect(sameRecordState(mergeRecordStates(xy, x), xy)).toBe(true);
  expect(classifyMerge(xy, mergeRecordStates(xy, y))).toBe('unchanged');
  return xy;
}

describe('version vectors', () => {
  it.each([
    [{ A: 1 }, { A: 1 }, 'equal'],
    [{ A: 1 }, { A: 2 }, 'before'],
    [{ A: 2, B: 1 }, { A: 2 }, 'after'],
    [{ A: 2 }, { A: 1, B: 1 }, 'concurrent'],
    [{}, { B: 1 }, 'before'],
    [{ A: 0 }, {}, 'equal'],
  ] as const)('%j vs %j is %s', (a, b, order) => {
    expect(compareVv(a, b)).toBe(order);
  });
  it('joins pointwise with sorted keys', () => {
    expect(Object.entries(joinVv({ B: 1, A: 3 }, { A: 2, C: 4 }))).toEqual([['A', 3], ['B', 1], ['C', 4]]);
  });
});

describe('merging two versions of one record', () => {
  it('a record only the other side has is new', () => {
    expect(mergeRecord(undefined, base)).toMatchObject({ record: base, loser: undefined, outcome: 'new' });
  });

  it('the same version is unchanged', () => {
    const r = both(one(base), one({ ...base }));
    expect(r.record).toEqual(base);
    expect(mergeRecord(base, { ...base }).outcome).toBe('unchanged');
  });

  it('a newer version (its vv dominates) wins without a conflict', () => {
    const r = both(one(base), one(editA));
    expect(r).toEqual({ record: editA, kept: [] });
    expect(mergeRecord(base, editA).outcome).toBe('updated');
    expect(mergeRecord(editA, base).outcome).toBe('unchanged');
  });

  it('causal order beats the clock: a newer version with an older stamp still wins', () => {
    const late = ver('B', 500, { A: 1, B: 1 }, { name: 'после' });
    expect(both(one(base), one(late)).record).toEqual(late);
  });

  it('concurrent edits: the later stamp wins, the loser is kept, the vv covers both', () => {
    const r = both(one(editA), one(editB));
    expect(r.record).toMatchObject({ name: 'Иван Б', hlc: editB.hlc, vv: { A: 2, B: 1 } });
    expect(r.kept).toEqual([{ ...editA, vv: { A: 2 } }]);
    expect(mergeRecord(editA, editB)).toMatchObject({ outcome: 'conflict', loser: { name: 'Иван А' } });
    expect(mergeRecord(editB, editA)).toMatchObject({ outcome: 'conflict', loser: { name: 'Иван А' } });
  });

  it('a deletion concurrent with an edit is a conflict, whichever wins', () => {
    const tombWins = both(one(editA), one(deleteB));
    expect(tombWins.record.deleted).toBe(true);
    expect(tombWins.kept.map((k) => k.name)).toEqual(['Иван А']);
    const laterEdit = ver('A', 4000, { A: 2 }, { name: 'Иван поздний' });
    const editWins = both(one(laterEdit), one(deleteB));
    expect(editWins.record).toMatchObject({ deleted: false, name: 'Иван поздний' });
    expect(editWins.kept.map((k) => k.deleted)).toEqual([true]);
  });

  it('equal vv with different content (a forged file) still settles the same way in both directions', () => {
    const forged = { ...base, name: 'Подделка' };
    const r = both(one(base), one(forged));
    expect([base.name, forged.name]).toContain(r.record.name);
  });

  it('a kept version travels: a third device learns of the conflict from the merged copy', () => {
    const merged = mergeRecordStates(one(editA), one(editB));
    const third = both(one(base), merged);
    expect(third.kept.map((k) => k.name)).toEqual(['Иван А']);
    expect(classifyMerge(one(base), third)).toBe('conflict');
  });

  it('an edit written on top of the conflicted record keeps the kept version for review', () => {
    const merged = mergeRecordStates(one(editA), one(editB));
    const edit = ver('C', 5000, { A: 2, B: 1, C: 1 }, { name: 'Иван В' });
    const r = both(one(edit, merged.kept), merged);
    expect(r.record.name).toBe('Иван В');
    expect(r.kept.map((k) => k.name)).toEqual(['Иван А']);
  });

  it('a resolution replaces every kept version, also on devices that still hold them', () => {
    const merged = mergeRecordStates(one(editA), one(editB));
    const ctx = { hlc: encodeHlc({ wall: 6000, counter: 0, deviceId: 'C' }), deviceId: 'C', now: '2025-09-02T00:00:00.000Z' };
    const resolved = resolveRecord(merged.record, pickFields([merged.record, ...merged.kept], { name: 1 }).fields, ctx);
    expect(resolved).toMatchObject({ name: 'Иван А', vv: { A: 2, B: 1, C: 1 } });
    expect(compareVv(resolved.vv, merged.record.vv)).toBe('after');
    const r = both(one(resolved), merged);
    expect(r).toEqual({ record: resolved, kept: [] });
    expect(classifyMerge(merged, r)).toBe('updated');
    expect(classifyMerge(one(resolved), r)).toBe('unchanged');
    // the loser's own device, which never saw the conflict, takes the resolution as a plain update
    expect(both(one(editA), one(resolved))).toEqual({ record: resolved, kept: [] });
  });

  it('the loser edited further on its own device replaces its earlier kept version', () => {
    const merged = mergeRecordStates(one(editA), one(editB));
    const editA2 = ver('A', 2500, { A: 3 }, { name: 'Иван А2' });
    const r = both(merged, one(editA2));
    expect(r.record.name).toBe('Иван Б');
    expect(r.kept.map((k) => k.name)).toEqual(['Иван А2']);
  });
});

describe('merging a table', () => {
  it('counts outcomes and lists only what must be written', () => {
    const other = { ...base, id: 'p2', name: 'Пётр' };
    const local = new Map([
      ['p1', one(editA)],
      ['p2', one(other)],
    ]);
    const fresh = { ...base, id: 'p3' };
    const r = mergeTable(local, [one(editB), one({ ...other }), one(fresh)]);
    expect(r.counts).toEqual({ new: 1, updated: 0, unchanged: 1, conflict: 1 });
    expect(r.changes.map((c) => [c.id, c.outcome])).toEqual([
      ['p1', 'conflict'],
      ['p3', 'new'],
    ]);
    expect(r.states.size).toBe(3);
    expect(local.get('p1')).toEqual(one(editA));
  });

  it('a repeated id in the input is merged, not double counted', () => {
    const r = mergeTable(new Map(), [one(base), one(editA)]);
    expect(r.counts.new).toBe(1);
    expect(r.states.get('p1')?.record).toEqual(editA);
  });
});

describe('merging whole replicas', () => {
  it('merges table by table and keeps tables only one side has', () => {
    const a = new Map([['people', new Map([['p1', one(editA)]])]]);
    const b = new Map([
      ['people', new Map([['p1', one(editB)]])],
      ['partners', new Map([['p1', one(base)]])],
    ]);
    const ab = mergeReplicas(a, b);
    expect(ab.get('people')?.get('p1')?.kept).toHaveLength(1);
    expect(ab.get('partners')?.get('p1')?.record).toEqual(base);
    expect(a.get('people')?.get('p1')).toEqual(one(editA));
  });
});

describe('field-by-field resolution helpers', () => {
  it('lists the fields that differ, deletion first, envelope left out', () => {
    expect(differingFields([editA, deleteB])).toEqual(['deleted', 'name']);
    expect(differingFields([base, { ...base, hlc: editA.hlc }])).toEqual([]);
  });
  it('picks each field from the chosen version; a field the chosen version lacks goes', () => {
    const withPhone = { ...editA, phone: '+7 900' };
    const { fields, deleted } = pickFields([withPhone, deleteB], { name: 1, phone: 1, deleted: 1 });
    expect(fields).toEqual({ name: 'Иван' });
    expect(deleted).toBe(true);
  });
});
