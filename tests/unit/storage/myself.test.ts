import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../src/storage/db';
import { getMe, ME_KEY, setMe } from '../../../src/storage/myself';

let db: NastavnikDb;
let n = 0;

beforeEach(async () => {
  db = new NastavnikDb(`myself-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('myself: who uses this device', () => {
  it('is nobody on a new device', async () => {
    expect(await getMe(db)).toBeNull();
  });

  it('remembers the person, replaces and forgets them', async () => {
    await setMe('person-1', db);
    expect(await getMe(db)).toBe('person-1');
    await setMe('person-2', db);
    expect(await getMe(db)).toBe('person-2');
    await setMe(null, db);
    expect(await getMe(db)).toBeNull();
    expect(await db.meta.get(ME_KEY)).toBeUndefined();
  });

  it('lives in the local meta table, so no synced table is touched', async () => {
    await setMe('person-1', db);
    expect(await db.meta.get(ME_KEY)).toEqual({ key: ME_KEY, value: 'person-1' });
    expect(await db.people.count()).toBe(0);
  });

  it('ignores a value that is not a person id', async () => {
    await db.meta.put({ key: ME_KEY, value: 42 });
    expect(await getMe(db)).toBeNull();
  });
});
