/**
 * The storage operations a page starts, on this device's database. The operations themselves take the database as
 * their first argument (tests and the import pass their own); a page does not open the database (src/features may
 * not import storage/db), so it calls these. Each is the operation of the same name without the `db`.
 */
import type { VersionedRecord } from '../domain/envelope';
import type { Result } from '../domain/bundle/result';
import { getDb, type ErasureLogRow, type SyncedTable } from './db';
import { resolveConflict } from './bundle/conflicts';
import { undoLastImport, type UndoError } from './bundle/undoImport';
import { dropSetAside } from './setAside';
import { erasePerson, listErasureLog, type ErasureOptions, type ErasureResult } from './erasure';

/** `resolveConflict` on this device: the curator's choice for one record in conflict (throws `RecordRejected`). */
export function resolveConflictHere(
  table: SyncedTable,
  recordId: string,
  chosenFields: Readonly<Record<string, unknown>>,
  opts: { deleted?: boolean } = {},
): Promise<VersionedRecord> {
  return resolveConflict(getDb(), table, recordId, chosenFields, opts);
}

/** `undoLastImport` on this device. */
export function undoLastImportHere(opts: { force?: boolean } = {}): Promise<Result<{ restored: number }, UndoError>> {
  return undoLastImport(getDb(), opts);
}

/** `dropSetAside` on this device: a record set aside at an upgrade leaves it. */
export function dropSetAsideHere(id: string): Promise<void> {
  return dropSetAside(getDb(), id);
}

/** `erasePerson` on this device. */
export function erasePersonHere(personId: string, opts: ErasureOptions): Promise<ErasureResult> {
  return erasePerson(getDb(), personId, opts);
}

/** This device's erasure log line about the person, if it logged one (and the three years have not passed). */
export async function erasureLogEntryOf(personId: string): Promise<ErasureLogRow | undefined> {
  return (await listErasureLog(getDb())).find((l) => l.personId === personId);
}
