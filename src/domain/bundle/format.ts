import { canonicalJsonPieces, sha256HexOfPieces } from '../canonicalJson';
import type { VersionedRecord } from '../envelope';
import { decodeWrite, type WriteStamp } from '../writeStamp';
import type { BundleAttachment } from './attachments';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleScope } from './version';
import { SYNCED_TABLES, type SyncedTable } from '../syncedTables';

/**
 * The bundle: one JSON document that carries records between devices of one school (docs/BUNDLE_FORMAT.md).
 *
 * ```
 * { "header":    { format, formatVersion, appVersion, schemaVersion, createdAt, device, school, scope,
 *                  counts, conflictCount, checksum },
 *   "tables":    { "people": [record, …], …every synced table… },
 *   "conflicts": [ { table, recordId, field, write, value }, … ] }
 * ```
 * Records keep their envelope (id, createdAt, updatedAt, hlc, vv, deleted) and every field, known or not.
 * `conflicts` are the values kept for review (same-field conflicts) next to the records they belong to, so that a
 * conflict found on one device is seen on every device the record reaches.
 */
export { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION };
export type { BundleScope };

export interface BundleHeader {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  device: { id: string; name: string };
  school: { id: string; name: string };
  scope: BundleScope;
  counts: Record<string, number>;
  conflictCount: number;
  checksum: string;
  bundleId?: string;
  acks?: Record<string, string>;
  changesFor?: string;
  [extra: string]: unknown;
}

/** A value kept for review beside its record (`KeptValue`); no `value` member: the losing write cleared the field. */
export interface KeptValueEntry {
  table: SyncedTable;
  recordId: string;
  field: string;
  write: WriteStamp;
  value?: unknown;
}

export type SyncedTables = Partial<Record<SyncedTable, VersionedRecord[]>>;

export interface Bundle {
  header: BundleHeader;
  tables: SyncedTables;
  conflicts: KeptValueEntry[];
}

/** A bundle as the import gate hands it over: checked, upgraded, with what it skipped. */
export interface ParsedBundle extends Bundle {
  /** Tables this app does not know (written by a newer one): left out of the import, shown in the preview. */
  ignoredTables: string[];
  /** Names of the migrations that brought it to the current format. */
  migrationsApplied: string[];
  /** Files of materials that came with it (a ZIP bundle), checked against their records; [] for a plain bundle. */
  attachments: BundleAttachment[];
}

/** SHA-256 of the canonical JSON of the body; key order and white space do not matter, any changed value does. */
export function bundleChecksum(tables: unknown, conflicts: unknown): Promise<string> {
  // The text of the whole file is never built: a record at a time (canonicalJsonPieces), the same digest.
  return sha256HexOfPieces(canonicalJsonPieces({ conflicts, tables }));
}

export interface BundleInput {
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  device: { id: string; name: string };
  school: { id: string; name: string };
  scope: BundleScope;
  tables: Partial<Record<SyncedTable, readonly VersionedRecord[]>>;
  conflicts: readonly KeptValueEntry[];
  bundleId?: string;
  acks?: Record<string, string>;
  changesFor?: string;
  /** Leave out empty tables and their zero counts (a delta of a few records, sent as a QR code). */
  compact?: boolean;
}

/**
 * Puts a bundle together: every table present (empty ones too, so a reader sees nothing was cut — unless `compact`:
 * an absent table counts as empty), counts, checksum.
 */
export async function buildBundle(input: BundleInput): Promise<Bundle> {
  const tables: SyncedTables = {};
  const counts: Record<string, number> = {};
  for (const t of SYNCED_TABLES) {
    const list = [...(input.tables[t] ?? [])];
    if (input.compact && list.length === 0) continue;
    tables[t] = list;
    counts[t] = list.length;
  }
  const conflicts = [...input.conflicts];
  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: input.appVersion,
    schemaVersion: input.schemaVersion,
    createdAt: input.createdAt,
    device: { ...input.device },
    school: { ...input.school },
    scope: input.scope,
    counts,
    conflictCount: conflicts.length,
    checksum: await bundleChecksum(tables, conflicts),
    ...(input.bundleId ? { bundleId: input.bundleId } : {}),
    ...(input.acks && Object.keys(input.acks).length ? { acks: { ...input.acks } } : {}),
    ...(input.changesFor ? { changesFor: input.changesFor } : {}),
  };
  return { header, tables, conflicts };
}

/** The file's text. The header comes first, so a person opening the file sees what it is. */
export function serializeBundle(b: Bundle): string {
  return JSON.stringify({ header: b.header, tables: b.tables, conflicts: b.conflicts });
}

/** The highest hlc in the bundle: the importing device's clock moves past it, so its next write sorts later. */
export function maxBundleHlc(b: Pick<Bundle, 'tables' | 'conflicts'>): string | undefined {
  let top: string | undefined;
  for (const list of Object.values(b.tables)) for (const r of list ?? []) if (top === undefined || r.hlc > top) top = r.hlc;
  for (const c of b.conflicts) {
    const h = decodeWrite(c.write).hlc;
    if (top === undefined || h > top) top = h;
  }
  return top;
}
