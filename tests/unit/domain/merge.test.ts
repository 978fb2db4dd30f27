import { describe, expect, it } from 'vitest';
import { fieldEntries, legacyWrite, stampRecord, type VersionedRecord } from '../../../src/domain/envelope';
import { encodeHlc } from '../../../src/domain/hlc';
import {
  classifyMerge,
  conflictingValues,
  keptAfterWrite,
  mergeRecord,
  mergeRecordStates,
  mergeReplicas,
  mergeTable,
  sameRecordState,
  type RecordState,
} from '../../../src/domain/merge';
import { compareVv, joinVv } from '../../../src/domain/versionVector';
import { conflictFields, pickFields, resolveRecord } from '../../../src/domain/conflictResolution';

const GROUPS = [['status', 'endReason']] as const;
const ctx = (device: string, wall: number) => ({ hlc: encodeHlc({ wall, counter: 0, deviceId: device }), deviceId: device, now: new Date(wall).toISOString() });
/** A write of `device` at `wall` on top of `on` (or a new record p1). */
function write(on: VersionedRecord | undefined, device: string, wall: number, change: Record<string, unknown>, deleted = false): VersionedRecord {
  const fields = { ...(on ? Object.fromEntries(Object.entries(on).filter(([k]) => ['name', 'notes', 'status', 'endReason', 'phone'].includes(k))) : {}), ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete fields[k];
  return stampRecord(on, fields, ctx(device, wall), { id: 'p1', deleted, groups: GROUPS }) as VersionedRecord;
}
const one = (record: VersionedRecord, kept: RecordState['kept'] = []): RecordState => ({ record, kept });
const fieldsOf = (r: VersionedRecord) => ({ name: r.name, notes: r.notes, status: r.status, endReason: r.endReason, deleted: r.deleted });

const base = write(undefined, 'A', 1000, { name: 'Иван', notes: '', status: 'active', endReason: '' });
const notesA = write(base, 'A', 2000, { notes: 'встреча прошла' });
const nameB = write(base, 'B', 3000, { name: 'Иван Петрович' });
const nameA = write(base, 'A', 2000, { name: 'Иван А' });
const deleteB = write(base, 'B', 3000, {}, true);

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

describe('field stamps', () => {
  it('a new record is one write: no per-field list', () => {
    expect(base.writes).toHaveLength(1);
    expect(base.fieldWrites).toBeUndefined();
  });
  it('an edit stamps only the fields it changed (and `deleted`)', () => {
    const e = fieldEntries(notesA);
    expect(e.get('notes')!.write).not.toBe(e.get('name')!.write);
    expect(e.get('deleted')!.write).toBe(e.get('notes')!.write);
    expect(notesA.hlc).toBe(ctx('A', 2000).hlc);
  });
  it('a change to one field of a group stamps the whole group', () => {
    const s = write(base, 'B', 3000, { status: 'interrupted' });
    const e = fieldEntries(s);
    expect(e.get('endReason')!.write).toBe(e.get('status')!.write);
    expect(e.get('name')!.write).not.toBe(e.get('status')!.write);
  });
  it('a cleared field is listed as written absent', () => {
    const withPhone = write(base, 'A', 1500, { phone: '+7 900' });
    const cleared = write(withPhone, 'A', 1600, { phone: undefined });
    expect(cleared.phone).toBeUndefined();
    expect(fieldEntries(cleared).get('phone')).toMatchObject({ has: false });
  });
  it('a record of format 2 (no stamps) reads as one write of every field it has', () => {
    const { writes: _w, ...old } = base;
    const e = fieldEntries(old as VersionedRecord);
    expect(new Set([...e.values()].map((x) => x.write))).toEqual(new Set([legacyWrite(base)]));
  });
});

describe('merging two copies of one record, field by field', () => {
  it('a record only the other side has is new', () => {
    expect(mergeRecord(undefined, base)).toMatchObject({ record: base, kept: [], outcome: 'new' });
  });

  it('the same version is unchanged', () => {
    expect(both(one(base), one({ ...base })).record).toEqual(base);
    expect(mergeRecord(base, { ...base }).outcome).toBe('unchanged');
  });

  it('a newer version wins without a conflict, in both directions', () => {
    expect(both(one(base), one(notesA))).toEqual({ record: notesA, kept: [] });
    expect(mergeRecord(base, notesA).outcome).toBe('updated');
    expect(mergeRecord(notesA, base).outcome).toBe('unchanged');
  });

  it('edits of different fields on two devices merge by themselves: both edits, no conflict', () => {
    const r = both(one(notesA), one(nameB));
    expect(fieldsOf(r.record)).toEqual({ name: 'Иван Петрович', notes: 'встреча прошла', status: 'active', endReason: '', deleted: false });
    expect(conflictingValues(r)).toEqual([]);
    expect(r.record.vv).toEqual({ A: 2, B: 1 });
    expect(mergeRecord(notesA, nameB).outcome).toBe('updated');
    expect(mergeRecord(nameB, notesA).outcome).toBe('updated');
  });

  it('causal order beats the clock: a later write with an older stamp still wins its field', () => {
    const late = write(nameB, 'C', 500, { name: 'после' });
    expect(both(one(nameB), one(late)).record.name).toBe('после');
  });

  it('the same field written on two devices: the later stamp wins, the other value is kept', () => {
    const r = both(one(nameA), one(nameB));
    expect(r.record).toMatchObject({ name: 'Иван Петрович', vv: { A: 2, B: 1 } });
    expect(conflictingValues(r)).toEqual([{ field: 'name', write: fieldEntries(nameA).get('name')!.write, value: 'Иван А' }]);
    expect(mergeRecord(nameA, nameB).outcome).toBe('conflict');
    expect(mergeRecord(nameB, nameA).outcome).toBe('conflict');
  });

  it('the same value written on two devices is no conflict', () => {
    const same = write(base, 'B', 3000, { name: 'Иван А' });
    const r = both(one(nameA), one(same));
    expect(r.record.name).toBe('Иван А');
    expect(conflictingValues(r)).toEqual([]);
    expect(mergeRecord(nameA, same).outcome).toBe('updated');
  });

  it('a field cleared on one device and edited on the other is a conflict', () => {
    const withPhone = write(base, 'A', 1500, { phone: '+7 900' });
    const cleared = write(withPhone, 'A', 2000, { phone: undefined });
    const edited = write(withPhone, 'B', 2500, { phone: '+7 911' });
    const r = both(one(cleared), one(edited));
    expect(r.record.phone).toBe('+7 911');
    expect(conflictingValues(r)).toEqual([{ field: 'phone', write: fieldEntries(cleared).get('phone')!.write }]);
  });

  it('a deletion concurrent with an edit of any field is a conflict, whichever wins', () => {
    const tombWins = both(one(notesA), one(deleteB));
    expect(tombWins.record.deleted).toBe(true);
    expect(tombWins.record.notes).toBe('встреча прошла');
    expect(conflictingValues(tombWins).map((k) => [k.field, k.value])).toEqual([['deleted', false]]);
    const laterEdit = write(base, 'A', 4000, { notes: 'позже' });
    const editWins = both(one(laterEdit), one(deleteB));
    expect(editWins.record).toMatchObject({ deleted: false, notes: 'позже' });
    expect(conflictingValues(editWins).map((k) => [k.field, k.value])).toEqual([['deleted', true]]);
  });

  it('a group travels whole: status and reason come from the same write', () => {
    const interruptA = write(base, 'A', 2000, { status: 'interrupted', endReason: 'переезд' });
    const finishB = write(base, 'B', 3000, { status: 'finished' });
    const r = both(one(interruptA), one(finishB));
    expect([r.record.status, r.record.endReason]).toEqual(['finished', '']);
    expect(conflictingValues(r).map((k) => k.field).sort()).toEqual(['endReason', 'status']);
  });

  it('equal vv with different content (a forged file) still settles the same way in both directions', () => {
    const forged = { ...base, name: 'Подделка' };
    expect([base.name, forged.name]).toContain(both(one(base), one(forged)).record.name);
  });

  it('a kept value travels: a third device learns of the conflict from the merged copy', () => {
    const merged = mergeRecordStates(one(nameA), one(nameB));
    const third = both(one(base), merged);
    expect(conflictingValues(third).map((k) => k.value)).toEqual(['Иван А']);
    expect(classifyMerge(one(base), third)).toBe('conflict');
  });

  it('an edit of another field keeps the kept value; an edit of the same field keeps it too, for review', () => {
    const merged = mergeRecordStates(one(nameA), one(nameB));
    // (the two devices' edits also both said «not deleted»: that equal value is kept only for the merge's
    // bookkeeping, and the next write of the record replaces it)
    expect(merged.kept.map((k) => k.field).sort()).toEqual(['deleted', 'name']);
    const notes = write(merged.record, 'C', 5000, { notes: 'C' });
    expect(keptAfterWrite(merged, notes)).toEqual(conflictingValues(merged));
    const rename = write(merged.record, 'C', 5000, { name: 'Иван В' });
    expect(keptAfterWrite(merged, rename)).toEqual(conflictingValues(merged));
    const r = both(one(rename, keptAfterWrite(merged, rename)), merged);
    expect(r.record.name).toBe('Иван В');
    expect(conflictingValues(r).map((k) => k.value)).toEqual(['Иван А']);
  });

  it('a resolution replaces every kept value, also on devices that still hold them', () => {
    const merged = mergeRecordStates(one(nameA), one(nameB));
    const [conflict] = conflictFields(merged);
    expect(conflict!.options.map((o) => [o.value, o.current])).toEqual([
      ['Иван Петрович', true],
      ['Иван А', false],
    ]);
    const chosen = pickFields(merged, { name: conflict!.options[1]!.write });
    const resolved = resolveRecord(merged.record, chosen.fields, ctx('C', 6000));
    expect(resolved).toMatchObject({ name: 'Иван А', vv: { A: 2, B: 1, C: 1 } });
    const r = both(one(resolved), merged);
    expect(r).toEqual({ record: resolved, kept: [] });
    expect(classifyMerge(merged, r)).toBe('updated');
    // the loser's own device, which never saw the conflict, takes the resolution as a plain update
    expect(both(one(nameA), one(resolved))).toEqual({ record: resolved, kept: [] });
  });

  it('the loser edited further on its own device replaces its earlier kept value', () => {
    const merged = mergeRecordStates(one(nameA), one(nameB));
    const nameA2 = write(nameA, 'A', 2500, { name: 'Иван А2' });
    const r = both(merged, one(nameA2));
    expect(r.record.name).toBe('Иван Петрович');
    expect(conflictingValues(r).map((k) => k.value)).toEqual(['Иван А2']);
  });

  it('a record of format 2 merges with its own upgraded copy and with a newer edit', () => {
    const { writes: _w, ...old } = base;
    expect(mergeRecord(old as VersionedRecord, base).outcome).not.toBe('conflict');
    expect(both(one(old as VersionedRecord), one(notesA)).record.notes).toBe('встреча прошла');
  });
});

describe('merging a table', () => {
  it('counts outcomes and lists only what must be written', () => {
    const other = write(undefined, 'A', 1000, { name: 'Пётр' });
    const p2 = { ...other, id: 'p2' };
    const local = new Map([
      ['p1', one(nameA)],
      ['p2', one(p2)],
    ]);
    const fresh = { ...base, id: 'p3' };
    const r = mergeTable(local, [one(nameB), one({ ...p2 }), one(fresh)]);
    expect(r.counts).toEqual({ new: 1, updated: 0, unchanged: 1, conflict: 1 });
    expect(r.changes.map((c) => [c.id, c.outcome])).toEqual([
      ['p1', 'conflict'],
      ['p3', 'new'],
    ]);
    expect(r.states.size).toBe(3);
    expect(local.get('p1')).toEqual(one(nameA));
  });

  it('a repeated id in the input is merged, not double counted', () => {
    const r = mergeTable(new Map(), [one(base), one(notesA)]);
    expect(r.counts.new).toBe(1);
    expect(r.states.get('p1')?.record).toEqual(notesA);
  });
});

describe('merging whole replicas', () => {
  it('merges table by table and keeps tables only one side has', () => {
    const a = new Map([['people', new Map([['p1', one(nameA)]])]]);
    const b = new Map([
      ['people', new Map([['p1', one(nameB)]])],
      ['partners', new Map([['p1', one(base)]])],
    ]);
    const ab = mergeReplicas(a, b);
    expect(conflictingValues(ab.get('people')!.get('p1')!)).toHaveLength(1);
    expect(ab.get('partners')?.get('p1')?.record).toEqual(base);
    expect(a.get('people')?.get('p1')).toEqual(one(nameA));
  });
});

describe('field-by-field resolution helpers', () => {
  it('lists only the fields in conflict, deletion first', () => {
    const s = mergeRecordStates(mergeRecordStates(one(nameA), one(nameB)), one(write(base, 'C', 3500, {}, true)));
    expect(conflictFields(s).map((f) => f.field)).toEqual(['deleted', 'name']);
  });
  it('picks a kept value per field; a kept absent value removes the field', () => {
    const withPhone = write(base, 'A', 1500, { phone: '+7 900' });
    const s = mergeRecordStates(one(write(withPhone, 'A', 2000, { phone: undefined })), one(write(withPhone, 'B', 2500, { phone: '+7 911' })));
    const [f] = conflictFields(s);
    expect(pickFields(s, { phone: f!.options[1]!.write }).fields).not.toHaveProperty('phone');
    expect(pickFields(s, {}).fields.phone).toBe('+7 911');
  });
});
