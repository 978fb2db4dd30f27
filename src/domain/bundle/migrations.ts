import { applyDataStep, DATA_STEPS } from '../dataMigrations';
import type { BundleError } from './errors';
import { err, ok, type Result } from './result';
import { isPlainObject } from './safeJson';
import { BUNDLE_FORMAT_VERSION } from './version';

/**
 * One step of the file format: turns a parsed file of version `from` into version `from + 1`. The steps are the data
 * pipeline's (src/domain/dataMigrations.ts), which the database upgrade runs too, applied to the file's tables and
 * kept conflicts.
 *
 * To change the format: raise BUNDLE_FORMAT_VERSION, append a step to DATA_STEPS with a name saying what it does, and
 * commit a file of the old version under tests/fixtures/bundles/ (the guard test fails while a step is never
 * exercised).
 */
export interface BundleMigration {
  readonly name: string;
  readonly from: number;
  up(file: Record<string, unknown>): Record<string, unknown>;
}

export const BUNDLE_MIGRATIONS: readonly BundleMigration[] = DATA_STEPS.map((step) => ({
  name: step.name,
  from: step.from,
  up(file) {
    const tables = isPlainObject(file.tables) ? (file.tables as Record<string, unknown[]>) : {};
    const conflicts = Array.isArray(file.conflicts) ? file.conflicts : [];
    const next = applyDataStep(step, { tables, conflicts });
    const header = isPlainObject(file.header) ? { ...file.header, conflictCount: next.conflicts.length } : file.header;
    return { ...file, header, tables: next.tables, conflicts: next.conflicts };
  },
}));

/** The registry has one step per version from 1 up to `target`, in order. */
export function checkMigrationRegistry(migrations: readonly BundleMigration[], target: number = BUNDLE_FORMAT_VERSION): string[] {
  const problems: string[] = [];
  const first = target - migrations.length;
  if (first < 1) problems.push(`шагов больше, чем версий: ${migrations.length} при версии ${target}`);
  migrations.forEach((m, i) => {
    if (m.from !== first + i) problems.push(`шаг «${m.name}» переводит с версии ${m.from}, ожидалась ${first + i}`);
  });
  if (new Set(migrations.map((m) => m.name)).size !== migrations.length) problems.push('имена шагов повторяются');
  return problems;
}

/**
 * Brings a file of format `version` up to `target`, step by step. Each step gets its own deep copy, so a step that
 * throws halfway leaves nothing half-changed behind.
 */
export function migrateBundle(
  file: Record<string, unknown>,
  version: number,
  migrations: readonly BundleMigration[] = BUNDLE_MIGRATIONS,
  target: number = BUNDLE_FORMAT_VERSION,
): Result<{ file: Record<string, unknown>; applied: string[] }, BundleError> {
  let current = file;
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return err({ kind: 'migrationFailed', from: v, name: '—', message: `нет шага с версии ${v}` });
    try {
      const next = step.up(structuredClone(current));
      if (!isPlainObject(next) || !isPlainObject(next.header)) throw new Error('шаг вернул не файл');
      next.header = { ...next.header, formatVersion: v + 1 };
      current = next;
      applied.push(step.name);
    } catch (e) {
      return err({ kind: 'migrationFailed', from: v, name: step.name, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return ok({ file: current, applied });
}
