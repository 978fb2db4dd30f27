import { conflictFields, resolveRecord, type FieldConflict } from '../../domain/conflictResolution';
import type { VersionedRecord } from '../../domain/envelope';
import { toRecordStates, type RecordState } from '../../domain/merge';
import { FIELD_GROUPS } from '../../domain/recordRules';
import { nextStamps } from '../clock';
import { SYNCED_TABLES, type NastavnikDb, type SyncedTable } from '../db';
import { allKeptRows } from './localState';
import { AppError } from '../../domain/errors';
import { eraseRecord } from '../../domain/erasure';
import { ERASURE_CHECK_TABLES, heldErasureScopes } from '../repository';

/** One record in conflict: what is stored (each field's winner), the kept values, and the fields to choose. */
export interface ConflictGroup {
  table: SyncedTable;
  recordId: string;
  state: RecordState;
  /** Only fields written with different values on two devices; `deleted` first when a deletion is involved. */
  fields: FieldConflict[];
  detectedAt: string;
}

/** Records in conflict, most recently found first. */
export async function listConflicts(db: NastavnikDb): Promise<ConflictGroup[]> {
  return db.transaction('r', ['conflicts', ...SYNCED_TABLES], async () => {
    const rows = await allKeptRows(db);
    const byRecord = new Map<string, typeof rows>();
    for (const k of rows) {
      const key = `${k.table}|${k.recordId}`;
      byRecord.set(key, [...(byRecord.get(key) ?? []), k]);
    }
    const out: ConflictGroup[] = [];
    for (const kept of byRecord.values()) {
      const { table, recordId } = kept[0]!;
      const current = (await db.syncedTable(table).get(recordId)) as VersionedRecord | undefined;
      if (!current) continue;
      const state = toRecordStates([current], kept).get(recordId)!;
      // Kept values equal to their field's winner are the merge's bookkeeping, not a question for anyone.
      const fields = conflictFields(state);
      if (!fields.length) continue;
      const detectedAt = kept.map((k) => k.detectedAt).sort().at(-1)!;
      out.push({ table, recordId, state, fields, detectedAt });
    }
    return out.sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
  });
}

/** Records with a conflict a person must settle. */
export async function conflictCount(db: NastavnikDb): Promise<number> {
  if ((await db.conflicts.count()) === 0) return 0;
  return (await listConflicts(db)).length;
}

/**
 * Settles the conflict of one record: writes the chosen fields as a new version of this device (its vv covers every
 * kept value, so it replaces them wherever it travels) and drops the record's kept values, since the curator chose
 * having seen them all. One transaction; a mix the table's rules refuse throws `RecordRejected` and changes nothing.
 */
export async function resolveConflict(
  db: NastavnikDb,
  table: SyncedTable,
  recordId: string,
  chosenFields: Readonly<Record<string, unknown>>,
  opts: { deleted?: boolean; now?: Date } = {},
): Promise<VersionedRecord> {
  return db.transaction('rw', [...new Set([table, 'conflicts', 'meta', ...ERASURE_CHECK_TABLES])], async () => {
    const kept = await db.conflicts.where('[table+recordId]').equals([table, recordId]).count();
    if (kept === 0) throw new AppError('alreadyDone', 'Этот конфликт уже разрешён');
    const current = (await db.syncedTable(table).get(recordId)) as VersionedRecord | undefined;
    if (!current) throw new AppError('notFound', 'Запись конфликта не найдена');
    const { deviceId, stamps } = await nextStamps(db, 1);
    const now = (opts.now ?? new Date()).toISOString();
    let resolved = resolveRecord(current, chosenFields, { hlc: stamps[0]!, deviceId, now }, { deleted: opts.deleted, groups: FIELD_GROUPS[table] });
    // The chosen values pass through the erasures held (docs/ERASURE.md): nothing of an erased person comes back.
    const erased = eraseRecord(await heldErasureScopes(db, [{ table, record: resolved }]), table, resolved);
    if (erased.kind === 'anonymised') resolved = erased.record;
    await db.syncedTable(table).put(resolved);
    await db.conflicts.where('[table+recordId]').equals([table, recordId]).delete();
    return resolved;
  });
}
