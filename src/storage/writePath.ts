import type Dexie from 'dexie';
import type { DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';
import { problemsByField, recordProblems, RecordRejected } from '../domain/recordRules';
import { isSyncedTable } from '../domain/syncedTables';

/**
 * The one write path of the synced tables. Whatever writes them — a repository's save, an import, an undo, a
 * conflict resolution, code not yet written — goes through this Dexie middleware, which checks every record against
 * its table's rules and its envelope (`recordProblems`, the import gate's own check) before IndexedDB sees it. A
 * refused record throws `RecordRejected` with a Russian message per field, and the whole transaction is rolled back:
 * no device can store what another device's import would refuse.
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
              if ((req.type === 'put' || req.type === 'add') && !isUpgrade(req.trans)) {
                for (const value of req.values) {
                  if (value !== null && typeof value === 'object' && checked.has(value as object)) continue;
                  const problems = recordProblems(name, value);
                  if (problems.length) return Promise.reject(new RecordRejected(name, problemsByField(problems)));
                }
              }
              return table.mutate(req);
            },
          };
        },
      };
    },
  });
}
