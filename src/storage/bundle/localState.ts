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
 * Above this share of a table's records asked for, the whole table is read in one request (IndexedDB's `getAll`)
 * instead of one `get` per key: a whole-school file asks for every record. With the empty-table case below, the
 * preview of the synthetic school into an empty database went from ~1.2 s to ~0.1 s (bench/bundle.mjs, issue 14).
 */
const READ_ALL_SHARE = 0.25;

/**
 * The merge states of the given records of one table on this device: the stored record with its kept values.
 * Call inside a transaction over the table and `conflicts`. An empty table is not read at all (there is nothing to
 * merge with: every record of the file is new); when most of the table is asked for, it is read whole.
 * Kept in this one function on purpose: an extra async helper between these reads and the caller's next one lost
 * Dexie's transaction zone (PrematureCommitError in the preview's read-only transaction, Chromium and fake-indexeddb).
 */
export async function loadStates(
  db: NastavnikDb,
  table: SyncedTable,
  ids: readonly string[],
  keptRows: readonly KeptValueRow[],
): Promise<Map<string, RecordState>> {
  const t = db.syncedTable(table);
  const held = ids.length ? await t.count() : 0;
  let records: VersionedRecord[] = [];
  if (held > 0 && ids.length >= held * READ_ALL_SHARE) {
    const wanted = new Set(ids);
    records = ((await t.toArray()) as VersionedRecord[]).filter((r) => wanted.has(r.id));
  } else if (held > 0) records = (await t.bulkGet([...ids])).filter((r): r is VersionedRecord => !!r);
  return toRecordStates(
    records,
    keptRows.filter((k) => k.table === table),
  );
}

export async function allKeptRows(db: NastavnikDb): Promise<KeptValueRow[]> {
  return db.conflicts.toArray();
}
