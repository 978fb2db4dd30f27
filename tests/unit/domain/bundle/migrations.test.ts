import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_MIGRATIONS,
  checkMigrationRegistry,
  migrateBundle,
  type BundleMigration,
} from '../../../../src/domain/bundle/migrations';
import { parseBundle } from '../../../../src/domain/bundle/parse';
import { BUNDLE_FORMAT_VERSION } from '../../../../src/domain/bundle/schema';
import { bundleErrorMessage } from '../../../../src/domain/bundle/errors';

const FIXTURES = new URL('../../../fixtures/bundles/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, text: readFileSync(new URL(f, FIXTURES), 'utf8') }));

describe('the migration registry', () => {
  it('has one step per format version, in order, up to the current one', () => {
    expect(checkMigrationRegistry(BUNDLE_MIGRATIONS)).toEqual([]);
  });

  it('every file ever released still opens (tests/fixtures/bundles keeps one per format version)', async () => {
    const versions = new Set<number>();
    for (const f of fixtures) {
      const r = await parseBundle(f.text);
      expect(r.ok, `${f.name}: ${r.ok ? '' : bundleErrorMessage(r.error)}`).toBe(true);
      versions.add((JSON.parse(f.text) as { header: { formatVersion: number } }).header.formatVersion);
    }
    for (let v = 1; v <= BUNDLE_FORMAT_VERSION; v++) expect(versions, `нет файла-образца формата ${v}`).toContain(v);
  });

  it('version 1 → 2: questionnaires and responses written before the builder take its shape and pass its rules', async () => {
    const v1 = fixtures.find((f) => f.name === 'v1-school.json')!;
    const r = await parseBundle(v1.text);
    if (!r.ok) throw new Error(bundleErrorMessage(r.error));
    expect(r.value.migrationsApplied).toEqual([
      'анкеты и ответы в виде конструктора анкет',
      'отметки записи для каждого поля и конфликты по полям',
      'записи об уничтожении персональных данных (таблица erasures)',
    ]);
    const [q] = r.value.tables.questionnaires!;
    expect(q).toMatchObject({ title: 'Входная анкета', role: 'mentee', beforeAfter: false, questions: [{ id: 'q1', kind: 'scale', text: 'Мотивация', options: [] }] });
    expect(r.value.tables.responses!.map((x) => x.answers)).toEqual([{ q1: 7 }, { q1: 5 }]);
    expect(r.value.tables.responses![0]).toMatchObject({ phase: 'once', answeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('version 2 → 3: every record gets its field stamps, and a kept whole version becomes the values it differs in', async () => {
    const v2 = fixtures.find((f) => f.name === 'v2-conflict.json')!;
    const r = await parseBundle(v2.text);
    if (!r.ok) throw new Error(bundleErrorMessage(r.error));
    expect(r.value.migrationsApplied).toEqual(['отметки записи для каждого поля и конфликты по полям', 'записи об уничтожении персональных данных (таблица erasures)']);
    for (const list of Object.values(r.value.tables)) for (const rec of list ?? []) expect(rec.writes).toHaveLength(1);
    expect(r.value.conflicts.map((c) => [c.table, c.recordId, c.field, c.value])).toEqual([
      ['people', 's2', 'lastName', 'Петров-Водкин'],
      ['people', 's2', 'phone', '+7 900 555-55-55'],
    ]);
    expect(r.value.header.conflictCount).toBe(2);
    // the same data step on the same file gives the same result: the database upgrade runs it too
    const again = await parseBundle(v2.text);
    expect(again.ok && again.value.conflicts).toEqual(r.value.conflicts);
  });

  it('a file of a newer format than this app knows asks to update the app (as the previous version does with this one)', async () => {
    const v3 = JSON.parse(fixtures.find((f) => f.name === 'v3-school.json')!.text) as { header: { formatVersion: number } };
    v3.header.formatVersion = BUNDLE_FORMAT_VERSION + 1;
    const r = await parseBundle(JSON.stringify(v3));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toEqual({ kind: 'versionTooNew', version: BUNDLE_FORMAT_VERSION + 1, supported: BUNDLE_FORMAT_VERSION });
      expect(bundleErrorMessage(r.error)).toMatch(/обновите приложение/i);
    }
  });

  it('guard: every migration is exercised by an old file among the fixtures', async () => {
    const applied = new Set<string>();
    for (const f of fixtures) {
      const r = await parseBundle(f.text);
      if (r.ok) for (const name of r.value.migrationsApplied) applied.add(name);
    }
    const never = BUNDLE_MIGRATIONS.map((m) => m.name).filter((n) => !applied.has(n));
    expect(never, 'шаги, которые ни разу не выполнялись: добавьте файл старого формата в tests/fixtures/bundles').toEqual([]);
  });
});

describe('the migration machinery (with a registry made up for the test)', () => {
  const steps: BundleMigration[] = [
    { name: 'поле notes у всех записей', from: 1, up: (f) => ({ ...f, note: 'v2' }) },
    { name: 'переименование', from: 2, up: (f) => ({ ...f, renamed: f.note }) },
  ];
  const file = () => ({ header: { formatVersion: 1 }, tables: {} });

  it('the registry check finds gaps, wrong order and repeated names', () => {
    expect(checkMigrationRegistry(steps, 3)).toEqual([]);
    expect(checkMigrationRegistry([steps[1]!], 3)).toEqual([]);
    expect(checkMigrationRegistry([steps[1]!, steps[0]!], 3)).toHaveLength(2);
    expect(checkMigrationRegistry([steps[0]!, { ...steps[0]!, from: 2 }], 3)).toEqual(['имена шагов повторяются']);
    expect(checkMigrationRegistry(steps, 2)).not.toEqual([]);
  });

  it('runs the steps in order and stamps each new version', () => {
    const r = migrateBundle(file(), 1, steps, 3);
    expect(r).toEqual({ ok: true, value: { file: { header: { formatVersion: 3 }, tables: {}, note: 'v2', renamed: 'v2' }, applied: steps.map((s) => s.name) } });
    expect(migrateBundle(file(), 3, steps, 3)).toMatchObject({ ok: true, value: { applied: [] } });
  });

  it('a failing step is reported by name and leaves the input untouched', () => {
    const input = file();
    const bad: BundleMigration[] = [steps[0]!, { name: 'ломается', from: 2, up: (f) => ((f.header as Record<string, unknown>).x = 1, JSON.parse('{')) }];
    const r = migrateBundle(input, 1, bad, 3);
    expect(r).toMatchObject({ ok: false, error: { kind: 'migrationFailed', from: 2, name: 'ломается' } });
    expect(input).toEqual(file());
    if (!r.ok) expect(bundleErrorMessage(r.error)).toContain('шаг «ломается»');
  });

  it('a missing step is a failure, not a silent skip', () => {
    expect(migrateBundle(file(), 1, [steps[1]!], 3)).toMatchObject({ ok: false, error: { kind: 'migrationFailed', from: 1 } });
  });
});
