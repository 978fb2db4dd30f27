import { attachmentsToStore, type BundleAttachment } from '../../domain/bundle/attachments';
import type { BundleError } from '../../domain/bundle/errors';
import { maxBundleHlc, type ParsedBundle } from '../../domain/bundle/format';
import { checkSchool } from '../../domain/bundle/parse';
import { err, ok, type Result } from '../../domain/bundle/result';
import { recordProblems } from '../../domain/recordRules';
import { sameJson } from '../../domain/canonicalJson';
import { decodeHlc, encodeHlc, receiveHlc } from '../../domain/hlc';
import { keptHas, keptKey, mergeTable, toRecordStates, type MergeOutcome, type RecordChange, type VersionedRecord } from '../../domain/merge';
import { clockWarnings, type ClockWarning } from '../../domain/clockSkew';
import { markChecked } from '../writePath';
import { heldData, noteImportForRole } from '../deviceRole';
import { learnFromImport } from './peers';
import { getDeviceId } from '../clock';
import { SYNCED_TABLES, type NastavnikDb, type SnapshotRow, type SyncedTable } from '../db';
import { allKeptRows, keptRowId, loadStates, localSchool, type KeptValueRow } from './localState';
import type { ExchangeRecord } from './exchanges';

export type OutcomeCounts = Record<MergeOutcome, number>;

export interface ImportPreview {
  total: OutcomeCounts;
  perTable: Partial<Record<SyncedTable, OutcomeCounts>>;
  /** Records that will show in «Конфликты» after the import. */
  conflicts: { table: SyncedTable; recordId: string }[];
  /** Tables of a newer app that this one leaves out. */
  ignoredTables: string[];
  /** Files of materials the bundle brings that this device lacks. */
  files: { count: number; bytes: number };
  /** Devices whose clock looks wrong, judged from the bundle's stamps against this device's clock. */
  clock: ClockWarning[];
}

export interface ImportReport extends ImportPreview {
  exchangeId: string;
}

/** What "undo the last import" needs to put everything back: every record and kept version it changed. */
export interface ImportSnapshot extends SnapshotRow {
  exchangeId: string;
  at: string;
  /** `after`: the vv the import left, to tell whether the record was written since. */
  records: { table: SyncedTable; id: string; before: VersionedRecord | null; afterVv: Record<string, number> }[];
  keptBefore: KeptValueRow[];
  keptAdded: string[];
  /** Files of materials the import stored; undo removes them. */
  filesAdded?: string[];
}

const zero = (): OutcomeCounts => ({ new: 0, updated: 0, unchanged: 0, conflict: 0 });
const IMPORT_TABLES = [...SYNCED_TABLES, 'conflicts', 'exchanges', 'snapshots', 'meta', 'files', 'peers'] as const;

interface Planned {
  preview: ImportPreview;
  changes: { table: SyncedTable; change: RecordChange }[];
  keptRows: KeptValueRow[];
  files: BundleAttachment[];
  /** The file's own records (already checked by the gate). */
  fromFile: ReadonlySet<object>;
}

/** The merge of the bundle into this device's data, computed without writing. Inside a transaction. */
async function plan(db: NastavnikDb, bundle: ParsedBundle, now: Date): Promise<Result<Planned, BundleError>> {
  const school = checkSchool(bundle.header, await localSchool(db));
  if (!school.ok) return school;
  const keptRows = await allKeptRows(db);
  const preview: ImportPreview = {
    total: zero(),
    perTable: {},
    conflicts: [],
    ignoredTables: [...bundle.ignoredTables],
    files: { count: 0, bytes: 0 },
    clock: clockWarnings(bundle, now.getTime()),
  };
  const changes: Planned['changes'] = [];
  const fromFile = new Set<object>(Object.values(bundle.tables).flatMap((list) => list ?? []));
  for (const table of SYNCED_TABLES) {
    const records = bundle.tables[table];
    if (!records?.length) continue;
    const incoming = toRecordStates(records, bundle.conflicts.filter((c) => c.table === table));
    const local = await loadStates(db, table, [...incoming.keys()], keptRows);
    const merged = mergeTable(local, incoming.values());
    preview.perTable[table] = merged.counts;
    for (const o of Object.keys(merged.counts) as MergeOutcome[]) preview.total[o] += merged.counts[o];
    for (const c of merged.changes) {
      changes.push({ table, change: c });
      if (c.outcome === 'conflict') preview.conflicts.push({ table, recordId: c.id });
    }
  }
  // A merge takes each field group from its latest write, so valid records give valid records; only a forged file
  // (stamps that split a group) could give one its rules refuse. The write path would refuse it too; say so here.
  const refused: Extract<BundleError, { kind: 'mergeRefused' }>['issues'] = [];
  for (const { table, change } of changes)
    if (!fromFile.has(change.after.record)) for (const p of recordProblems(table, change.after.record)) refused.push({ table, id: change.id, ...p });
  if (refused.length) return err({ kind: 'mergeRefused', issues: refused });
  const files = await filesToAdd(db, bundle, changes);
  preview.files = { count: files.length, bytes: files.reduce((n, f) => n + f.size, 0) };
  return ok({ preview, changes, keptRows, files, fromFile });
}

/** The bundle's files that this device takes (`attachmentsToStore`), read in the import's transaction. */
async function filesToAdd(db: NastavnikDb, bundle: ParsedBundle, changes: Planned['changes']): Promise<BundleAttachment[]> {
  if (!bundle.attachments.length) return [];
  const merged = new Map(changes.filter((c) => c.table === 'materials').map((c) => [c.change.id, c.change.after.record]));
  const ids = bundle.attachments.map((a) => a.id);
  const [local, held] = await Promise.all([db.materials.bulkGet(ids), db.files.bulkGet(ids)]);
  const index = new Map(ids.map((id, i) => [id, i]));
  return attachmentsToStore(
    bundle.attachments,
    (id) => merged.get(id) ?? local[index.get(id)!],
    (id) => !!held[index.get(id)!],
  );
}

/** Counts per table of what the import would do: new, updated, unchanged, in conflict. Writes nothing. */
export async function previewImport(db: NastavnikDb, bundle: ParsedBundle, now: Date = new Date()): Promise<Result<ImportPreview, BundleError>> {
  const r = await db.transaction('r', [...SYNCED_TABLES, 'conflicts', 'files'], () => plan(db, bundle, now));
  return r.ok ? ok(r.value.preview) : r;
}

/**
 * Applies a checked bundle in one transaction over every synced table and the local bookkeeping: either all of it
 * lands (records, kept versions, the undo snapshot, the clock, the history line) or nothing does.
 */
export async function applyImport(db: NastavnikDb, bundle: ParsedBundle, now: Date = new Date()): Promise<Result<ImportReport, BundleError>> {
  return db.transaction('rw', [...IMPORT_TABLES], async () => {
    const heldBefore = await heldData(db);
    const planned = await plan(db, bundle, now);
    if (!planned.ok) return planned;
    const { preview, changes, keptRows, files, fromFile } = planned.value;
    const at = now.toISOString();
    const exchangeId = crypto.randomUUID();

    // Kept versions: rows of the changed records that go or change, and rows that appear.
    const keptById = new Map(keptRows.map((k) => [k.id, k]));
    const keptBefore: KeptValueRow[] = [];
    const keptAdded: string[] = [];
    const keptPut: KeptValueRow[] = [];
    const keptDelete: string[] = [];
    for (const { table, change } of changes) {
      const after = new Map(change.after.kept.map((v) => [keptRowId(table, change.id, v.field, v.write), v]));
      for (const v of change.before?.kept ?? []) {
        const id = keptRowId(table, change.id, v.field, v.write);
        const next = after.get(id);
        if (next && keptKey(next) === keptKey(v) && keptHas(next) === keptHas(v) && sameJson(next.value, v.value)) after.delete(id);
        else {
          keptBefore.push(keptById.get(id)!);
          if (!next) keptDelete.push(id);
        }
      }
      for (const [id, version] of after) {
        if (!keptById.has(id)) keptAdded.push(id);
        keptPut.push({ ...version, id, table, recordId: change.id, detectedAt: keptById.get(id)?.detectedAt ?? at });
      }
    }

    const snapshot: ImportSnapshot = {
      id: exchangeId,
      exchangeId,
      at,
      records: changes.map(({ table, change }) => ({ table, id: change.id, before: change.before?.record ?? null, afterVv: change.after.record.vv })),
      keptBefore,
      keptAdded,
      filesAdded: files.map((f) => f.id),
    };
    // Only the last import that changed something can be undone: older snapshots would restore over later imports,
    // and an import that changed nothing (the same file twice) must not hide the one the user means to undo.
    if (changes.length || files.length) {
      await db.snapshots.clear();
      await db.snapshots.put(snapshot);
    }

    for (const table of SYNCED_TABLES) {
      const rows = changes.filter((c) => c.table === table).map((c) => c.change.after.record);
      // A record the file brought unchanged was checked by the import gate; a merged one goes through the write path's check.
      markChecked(rows.filter((r) => fromFile.has(r)));
      if (rows.length) await db.syncedTable(table).bulkPut(rows);
    }
    await db.conflicts.bulkDelete(keptDelete);
    await db.conflicts.bulkPut(keptPut);
    if (files.length) await db.files.bulkPut(files.map((f) => ({ id: f.id, blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.mimeType }) })));

    // The next local write must sort after everything the bundle brought.
    const top = maxBundleHlc(bundle);
    if (top) {
      const deviceId = await getDeviceId(db);
      const row = await db.meta.get('hlc');
      const local = typeof row?.value === 'string' ? decodeHlc(row.value) : null;
      await db.meta.put({ key: 'hlc', value: encodeHlc(receiveHlc(local, decodeHlc(top), deviceId, now.getTime())) });
    }

    const h = bundle.header;
    await learnFromImport(db, bundle, await getDeviceId(db), at);
    await noteImportForRole(
      db,
      { scope: h.scope, deviceId: h.device.id, deviceName: h.device.name, mentorships: (bundle.tables.mentorships ?? []) as { id: string; mentorIds?: unknown }[] },
      heldBefore,
    );
    const exchange: ExchangeRecord = {
      id: exchangeId,
      at,
      direction: 'import',
      device: { id: h.device.id, name: h.device.name },
      school: { id: h.school.id, name: h.school.name },
      scope: h.scope,
      bundleCreatedAt: h.createdAt,
      formatVersion: h.formatVersion,
      appVersion: h.appVersion,
      counts: preview.total,
      perTable: preview.perTable,
      ...(files.length ? { files: files.length } : {}),
    };
    await db.exchanges.put(exchange);
    return ok({ ...preview, exchangeId });
  });
}
