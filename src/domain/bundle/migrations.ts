import type { BundleError } from './errors';
import { err, ok, type Result } from './result';
import { isPlainObject } from './safeJson';
import { BUNDLE_FORMAT_VERSION } from './schema';

/**
 * One step of the file format: turns a parsed file of version `from` into version `from + 1`. Steps are pure, run in
 * order, and never removed once released, because phones keep old files and old app versions for years.
 *
 * To change the format: raise BUNDLE_FORMAT_VERSION, append a step here with a name saying what it does, and commit
 * a file of the old version under tests/fixtures/bundles/ (the guard test fails while a step is never exercised).
 */
export interface BundleMigration {
  readonly name: string;
  readonly from: number;
  up(file: Record<string, unknown>): Record<string, unknown>;
}

const QUESTION_KINDS = new Set(['scale', 'one', 'many', 'text']);
const PHASES = new Set(['start', 'end', 'once']);

/** A questionnaire written before the builder (questions without ids, no role): the builder's shape. */
function upgradeQuestionnaire(r: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(r.questions) || r.questions.every((q) => isPlainObject(q) && typeof q.id === 'string')) return r;
  const questions = r.questions.map((q, i) => {
    const o = isPlainObject(q) ? q : {};
    const options = Array.isArray(o.options) ? o.options.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
    let kind = typeof o.kind === 'string' && QUESTION_KINDS.has(o.kind) ? o.kind : 'text';
    if ((kind === 'one' || kind === 'many') && options.length < 2) kind = 'text';
    return { id: `q${i + 1}`, kind, text: typeof o.text === 'string' && o.text.trim() ? o.text : `Вопрос ${i + 1}`, options: kind === 'one' || kind === 'many' ? options : [] };
  });
  return {
    ...r,
    role: r.role === 'mentor' ? 'mentor' : 'mentee',
    formIds: Array.isArray(r.formIds) ? r.formIds : [],
    beforeAfter: r.beforeAfter === true,
    description: typeof r.description === 'string' ? r.description : '',
    questions,
  };
}

/** A response of that time (answers as a list in question order): answers by question id, answered once. */
function upgradeResponse(r: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(r.answers)) return r;
  const answeredOn = typeof r.answeredOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.answeredOn) ? r.answeredOn : String(r.createdAt ?? '').slice(0, 10);
  return {
    ...r,
    mentorshipId: typeof r.mentorshipId === 'string' ? r.mentorshipId : '',
    phase: typeof r.phase === 'string' && PHASES.has(r.phase) ? r.phase : 'once',
    answeredOn,
    answers: Object.fromEntries(r.answers.map((a, i) => [`q${i + 1}`, a])),
  };
}

function upgradeTable(file: Record<string, unknown>, table: string, up: (r: Record<string, unknown>) => Record<string, unknown>) {
  const tables = file.tables;
  if (isPlainObject(tables) && Array.isArray(tables[table])) tables[table] = tables[table].map((r) => (isPlainObject(r) ? up(r) : r));
  if (Array.isArray(file.conflicts))
    file.conflicts = file.conflicts.map((c) => (isPlainObject(c) && c.table === table && isPlainObject(c.version) ? { ...c, version: up(c.version) } : c));
}

/**
 * Steps in release order. Version 1 carried questionnaires and responses before their builder existed (no ids,
 * answers as a list); version 2 gives them the builder's shape (src/domain/questionnaire.ts).
 */
export const BUNDLE_MIGRATIONS: readonly BundleMigration[] = [
  {
    name: 'анкеты и ответы в виде конструктора анкет',
    from: 1,
    up(file) {
      upgradeTable(file, 'questionnaires', upgradeQuestionnaire);
      upgradeTable(file, 'responses', upgradeResponse);
      return file;
    },
  },
];

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
