import { SYNCED_TABLES } from '../domain/syncedTables';
import type { LocalCopy, PersonDataRecords } from '../domain/personDataReport';
import { getDb, type NastavnikDb } from './db';

/**
 * Every synced table's records, read in one transaction, for «Какие данные хранятся» (src/domain/personDataReport.ts
 * picks out one person's). A school's database is small: the report reads it whole rather than guess which tables
 * name the person.
 */
export async function loadPersonDataRecords(db: NastavnikDb = getDb()): Promise<PersonDataRecords> {
  return db.transaction('r', [...SYNCED_TABLES], async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of SYNCED_TABLES) out[t] = await db.table(t).toArray();
    return out as PersonDataRecords;
  });
}

/**
 * What this device keeps of the person outside the synced tables: versions kept after exchange conflicts of their
 * records, half-filled forms, undo snapshots of imports and records set aside at an upgrade that name them.
 * `recordIds` are the records the report shows (reportRecordIds).
 */
export async function localCopiesOf(personId: string, recordIds: ReadonlySet<string>, db: NastavnikDb = getDb()): Promise<LocalCopy[]> {
  const names = (v: unknown) => JSON.stringify(v ?? null).includes(personId);
  return db.transaction('r', [db.conflicts, db.drafts, db.snapshots, db.setAside], async () => {
    const [conflicts, drafts, snapshots, setAside] = await Promise.all([db.conflicts.toArray(), db.drafts.toArray(), db.snapshots.toArray(), db.setAside.toArray()]);
    return [
      { label: 'Версии, сохранённые после конфликтов обмена', count: conflicts.filter((c) => recordIds.has(c.recordId)).length },
      { label: 'Черновики форм', count: drafts.filter((d) => d.key.includes(personId) || names(d.value)).length },
      { label: 'Снимки для отмены последнего импорта', count: snapshots.filter(names).length },
      { label: 'Записи, отложенные при обновлении приложения', count: setAside.filter((r) => recordIds.has(r.recordId) || names(r.record)).length },
    ];
  });
}
