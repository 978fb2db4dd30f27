/**
 * The record rules (zod and every table's schema, src/domain/recordRules.schema.ts) load on the first write, not on
 * start: a phone that only reads — the overview, a mentor's home — never compiles them (issue 14: the first screens
 * load no zod). Every write still passes them: the write path (./writePath.ts) waits for them inside its transaction,
 * and the storage functions that check records themselves await `loadRecordRules()` before they open one.
 */
import Dexie from 'dexie';

export type RecordRules = typeof import('../domain/recordRules.schema');

let loaded: RecordRules | undefined;
let loading: Promise<RecordRules> | undefined;

/** The rules, loading them once (again after a failed load: the chunk is precached, a retry finds it). */
export function loadRecordRules(): Promise<RecordRules> {
  loading ??= import('../domain/recordRules.schema').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/**
 * Loads the rules before a storage function opens its transaction, so that it checks records with them. Inside a
 * caller's transaction it waits for nothing (an await of anything but IndexedDB would let that transaction commit):
 * there the write path waits for the rules itself.
 */
export async function loadRecordRulesOutsideTransaction(): Promise<void> {
  if (!loaded && !Dexie.currentTransaction) await loadRecordRules();
}

/** The rules if they have loaded, else `undefined` (nothing is loaded by asking). */
export function loadedRecordRules(): RecordRules | undefined {
  return loaded;
}

const waiting = new WeakMap<object, Promise<RecordRules>>();

/**
 * The rules, awaited inside an IndexedDB transaction without letting it commit: until they are there, a read of
 * `store` is kept pending (as Dexie.waitFor does), and every write of the transaction waits on the same promise, so
 * they reach IndexedDB in the order they were made.
 */
export function recordRulesWithin(trans: IDBTransaction, store: string): Promise<RecordRules> {
  if (loaded) return Promise.resolve(loaded);
  let p = waiting.get(trans);
  if (!p) {
    p = new Promise<RecordRules>((resolve, reject) => {
      let outcome: { rules: RecordRules } | { error: unknown } | undefined;
      loadRecordRules().then(
        (rules) => (outcome = { rules }),
        (error: unknown) => (outcome = { error }),
      );
      const os = trans.objectStore(store);
      const spin = (): void => {
        if (outcome) {
          if ('rules' in outcome) resolve(outcome.rules);
          else reject(outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)));
          return;
        }
        const req = os.get(-Infinity);
        req.onsuccess = spin;
        req.onerror = () => reject(req.error ?? new Error('keeping the transaction alive failed'));
      };
      spin();
    });
    waiting.set(trans, p);
  }
  return p;
}
