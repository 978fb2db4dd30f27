import { toRecordStates, type RecordState, type VersionedRecord } from '../../domain/merge';
import type { ConflictRow, GenericRecord, NastavnikDb, SyncedTable } from '../db';

/** A kept conflict version as the `conflicts` table stores it (local; it also travels in bundles). */
export interface KeptVersionRow extends ConflictRow {
  table: SyncedTable;
  recordId: string;
  version: GenericRecord;
  /** When this device first learned of it. */
  detectedAt: string;
}

/** One row per kept version: the same version found on two devices gets the same id. */
export function keptRowId(table: string, recordId: string, hlc: string): string {
  return `${table}|${recordId}|${hlc}`;
}

export function isKeptVersionRow(row: ConflictRow): row is KeptVersionRow {
  return typeof row.recordId === 'string' && typeof row.version === 'object' && row.version !== null;
}

/** The local school profile: the earliest live record, as the app shows it. */
export async function localSchool(db: NastavnikDb): Promise<{ id: string; name: string } | undefined> {
  const all = (await db.school.toArray()).filter((s) => !s.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const s = all[0];
  return s ? { id: s.id, name: s.name } : undefined;
}

/**
 * The merge states of the given records of one table on this device: the stored record with its kept versions.
 * Call inside a transaction over the table and `conflicts`.
 */
export async function loadStates(
  db: NastavnikDb,
  table: SyncedTable,
  ids: readonly string[],
  keptRows: readonly KeptVersionRow[],
): Promise<Map<string, RecordState>> {
  const records = (await db.syncedTable(table).bulkGet([...ids])).filter((r): r is GenericRecord => !!r);
  return toRecordStates(
    records as VersionedRecord[],
    keptRows.filter((k) => k.table === table),
  );
}

export async function allKeptRows(db: NastavnikDb): Promise<KeptVersionRow[]> {
  return (await db.conflicts.toArray()).filter(isKeptVersionRow);
}
