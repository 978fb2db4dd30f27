import Dexie, { type IndexableType, type Table } from 'dexie';
import { changesRecord, stampRecord, stripEnvelope, type Draft, type VersionedRecord } from '../domain/envelope';
import { todayIso } from '../domain/dates';
import { eraseRecord, erasureScopes, PERSONAL_DATA, tombstoneFields, type ErasureScope } from '../domain/erasure';
import { keptAfterWrite, keptKey, toRecordStates } from '../domain/merge';
import { FIELD_GROUPS, problemsByField, RecordRejected } from '../domain/recordRules';
import { loadedRecordRules, loadRecordRulesOutsideTransaction } from './recordRulesLoader';
import type { SyncedRecords, SyncedTable } from '../domain/syncedTables';
import { nextStamps } from './clock';
import type { NastavnikDb } from './db';
import { AppError } from '../domain/errors';

/**
 * The tables a write transaction over synced tables must hold for the erasure check (docs/ERASURE.md): the erasures,
 * and the pairs and plans that tell which records are about an erased person.
 */
export const ERASURE_CHECK_TABLES = ['erasures', 'mentorships', 'plans'] as const;

/**
 * The scopes of the erasures held, from the database's pairs and plans (those listing each person or named by the
 * erasure, and their plans) and the records being written, inside a transaction that holds `ERASURE_CHECK_TABLES`;
 * none when the transaction does not hold `erasures`.
 */
export function heldErasureScopes(db: NastavnikDb, records: readonly { table: SyncedTable; record: Record<string, unknown> }[]): PromiseLike<ErasureScope[]> {
  // Dexie promises only (no native async layer): an extra native await inside a transaction lets it commit early.
  const stores = Dexie.currentTransaction?.storeNames ?? [];
  if (!stores.includes('erasures')) return Dexie.Promise.resolve([]);
  return db.erasures.toArray().then((erasures) => {
    if (!erasures.length) return [];
    const related = [...records];
    if (!stores.includes('mentorships')) return erasureScopes(erasures, related);
    const ids = erasures.map((e) => e.personId);
    const named = erasures.flatMap((e) => e.mentorshipIds);
    return Dexie.Promise.all([
      db.mentorships.where('mentorIds').anyOf(ids).toArray(),
      db.mentorships.where('menteeIds').anyOf(ids).toArray(),
      db.mentorships.bulkGet(named),
    ]).then(([asMentor, asMentee, byName]) => {
      const pairs = [...asMentor, ...asMentee, ...byName.filter((m): m is NonNullable<typeof m> => !!m)];
      for (const m of pairs) related.push({ table: 'mentorships', record: m as unknown as Record<string, unknown> });
      const pairIds = new Set([...named, ...pairs.map((m) => m.id)]);
      for (const r of records) if (r.table === 'mentorships') pairIds.add(String(r.record.id));
      if (!stores.includes('plans') || !pairIds.size) return erasureScopes(erasures, related);
      return db.plans
        .where('mentorshipId')
        .anyOf([...pairIds])
        .toArray()
        .then((plans) => {
          for (const p of plans) related.push({ table: 'plans', record: p as unknown as Record<string, unknown> });
          return erasureScopes(erasures, related);
        });
    });
  });
}

/**
 * Reads and writes of one synced table, typed by it: `repositoryFor(db, 'orders')` holds orders only. Every write
 * checks the fields against the table's rules first (a refused save throws `RecordRejected` with a message per
 * field, and nothing is written), then stamps the envelope (hlc, version vector, the write's stamp on each field it
 * changes, with the field groups of the table) inside the same Dexie transaction as the data, together with the
 * clock it advanced. Below it the write path checks the whole record again (src/storage/writePath.ts).
 */
export class Repository<N extends SyncedTable, T extends SyncedRecords[N] = SyncedRecords[N]> {
  constructor(
    private readonly db: NastavnikDb,
    readonly tableName: N,
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
  async save(fields: Draft<T>, id?: string): Promise<T> {
    await loadRecordRulesOutsideTransaction();
    return this.db.transaction('rw', [this.table, this.db.meta, this.db.conflicts, ...ERASURE_CHECK_TABLES], async () => {
      const [saved] = await this.saveManyInTx([{ fields, id }]);
      return saved!;
    });
  }

  /** Writes many records in one transaction: all of them or none. */
  async saveMany(items: { fields: Draft<T>; id?: string }[]): Promise<T[]> {
    await loadRecordRulesOutsideTransaction();
    return this.db.transaction('rw', [this.table, this.db.meta, this.db.conflicts, ...ERASURE_CHECK_TABLES], () => this.saveManyInTx(items));
  }

  /** For callers that already hold a transaction over this table, `meta` and `conflicts` (`inTransaction`). */
  async saveManyInTx(items: { fields: Draft<T>; id?: string }[]): Promise<T[]> {
    for (const item of items) this.check(item.fields);
    const ids = items.map((i) => i.id).filter((x): x is string => !!x);
    const existing = new Map((await this.table.bulkGet(ids)).filter((r): r is T => !!r).map((r) => [r.id, r]));
    // A save that changes nothing (the same form saved twice) writes nothing and sends nothing to other devices.
    const todo = items.filter((item) => {
      const cur = item.id ? existing.get(item.id) : undefined;
      return !cur || cur.deleted || changesRecord(cur as unknown as VersionedRecord, item.fields, false);
    });
    const { deviceId, stamps } = todo.length ? await nextStamps(this.db, todo.length) : { deviceId: '', stamps: [] };
    const now = new Date().toISOString();
    const groups = FIELD_GROUPS[this.tableName];
    const written = new Map<(typeof items)[number], T>();
    todo.forEach((item, i) => {
      const cur = item.id ? existing.get(item.id) : undefined;
      written.set(item, stampRecord(cur, item.fields, { hlc: stamps[i]!, deviceId, now }, { id: item.id, groups }) as unknown as T);
    });
    await this.refuseErased([...written.values()]);
    if (written.size) await this.table.bulkPut([...written.values()]);
    await this.settleKept([...written.values()], existing);
    return items.map((item) => written.get(item) ?? existing.get(item.id!)!);
  }

  /**
   * A person whose personal data was destroyed stays so: a write that would put personal data into a record about
   * them (a name typed into the anonymised row, notes in their pair's meeting, a new preference questionnaire) is
   * refused, the anonymous fields stay editable (docs/ERASURE.md). Checked where the transaction holds `erasures`
   * (every write transaction over synced tables holds `ERASURE_CHECK_TABLES`); the scope is taken from the database's
   * pairs and plans as well as the records written, so a plan item of her plan saved alone is refused too.
   */
  private async refuseErased(records: readonly T[]): Promise<void> {
    if (!records.length) return;
    const scopes = await heldErasureScopes(this.db, records.map((r) => ({ table: this.tableName, record: r as unknown as Record<string, unknown> })));
    if (!scopes.length) return;
    for (const r of records) {
      const e = eraseRecord(scopes, this.tableName, r as unknown as Record<string, unknown>);
      if (e.kind === 'unchanged') continue;
      const message = 'Персональные данные этого участника уничтожены: эти сведения о нём больше не записываются';
      const fields = e.kind === 'remove' ? ['_'] : Object.keys(e.record).filter((k) => JSON.stringify(e.record[k]) !== JSON.stringify((r as unknown as Record<string, unknown>)[k]));
      throw new RecordRejected(this.tableName, Object.fromEntries(fields.map((f) => [f, message])));
    }
  }

  /** A local write replaces the values it had on screen, equal kept values included (`keptAfterWrite`). */
  private async settleKept(written: readonly T[], existing: ReadonlyMap<string, T>): Promise<void> {
    const ids = written.map((r) => r.id).filter((id) => existing.has(id));
    if (!ids.length) return;
    const rows = await this.db.conflicts.where('[table+recordId]').anyOf(ids.map((id) => [this.tableName, id])).toArray();
    if (!rows.length) return;
    const gone: string[] = [];
    for (const r of written) {
      const mine = rows.filter((k) => k.recordId === r.id);
      if (!mine.length) continue;
      const before = toRecordStates([existing.get(r.id) as unknown as VersionedRecord], mine).get(r.id)!;
      const left = new Set(keptAfterWrite(before, r as unknown as VersionedRecord).map(keptKey));
      for (const k of mine) if (!left.has(keptKey(k))) gone.push(k.id);
    }
    if (gone.length) await this.db.conflicts.bulkDelete(gone);
  }

  /**
   * Deleting leaves a tombstone, so that the deletion travels to other devices — without the personal data: the
   * table's personal fields (src/domain/personalData.ts) take their erased values in the deleting write, which
   * replaces the old values on every device that merges it (docs/ERASURE.md). The fields as they were stay in this
   * tab's memory only, so that «Вернуть» right after can put them back.
   */
  async remove(id: string): Promise<void> {
    await this.setDeleted(id, true);
  }

  /** Undo of a deletion: a new version that is live again, with the fields it had if this tab deleted it. */
  async restore(id: string): Promise<void> {
    await this.setDeleted(id, false);
  }

  private check(fields: unknown): void {
    // save and saveMany load the rules first; a caller's own transaction may come before them, and then the write
    // path checks the whole record instead, waiting for the rules.
    const rules = loadedRecordRules();
    if (!rules) return;
    const problems = rules.fieldsProblems(this.tableName, fields);
    if (problems.length) throw new RecordRejected(this.tableName, problemsByField(problems));
  }

  private async setDeleted(id: string, deleted: boolean): Promise<void> {
    await this.db.transaction('rw', [this.table, this.db.meta, this.db.conflicts, ...ERASURE_CHECK_TABLES], async () => {
      const existing = await this.table.get(id);
      if (!existing) throw new AppError('notFound', 'Запись не найдена: её, вероятно, удалили на другом устройстве');
      if (existing.deleted === deleted) return;
      const key = `${this.tableName}|${id}`;
      const memo = removedFields(this.db);
      let fields: object = stripEnvelope(existing);
      if (deleted) {
        memo.set(key, fields);
        fields = tombstoneFields(this.tableName, fields as Record<string, unknown>, todayIso());
      } else {
        fields = memo.get(key) ?? fields;
        memo.delete(key);
        // What «Вернуть» puts back passes through the erasures held: nothing of an erased person returns.
        const scopes = await heldErasureScopes(this.db, [{ table: this.tableName, record: { ...(fields as Record<string, unknown>), id } }]);
        const e = eraseRecord(scopes, this.tableName, { ...(fields as Record<string, unknown>), id });
        if (e.kind === 'remove') throw new RecordRejected(this.tableName, { _: 'Персональные данные этого участника уничтожены: эти сведения о нём больше не записываются' });
        if (e.kind === 'anonymised') fields = stripEnvelope(e.record as never);
      }
      const { deviceId, stamps } = await nextStamps(this.db, 1);
      const next = stampRecord(existing as unknown as VersionedRecord, fields, { hlc: stamps[0]!, deviceId, now: new Date().toISOString() }, {
        deleted,
        groups: FIELD_GROUPS[this.tableName],
      }) as unknown as T;
      await this.table.put(next);
      await this.settleKept([next], new Map([[id, existing]]));
      if (deleted) {
        // The deleting write replaced every personal field, the values kept for review of them included: they go
        // here, and on every device that merges the tombstone (its vv has seen them).
        const personal = new Set(Object.keys(PERSONAL_DATA[this.tableName].personal));
        const rows = await this.db.conflicts.where('[table+recordId]').equals([this.tableName, id]).toArray();
        const gone = rows.filter((k) => personal.has(k.field)).map((k) => k.id);
        if (gone.length) await this.db.conflicts.bulkDelete(gone);
      }
    });
  }
}

/** Fields of records this tab deleted, by `table|id`, for «Вернуть»: memory only, never stored. */
const removedByDb = new WeakMap<NastavnikDb, Map<string, object>>();
function removedFields(db: NastavnikDb): Map<string, object> {
  let m = removedByDb.get(db);
  if (!m) removedByDb.set(db, (m = new Map()));
  return m;
}

/**
 * Drops the copies kept for «Вернуть» of the records `about` says (an erasure: her fields must not come back).
 * Returns how many went.
 */
export function forgetRemoved(db: NastavnikDb, about: (table: SyncedTable, record: Record<string, unknown>) => boolean): number {
  const memo = removedFields(db);
  let n = 0;
  for (const [key, fields] of [...memo]) {
    const bar = key.indexOf('|');
    const table = key.slice(0, bar) as SyncedTable;
    if (about(table, { ...(fields as Record<string, unknown>), id: key.slice(bar + 1) })) {
      memo.delete(key);
      n += 1;
    }
  }
  return n;
}

/**
 * Writes that belong together (an order and the plans it approves; accepted matches) in one transaction: the
 * repositories' own transactions nest inside it, so either every write lands or none does.
 */
export function inTransaction<R>(db: NastavnikDb, tables: readonly SyncedTable[], fn: () => Promise<R>): Promise<R> {
  return db.transaction('rw', [...new Set([...tables, 'meta', 'conflicts', ...ERASURE_CHECK_TABLES])], fn);
}

export function repositoryFor<N extends SyncedTable>(db: NastavnikDb, table: N): Repository<N> {
  return new Repository(db, table);
}
