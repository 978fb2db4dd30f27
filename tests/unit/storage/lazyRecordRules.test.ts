import { describe, expect, it, vi } from 'vitest';

// Each test takes the storage modules afresh (vi.resetModules), so that the record rules (zod and every schema) are
// not loaded yet when it starts: the state of a phone that has only read since it started.
async function fresh() {
  vi.resetModules();
  const [{ NastavnikDb }, repo, loader, rules] = await Promise.all([
    import('../../../src/storage/db'),
    import('../../../src/storage/repository'),
    import('../../../src/storage/recordRulesLoader'),
    import('../../../src/domain/recordRules'),
  ]);
  const db = new NastavnikDb(`lazy-rules-${crypto.randomUUID()}`);
  await db.open();
  return { db, ...repo, ...loader, RecordRejected: rules.RecordRejected };
}

const teacher = (lastName: string) => ({
  lastName,
  firstName: 'Анна',
  middleName: '',
  category: 'teacher' as const,
  classLabel: '',
  birthDate: '',
  phone: '',
  email: '',
  roles: ['mentor' as const],
  interests: [],
  competencies: [],
  partnerId: '',
  notes: '',
});

describe('the record rules load on the first write, and every write still passes them', () => {
  it('reading does not load them', async () => {
    const { db, repositoryFor, loadedRecordRules } = await fresh();
    expect(loadedRecordRules()).toBeUndefined();
    expect(await repositoryFor(db, 'people').list()).toEqual([]);
    expect(await db.people.count()).toBe(0);
    expect(loadedRecordRules()).toBeUndefined();
    db.close();
  });

  it('a save outside any transaction loads them first and stores a good record', async () => {
    const { db, repositoryFor, loadedRecordRules } = await fresh();
    const saved = await repositoryFor(db, 'people').save(teacher('Петрова'));
    expect(loadedRecordRules()).toBeDefined();
    expect((await db.people.get(saved.id))?.lastName).toBe('Петрова');
    db.close();
  });

  it('inside a caller’s transaction, before they have loaded, writes wait for them without the transaction committing', async () => {
    const { db, repositoryFor, inTransaction, loadedRecordRules } = await fresh();
    const people = repositoryFor(db, 'people');
    await inTransaction(db, ['people'], async () => {
      expect(loadedRecordRules()).toBeUndefined();
      await people.saveManyInTx([{ fields: teacher('Первая') }]);
      await people.saveManyInTx([{ fields: teacher('Вторая') }]);
    });
    expect((await people.list()).map((p) => p.lastName).sort()).toEqual(['Вторая', 'Первая']);
    db.close();
  });

  it('a bad record written before they have loaded is refused by them, in Russian per field, and nothing is stored', async () => {
    const { db, repositoryFor, inTransaction, loadedRecordRules, RecordRejected } = await fresh();
    const people = repositoryFor(db, 'people');
    const error = await inTransaction(db, ['people'], async () => {
      await people.saveManyInTx([{ fields: teacher('Хорошая') }]);
      await people.saveManyInTx([{ fields: teacher('') }]);
    }).catch((e: unknown) => e);
    expect(loadedRecordRules()).toBeDefined();
    expect(error).toBeInstanceOf(RecordRejected);
    expect((error as InstanceType<typeof RecordRejected>).errors.lastName).toBe('Укажите: фамилия');
    expect(await db.people.count()).toBe(0);
    db.close();
  });

  it('writes made together while they load reach the database in the order they were made', async () => {
    // A valid stored record, made where the rules are loaded…
    const first = await fresh();
    const record = await first.repositoryFor(first.db, 'people').save(teacher('Сидорова'));
    first.db.close();
    // …then written twice, without waiting in between, on a device that has not loaded them yet.
    const { db, loadedRecordRules } = await fresh();
    expect(loadedRecordRules()).toBeUndefined();
    await db.transaction('rw', db.people, () => Promise.all([db.people.put({ ...record, notes: 'первая' }), db.people.put({ ...record, notes: 'вторая' })]));
    expect((await db.people.get(record.id))?.notes).toBe('вторая');
    db.close();
  });
});
