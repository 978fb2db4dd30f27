import { expect } from 'vitest';
import { NastavnikDb, SYNCED_TABLES } from '../../../src/storage/db';
import { Repository } from '../../../src/storage/repository';
import { type Person, type PersonInput } from '../../../src/domain/person';
import { personInputSchema } from '../../../src/domain/person.schema';
import { schoolInputSchema } from '../../../src/domain/school.schema';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { exportBundle, type ExportOptions } from '../../../src/storage/bundle/exportBundle';
import { decodeBundle, encodeBundle, type EncodeOptions } from '../../../src/storage/bundle/codec';
import { applyImport, type ImportReport } from '../../../src/storage/bundle/importBundle';
import { bundleErrorMessage } from '../../../src/domain/bundle/errors';
import { buildBundle, type Bundle, type ParsedBundle } from '../../../src/domain/bundle/format';
import type { Result } from '../../../src/domain/bundle/result';
import type { BundleError } from '../../../src/domain/bundle/errors';

let n = 0;
const opened: NastavnikDb[] = [];

export async function newDb(): Promise<NastavnikDb> {
  const db = new NastavnikDb(`bundle-test-${++n}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  opened.push(db);
  return db;
}

export async function closeAll(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
}

/** Every table, every row, in key order: two dumps are equal only if the databases are. */
export async function dump(db: NastavnikDb, tables: readonly string[] = db.tables.map((t) => t.name)): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of [...tables].sort()) out[t] = await db.table(t).toArray();
  return out;
}

export const dumpData = (db: NastavnikDb) => dump(db, [...SYNCED_TABLES, 'conflicts']);
export const dumpSynced = (db: NastavnikDb) => dump(db, SYNCED_TABLES);

export const repos = (db: NastavnikDb) => ({
  people: new Repository(db, 'people'),
  school: new Repository(db, 'school'),
  mentorships: new Repository(db, 'mentorships'),
  meetings: new Repository(db, 'meetings'),
});

export const personFields = (input: Partial<PersonInput> = {}) =>
  personInputSchema.parse({ lastName: 'Петров', firstName: 'Иван', category: 'student', classLabel: '7Б', birthDate: '2012-03-01', ...input });

/** A school with two pairs (t1–s1, t2–s2) and one person outside them. */
export async function seedSchool(db: NastavnikDb, name = 'Школа № 14') {
  const r = repos(db);
  const school = await r.school.save(schoolInputSchema.parse({ name, academicYear: '2025/2026', studentsTotal: 600, teachersTotal: 50 }));
  const [t1, s1, t2, s2, x] = await r.people.saveMany([
    { fields: personFields({ lastName: 'Иванова', firstName: 'Мария', category: 'teacher', classLabel: '', birthDate: '1980-01-01' }) },
    { fields: personFields({ phone: '+7 900 111-11-11' }) },
    { fields: personFields({ lastName: 'Смирнов', firstName: 'Олег', category: 'teacher', classLabel: '', birthDate: '1975-01-01' }) },
    { fields: personFields({ firstName: 'Пётр' }) },
    { fields: personFields({ lastName: 'Посторонний', firstName: 'Гость', phone: '+7 999 999-99-99' }) },
  ]);
  const pair = (m: Person, e: Person) => ({ fields: mentorshipInputSchema.parse({ formId: 'f1', mentorIds: [m.id], menteeIds: [e.id] }) });
  const [m1, m2] = await r.mentorships.saveMany([pair(t1!, s1!), pair(t2!, s2!)]);
  return { school, t1: t1!, s1: s1!, t2: t2!, s2: s2!, x: x!, m1: m1!, m2: m2! };
}

/** Export from one device, through the file bytes, parsed on the other. */
export async function carry(from: NastavnikDb, opts: Partial<ExportOptions> = {}, enc: EncodeOptions = {}): Promise<ParsedBundle> {
  const bytes = await encodeBundle(await exportBundle(from, { appVersion: '0.1.0', ...opts }), enc);
  const r = await decodeBundle(bytes, { passphrase: enc.passphrase });
  if (!r.ok) throw new Error(bundleErrorMessage(r.error));
  return r.value;
}

export async function importInto(to: NastavnikDb, bundle: ParsedBundle): Promise<ImportReport> {
  const r = await applyImport(to, bundle);
  expect(r.ok, r.ok ? '' : bundleErrorMessage(r.error)).toBe(true);
  return (r as { ok: true; value: ImportReport }).value;
}

/** A carries its bundle to B and B imports it. */
export async function exchange(from: NastavnikDb, to: NastavnikDb, opts: Partial<ExportOptions> = {}): Promise<ImportReport> {
  return importInto(to, await carry(from, opts));
}

/**
 * What a broken or forged device would send: A's bundle with `tamper` applied to its tables, resealed (counts and
 * checksum right), then read by the import gate. The write path keeps such records out of any database, so a test
 * of the gate forges the file instead.
 */
export async function carryForged(from: NastavnikDb, tamper: (tables: Bundle['tables']) => void): Promise<Result<ParsedBundle, BundleError>> {
  const b = await exportBundle(from, { appVersion: '0.1.0' });
  const tables = structuredClone(b.tables);
  tamper(tables);
  const h = b.header;
  const forged = await buildBundle({ appVersion: h.appVersion, schemaVersion: h.schemaVersion, createdAt: h.createdAt, device: h.device, school: h.school, scope: h.scope, tables, conflicts: b.conflicts });
  return decodeBundle(await encodeBundle(forged));
}
