/**
 * What the erasure pages read, followed live: this device's log of erasures, one line of it, whether a person's data
 * was destroyed, and «Какие данные хранятся» of one person. Each hook is `undefined` while it is read.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Erasure } from '../domain/erasure';
import type { ErasureActInput } from '../domain/erasureAct';
import type { Person } from '../domain/person';
import { personDataReport, reportRecordIds, type PersonDataReport } from '../domain/personDataReport';
import { getDb, type ErasureLogRow } from '../storage/db';
import { erasureOf, listErasureLog } from '../storage/erasure';
import { loadPersonDataRecords, localCopiesOf } from '../storage/personData';

/** This device's log of erasures (kept three years). */
export function useErasureLog(): ErasureLogRow[] | undefined {
  return useLiveQuery(() => listErasureLog(getDb()), []);
}

/** One line of this device's erasure log, by its id; `null` when the log has no such line. */
export function useErasureLogEntry(id: string): ErasureLogRow | null | undefined {
  return useLiveQuery(() => listErasureLog(getDb()).then((log) => log.find((e) => e.id === id) ?? null), [id]);
}

export interface PersonErasure {
  erasure: Erasure;
  /** This device's log line of it, if it logged one (and the three years have not passed): the act is made from it. */
  entry: ErasureActInput | null;
}

/** Whether this person's data has been destroyed: `null` when it has not. */
export function usePersonErasure(personId: string): PersonErasure | null | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const erasure = await erasureOf(db, personId);
    if (!erasure || erasure.deleted) return null;
    const entry = (await listErasureLog(db)).find((l) => l.personId === personId) ?? null;
    return { erasure, entry };
  }, [personId]);
}

/**
 * «Какие данные хранятся» about one person as of `today`: the report (`null` when there is no such person) and the
 * person's stored record (`undefined` when there is none).
 */
export function usePersonDataReport(personId: string, today: string): { doc: PersonDataReport | null; person: Person | undefined } | undefined {
  return useLiveQuery(async () => {
    const records = await loadPersonDataRecords();
    const bare = personDataReport(personId, records, today);
    const doc = bare && personDataReport(personId, records, today, await localCopiesOf(personId, reportRecordIds(bare)));
    return { doc, person: records.people?.find((p) => p.id === personId) };
  }, [personId, today]);
}
