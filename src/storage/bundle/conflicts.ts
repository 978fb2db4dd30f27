import { differingFields, resolveRecord } from '../../domain/conflictResolution';
import type { VersionedRecord } from '../../domain/merge';
import { nextStamps } from '../clock';
import { SYNCED_TABLES, type GenericRecord, type NastavnikDb, type SyncedTable } from '../db';
import { allKeptRows, isKeptVersionRow, type KeptVersionRow } from './localState';

/** One record in conflict: what is stored (the deterministic winner) and every version kept beside it. */
export interface ConflictGroup {
  table: SyncedTable;
  recordId: string;
  current: GenericRecord | undefined;
  kept: KeptVersionRow[];
  /** Fields on which the versions disagree (with `deleted` when a deletion is involved), for the compare screen. */
  fields: string[];
  detectedAt: string;
}

/** Records in conflict, most recently found first. The compare screen shows all kept versions of a record at once. */
export async function listConflicts(db: NastavnikDb): Promise<ConflictGroup[]> {
  return db.transaction('r', ['conflicts', ...SYNCED_TABLES], async () => {
    const groups = new Map<string, KeptVersionRow[]>();
    for (const k of await allKeptRows(db)) {
      const key = `${k.table}|${k.recordId}`;
      groups.set(key, [...(groups.get(key) ?? []), k]);
    }
    const out: ConflictGroup[] = [];
    for (const kept of groups.values()) {
      const { table, recordId } = kept[0]!;
      kept.sort((a, b) => a.version.hlc.localeCompare(b.version.hlc));
      const current = await db.syncedTable(table).get(recordId);
      const versions = [...(current ? [current] : []), ...kept.map((k) => k.version)] as VersionedRecord[];
      const detectedAt = kept.map((k) => k.detectedAt).sort().at(-1)!;
      out.push({ table, recordId, current, kept, fields: differingFields(versions), detectedAt });
    }
    return out.sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
  });
}

export async function conflictCount(db: NastavnikDb): Promise<number> {
  return db.conflicts.count();
}

/**
 * Settles the conflict of the record `conflictId` belongs to: writes the chosen fields as a new version of this
 * device (newer than every version kept, so it replaces them wherever it travels) and drops all its kept versions,
 * since the curator chose having seen them all. One transaction.
 */
export async function resolveConflict(
  db: NastavnikDb,
  conflictId: string,
  chosenFields: Readonly<Record<string, unknown>>,
  opts: { deleted?: boolean; now?: Date } = {},
): Promise<GenericRecord> {
  // Every synced table in the scope: which one the conflict is about is only known once its row is read.
  return db.transaction('rw', [...SYNCED_TABLES, 'conflicts', 'meta'], async () => {
    const row = await db.conflicts.get(conflictId);
    if (!row || !isKeptVersionRow(row)) throw new Error('Этот конфликт уже разрешён');
    const { table, recordId } = row;
    const current = await db.syncedTable(table).get(recordId);
    if (!current) throw new Error('Запись конфликта не найдена');
    const { deviceId, stamps } = await nextStamps(db, 1);
    const now = (opts.now ?? new Date()).toISOString();
    const resolved = resolveRecord(current as VersionedRecord, chosenFields, { hlc: stamps[0]!, deviceId, now }, { deleted: opts.deleted });
    await db.syncedTable(table).put(resolved);
    await db.conflicts.where('[table+recordId]').equals([table, recordId]).delete();
    return resolved;
  });
}
