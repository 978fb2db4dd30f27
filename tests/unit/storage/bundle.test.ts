import { afterEach, describe, expect, it } from 'vitest';
import { getDeviceId } from '../../../src/storage/clock';
import { exportBundle, recordExport, DEVICE_NAME_KEY } from '../../../src/storage/bundle/exportBundle';
import { applyImport, previewImport } from '../../../src/storage/bundle/importBundle';
import { listConflicts, resolveConflict, conflictCount } from '../../../src/storage/bundle/conflicts';
import { undoLastImport, undoErrorMessage } from '../../../src/storage/bundle/undoImport';
import { lastExportAt, listExchanges } from '../../../src/storage/bundle/exchanges';
import { pickFields } from '../../../src/domain/conflictResolution';
import type { VersionedRecord } from '../../../src/domain/merge';
import { mentorshipInputSchema } from '../../../src/domain/mentorship';
import { carry, closeAll, dump, dumpData, dumpSynced, exchange, importInto, newDb, personFields, repos, seedSchool } from './bundleHelpers';

afterEach(closeAll);

/** The data both devices should agree on: records and kept versions, without when each device found them. */
async function sharedData(db: Parameters<typeof dumpData>[0]) {
  const d = await dumpData(db);
  return { ...d, conflicts: d.conflicts!.map((c) => ({ ...(c as object), detectedAt: undefined })) };
}

describe('export and import between two devices', () => {
  it('a new device receives the whole school exactly, and keeps its own device id', async () => {
    const a = await newDb();
    const b = await newDb();
    await seedSchool(a);
    await a.meta.put({ key: DEVICE_NAME_KEY, value: 'Телефон куратора' });
    const bId = await getDeviceId(b);
    const bundle = await carry(a);
    const preview = await previewImport(b, bundle);
    expect(preview).toMatchObject({ ok: true, value: { total: { new: 8, updated: 0, unchanged: 0, conflict: 0 }, perTable: { people: { new: 5 } } } });
    expect(await dumpSynced(b)).toEqual(await dumpSynced(await newDb())); // the preview wrote nothing
    const report = await importInto(b, bundle);
    expect(report.total.new).toBe(8);
    expect(await dumpSynced(b)).toEqual(await dumpSynced(a));
    expect(await getDeviceId(b)).toBe(bId);
    const [history] = await listExchanges(b);
    expect(history).toMatchObject({ direction: 'import', device: { id: await getDeviceId(a), name: 'Телефон куратора' }, counts: { new: 8 } });
    // the clock of B moved past every stamp it received
    const hlc = (await b.meta.get('hlc'))!.value as string;
    for (const p of await b.people.toArray()) expect(hlc > p.hlc).toBe(true);
  });

  it('importing the same bundle again changes no record', async () => {
    const a = await newDb();
    const b = await newDb();
    await seedSchool(a);
    const bundle = await carry(a);
    await importInto(b, bundle);
    const before = await dumpData(b);
    expect((await importInto(b, bundle)).total).toEqual({ new: 0, updated: 0, unchanged: 8, conflict: 0 });
    expect(await dumpData(b)).toEqual(before);
  });

  it('an edit travels back as an update; both devices end with the same data', async () => {
    const a = await newDb();
    const b = await newDb();
    const { s1 } = await seedSchool(a);
    await exchange(a, b);
    await repos(b).people.save(personFields({ phone: '+7 900 222-22-22' }), s1.id);
    expect((await exchange(b, a)).total).toMatchObject({ updated: 1, conflict: 0 });
    expect((await a.people.get(s1.id))?.phone).toBe('+7 900 222-22-22');
    expect(await dumpSynced(a)).toEqual(await dumpSynced(b));
  });

  it('the export is recorded in the history, with the time of the last full backup', async () => {
    const a = await newDb();
    await seedSchool(a);
    const bundle = await exportBundle(a, { appVersion: '0.1.0' });
    await recordExport(a, bundle, { fileName: 'x.json.gz', encoding: 'gzip', bytes: 1234 }, new Date('2025-10-10T10:00:00Z'));
    expect(await lastExportAt(a)).toBe('2025-10-10T10:00:00.000Z');
    expect((await listExchanges(a))[0]).toMatchObject({ direction: 'export', counts: { new: 8 }, fileName: 'x.json.gz' });
  });
});

describe('conflicts between devices', () => {
  async function concurrentEdit() {
    const a = await newDb();
    const b = await newDb();
    const seeded = await seedSchool(a);
    await exchange(a, b);
    await repos(a).people.save(personFields({ lastName: 'Петров-Водкин' }), seeded.s1.id);
    await repos(b).people.save(personFields({ phone: '+7 900 333-33-33' }), seeded.s1.id);
    return { a, b, ...seeded };
  }

  it('a concurrent edit shows on both sides, is resolved field by field on one, and the resolution reaches the other', async () => {
    const { a, b, s1 } = await concurrentEdit();
    expect((await exchange(a, b)).total).toMatchObject({ conflict: 1 });
    expect((await exchange(b, a)).total).toMatchObject({ conflict: 1 });
    for (const db of [a, b]) {
      const [g] = await listConflicts(db);
      expect(g).toMatchObject({ table: 'people', recordId: s1.id, fields: ['lastName', 'phone'] });
    }
    expect(await sharedData(a)).toEqual(await sharedData(b));

    const [g] = await listConflicts(a);
    const versions = [g!.current!, ...g!.kept.map((k) => k.version)] as VersionedRecord[];
    const lastNameFrom = versions.findIndex((v) => v.lastName === 'Петров-Водкин');
    const phoneFrom = versions.findIndex((v) => v.phone === '+7 900 333-33-33');
    const chosen = pickFields(versions, { lastName: lastNameFrom, phone: phoneFrom });
    const resolved = await resolveConflict(a, g!.kept[0]!.id, chosen.fields);
    expect(resolved).toMatchObject({ lastName: 'Петров-Водкин', phone: '+7 900 333-33-33' });
    expect(resolved.vv[await getDeviceId(a)]).toBe(3); // created, edited, resolved on A
    expect(await conflictCount(a)).toBe(0);

    expect((await exchange(a, b)).total).toMatchObject({ updated: 1, conflict: 0 });
    expect(await conflictCount(b)).toBe(0);
    expect(await sharedData(b)).toEqual(await sharedData(a));
  });

  it('a deletion against a concurrent edit is a conflict, not a silent loss', async () => {
    const a = await newDb();
    const b = await newDb();
    const { x } = await seedSchool(a);
    await exchange(a, b);
    await repos(a).people.remove(x.id);
    await repos(b).people.save(personFields({ lastName: 'Посторонний', firstName: 'Гость', notes: 'важно' }), x.id);
    await exchange(a, b);
    const [g] = await listConflicts(b);
    expect(g?.fields).toContain('deleted');
    const versions = [g!.current!, ...g!.kept.map((k) => k.version)];
    expect(versions.map((v) => v.deleted).sort()).toEqual([false, true]);
    expect(versions.some((v) => v.notes === 'важно')).toBe(true);
    // the curator keeps the edit's notes but confirms the deletion
    const fromEdit = versions.findIndex((v) => v.notes === 'важно');
    const { fields } = pickFields(versions, { notes: fromEdit });
    const resolved = await resolveConflict(b, g!.kept[0]!.id, fields, { deleted: true });
    expect(resolved).toMatchObject({ deleted: true, notes: 'важно' });
    expect(await repos(b).people.get(x.id)).toBeUndefined();
    await expect(resolveConflict(b, g!.kept[0]!.id, fields)).rejects.toThrow('уже разрешён');
    expect((await exchange(b, a)).total).toMatchObject({ updated: 1, conflict: 0 });
    expect(await a.people.get(x.id)).toMatchObject({ deleted: true, notes: 'важно' });
  });

  it('a scoped bundle carries only the chosen pairs and their people', async () => {
    const a = await newDb();
    const b = await newDb();
    const { m1, t1, s1 } = await seedSchool(a);
    const report = await exchange(a, b, { scope: { kind: 'mentorships', mentorshipIds: [m1.id] } });
    expect(report.perTable).toMatchObject({ mentorships: { new: 1 }, people: { new: 2 }, school: { new: 1 } });
    expect((await b.people.toArray()).map((p) => p.id).sort()).toEqual([t1.id, s1.id].sort());
    expect(JSON.stringify(await dumpSynced(b))).not.toContain('Посторонний');
  });
});

describe('undo of the last import', () => {
  it('puts the database back exactly: new records go, changed ones and their conflicts come back', async () => {
    const a = await newDb();
    const b = await newDb();
    const { s1, s2 } = await seedSchool(a);
    await exchange(a, b);
    await repos(a).people.save(personFields({ lastName: 'Новиков' }), s1.id);
    await repos(b).people.save(personFields({ lastName: 'Старов' }), s1.id);
    await repos(a).people.save(personFields({ firstName: 'Павел' }), s2.id);
    await repos(a).people.save(personFields({ lastName: 'Новенький' }));
    const before = await dumpData(b);
    const report = await exchange(a, b);
    expect(report.total).toMatchObject({ new: 1, updated: 1, conflict: 1 });
    expect(await dumpData(b)).not.toEqual(before);

    expect(await undoLastImport(b)).toEqual({ ok: true, value: { restored: 3 } });
    expect(await dumpData(b)).toEqual(before);
    expect((await listExchanges(b))[0]).toMatchObject({ id: report.exchangeId, undoneAt: expect.any(String) });
    const again = await undoLastImport(b);
    expect(again).toEqual({ ok: false, error: { kind: 'nothingToUndo' } });
  });

  it('refuses when a record was edited since, unless told to', async () => {
    const a = await newDb();
    const b = await newDb();
    const { s1 } = await seedSchool(a);
    const before = await dumpData(b);
    await exchange(a, b);
    await repos(b).people.save(personFields({ notes: 'после импорта' }), s1.id);
    const r = await undoLastImport(b);
    expect(r).toEqual({ ok: false, error: { kind: 'changedSince', count: 1 } });
    if (!r.ok) expect(undoErrorMessage(r.error)).toContain('изменено записей: 1');
    expect((await undoLastImport(b, { force: true })).ok).toBe(true);
    expect(await dumpData(b)).toEqual(before);
  });
});

describe('nothing is written when an import is refused or fails', () => {
  it('a bundle of another school', async () => {
    const a = await newDb();
    const b = await newDb();
    await seedSchool(a);
    await seedSchool(b, 'Гимназия № 2');
    const before = await dumpData(b).then(async (d) => ({ ...d, ...(await dumpSynced(b)) }));
    const bundle = await carry(a);
    expect(await previewImport(b, bundle)).toMatchObject({ ok: false, error: { kind: 'wrongSchool' } });
    expect(await applyImport(b, bundle)).toMatchObject({ ok: false, error: { kind: 'wrongSchool', localSchool: { name: 'Гимназия № 2' } } });
    expect(await dumpData(b)).toEqual(before);
  });

  it('a failure halfway through the writes rolls everything back', async () => {
    const a = await newDb();
    const b = await newDb();
    const { t1, s2 } = await seedSchool(a);
    await exchange(a, b);
    await repos(a).people.save(personFields({ lastName: 'Новенький' }));
    const fresh = await repos(a).mentorships.save(mentorshipInputSchema.parse({ formId: 'f1', mentorIds: [t1.id], menteeIds: [s2.id] }));
    const bundle = await carry(a);
    // A value IndexedDB cannot store, in a table written after people and school: those are already put by then.
    const list = bundle.tables.mentorships!;
    list[list.findIndex((m) => m.id === fresh.id)] = { ...fresh, broken: () => 1 };
    const before = await dump(b);
    await expect(applyImport(b, bundle)).rejects.toThrow(/clone/i);
    expect(await dump(b)).toEqual(before);
  });
});
