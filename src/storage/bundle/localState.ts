import { toRecordStates, type RecordState, type VersionedRecord } from '../../domain/merge';
import type { ConflictRow, NastavnikDb, SyncedTable } from '../db';
export { keptRowId } from '../upgrade';

/** A kept value as the `conflicts` table stores it (local; it also travels in bundles). */
export type KeptValueRow = ConflictRow;

/** The local school profile: the earliest live record, as the app shows it. */
export async function localSchool(db: NastavnikDb): Promise<{ id: string; name: string } | undefined> {
  const all = (await db.school.toArray()).filter((s) => !s.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const s = all[0];
  return s ? { id: s.id, name: s.name } : undefined;
}

/**
 * The merge states of the given records of one table on this device: the stored record with its kept values.
 * Call inside a transaction over the table and `conflicts`.
 */
export async function loadStates(
  db: NastavnikDb,
  table: SyncedTable,
  ids: readonly string[],
  keptRows: readonly KeptValueRow[],
): Promise<Map<string, RecordState>> {
  const records = (await db.syncedTable(table).bulkGet([...ids])).filter((r): r is VersionedRecord => !!r);
  return toRecordStates(
    records,
    keptRows.filter((k) => k.table === table),
  );
}

export async function allKeptRows(db: NastavnikDb): Promise<KeptValueRow[]> {
  return db.conflicts.toArray();
}
