import { afterEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { serializeBundle } from '../../../src/domain/bundle/format';
import { openImport } from '../../../src/storage/bundle/importSession';
import { exportBundle } from '../../../src/storage/bundle/exportBundle';
import { lastImportSnapshot, undoLastImport } from '../../../src/storage/bundle/undoImport';
import { erasePerson } from '../../../src/storage/erasure';
import { getDb, type NastavnikDb } from '../../../src/storage/db';
import { closeAll, newDb, personFields, repos, seedSchool } from './bundleHelpers';

// «Отменить импорт» after an import through the import session (src/storage/bundle/importSession.ts; under Node its
// in-page fallback, the same applyImport the worker runs on its own connection to the same database): the undo data
// the import left holds an older version of a person's record; erasing her must leave nothing of her in it
// (docs/ERASURE.md: a destroyed person's data survives in no copy).

afterEach(async () => {
  await closeAll();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

const fileOf = async (from: NastavnikDb) => {
  const bytes = new Uint8Array(gzipSync(Buffer.from(serializeBundle(await exportBundle(from, { appVersion: '0.1.0' })))));
  return { name: 'школа.json.gz', size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer } as unknown as File;
};

async function importThroughSession(from: NastavnikDb) {
  const opened = await openImport(await fileOf(from));
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  const r = await opened.value.apply();
  opened.value.close();
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}

const everythingLocal = async (db: NastavnikDb) => JSON.stringify(await Promise.all(['snapshots', 'meta', 'exchanges', 'conflicts', 'drafts'].map((t) => db.table(t).toArray())));

describe('the undo data of an import through the session, after an erasure', () => {
  it('holds her old phone before the erasure, nothing of her after it, and there is nothing left to undo', async () => {
    const a = await newDb();
    const { s1 } = await seedSchool(a);
    const here = getDb();
    await importThroughSession(a);
    await repos(a).people.save(personFields({ phone: '+7 900 222-33-44' }), s1.id);
    await importThroughSession(a); // updates her record: the undo data keeps the version before, with the old phone
    const snap = await lastImportSnapshot(here);
    expect(JSON.stringify(snap)).toContain('+7 900 111-11-11');
    expect(snap!.records.some((r) => r.id === s1.id && r.before)).toBe(true);

    await erasePerson(here, s1.id, { reason: 'purposeAchieved', by: { name: 'Орлова Нина Викторовна', position: 'куратор' }, now: new Date('2026-12-03T10:00:00Z') });
    expect(await lastImportSnapshot(here)).toBeUndefined();
    const local = await everythingLocal(here);
    for (const mark of ['+7 900 111-11-11', '+7 900 222-33-44']) expect(local).not.toContain(mark);
    expect(await undoLastImport(here, { force: true })).toEqual({ ok: false, error: { kind: 'nothingToUndo', afterErasure: true } });
  });
});
