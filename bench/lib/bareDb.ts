// The baseline database of the import benchmarks (bench/bundle-page, bench/year-page): the app's stores, exactly
// the versions NastavnikDb declares (SCHEMA_V1–V6 of src/storage/db.ts), opened as a plain `new Dexie(name)` — none
// of the app's code below it: no write-path middleware validating each record (src/storage/writePath.ts), no
// upgrade step. A bulkPut into it is what IndexedDB and Dexie alone cost for the same records.
import Dexie from 'dexie';
import { NastavnikDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SYNCED_TABLES } from '../../src/storage/db';

/** A fresh, empty bare database named `name` (any old one of that name is deleted first). */
export async function openBareDb(name: string): Promise<Dexie> {
  await Dexie.delete(name);
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4);
  db.version(5).stores(SCHEMA_V5);
  db.version(6).stores(SCHEMA_V6);
  // A version added to NastavnikDb and not here would make the baseline another schema: fail instead.
  const app = new NastavnikDb(name);
  const stores = (d: Dexie) => d.tables.map((t) => `${t.name}(${t.schema.primKey.src},${t.schema.indexes.map((i) => i.src).join(',')})`).sort().join(' ');
  if (app.verno !== db.verno || stores(app) !== stores(db)) throw new Error(`bench/lib/bareDb.ts: NastavnikDb is at version ${app.verno}, the bare database at ${db.verno}: add the new SCHEMA_V* here`);
  await db.open();
  return db;
}

/** A bare bulkPut of the records, per synced table in the app's order, in one transaction. Returns its ms. */
export async function bareBulkPut(db: Dexie, tables: Readonly<Record<string, readonly object[] | undefined>>): Promise<number> {
  const t0 = performance.now();
  await db.transaction('rw', [...SYNCED_TABLES], async () => {
    for (const t of SYNCED_TABLES) {
      const rows = tables[t];
      if (rows?.length) await db.table(t).bulkPut(rows);
    }
  });
  return performance.now() - t0;
}

export async function dropBareDb(db: Dexie): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}
