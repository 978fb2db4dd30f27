import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../src/storage/db';
import { Repository } from '../../../src/storage/repository';
import type { PersonFields } from '../../../src/domain/person';
import { personInputSchema } from '../../../src/domain/person.schema';
import { partnerInputSchema } from '../../../src/domain/partner.schema';
import { compareHlc, decodeHlc } from '../../../src/domain/hlc';

let db: NastavnikDb;
let people: Repository<'people'>;
let n = 0;

const ivan = (): PersonFields =>
  personInputSchema.parse({ lastName: 'Петров', firstName: 'Иван', category: 'student', classLabel: '7б', birthDate: '2013-03-01' });

beforeEach(async () => {
  db = new NastavnikDb(`repo-test-${++n}`);
  await db.open();
  people = new Repository(db, 'people');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('Repository: envelope stamping', () => {
  it('stamps a new record with id, times, hlc of this device and a version vector', async () => {
    const saved = await people.save(ivan());
    const deviceId = (await db.meta.get('deviceId'))!.value as string;
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved.createdAt).toBe(saved.updatedAt);
    expect(decodeHlc(saved.hlc).deviceId).toBe(deviceId);
    expect(saved.vv).toEqual({ [deviceId]: 1 });
    expect(saved.deleted).toBe(false);
    expect(await db.people.get(saved.id)).toEqual(saved);
  });

  it('every edit advances the hlc and the version vector, keeping id and createdAt', async () => {
    const first = await people.save(ivan());
    const second = await people.save({ ...ivan(), firstName: 'Иоанн' }, first.id);
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    expect(compareHlc(second.hlc, first.hlc)).toBe(1);
    expect(Object.values(second.vv)).toEqual([2]);
    expect((await people.get(first.id))?.firstName).toBe('Иоанн');
  });

  it('the clock survives a reopen of the database and never goes back', async () => {
    const a = await people.save(ivan());
    db.close();
    await db.open();
    const b = await people.save(ivan());
    expect(compareHlc(b.hlc, a.hlc)).toBe(1);
  });

  it('a caller cannot forge the envelope through the fields', async () => {
    const forged = { ...ivan(), id: 'x', hlc: 'zzz', vv: { evil: 99 }, deleted: true } as unknown as PersonFields;
    const saved = await people.save(forged);
    expect(saved.id).not.toBe('x');
    expect(saved.deleted).toBe(false);
    expect(saved.vv).not.toHaveProperty('evil');
  });
});

describe('Repository: tombstones', () => {
  it('delete keeps a tombstone that lists hide, and restore brings it back', async () => {
    const saved = await people.save(ivan());
    await people.remove(saved.id);
    expect(await people.list()).toEqual([]);
    expect(await people.get(saved.id)).toBeUndefined();
    const tomb = await db.people.get(saved.id);
    expect(tomb?.deleted).toBe(true);
    expect(compareHlc(tomb!.hlc, saved.hlc)).toBe(1);
    await people.restore(saved.id);
    expect((await people.list()).map((p) => p.id)).toEqual([saved.id]);
  });
});

describe('Repository: transactions', () => {
  it('saveMany writes all records or none', async () => {
    await people.save(ivan());
    const before = await db.people.toArray();
    const bad = [{ fields: ivan() }, { fields: { ...ivan(), lastName: undefined as unknown as string } }];
    // an index over a missing field is fine in IndexedDB, so force a real failure: a non-cloneable value
    (bad[1]!.fields as unknown as Record<string, unknown>).notes = () => 1;
    await expect(people.saveMany(bad)).rejects.toThrow();
    expect(await db.people.toArray()).toEqual(before);
  });
});

describe('inTransaction: writes across tables', () => {
  it('an error in the middle leaves every table as it was', async () => {
    const { inTransaction } = await import('../../../src/storage/repository');
    const partners = new Repository(db, 'partners');
    await expect(
      inTransaction(db, ['people', 'partners'], async () => {
        await people.save(ivan());
        await partners.save(partnerInputSchema.parse({ name: 'ООО «Ромашка»', kind: 'enterprise' }));
        throw new Error('отказ посередине');
      }),
    ).rejects.toThrow('отказ посередине');
    expect(await db.people.count()).toBe(0);
    expect(await db.partners.count()).toBe(0);
  });
  it('listWhere finds live records by index, multi-entry included', async () => {
    const a = await people.save({ ...ivan(), roles: ['mentor'] });
    const b = await people.save({ ...ivan(), roles: ['mentor', 'mentee'] });
    await people.remove(b.id);
    expect((await people.listWhere('roles', 'mentor')).map((p) => p.id)).toEqual([a.id]);
  });
});
