import type { BundleScope } from '../../domain/bundle/format';
import type { BundleEncoding } from '../../domain/bundle/fileName';
import type { MergeOutcome } from '../../domain/merge';
import type { ExchangeRow, NastavnikDb, SyncedTable } from '../db';

/** One line of the exchange history: a bundle made here, or one imported here. */
export interface ExchangeRecord extends ExchangeRow {
  direction: 'import' | 'export';
  /** For an import, the device that made the bundle (as its file says); for an export, this device. */
  device: { id: string; name: string };
  school: { id: string; name: string };
  scope: BundleScope;
  bundleCreatedAt: string;
  formatVersion: number;
  appVersion: string;
  /** Records per outcome (an export counts everything it wrote as `new`). */
  counts: Record<MergeOutcome, number>;
  perTable: Partial<Record<SyncedTable, Record<MergeOutcome, number>>>;
  fileName?: string;
  encoding?: BundleEncoding;
  bytes?: number;
  /** Files of materials the bundle carried (an export) or that the import stored. */
  files?: number;
  /** Set when the import was undone; the line stays, so the history is honest. */
  undoneAt?: string;
  /** Set when an erasure made after this import destroyed its undo data (docs/ERASURE.md): it can no longer be undone. */
  undoDroppedOn?: string;
}

/** Newest first. */
export async function listExchanges(db: NastavnikDb): Promise<ExchangeRecord[]> {
  return (await db.exchanges.orderBy('at').reverse().toArray()) as ExchangeRecord[];
}

export const LAST_EXPORT_KEY = 'lastExportAt';

/** When this device last made a bundle: the backup reminder reads it. */
export async function lastExportAt(db: NastavnikDb): Promise<string | undefined> {
  const row = await db.meta.get(LAST_EXPORT_KEY);
  return typeof row?.value === 'string' ? row.value : undefined;
}
