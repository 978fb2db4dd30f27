import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NastavnikDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from '../../../src/storage/db';
import { readPairSummaries, rebuildPairSummaries } from '../../../src/storage/pairSummaries';
import { recordProblems } from '../../../src/domain/recordRules.schema';
import { fieldEntries, legacyWrite, stampRecord } from '../../../src/domain/envelope';
import { encodeHlc } from '../../../src/domain/hlc';
import { listConflicts } from '../../../src/storage/bundle/conflicts';
import { personFields } from './bundleHelpers';

const hlc = (wall: number, device: string) => encodeHlc({ wall, counter: 0, deviceId: device });

/** A person as the app of format 2 stored it: one stamp for the record, no field stamps. */
function v2Person(id: string, fields: object, wall: number, vv: Record<string, number>, device = 'devA') {
  return { id, ...personFields(), ...fields, createdAt: '2025-09-01T00:00:00.000Z', updatedAt: new Date(wall).toISOString(), hlc: hlc(wall, device), vv, deleted: false };
}

async function oldDb(name: string, version: 1 | 2, fill: (db: Dexie) => Promise<void>) {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  if (version === 2) old.version(2).stores(SCHEMA_V2);
  await old.open();
  await fill(old);
  old.close();
}

describe('database versions', () => {
  it('a version-1 database with data opens as version 3: every record kept, stamped per field, and valid', async () => {
    const name = 'upgrade-v1-v3';
    const person = v2Person('p1', { lastName: 'Семёнова', firstName: 'Анна', roles: ['mentee'], classLabel: '7Б' }, Date.UTC(2025, 8, 2), { devA: 1 });
    await oldDb(name, 1, async (v1) => {
      await v1.table('people').put(person);
      await v1.table('meta').put({ key: 'deviceId', value: 'dev1' });
      await v1.table('drafts').put({ key: 'person:new', value: { lastName: 'Ор' }, savedAt: '2025-09-01T00:00:00.000Z' });
    });
    const db = new NastavnikDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    const p = await db.people.get('p1');
    expect(p).toEqual({ ...person, writes: [legacyWrite(person)] });
    expect(recordProblems('people', p)).toEqual([]);
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'dev1' });
    expect(await db.drafts.count()).toBe(1);
    await db.files.put({ id: 'm1', blob: new Blob(['%PDF-1.4'], { type: 'application/pdf' }) });
    expect(await (await db.files.get('m1'))!.blob.text()).toBe('%PDF-1.4');
    db.close();
    await db.delete();
  });

  it('version 2 → 3: a kept whole version becomes the kept values of the fields it differs in, the same as the bundle migration', async () => {
    const name = 'upgrade-v2-v3-conflicts';
    // B's edit of the phone won over A's concurrent edit of the last name and the phone (format 2: whole records)
    const winner = v2Person('p1', { lastName: 'Петров', phone: '+7 911' }, Date.UTC(2025, 9, 3), { devA: 2, devB: 1 }, 'devB');
    const loser = { ...v2Person('p1', { lastName: 'Петров-Водкин', phone: '+7 900' }, Date.UTC(2025, 9, 2), { devA: 2 }, 'devA') };
    await oldDb(name, 2, async (v2) => {
      await v2.table('people').put(winner);
      await v2.table('conflicts').put({ id: `people|p1|${loser.hlc}`, table: 'people', recordId: 'p1', version: loser, detectedAt: '2025-10-04T00:00:00.000Z' });
      await v2.table('snapshots').put({ id: 'x', exchangeId: 'x', at: '2025-10-04T00:00:00.000Z', records: [], keptBefore: [], keptAdded: [] });
    });
    const db = new NastavnikDb(name);
    await db.open();
    const rows = await db.conflicts.toArray();
    expect(rows.map((r) => [r.field, r.value, r.detectedAt]).sort()).toEqual([
      ['lastName', 'Петров-Водкин', '2025-10-04T00:00:00.000Z'],
      ['phone', '+7 900', '2025-10-04T00:00:00.000Z'],
    ]);
    const [g] = await listConflicts(db);
    expect(g!.fields.map((f) => f.field)).toEqual(['lastName', 'phone']);
    expect(fieldEntries(g!.state.record).get('phone')!.write).toBe(legacyWrite(winner));
    // the undo snapshot of the old shape is dropped
    expect(await db.snapshots.count()).toBe(0);
    db.close();
    await db.delete();
  });

  it('version 2 → 3: a stored record that breaks its table’s rules is set aside with the reasons, its kept values dropped', async () => {
    const name = 'upgrade-v2-v3-invalid';
    const good = v2Person('p1', {}, Date.UTC(2025, 9, 1), { devA: 1 });
    const bad = v2Person('p2', { category: 'student', classLabel: '' }, Date.UTC(2025, 9, 1), { devA: 1 });
    const pref = { id: 'f1', eventId: 'e1', personId: 'p1', side: 'mentee', ranked: ['p1'], createdAt: good.createdAt, updatedAt: good.updatedAt, hlc: good.hlc, vv: good.vv, deleted: false };
    await oldDb(name, 2, async (v2) => {
      await v2.table('people').bulkPut([good, bad]);
      await v2.table('preferences').put(pref);
    });
    const db = new NastavnikDb(name);
    await db.open();
    expect((await db.people.toArray()).map((p) => p.id)).toEqual(['p1']);
    expect(await db.preferences.count()).toBe(0);
    const aside = await db.setAside.orderBy('id').toArray();
    expect(aside.map((a) => [a.table, a.recordId, a.problems.map((p) => p.field)])).toEqual([
      ['people', 'p2', ['classLabel']],
      ['preferences', 'f1', ['ranked.0']],
    ]);
    expect(aside[0]!.record).toMatchObject({ id: 'p2', lastName: 'Петров' });
    db.close();
    await db.delete();
  });

  it('version 3 → 4: the peers table appears, every record and kept value as it was', async () => {
    const name = 'upgrade-v3-v4';
    const person = { ...v2Person('p1', {}, Date.UTC(2025, 9, 1), { devA: 1 }) };
    const stamped = { ...person, writes: [legacyWrite(person)] };
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    await old.open();
    await old.table('people').put(stamped);
    await old.table('conflicts').put({ id: 'k', table: 'people', recordId: 'p1', field: 'notes', write: legacyWrite(person), value: 'x', detectedAt: person.updatedAt });
    old.close();
    const db = new NastavnikDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.people.get('p1')).toEqual(stamped);
    expect(await db.conflicts.count()).toBe(1);
    expect(await db.peers.count()).toBe(0);
    db.close();
    await db.delete();
  });

  it('version 4 → 5: a tombstone this device deleted is written again without its personal fields (a new write of this device); one another device deleted stays', async () => {
    const name = 'upgrade-v4-v5-tombstones';
    const live = stampRecord(undefined, personFields({ lastName: 'Семёнова', phone: '+7 900 111-22-33', notes: 'тихая' }), { hlc: hlc(Date.UTC(2025, 9, 1), 'dev1'), deviceId: 'dev1', now: '2025-10-01T00:00:00.000Z' }, { id: 'p1' });
    const mine = stampRecord(live, live, { hlc: hlc(Date.UTC(2025, 9, 2), 'dev1'), deviceId: 'dev1', now: '2025-10-02T00:00:00.000Z' }, { deleted: true });
    const theirs = stampRecord({ ...live, id: 'p2' }, { ...live, id: 'p2' }, { hlc: hlc(Date.UTC(2025, 9, 2), 'devB'), deviceId: 'devB', now: '2025-10-02T00:00:00.000Z' }, { deleted: true });
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    await old.open();
    await old.table('people').bulkPut([mine, { ...theirs, id: 'p2' }]);
    await old.table('conflicts').put({ id: 'k', table: 'people', recordId: 'p1', field: 'phone', write: legacyWrite({ hlc: hlc(Date.UTC(2025, 9, 1), 'devB'), vv: { devB: 1 } }), value: '+7 999', detectedAt: '2025-10-02T00:00:00.000Z' });
    await old.table('meta').bulkPut([{ key: 'deviceId', value: 'dev1' }, { key: 'hlc', value: hlc(Date.UTC(2025, 9, 2), 'dev1') }]);
    old.close();
    const db = new NastavnikDb(name);
    await db.open();
    const p1 = (await db.people.get('p1'))!;
    expect(p1).toMatchObject({ deleted: true, lastName: 'Обезличено', phone: '', notes: '' });
    expect(p1.vv).toEqual({ dev1: 3 });
    expect(recordProblems('people', p1)).toEqual([]);
    expect(await db.conflicts.count()).toBe(0);
    expect((await db.people.get('p2'))!).toMatchObject({ deleted: true, lastName: 'Семёнова' });
    expect((await db.meta.get('hlc'))!.value).toBe(p1.hlc);
    db.close();
    await db.delete();
  });

  it('version 4 → 5: the erasures and the log of erasures appear empty, every record, kept value and draft as it was, and an erasure works on the old data', async () => {
    const name = 'upgrade-v4-v5';
    const person = { ...v2Person('p1', { lastName: 'Семёнова', phone: '+7 900 111-22-33' }, Date.UTC(2025, 9, 1), { devA: 1 }) };
    const stamped = { ...person, writes: [legacyWrite(person)] };
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    await old.open();
    await old.table('people').put(stamped);
    await old.table('conflicts').put({ id: 'k', table: 'people', recordId: 'p1', field: 'notes', write: legacyWrite(person), value: 'x', detectedAt: person.updatedAt });
    await old.table('drafts').put({ key: 'person:p1', value: { lastName: 'Семёнова' }, savedAt: person.updatedAt });
    await old.table('peers').put({ id: 'devB', name: 'B', known: {}, sent: [] });
    old.close();
    const db = new NastavnikDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.people.get('p1')).toEqual(stamped);
    expect(await db.conflicts.count()).toBe(1);
    expect(await db.drafts.count()).toBe(1);
    expect(await db.peers.count()).toBe(1);
    expect(await db.erasures.count()).toBe(0);
    expect(await db.erasureLog.count()).toBe(0);
    const { erasePerson } = await import('../../../src/storage/erasure');
    await erasePerson(db, 'p1', { reason: 'consentWithdrawn', by: { name: 'Куратор', position: 'заместитель директора' }, now: new Date('2026-12-02T10:00:00Z') });
    const text = JSON.stringify([await db.people.toArray(), await db.conflicts.toArray(), await db.drafts.toArray()]);
    expect(text).not.toContain('Семёнова');
    expect(text).not.toContain('111-22-33');
    expect(await db.erasures.count()).toBe(1);
    expect((await db.erasureLog.toArray()).map((l) => l.subjectName)).toEqual(['Семёнова Иван']);
    db.close();
    await db.delete();
  });

  it('version 5 → 6: the pairs’ summaries appear incomplete, and the first start builds them from the records', async () => {
    const name = 'upgrade-v5-v6';
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    old.version(5).stores(SCHEMA_V5);
    await old.open();
    await old.table('meetings').bulkPut([
      { id: 'm1', mentorshipId: 'pair', kind: 'intro', date: '2026-10-01', deleted: false },
      { id: 'm2', mentorshipId: 'pair', kind: 'final', date: '2026-11-20', deleted: true },
    ]);
    old.close();
    const db = new NastavnikDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await readPairSummaries(db)).toBeNull();
    await rebuildPairSummaries(db);
    const summaries = await readPairSummaries(db);
    expect(summaries?.get('pair')).toMatchObject({ lastMeetingDate: '2026-10-01', finalHeld: false, items: 0 });
    db.close();
    await db.delete();
  });
});
