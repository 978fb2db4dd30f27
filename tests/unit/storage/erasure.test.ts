import { afterEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../src/storage/bundle/exportBundle';
import { previewImport } from '../../../src/storage/bundle/importBundle';
import { undoLastImport } from '../../../src/storage/bundle/undoImport';
import { erasePerson, listErasureLog, purgeExpiredErasureLog } from '../../../src/storage/erasure';
import { repositoryFor } from '../../../src/storage/repository';
import { getDeviceId } from '../../../src/storage/clock';
import { SYNCED_TABLES, type NastavnikDb, type SyncedTable } from '../../../src/storage/db';
import { computeIndicators, type MonitoringInput } from '../../../src/domain/monitoring';
import type { Draft } from '../../../src/domain/envelope';
import type { SyncedRecords } from '../../../src/domain/syncedTables';
import { carry, closeAll, dump, dumpSynced, exchange, importInto, newDb } from './bundleHelpers';
import { sampleFields, SECRETS, SUBJECT } from '../domain/erasureSamples';

afterEach(closeAll);

const NOW = new Date('2026-12-02T10:00:00Z');
const BY = { name: 'Орлова Нина Викторовна', position: 'заместитель директора, куратор' };
/** Her phone and notes as another device edited them: copies the erasure must reach as well. */
const B_PHONE = '+7 933 222-44-66';
const B_NOTE = 'Аня переезжает к бабушке';
const ALL_SECRETS = [...SECRETS, B_PHONE, B_NOTE];

const fieldsOf = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'id'));

/** Every synced table filled with the samples, through the repositories (stamped like the app's own writes). */
async function seed(db: NastavnikDb): Promise<void> {
  const samples = sampleFields();
  for (const t of SYNCED_TABLES) {
    if (!samples[t].length) continue;
    await repositoryFor(db, t).saveMany(
      samples[t].map((r) => ({ fields: fieldsOf(r) as Draft<SyncedRecords[typeof t]>, id: typeof r.id === 'string' ? r.id : undefined })),
    );
  }
  await db.meta.put({ key: 'deviceName', value: 'Телефон куратора' });
}

/** The whole database, every Dexie table (conflicts, snapshots, drafts, exchanges, meta, peers, files…), as text. */
async function dumpText(db: NastavnikDb): Promise<string> {
  return JSON.stringify(await dump(db));
}

function expectClean(text: string, what: string): void {
  for (const s of ALL_SECRETS) expect(text, `${what}: «${s}»`).not.toContain(s);
}

/**
 * Device A (the curator) and B (another device) hold the same school; B then edits her phone and notes, A edits her
 * notes too, and A imports B's file: A keeps one of the notes as a conflict value, and the import's undo snapshot holds
 * her old row (the old phone). A's drafts hold her name; a set-aside record is hers.
 */
async function twoDevices() {
  const a = await newDb();
  const b = await newDb();
  await seed(a);
  await exchange(a, b);
  const older = await carry(a); // a backup of the whole school before anything
  const people = repositoryFor(b, 'people');
  const row = (await people.get(SUBJECT.id))!;
  const { id: _id, createdAt: _c, updatedAt: _u, hlc: _h, vv: _v, deleted: _d, writes: _w, fieldWrites: _f, ...fields } = row;
  await people.save({ ...fields, phone: B_PHONE, notes: B_NOTE }, SUBJECT.id);
  const meetingB = (await repositoryFor(b, 'meetings').get('mt2'))!;
  await repositoryFor(b, 'meetings').save({ ...fieldsOf(meetingB as unknown as Record<string, unknown>), notes: 'Аня не пришла' } as never, 'mt2');
  const rowA = (await repositoryFor(a, 'people').get(SUBJECT.id))!;
  await repositoryFor(a, 'people').save({ ...fieldsOf(rowA as unknown as Record<string, unknown>), notes: 'Семёновой звонить после 18' } as never, SUBJECT.id);
  const fromB = await carry(b);
  await importInto(a, fromB);
  await a.drafts.put({ key: `person:${SUBJECT.id}`, value: { lastName: SUBJECT.lastName, firstName: SUBJECT.firstName }, savedAt: NOW.toISOString() });
  await a.drafts.put({ key: 'meeting:new', value: { notes: `Позвонить маме: ${SUBJECT.lastName} ${SUBJECT.firstName}, ${B_PHONE}` }, savedAt: NOW.toISOString() });
  await a.drafts.put({ key: 'plan:other', value: { title: 'чужой черновик' }, savedAt: NOW.toISOString() });
  await a.setAside.put({ id: `people|${SUBJECT.id}-old`, table: 'people', recordId: `${SUBJECT.id}-old`, record: { lastName: SUBJECT.lastName, email: SUBJECT.email }, problems: [], at: NOW.toISOString() });
  await a.meta.put({ key: 'lastSearch', value: `${SUBJECT.lastName} ${SUBJECT.firstName}` });
  await a.exchanges.put({ id: 'x-old', at: NOW.toISOString(), direction: 'import', device: { id: 'dev-anna', name: `Телефон: ${SUBJECT.lastName} А.` } });
  return { a, b, older, fromB };
}

describe('erasePerson', () => {
  it('before: the samples put her name, phone, e-mail and birth date in the records, a kept conflict value, the undo snapshot and drafts', async () => {
    const { a } = await twoDevices();
    const text = await dumpText(a);
    for (const s of [SUBJECT.lastName, SUBJECT.phone, SUBJECT.email, SUBJECT.birthDate, B_PHONE]) expect(text).toContain(s);
    expect((await a.conflicts.toArray()).some((k) => k.value === B_NOTE || k.value === 'Семёновой звонить после 18')).toBe(true);
    expect(JSON.stringify(await a.snapshots.toArray())).toContain(SUBJECT.phone);
    expect(await a.snapshots.count()).toBe(1);
  });

  it('leaves her name, birth date, phone, e-mail and the free text about her nowhere in the whole database, nor in the next bundle of any scope', async () => {
    const { a } = await twoDevices();
    const r = await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    expect(r.changed).toBeGreaterThan(0);
    const text = await dumpText(a);
    expectClean(text.replace(JSON.stringify(await a.erasureLog.toArray()), ''), 'база данных');
    expectClean(JSON.stringify(await exportBundle(a, { appVersion: '0.1.0' })), 'файл всей школы');
    const pair = await exportBundle(a, { appVersion: '0.1.0', scope: { kind: 'mentorships', mentorshipIds: ['m1'] } });
    expectClean(JSON.stringify(pair), 'файл пары');
    expect(pair.tables.erasures!.map((e) => e.personId)).toEqual([SUBJECT.id]);
    // the anonymous facts stay
    const p = (await a.people.get(SUBJECT.id))!;
    expect(p).toMatchObject({ lastName: 'Обезличено', category: 'student', classLabel: '8А', deleted: false });
    expect(await a.meetings.count()).toBe(2);
    expect(await a.preferences.count()).toBe(0);
    // what is not hers stays
    expect((await a.people.get('p-mentor'))!.lastName).toBe('Иванова');
    expect(await a.drafts.get('plan:other')).toBeDefined();
    expect(await a.meta.get('deviceName')).toEqual({ key: 'deviceName', value: 'Телефон куратора' });
    expect(await a.exchanges.get('x-old')).toMatchObject({ direction: 'import', device: { id: 'dev-anna', name: '' } });
  });

  it('writes the erasure record (no personal data) and one log line with what order № 179 asks', async () => {
    const { a } = await twoDevices();
    const { erasure, log } = await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    expect(erasure).toMatchObject({ id: SUBJECT.id, personId: SUBJECT.id, erasedOn: '2026-12-02', reason: 'consentWithdrawn', withdrawnOn: '2026-11-01', mentorshipIds: ['m1'] });
    expect(erasure.categories).toEqual(expect.arrayContaining(['name', 'birthDate', 'contacts', 'meetingText', 'answers', 'preferences']));
    expectClean(JSON.stringify(erasure), 'запись об уничтожении');
    expect(log).toMatchObject({
      subjectName: 'Семёнова Анна Петровна',
      subjectCategory: 'обучающийся',
      reason: 'отзыв субъектом персональных данных согласия на их обработку',
      erasedOn: '2026-12-02',
      systemName: '«Наставник» на устройстве «Телефон куратора»',
      performedBy: BY,
    });
    expect(log!.categories).toContain('фамилия, имя, отчество');
    expect(log!.method).toMatch(/обезличивание/);
    expect(await listErasureLog(a)).toHaveLength(1);
  });

  it('applied twice changes nothing: the same database, one log line', async () => {
    const { a } = await twoDevices();
    await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    // texts that hold the placeholders or the erased values are not hers: a second pass leaves them alone
    await a.drafts.put({ key: 'event:new', value: { notes: 'Участник обезличено 2012-12-02' }, savedAt: NOW.toISOString() });
    await a.meta.put({ key: 'lastSearch', value: 'Обезличено Участник' });
    const once = await dump(a);
    const again = await erasePerson(a, SUBJECT.id, { reason: 'subjectRequest', by: BY, now: new Date('2026-12-05T10:00:00Z') });
    expect(again.changed).toBe(0);
    expect(again.log).toBeUndefined();
    expect(await dump(a)).toEqual(once);
  });

  it('keeps the indicators as they were', async () => {
    const { a } = await twoDevices();
    const read = async (): Promise<MonitoringInput> => ({
      today: '2026-12-02',
      academicYear: '2026/2027',
      school: { studentsTotal: 600, teachersTotal: 50, consentAge: 14 },
      people: await repositoryFor(a, 'people').list(),
      partners: await repositoryFor(a, 'partners').list(),
      consents: await repositoryFor(a, 'consents').list(),
      mentorships: await repositoryFor(a, 'mentorships').list(),
      plans: await repositoryFor(a, 'plans').list(),
      planItems: await repositoryFor(a, 'planItems').list(),
      events: await repositoryFor(a, 'events').list(),
    });
    const before = computeIndicators(await read());
    await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    expect(computeIndicators(await read())).toEqual(before);
  });

  it('the undo of the last import cannot bring her back', async () => {
    const { a } = await twoDevices();
    await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    const u = await undoLastImport(a, { force: true });
    expect(u.ok).toBe(false);
    expect(u.ok ? null : u.error.kind).toBe('nothingToUndo');
    const logText = JSON.stringify(await a.erasureLog.toArray());
    expectClean((await dumpText(a)).replace(logText, ''), 'после отмены');
  });
});

describe('after the erasure', () => {
  it('a write that would put personal data about her back is refused; her anonymous fields stay editable', async () => {
    const { a } = await twoDevices();
    await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    const people = repositoryFor(a, 'people');
    const row = fieldsOf((await people.get(SUBJECT.id)) as unknown as Record<string, unknown>);
    for (const k of ['createdAt', 'updatedAt', 'hlc', 'vv', 'deleted', 'writes', 'fieldWrites']) delete row[k];
    await expect(people.save({ ...row, lastName: SUBJECT.lastName } as never, SUBJECT.id)).rejects.toMatchObject({ name: 'RecordRejected', errors: { lastName: expect.stringMatching(/уничтожены/) } });
    await people.save({ ...row, classLabel: '9А' } as never, SUBJECT.id);
    expect((await people.get(SUBJECT.id))!.classLabel).toBe('9А');
    await expect(repositoryFor(a, 'preferences').save({ eventId: 'e1', personId: SUBJECT.id, side: 'mentee', ranked: [] })).rejects.toMatchObject({ name: 'RecordRejected' });
    await expect(
      repositoryFor(a, 'meetings').save({ mentorshipId: 'm1', kind: 'work', date: '2026-12-03', durationMin: 30, place: '', attendeeIds: [], notes: 'Аня пришла', nextSteps: '' }),
    ).rejects.toMatchObject({ errors: { notes: expect.any(String) } });
    expectClean((await dumpText(a)).replace(JSON.stringify(await a.erasureLog.toArray()), ''), 'после отказов');
  });
});

describe('the erasure travels', () => {
  it('an older backup imported after the erasure brings none of her data back, and the report counts what it skipped', async () => {
    const { a, older } = await twoDevices();
    await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    const logText = JSON.stringify(await a.erasureLog.toArray());
    const preview = await previewImport(a, older);
    expect(preview.ok && preview.value.erasedRecords).toBeGreaterThan(0);
    const report = await importInto(a, older);
    // her row, consent, pair, 2 meetings, plan, 2 items, 2 responses, her preference, her recognition
    expect(report.erasedRecords).toBe(12);
    expectClean((await dumpText(a)).replace(logText, ''), 'после старого файла');
    expect(await a.preferences.count()).toBe(0);
  });

  it('a device that imports the erasure destroys its own copy (its concurrent edits included), logs it, and its own old backup brings nothing back', async () => {
    const { a, b } = await twoDevices();
    const backupOfB = await carry(b);
    await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    await b.drafts.put({ key: `person:${SUBJECT.id}`, value: { phone: B_PHONE }, savedAt: NOW.toISOString() });
    await exchange(a, b);
    const logB = await listErasureLog(b);
    expect(logB.map((l) => [l.subjectName, l.performedBy.name])).toEqual([['Семёнова Анна Петровна', '']]);
    expect(logB[0]!.method).toMatch(/файле обмена/);
    const logText = JSON.stringify(await b.erasureLog.toArray());
    expectClean((await dumpText(b)).replace(logText, ''), 'устройство B');
    await importInto(b, backupOfB);
    expectClean((await dumpText(b)).replace(logText, ''), 'устройство B после своей старой копии');
    expect(await listErasureLog(b)).toHaveLength(1);
  });

  it('two devices converge whichever way the files go first, with none of her data on either', async () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const { a, b } = await twoDevices();
      await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
      if (order === 'a-first') {
        await exchange(a, b);
        await exchange(b, a);
      } else {
        await exchange(b, a);
        await exchange(a, b);
      }
      await exchange(a, b);
      const [da, dbb] = [await dumpSynced(a), await dumpSynced(b)];
      expect(dbb, order).toEqual(da);
      const keptA = (await a.conflicts.toArray()).map(({ detectedAt: _d, ...k }) => k);
      const keptB = (await b.conflicts.toArray()).map(({ detectedAt: _d, ...k }) => k);
      expect(keptB, order).toEqual(keptA);
      expectClean(JSON.stringify([da, keptA]), order);
    }
  });

  it('«только новое» for the mentor’s phone carries the erasure (the anonymised records did not change their versions: the phone erases its own)', async () => {
    const { a } = await twoDevices();
    const phone = await newDb();
    const scope = { kind: 'mentorships' as const, mentorshipIds: ['m1'] };
    await exchange(a, phone, { scope });
    await exchange(phone, a, { scope }); // the curator learns what the phone holds
    await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    const delta = await carry(a, { scope, changesFor: await getDeviceId(phone) });
    expect(delta.tables.erasures!.map((e) => e.personId)).toEqual([SUBJECT.id]);
    expect(delta.tables.people ?? []).toEqual([]);
    await importInto(phone, delta);
    const logText = JSON.stringify(await phone.erasureLog.toArray());
    expectClean((await dumpText(phone)).replace(logText, ''), 'телефон наставника после «только нового»');
  });

  it('a mentor’s pair file carries the erasure, and the mentor’s phone destroys what it holds of her', async () => {
    const { a } = await twoDevices();
    const phone = await newDb();
    await exchange(a, phone, { scope: { kind: 'mentorships', mentorshipIds: ['m1'] } });
    expect(JSON.stringify(await dumpSynced(phone))).toContain(SUBJECT.lastName);
    await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    await exchange(a, phone, { scope: { kind: 'mentorships', mentorshipIds: ['m1'] } });
    const logText = JSON.stringify(await phone.erasureLog.toArray());
    expectClean((await dumpText(phone)).replace(logText, ''), 'телефон наставника');
  });
});

describe('an ordinary deletion', () => {
  it('leaves a tombstone without her personal fields, which an older version in a later import does not undo; «Вернуть» right after puts them back', async () => {
    const a = await newDb();
    const b = await newDb();
    await seed(a);
    await exchange(a, b);
    const old = await carry(a);
    const people = repositoryFor(a, 'people');
    await people.remove(SUBJECT.id);
    const tomb = (await a.people.get(SUBJECT.id))!;
    expect(tomb.deleted).toBe(true);
    expectClean(JSON.stringify(tomb), 'надгробие');
    await people.restore(SUBJECT.id);
    expect(await people.get(SUBJECT.id)).toMatchObject({ lastName: SUBJECT.lastName, phone: SUBJECT.phone });
    await people.remove(SUBJECT.id);
    await importInto(a, old);
    expectClean(JSON.stringify(await a.people.get(SUBJECT.id)), 'надгробие после старого файла');
    // the tombstone travels and replaces her fields on the other device
    await exchange(a, b);
    const onB = (await b.people.get(SUBJECT.id))!;
    expect(onB.deleted).toBe(true);
    expectClean(JSON.stringify(onB), 'надгробие на другом устройстве');
  });
});

describe('an ordinary deletion of a record in conflict', () => {
  it('drops the kept values of its personal fields, here and on the device that merges the tombstone', async () => {
    const { a, b } = await twoDevices();
    expect((await a.conflicts.toArray()).some((k) => k.recordId === SUBJECT.id && k.field === 'notes')).toBe(true);
    await repositoryFor(a, 'people').remove(SUBJECT.id);
    expect((await a.conflicts.toArray()).filter((k) => k.recordId === SUBJECT.id && k.field === 'notes')).toEqual([]);
    await exchange(a, b);
    await exchange(b, a);
    for (const d of [a, b]) {
      expectClean(JSON.stringify([await d.people.get(SUBJECT.id), (await d.conflicts.toArray()).filter((k) => k.recordId === SUBJECT.id)]), 'надгробие и его конфликты');
    }
  });
});

describe('the log of erasures', () => {
  it('drops lines past three years when the app starts', async () => {
    const { a } = await twoDevices();
    await erasePerson(a, SUBJECT.id, { reason: 'consentWithdrawn', by: BY, now: NOW });
    expect(await purgeExpiredErasureLog(a, new Date('2029-12-02T12:00:00Z'))).toBe(0);
    expect(await purgeExpiredErasureLog(a, new Date('2029-12-03T12:00:00Z'))).toBe(1);
    expect(await listErasureLog(a)).toEqual([]);
  });
});

/** Keeps the table list honest: a synced table the samples miss would escape the proof above. */
it('the samples cover every synced table', () => {
  const samples = sampleFields();
  const missing = SYNCED_TABLES.filter((t: SyncedTable) => t !== 'erasures' && !samples[t].length);
  expect(missing).toEqual([]);
});
