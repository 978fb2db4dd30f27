import { SYNCED_TABLES } from '../domain/syncedTables';
import type { PersonDataRecords } from '../domain/personDataReport';
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
