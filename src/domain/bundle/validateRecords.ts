import { isEnvelopeKey, DELETED_FIELD } from '../envelope';
import { fieldSchema, recordProblems, ruError } from '../recordRules.schema';
import { isSyncedTable, type SyncedTable } from '../syncedTables';
import { coversWrite, isWriteStamp } from '../writeStamp';
import type { RecordIssue } from './errors';
import { isPlainObject } from './safeJson';

/** Enough to fix a file by hand; the total is still counted. */
export const MAX_REPORTED_ISSUES = 100;

export interface TablesValidation {
  issues: RecordIssue[];
  total: number;
  duplicates: { table: string; id: string; indexes: number[] }[];
}

function idOf(r: unknown): string {
  return isPlainObject(r) && typeof r.id === 'string' ? r.id.slice(0, 64) : '';
}

/** The problems of one record: the write path's own check (recordRules), and that the school is the header's. */
function problemsOf(table: SyncedTable, r: unknown, schoolId: string): { field: string; message: string }[] {
  const out = recordProblems(table, r);
  if (table === 'school' && isPlainObject(r) && typeof r.id === 'string' && r.id !== schoolId)
    out.push({ field: 'id', message: 'школа в записи не совпадает со школой в заголовке файла' });
  return out;
}

/** Checks every record and every kept value; `tables` holds only known tables, already checked to be arrays. */
export function validateTables(
  tables: Readonly<Partial<Record<SyncedTable, readonly unknown[]>>>,
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

  for (const [table, records] of Object.entries(tables) as [SyncedTable, readonly unknown[]][]) {
    const indexes = new Map<string, number[]>();
    const ids = new Map<string, Record<string, unknown>>();
    records.forEach((r, index) => {
      for (const p of problemsOf(table, r, schoolId)) report({ table, index, id: idOf(r), ...p });
      const id = idOf(r);
      if (!id) return;
      indexes.set(id, [...(indexes.get(id) ?? []), index]);
      ids.set(id, r as Record<string, unknown>);
    });
    for (const [id, list] of indexes) if (list.length > 1) duplicates.push({ table, id, indexes: list });
    byId.set(table, ids);
  }

  const seen = new Set<string>();
  conflicts.forEach((c, index) => {
    const recordId = isPlainObject(c) && typeof c.recordId === 'string' ? c.recordId.slice(0, 64) : '';
    const at = (table: string, field: string, message: string) => report({ table, index, id: recordId, field, message, kept: true });
    if (!isPlainObject(c)) return at('', '', 'значение должно быть объектом');
    const table = typeof c.table === 'string' ? c.table : '';
    if (!isSyncedTable(table)) return at(table, 'table', 'неизвестная таблица');
    const field = typeof c.field === 'string' ? c.field : '';
    if (!field || field.length > 100 || (isEnvelopeKey(field) && field !== DELETED_FIELD)) return at(table, 'field', 'неверное имя поля');
    if (!isWriteStamp(c.write)) return at(table, field, 'неверная отметка записи');
    const owner = byId.get(table)?.get(recordId);
    if (!owner) return at(table, field, 'в файле нет записи, к которой относится это значение');
    const key = `${table}|${recordId}|${field}|${c.write}`;
    if (seen.has(key)) return at(table, field, 'значение указано дважды');
    seen.add(key);
    if (isPlainObject(owner.vv) && !coversWrite(owner.vv as Record<string, number>, c.write))
      return at(table, field, 'запись не учитывает это значение в своём векторе версий');
    if (!Object.hasOwn(c, 'value')) return;
    if (field === DELETED_FIELD) {
      if (typeof c.value !== 'boolean') at(table, field, 'должно быть да или нет');
      return;
    }
    const schema = fieldSchema(table, field);
    if (!schema) return;
    const r = schema.safeParse(c.value, { error: ruError });
    if (!r.success) at(table, field, r.error.issues[0]?.message ?? 'неверное значение');
  });

  return { issues, total, duplicates };
}
