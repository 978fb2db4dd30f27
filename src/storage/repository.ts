import type { IndexableType, Table } from 'dexie';
import { stampRecord, type Envelope } from '../domain/envelope';
import { nextStamps } from './clock';
import type { GenericRecord, NastavnikDb, SyncedTable } from './db';

/**
 * The only place that writes records of synced tables. Every write stamps the envelope (hlc, version vector,
 * updatedAt) inside the same Dexie transaction as the data, together with the clock it advanced.
 */
export class Repository<T extends Envelope> {
  constructor(
    private readonly db: NastavnikDb,
    readonly tableName: SyncedTable,
  ) {}

  private get table(): Table<T, string> {
    return this.db.table(this.tableName) as Table<T, string>;
  }

  /**
   * Live (not deleted) records. Read whole (IndexedDB's getAll) and filtered here: Dexie's `filter` walks a cursor
   * record by record, several times slower on a big table (20,000 plan items: bench/overview.mjs).
   */
  async list(): Promise<T[]> {
    return (await this.table.toArray()).filter((r) => !r.deleted);
  }

  /** Live records whose indexed field equals `value` (for a multi-entry index: contains it). */
  async listWhere(index: string, value: IndexableType): Promise<T[]> {
    return (await this.table.where(index).equals(value).toArray()).filter((r) => !r.deleted);
  }

  /** The live records of these ids, in no particular order; missing and deleted ones are left out. */
  async getMany(ids: readonly string[]): Promise<T[]> {
    return (await this.table.bulkGet([...ids])).filter((r): r is T => !!r && !r.deleted);
  }

  async get(id: string): Promise<T | undefined> {
    const r = await this.table.get(id);
    return r && !r.deleted ? r : undefined;
  }

  /** Creates a record, or writes a new version of an existing one (`id` given). */
  async save(fields: Omit<T, keyof Envelope>, id?: string): Promise<T> {
    return this.db.transaction('rw', this.table, this.db.meta, async () => {
      const [saved] = await this.saveManyInTx([{ fields, id }]);
      return saved!;
    });
  }

  /** Writes many records in one transaction: all of them or none. */
  async saveMany(items: { fields: Omit<T, keyof Envelope>; id?: string }[]): Promise<T[]> {
    return this.db.transaction('rw', this.table, this.db.meta, () => this.saveManyInTx(items));
  }

  /** For callers that already hold a transaction over this table and `meta`. */
  async saveManyInTx(items: { fields: Omit<T, keyof Envelope>; id?: string }[]): Promise<T[]> {
    const { deviceId, stamps } = await nextStamps(this.db, items.length);
    const now = new Date().toISOString();
    const ids = items.map((i) => i.id).filter((x): x is string => !!x);
    const existing = new Map((await this.table.bulkGet(ids)).filter((r): r is T => !!r).map((r) => [r.id, r]));
    const records = items.map((item, i) =>
      stampRecord(item.id ? existing.get(item.id) : undefined, item.fields, { hlc: stamps[i]!, deviceId, now }, { id: item.id }),
    ) as unknown as T[];
    await this.table.bulkPut(records);
    return records;
  }

  /** Deleting leaves a tombstone (the record, marked deleted), so that the deletion travels to other devices. */
  async remove(id: string): Promise<void> {
    await this.setDeleted(id, true);
  }

  /** Undo of a deletion: a new version that is live again. */
  async restore(id: string): Promise<void> {
    await this.setDeleted(id, false);
  }

  private async setDeleted(id: string, deleted: boolean): Promise<void> {
    await this.db.transaction('rw', this.table, this.db.meta, async () => {
      const existing = await this.table.get(id);
      if (!existing) throw new Error(`Запись ${id} не найдена`);
      const { deviceId, stamps } = await nextStamps(this.db, 1);
      const next = stampRecord(existing, existing, { hlc: stamps[0]!, deviceId, now: new Date().toISOString() }, { deleted });
      await this.table.put(next as unknown as T);
    });
  }
}

/**
 * Writes that belong together (an order and the plans it approves; accepted matches) in one transaction: the
 * repositories' own transactions nest inside it, so either every write lands or none does.
 */
export function inTransaction<R>(db: NastavnikDb, tables: readonly SyncedTable[], fn: () => Promise<R>): Promise<R> {
  return db.transaction('rw', [...tables, 'meta'], fn);
}

export function repositoryFor<T extends Envelope = GenericRecord>(db: NastavnikDb, table: SyncedTable): Repository<T> {
  return new Repository<T>(db, table);
}
