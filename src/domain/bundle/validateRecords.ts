import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { coversDot, dotOf } from '../versionVector';
import type { RecordIssue } from './errors';
import { isPlainObject } from './safeJson';
import { TABLE_SCHEMAS } from './schema';
import { isBundleTable, type BundleTable } from './tables';

/** Enough to fix a file by hand; the total is still counted. */
export const MAX_REPORTED_ISSUES = 100;

const TYPE_NAMES: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  boolean: 'да или нет',
  array: 'список',
  object: 'объект',
  date: 'дата',
};
const UNITS: Record<string, string> = { string: 'символов', array: 'элементов', set: 'элементов' };

/**
 * Zod's own messages where a schema has none: in words a curator can read, lower-case and without a colon, so that
 * `recordIssueMessage` puts the field's name in front of them.
 */
const ruError: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'нет значения' : `должно быть ${TYPE_NAMES[iss.expected] ?? iss.expected}`;
    case 'too_small':
      return `не меньше ${String(iss.minimum)}${UNITS[iss.origin] ? ` ${UNITS[iss.origin]}` : ''}`;
    case 'too_big':
      return `не больше ${String(iss.maximum)}${UNITS[iss.origin] ? ` ${UNITS[iss.origin]}` : ''}`;
    case 'invalid_format':
      return 'неверный формат';
    case 'invalid_value':
      return `допустимо одно из значений ${iss.values.map((v) => `«${String(v)}»`).join(', ')}`;
    default:
      return 'неверное значение';
  }
};

/** A schema's own refinement can throw on data no form would produce; that is a problem of the record, not a crash. */
function safeIssues(schema: z.ZodType, r: unknown): { field: string; message: string }[] {
  try {
    const res = schema.safeParse(r, { error: ruError });
    return res.success ? [] : res.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  } catch (e) {
    return [{ field: '', message: `запись не удалось проверить (${e instanceof Error ? e.message : String(e)})` }];
  }
}

export interface TablesValidation {
  issues: RecordIssue[];
  total: number;
  duplicates: { table: string; id: string; indexes: number[] }[];
}

function idOf(r: unknown): string {
  return isPlainObject(r) && typeof r.id === 'string' ? r.id.slice(0, 64) : '';
}

/** The problems of one record: its envelope, its table's fields, and the invariants merge relies on. */
function recordProblems(table: BundleTable, r: unknown, schoolId: string): { field: string; message: string }[] {
  if (!isPlainObject(r)) return [{ field: '', message: 'запись должна быть объектом' }];
  const out: { field: string; message: string }[] = [];
  const env = envelopeSchema.safeParse(r, { error: ruError });
  if (!env.success) for (const i of env.error.issues) out.push({ field: i.path.join('.'), message: i.message });
  const schema = TABLE_SCHEMAS[table];
  if (schema) out.push(...safeIssues(schema, r));
  if (env.success && dotOf(env.data).counter < 1)
    out.push({ field: 'vv', message: 'вектор версий не учитывает запись, сделанную устройством из метки времени' });
  if (table === 'school' && env.success && env.data.id !== schoolId)
    out.push({ field: 'id', message: 'школа в записи не совпадает со школой в заголовке файла' });
  return out;
}

/** Checks every record and every kept version; `tables` holds only known tables, already checked to be arrays. */
export function validateTables(
  tables: Readonly<Partial<Record<BundleTable, readonly unknown[]>>>,
  conflicts: readonly unknown[],
  schoolId: string,
): TablesValidation {
  const issues: RecordIssue[] = [];
  let total = 0;
  const report = (i: RecordIssue) => {
    total += 1;
    if (issues.length < MAX_REPORTED_ISSUES) issues.push(i);
  };
  const duplicates: TablesValidation['duplicates'] = [];
  const byId = new Map<string, Map<string, Record<string, unknown>>>();

  for (const [table, records] of Object.entries(tables) as [BundleTable, readonly unknown[]][]) {
    const indexes = new Map<string, number[]>();
    const ids = new Map<string, Record<string, unknown>>();
    records.forEach((r, index) => {
      for (const p of recordProblems(table, r, schoolId)) report({ table, index, id: idOf(r), ...p });
      const id = idOf(r);
      if (!id) return;
      indexes.set(id, [...(indexes.get(id) ?? []), index]);
      ids.set(id, r as Record<string, unknown>);
    });
    for (const [id, list] of indexes) if (list.length > 1) duplicates.push({ table, id, indexes: list });
    byId.set(table, ids);
  }

  conflicts.forEach((c, index) => {
    const at = (table: string, field: string, message: string) => report({ table, index, id: idOf(isPlainObject(c) ? c.version : undefined), field, message, kept: true });
    if (!isPlainObject(c)) return at('', '', 'версия должна быть объектом');
    const table = typeof c.table === 'string' ? c.table : '';
    if (!isBundleTable(table)) return at(table, 'table', 'неизвестная таблица');
    for (const p of recordProblems(table, c.version, schoolId)) at(table, p.field, p.message);
    if (!isPlainObject(c.version) || typeof c.version.id !== 'string') return;
    if (c.version.id !== c.recordId) return at(table, 'id', 'версия относится к другой записи');
    const owner = byId.get(table)?.get(c.version.id);
    if (!owner) return at(table, 'id', 'в файле нет записи, к которой относится эта версия');
    const v = envelopeSchema.safeParse(c.version);
    const o = envelopeSchema.safeParse(owner);
    if (v.success && o.success && !coversDot(o.data.vv, dotOf(v.data)))
      at(table, 'vv', 'запись не учитывает эту версию в своём векторе версий');
  });

  return { issues, total, duplicates };
}
