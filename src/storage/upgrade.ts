import type { Transaction } from 'dexie';
import { migrateData } from '../domain/dataMigrations';
import { recordProblems } from '../domain/recordRules';
import { SYNCED_TABLES } from '../domain/syncedTables';
import type { ConflictRow, SetAsideRow } from './db';

export function keptRowId(table: string, recordId: string, field: string, write: string): string {
  return `${table}|${recordId}|${field}|${write}`;
}

/**
 * The data part of a database upgrade: the stored records and kept conflicts go through the same data steps as an
 * imported file (every step from 1: they are idempotent, so data already upgraded passes unchanged). A record that
 * then fails its table's rules is moved to `setAside` with the reasons (and its kept values dropped); the undo
 * snapshot of the last import, in the old shape, is dropped.
 */
export async function upgradeStoredData(tx: Transaction, now: Date = new Date()): Promise<void> {
  // The tables of the version being upgraded to: a synced table added by a later version (`erasures`) is not there yet.
  const present = SYNCED_TABLES.filter((t) => {
    try {
      tx.table(t);
      return true;
    } catch {
      return false;
    }
  });
  const tables: Record<string, unknown[]> = {};
  for (const t of present) tables[t] = await tx.table(t).toArray();
  const conflicts = await tx.table('conflicts').toArray();
  const { data } = migrateData({ tables, conflicts }, 1);
  const at = now.toISOString();
  const aside = new Set<string>();
  const asideRows: SetAsideRow[] = [];
  for (const t of present) {
    const keep: unknown[] = [];
    for (const r of data.tables[t] ?? []) {
      const problems = recordProblems(t, r);
      const id = String((r as { id?: unknown }).id ?? '');
      if (problems.length === 0) keep.push(r);
      else {
        aside.add(`${t}|${id}`);
        asideRows.push({ id: `${t}|${id}`, table: t, recordId: id, record: r, problems, at });
      }
    }
    await tx.table(t).bulkPut(keep);
    const gone = asideRows.filter((a) => a.table === t).map((a) => a.recordId);
    if (gone.length) await tx.table(t).bulkDelete(gone);
  }
  const rows: ConflictRow[] = [];
  for (const c of data.conflicts as ConflictRow[]) {
    if (typeof c.field !== 'string' || aside.has(`${c.table}|${c.recordId}`)) continue;
    rows.push({ ...c, id: keptRowId(c.table, c.recordId, c.field, c.write), detectedAt: typeof c.detectedAt === 'string' ? c.detectedAt : at });
  }
  await tx.table('conflicts').clear();
  await tx.table('conflicts').bulkPut(rows);
  if (asideRows.length) await tx.table('setAside').bulkPut(asideRows);
  await tx.table('snapshots').clear();
}
