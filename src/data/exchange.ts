/**
 * What «Обмен» and «Конфликты» read, followed live: the records in conflict, the history of exchanges, the last
 * export and the import «Отменить» would take back, the devices this one exchanged with, the records set aside at an
 * upgrade and the material files a file could carry. Each hook is `undefined` while it is read.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type PeerRow, type SetAsideRow } from '../storage/db';
import { conflictCount, listConflicts, type ConflictGroup } from '../storage/bundle/conflicts';
import { lastExportAt, listExchanges, type ExchangeRecord } from '../storage/bundle/exchanges';
import { lastImportSnapshot, undoDroppedByErasure } from '../storage/bundle/undoImport';
import type { ImportSnapshot } from '../storage/bundle/importBundle';
import { materialFilesSummary } from '../storage/bundle/attachments';
import { listPeers } from '../storage/bundle/peers';
import { listSetAside } from '../storage/setAside';

export type { SetAsideRow };

/** The records in conflict a person must settle, most recently found first. */
export function useConflicts(): ConflictGroup[] | undefined {
  return useLiveQuery(() => listConflicts(getDb()), []);
}

/** How many records are in conflict (0 without reading them when nothing is kept). */
export function useConflictCount(): number | undefined {
  return useLiveQuery(() => conflictCount(getDb()), []);
}

/** Every exchange of this device, newest first: files written and read, QR hand-offs. */
export function useExchangeHistory(): ExchangeRecord[] | undefined {
  return useLiveQuery(() => listExchanges(getDb()), []);
}

/** The names other devices gave themselves, by device id, as their files said (devices without a name left out). */
export function useDeviceNames(): Map<string, string> | undefined {
  return useLiveQuery(async () => new Map((await listExchanges(getDb())).filter((e) => e.device.name).map((e) => [e.device.id, e.device.name])), []);
}

/** When this device last wrote a file; `null` when it never has. */
export function useLastExportAt(): string | null | undefined {
  return useLiveQuery(() => lastExportAt(getDb()).then((x) => x ?? null), []);
}

/** The import «Отменить импорт» would take back; `null` when there is none. */
export function useLastImportSnapshot(): ImportSnapshot | null | undefined {
  return useLiveQuery(() => lastImportSnapshot(getDb()).then((x) => x ?? null), []);
}

/** The import whose undo an erasure made impossible (its snapshot was dropped); `null` when there is none. */
export function useUndoDroppedByErasure(): ExchangeRecord | null | undefined {
  return useLiveQuery(() => undoDroppedByErasure(getDb()).then((x) => x ?? null), []);
}

/** The devices this one exchanged with, for a changes-only file. */
export function usePeers(): PeerRow[] | undefined {
  return useLiveQuery(() => listPeers(getDb()), []);
}

/** Records the database upgrade set aside because they break their table's rules. */
export function useSetAsideRecords(): SetAsideRow[] | undefined {
  return useLiveQuery(() => listSetAside(getDb()), []);
}

/** The materials' attached files this device holds: how many, their size, and how many are missing. */
export function useMaterialFilesSummary(): { count: number; bytes: number; missing: number } | undefined {
  return useLiveQuery(() => materialFilesSummary(getDb()), []);
}
