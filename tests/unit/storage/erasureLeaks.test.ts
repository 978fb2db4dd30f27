import { afterEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../src/storage/bundle/exportBundle';
import { undoLastImport, undoErrorMessage } from '../../../src/storage/bundle/undoImport';
import { erasePerson } from '../../../src/storage/erasure';
import { repositoryFor } from '../../../src/storage/repository';
import { SYNCED_TABLES, type NastavnikDb } from '../../../src/storage/db';
import type { Draft } from '../../../src/domain/envelope';
import type { SyncedRecords } from '../../../src/domain/syncedTables';
import { carry, closeAll, dumpSynced, exchange, importInto, newDb } from './bundleHelpers';
import { savePreference } from '../../../src/storage/networking';
import { sampleFields, SUBJECT } from '../domain/erasureSamples';

/** The reviewer's findings on issue 12 (docs/ERASURE.md), each a leak of an erased person's data. */

afterEach(closeAll);
const NOW = new Date('2026-12-02T10:00:00Z');
const BY = { name: 'Орлова Нина Викторовна', position: 'куратор' };
const ENVELOPE = ['id', 'createdAt', 'updatedAt', 'hlc', 'vv', 'deleted', 'writes', 'fieldWrites'];
const fieldsOf = (r: unknown): Record<string, unknown> => Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([k]) => !ENVELOPE.includes(k)));

async function seed(db: NastavnikDb): Promise<void> {
  const samples = sampleFields();
  for (const t of SYNCED_TABLES) {
    if (!samples[t].length) continue;
    await repositoryFor(db, t).saveMany(samples[t].map((r) => ({ fields: fieldsOf(r) as Draft<SyncedRecords[typeof t]>, id: typeof r.id === 'string' ? r.id : undefined })));
  }
}
const erase = (db: NastavnikDb) => erasePerson(db, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
const exported = async (db: NastavnikDb) => JSON.stringify(await exportBundle(db, { appVersion: '0.1.0' }));

describe('T3: the undo of the last import after an erasure', () => {
  const T = 'Готовится к олимпиаде, очень боится';
  /** A's last import holds, in its undo snapshot, the old title of a plan item of her pair: no search of her name finds it. */
  async function importedThenErased() {
    const a = await newDb();
    const b = await newDb();
    await seed(a);
    const items = repositoryFor(a, 'planItems');
    await items.save({ ...fieldsOf(await items.get('pi2')), title: T } as never, 'pi2');
    await exchange(a, b);
    const ib = repositoryFor(b, 'planItems');
    await ib.save({ ...fieldsOf(await ib.get('pi2')), title: 'Олимпиада 2' } as never, 'pi2');
    await exchange(b, a);
    expect(JSON.stringify(await a.snapshots.toArray())).toContain(T);
    await erase(a);
    return a;
  }

  it('the erasure drops the undo data: nothing is left to undo, said plainly, and her plan item stays erased', async () => {
    const a = await importedThenErased();
    expect(await a.snapshots.count()).toBe(0);
    for (const force of [false, true]) {
      const u = await undoLastImport(a, { force });
      expect(u).toEqual({ ok: false, error: { kind: 'nothingToUndo', afterErasure: true } });
    }
    expect(undoErrorMessage({ kind: 'nothingToUndo', afterErasure: true })).toMatch(/уничтожены персональные данные/);
    expect((await a.planItems.get('pi2'))!.title).toBe('Обезличено');
    expect(await exported(a)).not.toContain(T);
  });

  it('a snapshot that still holds her old records (written before this fix) restores them erased', async () => {
    const a = await newDb();
    const b = await newDb();
    await seed(a);
    const items = repositoryFor(a, 'planItems');
    await items.save({ ...fieldsOf(await items.get('pi2')), title: T } as never, 'pi2');
    await exchange(a, b);
    const ib = repositoryFor(b, 'planItems');
    await ib.save({ ...fieldsOf(await ib.get('pi2')), title: 'Олимпиада 2' } as never, 'pi2');
    await exchange(b, a);
    const kept = await a.snapshots.toArray();
    await erase(a);
    await a.snapshots.bulkPut(kept); // as an older version of the app left it
    const u = await undoLastImport(a, { force: true });
    expect(u.ok).toBe(true);
    expect((await a.planItems.get('pi2'))!.title).toBe('Обезличено');
    expect(await exported(a)).not.toContain(T);
  });
});

describe('T1, T5: the export is the safety net', () => {
  it('a plan item of her plan written after the erasure leaves the device without its text', async () => {
    const a = await newDb();
    await seed(a);
    await erase(a);
    // a write the check missed (the plan is not among the records written): put straight into the table
    const item = (await repositoryFor(a, 'planItems').get('pi1'))!;
    await a.planItems.put({ ...item, id: 'pi9', title: 'Ане выучить стихи', result: 'Аня боится сцены' });
    const text = await exported(a);
    expect(text).not.toContain('Аня боится сцены');
    expect(text).not.toContain('Ане выучить стихи');
    const pair = JSON.stringify(await exportBundle(a, { appVersion: '0.1.0', scope: { kind: 'mentorships', mentorshipIds: ['m1'] } }));
    expect(pair).not.toContain('Аня боится сцены');
  });

  it('a meeting of a pair created after the erasure that lists her leaves without its notes; her preference is left out', async () => {
    const a = await newDb();
    await seed(a);
    const pref = (await a.preferences.get('pr1'))!;
    await erase(a);
    await a.mentorships.put({ ...(await a.mentorships.get('m1'))!, id: 'm7', menteeIds: [SUBJECT.id] });
    await a.meetings.put({ ...(await a.meetings.get('mt2'))!, id: 'mt7', mentorshipId: 'm7', notes: 'Аня плакала на встрече' });
    await a.preferences.put({ ...pref, id: 'pr9' }); // as a save in a transaction without the check left it
    const bundle = await exportBundle(a, { appVersion: '0.1.0' });
    expect(JSON.stringify(bundle)).not.toContain('Аня плакала');
    expect(bundle.tables.preferences ?? []).toEqual([]);
  });
});

describe('T9: other copies are searched for what names her, not for a lone first name', () => {
  it('keeps a draft about another Анна and a tablet named «Анна-Мария»; drops drafts with her full name, phone, e-mail, or keyed by her pair’s meeting', async () => {
    const a = await newDb();
    await seed(a);
    const at = NOW.toISOString();
    await a.drafts.bulkPut([
      { key: 'person:new', value: { lastName: 'Козлова', firstName: 'Анна', middleName: 'Петровна' }, savedAt: at },
      { key: 'event:new', value: { notes: 'Иван Семёнов придёт' }, savedAt: at },
      { key: 'recognition:new', value: { title: 'Грамота: Семёнова А. П.' }, savedAt: at },
      { key: 'practice:new', value: { description: 'звонить +7 (912) 345 67 89' }, savedAt: at },
      { key: 'order:new', value: { title: 'ANNA.SEMENOVA@example.ru' }, savedAt: at },
      { key: 'meeting:mt2', value: { notes: 'задачи' }, savedAt: at },
      { key: 'meeting:new:m1', value: { notes: '' }, savedAt: at },
    ]);
    await a.meta.put({ key: 'deviceName', value: 'Планшет Анна-Мария' });
    await erase(a);
    expect((await a.drafts.toArray()).map((d) => d.key).sort()).toEqual(['event:new', 'person:new']);
    expect(await a.meta.get('deviceName')).toEqual({ key: 'deviceName', value: 'Планшет Анна-Мария' });
  });
});

describe('T11: «Вернуть» after an erasure', () => {
  it('does not bring back the fields of a record about her deleted before the erasure', async () => {
    const a = await newDb();
    await seed(a);
    await repositoryFor(a, 'meetings').remove('mt1');
    await erase(a);
    await repositoryFor(a, 'meetings').restore('mt1');
    const mt1 = (await a.meetings.get('mt1'))!;
    expect(mt1.deleted).toBe(false);
    expect(JSON.stringify(mt1)).not.toMatch(/Аня|Семёнов/);
  });
});

describe('T1, T2, T5: the check after the erasure takes its scope from the database', () => {
  it('refuses a plan item of her plan saved alone, a preference through savePreference, a meeting of a new pair listing her', async () => {
    const a = await newDb();
    await seed(a);
    await erase(a);
    await expect(
      repositoryFor(a, 'planItems').save({ planId: 'pl1', title: 'Ане выучить стихи', dueDate: '2026-12-10', status: 'planned', result: 'Аня боится сцены', evidence: '', order: 2 } as never),
    ).rejects.toMatchObject({ name: 'RecordRejected' });
    await expect(savePreference({ eventId: 'e1', personId: SUBJECT.id, side: 'mentee', ranked: ['p-mentor'] } as never, a)).rejects.toMatchObject({ name: 'RecordRejected' });
    expect(await a.preferences.count()).toBe(0);
    const m = await repositoryFor(a, 'mentorships').save({ formId: 'f1', mentorIds: ['p-mentor'], menteeIds: [SUBJECT.id], title: '', goal: '', startDate: '2026-12-03', plannedEndDate: '', status: 'active', endDate: '', endReason: '' } as never);
    await expect(
      repositoryFor(a, 'meetings').save({ mentorshipId: m.id, kind: 'work', date: '2026-12-04', durationMin: 30, place: '', attendeeIds: [], notes: 'Аня плакала на встрече', nextSteps: '' } as never),
    ).rejects.toMatchObject({ name: 'RecordRejected' });
    // what is not hers is still written
    await repositoryFor(a, 'planItems').save({ ...fieldsOf(await a.planItems.get('pi1')), status: 'planned' } as never, 'pi1');
  });
});

describe('T13: a pair she joined concurrently with the erasure', () => {
  it('both devices end with the same records and none of the pair’s text', async () => {
    const a = await newDb();
    const b = await newDb();
    await seed(a);
    await repositoryFor(a, 'mentorships').save({ formId: 'f1', mentorIds: ['p-mentor'], menteeIds: ['p-other'], title: 'Группа по физике', goal: 'Вместе с Аней к ОГЭ', startDate: '2026-09-10', plannedEndDate: '', status: 'active', endDate: '', endReason: '' } as never, 'm2');
    await repositoryFor(a, 'meetings').save({ mentorshipId: 'm2', kind: 'work', date: '2026-10-02', durationMin: 40, place: '', attendeeIds: [], notes: 'обсуждали, что Аня отстаёт', nextSteps: '' } as never, 'mt9');
    await exchange(a, b);
    const mb = repositoryFor(b, 'mentorships');
    await mb.save({ ...fieldsOf(await mb.get('m2')), menteeIds: ['p-other', SUBJECT.id] } as never, 'm2');
    await erase(a);
    await exchange(a, b);
    await exchange(b, a);
    await exchange(a, b);
    for (const d of [a, b]) {
      expect((await d.meetings.get('mt9'))!.notes).toBe('');
      expect((await d.mentorships.get('m2'))!.goal).toBe('');
    }
    expect(await dumpSynced(b)).toEqual(await dumpSynced(a));
  });
});

describe('T4: an old file from a phone named after her', () => {
  it('does not bring her name back into the history of exchanges or the peers’ names', async () => {
    const a = await newDb();
    const phone = await newDb();
    await seed(a);
    await exchange(a, phone);
    await phone.meta.put({ key: 'deviceName', value: 'Телефон Семёнова А.' });
    const old = await carry(phone);
    await importInto(a, old);
    await erase(a);
    await importInto(a, old);
    const text = JSON.stringify([await a.peers.toArray(), await a.exchanges.toArray()]);
    expect(text).not.toContain('Семёнова');
  });
});

describe('fix 4: fields that name someone, when that someone is erased', () => {
  it('erasing a parent blanks her as the child’s representative, a partner’s contact, the school’s curator, a roadmap row’s responsible and a session’s expert; the child stays', async () => {
    const a = await newDb();
    await seed(a);
    const mother = await repositoryFor(a, 'people').save(
      { lastName: 'Семёнова', firstName: 'Ольга', middleName: 'Ивановна', category: 'parent', classLabel: '', birthDate: '1985-03-03', phone: '+7 900 555-44-33', email: 'olga@example.ru', roles: [], interests: [], competencies: [], partnerId: '', notes: '' } as never,
      'p-mother',
    );
    const upd = async <T extends 'partners' | 'school' | 'roadmapTasks' | 'trainingSessions'>(t: T, patch: Record<string, unknown>) => {
      const repo = repositoryFor(a, t);
      const r = (await repo.list())[0]!;
      await repo.save({ ...fieldsOf(r), ...patch } as never, r.id);
    };
    await upd('partners', { contactPerson: 'Семёнова О. И.', phone: '8 (900) 555-44-33', email: 'OLGA@example.ru' });
    await upd('school', { curatorName: 'семёнова ольга ивановна' });
    await upd('roadmapTasks', { responsible: 'Ольга Ивановна Семёнова' });
    await upd('trainingSessions', { expert: 'Семёнова О.И.' });
    await erasePerson(a, mother.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    expect(await a.consents.get('c1')).toMatchObject({ representativeName: 'Обезличено', representativeRelation: '' });
    expect((await a.partners.get('pt1'))!).toMatchObject({ contactPerson: '', phone: '', email: '', name: 'ООО «Ромашка»' });
    expect((await repositoryFor(a, 'school').list())[0]!.curatorName).toBe('Обезличено');
    expect((await a.roadmapTasks.get('rt1'))!.responsible).toBe('');
    expect((await a.trainingSessions.get('ts1'))!.expert).toBe('Обезличено');
    expect((await a.people.get(SUBJECT.id))!).toMatchObject({ lastName: SUBJECT.lastName, firstName: SUBJECT.firstName });
    expect(await exported(a)).not.toMatch(/Ольга|Ивановна|555-44-33|olga@/i);
  });

  it('a session’s expert is a name: a tombstone holds none; a consultation a mentor attended keeps its expert when the mentor is erased', async () => {
    const a = await newDb();
    await seed(a);
    const s = (await a.trainingSessions.get('ts1'))!;
    await repositoryFor(a, 'trainingSessions').save({ ...fieldsOf(s), kind: 'consultation', attendeeIds: ['p-mentor'] } as never, 'ts1');
    await erasePerson(a, 'p-mentor', { reason: 'consentWithdrawn', by: BY, now: NOW });
    expect((await a.trainingSessions.get('ts1'))!).toMatchObject({ topic: 'Обезличено', expert: 'Петрова Е. А.' });
    await repositoryFor(a, 'trainingSessions').remove('ts1');
    expect((await a.trainingSessions.get('ts1'))!.expert).toBe('Обезличено');
  });
});

describe('fix 9: the log of erasures is the curator’s', () => {
  it('a mentor’s phone that receives the erasure destroys her data and writes no log line with her name; the curator’s device does', async () => {
    const a = await newDb();
    await seed(a);
    const phone = await newDb();
    const scope = { kind: 'mentorships' as const, mentorshipIds: ['m1'] };
    await exchange(a, phone, { scope });
    expect((await phone.meta.get('deviceRole'))?.value).toMatchObject({ kind: 'mentor' });
    const b = await newDb();
    await exchange(a, b);
    await erase(a);
    await exchange(a, phone, { scope });
    await exchange(a, b);
    expect(await phone.erasureLog.count()).toBe(0);
    expect(JSON.stringify(await dumpSynced(phone))).not.toContain(SUBJECT.lastName);
    expect((await b.erasureLog.toArray()).map((l) => l.subjectName)).toEqual(['Семёнова Анна Петровна']);
  });
});
