import { attachmentsToStore, type BundleAttachment } from '../../domain/bundle/attachments';
import type { BundleError } from '../../domain/bundle/errors';
import { maxBundleHlc, type ParsedBundle } from '../../domain/bundle/format';
import { checkSchool } from '../../domain/bundle/parse';
import { err, ok, type Result } from '../../domain/bundle/result';
import { loadedRecordRules, loadRecordRulesOutsideTransaction } from '../recordRulesLoader';
import { sameJson } from '../../domain/canonicalJson';
import { decodeHlc, encodeHlc, receiveHlc } from '../../domain/hlc';
import { keptHas, keptKey, mergeTable, toRecordStates, type MergeOutcome, type RecordChange, type RecordState, type VersionedRecord } from '../../domain/merge';
import { clockWarnings, type ClockWarning } from '../../domain/clockSkew';
import { markChecked } from '../writePath';
import { heldData, noteImportForRole } from '../deviceRole';
import { learnFromImport } from './peers';
import { getDeviceId } from '../clock';
import { SYNCED_TABLES, type NastavnikDb, type SnapshotRow, type SyncedTable } from '../db';
import { allKeptRows, keptRowId, loadStates, localSchool, type KeptValueRow } from './localState';
import type { ExchangeRecord } from './exchanges';
import { eraseKeptValue, eraseRecord, erasureScopes, type ErasureFields, type ErasureScope } from '../../domain/erasure';
import { applyErasures, marksOf, receivedLogFields, scrubMarks } from '../erasure';
import type { KeptValueEntry } from '../../domain/bundle/format';

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
  /**
   * Records of the file about people whose personal data was destroyed (an erasure here or in the file): skipped, or
   * taken with their personal data erased (docs/ERASURE.md). The UI says «в файле были данные человека, чьи
   * персональные данные уничтожены: N записей — пропущены».
   */
  erasedRecords: number;
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
const IMPORT_TABLES = [...SYNCED_TABLES, 'conflicts', 'exchanges', 'snapshots', 'meta', 'files', 'peers', 'drafts', 'setAside', 'erasureLog'] as const;

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
    erasedRecords: 0,
  };
  const changes: Planned['changes'] = [];
  const fromFile = new Set<object>(Object.values(bundle.tables).flatMap((list) => list ?? []));
  // Erasures known here or brought by the file apply to the file's records and to this device's, before the merge:
  // nothing of an erased person's personal data enters again, whatever the file holds.
  const scopes = await importScopes(db, bundle);
  for (const table of SYNCED_TABLES) {
    let records = bundle.tables[table];
    if (!records?.length) continue;
    let kept = bundle.conflicts.filter((c) => c.table === table);
    if (scopes.length) {
      const erased = eraseIncoming(scopes, table, records, kept);
      records = erased.records;
      kept = erased.kept;
      preview.erasedRecords += erased.count;
      if (!records.length) continue;
    }
    const incoming = toRecordStates(records, kept);
    const local = eraseLocal(scopes, table, await loadStates(db, table, [...incoming.keys()], keptRows));
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
  // (The import's entry points load the rules first; called inside someone else's transaction before they are
  // loaded, this check is left to the write path, which refuses the same records.)
  const rules = loadedRecordRules();
  const refused: Extract<BundleError, { kind: 'mergeRefused' }>['issues'] = [];
  if (rules)
    for (const { table, change } of changes)
      if (!fromFile.has(change.after.record)) for (const p of rules.recordProblems(table, change.after.record)) refused.push({ table, id: change.id, ...p });
  if (refused.length) return err({ kind: 'mergeRefused', issues: refused });
  const files = await filesToAdd(db, bundle, changes);
  preview.files = { count: files.length, bytes: files.reduce((n, f) => n + f.size, 0) };
  return ok({ preview, changes, keptRows, files, fromFile });
}

/** The erasures of this device and of the file, with the pairs and plans each person is in (either side's records). */
async function importScopes(db: NastavnikDb, bundle: ParsedBundle): Promise<ErasureScope[]> {
  const byPerson = new Map<string, ErasureFields>();
  for (const e of [...(await db.erasures.toArray()), ...((bundle.tables.erasures ?? []) as unknown as ErasureFields[])]) {
    const held = byPerson.get(e.personId);
    if (!held || e.erasedOn < held.erasedOn) byPerson.set(e.personId, e);
  }
  if (!byPerson.size) return [];
  const related: { table: SyncedTable; record: Record<string, unknown> }[] = [];
  for (const t of ['mentorships', 'plans'] as const) {
    for (const r of await db.syncedTable(t).toArray()) related.push({ table: t, record: r });
    for (const r of bundle.tables[t] ?? []) related.push({ table: t, record: r });
  }
  return erasureScopes([...byPerson.values()], related);
}

/** The file's records of one table with the erasures applied; `count`: how many were skipped or stripped. */
function eraseIncoming(
  scopes: readonly ErasureScope[],
  table: SyncedTable,
  records: readonly VersionedRecord[],
  kept: readonly KeptValueEntry[],
): { records: VersionedRecord[]; kept: KeptValueEntry[]; count: number } {
  const out: VersionedRecord[] = [];
  const owners = new Map<string, VersionedRecord>();
  const touched = new Set<string>();
  for (const r of records) {
    const e = eraseRecord(scopes, table, r);
    owners.set(r.id, r);
    if (e.kind === 'remove') touched.add(r.id);
    else if (e.kind === 'anonymised') {
      touched.add(r.id);
      out.push(e.record);
    } else out.push(r);
  }
  const keptOut: KeptValueEntry[] = [];
  for (const k of kept) {
    const owner = owners.get(k.recordId);
    const e = owner ? eraseKeptValue(scopes, table, owner, k) : 'unchanged';
    if (e === 'remove') touched.add(k.recordId);
    else if (e === 'unchanged') keptOut.push(k);
    else {
      touched.add(k.recordId);
      keptOut.push(e);
    }
  }
  return { records: out, kept: keptOut, count: touched.size };
}

/** This device's states with the erasures applied (already so after `applyErasures`; the preview does it in memory). */
function eraseLocal(scopes: readonly ErasureScope[], table: SyncedTable, states: Map<string, RecordState>): Map<string, RecordState> {
  if (!scopes.length) return states;
  const out = new Map<string, RecordState>();
  for (const [id, s] of states) {
    const e = eraseRecord(scopes, table, s.record);
    if (e.kind === 'remove') continue;
    const record = e.kind === 'anonymised' ? e.record : s.record;
    const kept = s.kept.flatMap((k) => {
      const x = eraseKeptValue(scopes, table, s.record, k);
      return x === 'remove' ? [] : x === 'unchanged' ? [k] : [x];
    });
    out.set(id, { record, kept });
  }
  return out;
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
  await loadRecordRulesOutsideTransaction();
  const r = await db.transaction('r', [...SYNCED_TABLES, 'conflicts', 'files'], () => plan(db, bundle, now));
  return r.ok ? ok(r.value.preview) : r;
}

/**
 * Applies a checked bundle in one transaction over every synced table and the local bookkeeping: either all of it
 * lands (records, kept versions, the undo snapshot, the clock, the history line) or nothing does.
 */
export async function applyImport(db: NastavnikDb, bundle: ParsedBundle, now: Date = new Date()): Promise<Result<ImportReport, BundleError>> {
  await loadRecordRulesOutsideTransaction();
  return db.transaction('rw', [...IMPORT_TABLES], async () => {
    const heldBefore = await heldData(db);
    // An erasure the file brings destroys this device's own copy first, the same way as on the device that erased.
    const school = checkSchool(bundle.header, await localSchool(db));
    if (!school.ok) return school;
    const held = new Set((await db.erasures.toArray()).map((e) => e.personId));
    const arriving = ((bundle.tables.erasures ?? []) as unknown as ErasureFields[]).filter((e) => !held.has(e.personId));
    const related = SYNCED_TABLES.flatMap((t) => (bundle.tables[t] ?? []).map((record) => ({ table: t, record })));
    // A mentor's phone writes no log line with her name (the log is the curator's): applyErasures reads the role; a
    // new device whose first file is a pair file is becoming one (noteImportForRole, below).
    const logFields = bundle.header.scope.kind === 'mentorships' && !heldBefore ? null : await receivedLogFields(db, bundle.header.device.name);
    if (arriving.length) await applyErasures(db, arriving, { related, now, fresh: true, log: logFields });
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
      // An erasure is never taken back by an undo: the data it destroyed is gone either way.
      records: changes
        .filter(({ table }) => table !== 'erasures')
        .map(({ table, change }) => ({ table, id: change.id, before: change.before?.record ?? null, afterVv: change.after.record.vv })),
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

    // Every erasure held, once more over everything the import touched (idempotent: a second pass changes nothing):
    // a pair that lists her only in this file's version, a meeting this device kept unchanged because its version
    // equals the file's, are erased here as on the device that sent it — two devices converge (docs/ERASURE.md).
    const allHeld = await db.erasures.toArray();
    let deviceName = bundle.header.device.name;
    if (allHeld.length) {
      await applyErasures(db, allHeld, { related, now, log: logFields });
      // The file's header names the device that made it: a phone named after her does not bring her name back into
      // the history of exchanges and the peers' names (her marks from every version of her row, the file's included).
      for (const marks of (await marksOf(db, allHeld, undefined, related)).values()) deviceName = scrubMarks(deviceName, marks) as string;
    }
    const h = deviceName === bundle.header.device.name ? bundle.header : { ...bundle.header, device: { ...bundle.header.device, name: deviceName } };
    await learnFromImport(db, h === bundle.header ? bundle : { ...bundle, header: h }, await getDeviceId(db), at);
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
