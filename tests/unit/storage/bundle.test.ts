import { afterEach, describe, expect, it } from 'vitest';
import { getDeviceId } from '../../../src/storage/clock';
import { exportBundle, recordExport, DEVICE_NAME_KEY } from '../../../src/storage/bundle/exportBundle';
import { applyImport, previewImport } from '../../../src/storage/bundle/importBundle';
import { listConflicts, resolveConflict, conflictCount } from '../../../src/storage/bundle/conflicts';
import { undoLastImport, undoErrorMessage } from '../../../src/storage/bundle/undoImport';
import { lastExportAt, listExchanges } from '../../../src/storage/bundle/exchanges';
import { pickFields } from '../../../src/domain/conflictResolution';
import { RecordRejected } from '../../../src/domain/recordRules';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
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
  async function twoDevices() {
    const a = await newDb();
    const b = await newDb();
    const seeded = await seedSchool(a);
    await exchange(a, b);
    return { a, b, ...seeded };
  }

  it('edits of different fields of one record on two devices merge by themselves, both ways, with no conflict', async () => {
    const { a, b, s1 } = await twoDevices();
    // each form hands back the whole record; only the field its user changed differs from what is stored
    await repos(a).people.save(personFields({ lastName: 'Петров-Водкин', phone: '+7 900 111-11-11' }), s1.id);
    await repos(b).people.save(personFields({ phone: '+7 900 333-33-33' }), s1.id);
    expect((await exchange(a, b)).total).toMatchObject({ updated: 1, conflict: 0 });
    expect((await exchange(b, a)).total).toMatchObject({ updated: 1, conflict: 0 });
    for (const db of [a, b]) {
      expect(await db.people.get(s1.id)).toMatchObject({ lastName: 'Петров-Водкин', phone: '+7 900 333-33-33' });
      expect(await listConflicts(db)).toEqual([]);
    }
    expect(await sharedData(a)).toEqual(await sharedData(b));
  });

  it('the same field on two devices: a conflict on both sides, resolved on one, and the resolution reaches the other', async () => {
    const { a, b, s1 } = await twoDevices();
    await repos(a).people.save(personFields({ lastName: 'Петров-Водкин', phone: '+7 900 111-11-11' }), s1.id);
    await repos(b).people.save(personFields({ lastName: 'Петров-Сидоров', phone: '+7 900 111-11-11' }), s1.id);
    expect((await exchange(a, b)).total).toMatchObject({ conflict: 1 });
    expect((await exchange(b, a)).total).toMatchObject({ conflict: 1 });
    for (const db of [a, b]) {
      const [g] = await listConflicts(db);
      expect(g!.fields.map((f) => f.field)).toEqual(['lastName']);
      expect(g!.fields[0]!.options.map((o) => o.value).sort()).toEqual(['Петров-Водкин', 'Петров-Сидоров']);
    }
    expect(await sharedData(a)).toEqual(await sharedData(b));

    const [g] = await listConflicts(a);
    const from = g!.fields[0]!.options.find((o) => o.value === 'Петров-Водкин')!;
    const chosen = pickFields(g!.state, { lastName: from.write });
    const resolved = await resolveConflict(a, 'people', s1.id, chosen.fields);
    expect(resolved).toMatchObject({ lastName: 'Петров-Водкин', phone: '+7 900 111-11-11' });
    expect(resolved.vv[await getDeviceId(a)]).toBe(3); // created, edited, resolved on A
    expect(await conflictCount(a)).toBe(0);

    expect((await exchange(a, b)).total).toMatchObject({ updated: 1, conflict: 0 });
    expect(await conflictCount(b)).toBe(0);
    expect(await sharedData(b)).toEqual(await sharedData(a));
  });

  it('a resolution that mixes a pair into something its rules refuse is refused, and nothing changes', async () => {
    const { a, b, m1 } = await twoDevices();
    const pairA = (await a.mentorships.get(m1.id))!;
    await repos(a).mentorships.save(mentorshipInputSchema.parse({ ...pairA, status: 'interrupted', endDate: '2026-01-10', endReason: 'переезд' }), m1.id);
    await repos(b).mentorships.save(mentorshipInputSchema.parse({ ...pairA, status: 'finished', endDate: '2026-01-12' }), m1.id);
    await exchange(a, b);
    const [g] = await listConflicts(b);
    // the status and its reason come as one group: both fields are in the conflict
    expect(g!.fields.map((f) => f.field)).toEqual(['endDate', 'endReason', 'status']);
    const interrupted = g!.fields.find((f) => f.field === 'status')!.options.find((o) => o.value === 'interrupted')!;
    const noReason = g!.fields.find((f) => f.field === 'endReason')!.options.find((o) => o.value === '')!;
    const mix = pickFields(g!.state, { status: interrupted.write, endReason: noReason.write });
    const before = await dumpData(b);
    await expect(resolveConflict(b, 'mentorships', m1.id, mix.fields)).rejects.toThrow(RecordRejected);
    await expect(resolveConflict(b, 'mentorships', m1.id, mix.fields)).rejects.toThrow(/причину/);
    expect(await dumpData(b)).toEqual(before);
    // and B's next file is still accepted by A
    expect((await exchange(b, a)).total.conflict).toBe(1);
  });

  it('a deletion against a concurrent edit is a conflict, not a silent loss', async () => {
    const { a, b, x } = await twoDevices();
    await repos(a).people.remove(x.id);
    await repos(b).people.save(personFields({ lastName: 'Посторонний', firstName: 'Гость', notes: 'важно' }), x.id);
    await exchange(a, b);
    const [g] = await listConflicts(b);
    expect(g!.fields.map((f) => f.field)).toEqual(['deleted']);
    expect(g!.state.record.notes).toBe('важно');
    // the curator confirms the deletion; the edit's notes stay in the tombstone
    const del = g!.fields[0]!.options.find((o) => o.value === true)!;
    const { fields, deleted } = pickFields(g!.state, { deleted: del.write });
    const resolved = await resolveConflict(b, 'people', x.id, fields, { deleted });
    expect(resolved).toMatchObject({ deleted: true, notes: 'важно' });
    expect(await repos(b).people.get(x.id)).toBeUndefined();
    await expect(resolveConflict(b, 'people', x.id, fields)).rejects.toThrow('уже разрешён');
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

describe('a forged file whose stamps split a group of fields', () => {
  it('is refused with a Russian message before anything is written, though each of its records passes on its own', async () => {
    const { buildBundle, serializeBundle } = await import('../../../src/domain/bundle/format');
    const { parseBundle } = await import('../../../src/domain/bundle/parse');
    const { bundleErrorMessage } = await import('../../../src/domain/bundle/errors');
    const { buildRecord, fieldEntries } = await import('../../../src/domain/envelope');
    const { encodeHlc } = await import('../../../src/domain/hlc');
    const { encodeWrite } = await import('../../../src/domain/writeStamp');
    const a = await newDb();
    const b = await newDb();
    const { m1 } = await seedSchool(a);
    await exchange(a, b);
    const base = (await b.mentorships.get(m1.id))!;
    await repos(b).mentorships.save(mentorshipInputSchema.parse({ ...base, status: 'interrupted', endDate: '2026-01-10', endReason: 'переезд' }), m1.id);
    // The forger's record: «завершена» from an early write, the empty reason from a late one.
    const later = Date.now() + 60_000;
    const early = encodeWrite(encodeHlc({ wall: Date.parse(base.updatedAt) + 1, counter: 0, deviceId: 'forger' }), 1);
    const late = encodeWrite(encodeHlc({ wall: later, counter: 0, deviceId: 'forger' }), 2);
    const entries = fieldEntries(base as never);
    entries.set('status', { write: early, has: true, value: 'finished' });
    entries.set('endDate', { write: early, has: true, value: '2026-01-12' });
    entries.set('endReason', { write: late, has: true, value: '' });
    const forged = buildRecord({ id: base.id, createdAt: base.createdAt, updatedAt: new Date(later).toISOString(), vv: { ...base.vv, forger: 2 } }, entries);
    const exported = await exportBundle(a, { appVersion: '0.1.0' });
    const h = exported.header;
    const tables = { ...exported.tables, mentorships: exported.tables.mentorships!.map((m) => (m.id === m1.id ? forged : m)) };
    const file = await buildBundle({ appVersion: h.appVersion, schemaVersion: h.schemaVersion, createdAt: h.createdAt, device: h.device, school: h.school, scope: h.scope, tables, conflicts: [] });
    const parsed = await parseBundle(serializeBundle(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const before = await dumpData(b);
    const r = await applyImport(b, parsed.value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('mergeRefused');
      expect(bundleErrorMessage(r.error)).toMatch(/нарушили бы правила[\s\S]*Пары и группы[\s\S]*причину/);
    }
    expect(await dumpData(b)).toEqual(before);
  });
});
