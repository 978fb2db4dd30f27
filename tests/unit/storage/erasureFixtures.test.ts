import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBundle } from '../../../src/domain/bundle/parse';
import { bundleErrorMessage } from '../../../src/domain/bundle/errors';
import { serializeBundle } from '../../../src/domain/bundle/format';
import { exportBundle } from '../../../src/storage/bundle/exportBundle';
import { erasePerson, listErasureLog } from '../../../src/storage/erasure';
import { repositoryFor } from '../../../src/storage/repository';
import { SYNCED_TABLES } from '../../../src/storage/db';
import type { Draft } from '../../../src/domain/envelope';
import type { SyncedRecords } from '../../../src/domain/syncedTables';
import { closeAll, dump, importInto, newDb } from './bundleHelpers';
import { sampleFields, SUBJECT } from '../domain/erasureSamples';

/**
 * Two files of format 4 kept forever (tests/fixtures/bundles): a school before «Уничтожить персональные данные» and
 * the same school after it. Whatever the format becomes, a device that took the first and then takes the second must
 * lose her data, and the first taken again must bring nothing back. `UPDATE_ERASURE_FIXTURES=1` writes them anew
 * (only when the format of erasure changes on purpose).
 */
const DIR = new URL('../../fixtures/bundles/', import.meta.url);
const BEFORE = new URL('v4-erasure-before.json', DIR);
const AFTER = new URL('v4-erasure-after.json', DIR);

afterEach(closeAll);

async function write(): Promise<void> {
  const db = await newDb();
  const samples = sampleFields();
  for (const t of SYNCED_TABLES)
    if (samples[t].length)
      await repositoryFor(db, t).saveMany(
        samples[t].map((r) => {
          const { id, ...fields } = r;
          return { fields: fields as Draft<SyncedRecords[typeof t]>, id: typeof id === 'string' ? id : undefined };
        }),
      );
  await db.meta.put({ key: 'deviceName', value: 'Телефон куратора' });
  writeFileSync(BEFORE, serializeBundle(await exportBundle(db, { appVersion: '0.3.0', now: new Date('2026-11-20T09:00:00Z') })));
  await erasePerson(db, SUBJECT.id, { reason: 'consentWithdrawn', by: { name: 'Орлова Н. В.', position: 'куратор' }, now: new Date('2026-12-02T10:00:00Z') });
  writeFileSync(AFTER, serializeBundle(await exportBundle(db, { appVersion: '0.3.0', now: new Date('2026-12-02T10:05:00Z') })));
}

async function read(url: URL) {
  const r = await parseBundle(readFileSync(url, 'utf8'));
  if (!r.ok) throw new Error(bundleErrorMessage(r.error));
  return r.value;
}

describe('files of format 4 with an erasure', () => {
  it('a device that took the school before takes the erasure after, and the old file brings nothing back', async () => {
    // Committed files that every later version must honour: never rewritten silently, only on request.
    if (process.env.UPDATE_ERASURE_FIXTURES === '1') await write();
    for (const f of [BEFORE, AFTER]) expect(existsSync(f), `${f.pathname}: нет файла; запустите с UPDATE_ERASURE_FIXTURES=1`).toBe(true);
    const db = await newDb();
    await importInto(db, await read(BEFORE));
    expect((await db.people.get(SUBJECT.id))!.lastName).toBe(SUBJECT.lastName);
    await importInto(db, await read(AFTER));
    const again = await importInto(db, await read(BEFORE));
    expect(again.erasedRecords).toBe(12);
    const log = JSON.stringify(await db.erasureLog.toArray());
    const text = JSON.stringify(await dump(db)).replace(log, '');
    for (const s of [SUBJECT.lastName, SUBJECT.birthDate, SUBJECT.phone, SUBJECT.email]) expect(text).not.toContain(s);
    expect((await listErasureLog(db)).map((l) => l.subjectName)).toEqual(['Семёнова Анна Петровна']);
  });
});
