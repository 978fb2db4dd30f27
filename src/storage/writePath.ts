import type Dexie from 'dexie';
import type { DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';
import { problemsByField, RecordRejected } from '../domain/recordRules';
import { loadedRecordRules, recordRulesWithin, type RecordRules } from './recordRulesLoader';
import { isSyncedTable } from '../domain/syncedTables';

/**
 * The one write path of the synced tables. Whatever writes them — a repository's save, an import, an undo, a
 * conflict resolution, code not yet written — goes through this Dexie middleware, which checks every record against
 * its table's rules and its envelope (`recordProblems`, the import gate's own check) before IndexedDB sees it. A
 * refused record throws `RecordRejected` with a Russian message per field, and the whole transaction is rolled back:
 * no device can store what another device's import would refuse.
 *
 * The rules load on the first write (./recordRulesLoader.ts): a write made before they are there waits for them
 * inside its transaction — it is never let through unchecked.
 *
 * The database upgrade is exempt: it moves the records that fail out of their tables itself (src/storage/upgrade.ts).
 */

/** Records the import gate has already checked, passed through unchanged: checked once, not twice. */
const checked = new WeakSet<object>();

export function markChecked<T extends object>(records: readonly T[]): readonly T[] {
  for (const r of records) checked.add(r);
  return records;
}

function isUpgrade(trans: unknown): boolean {
  return (trans as { mode?: string }).mode === 'versionchange';
}

export function installWritePath(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'nastavnik-write-path',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (!isSyncedTable(name)) return table;
          return {
            ...table,
            mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              if ((req.type !== 'put' && req.type !== 'add') || isUpgrade(req.trans)) return table.mutate(req);
              const values = req.values.filter((v) => v === null || typeof v !== 'object' || !checked.has(v as object));
              if (!values.length) return table.mutate(req);
              const check = (rules: RecordRules): Promise<DBCoreMutateResponse> => {
                for (const value of values) {
                  const problems = rules.recordProblems(name, value);
                  if (problems.length) return Promise.reject(new RecordRejected(name, problemsByField(problems)));
                }
                return table.mutate(req);
              };
              const rules = loadedRecordRules();
              return rules ? check(rules) : recordRulesWithin(req.trans as unknown as IDBTransaction, name).then(check);
            },
          };
        },
      };
    },
  });
}
