import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NastavnikDb, SCHEMA_V1 } from '../../../src/storage/db';

describe('database versions', () => {
  it('a version-1 database with data opens as version 2 with every record intact and the new files table', async () => {
    const name = 'upgrade-v1-v2';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const person = { id: 'p1', lastName: 'Семёнова', firstName: 'Анна', roles: ['mentee'], category: 'student', classLabel: '7Б', updatedAt: '2025-09-01T00:00:00.000Z' };
    await v1.table('people').put(person);
    await v1.table('meta').put({ key: 'deviceId', value: 'dev1' });
    await v1.table('drafts').put({ key: 'person:new', value: { lastName: 'Ор' }, savedAt: '2025-09-01T00:00:00.000Z' });
    v1.close();

    const db = new NastavnikDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.people.get('p1')).toEqual(person);
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'dev1' });
    expect(await db.drafts.count()).toBe(1);
    await db.files.put({ id: 'm1', blob: new Blob(['%PDF-1.4'], { type: 'application/pdf' }) });
    expect(await (await db.files.get('m1'))!.blob.text()).toBe('%PDF-1.4');
    await db.delete();
  });
});
