import { buildBundle, type Bundle, type BundleScope, type KeptValueEntry } from '../../domain/bundle/format';
import type { BundleEncoding } from '../../domain/bundle/fileName';
import { selectKeptVersions, selectScope } from '../../domain/bundle/scope';
import type { VersionedRecord } from '../../domain/envelope';
import { getDeviceId } from '../clock';
import { SYNCED_TABLES, type NastavnikDb, type SyncedTable } from '../db';
import { allKeptRows, localSchool } from './localState';
import { acksFor, peerKnowledge, rememberSent } from './peers';
import { pendingForPeer, selectDelta } from '../../domain/handoff/delta';
import { LAST_EXPORT_KEY, type ExchangeRecord } from './exchanges';
import { AppError } from '../../domain/errors';
import { eraseKeptValue, eraseRecord, erasureScopes, type ErasureFields } from '../../domain/erasure';

// The device's name lives with the other facts about this device (../myself.ts): the home screen reads it without
// loading the exporter.
import { DEVICE_NAME_KEY } from '../myself';
export { DEVICE_NAME_KEY };

export interface ExportOptions {
  /** The whole school (default), or only what the mentor of these pairs/groups needs. */
  scope?: BundleScope;
  /** Only what this device (a peer) has not seen, out of the scope (`selectDelta`). */
  changesFor?: string;
  appVersion: string;
  now?: Date;
}

/**
 * Reads this device's data into a bundle. Tombstones and kept conflict versions go too: a deletion must reach the
 * other devices, and a conflict found here must be seen there. Reads in one transaction, so the bundle is one
 * consistent moment even while another tab writes.
 */
export async function exportBundle(db: NastavnikDb, opts: ExportOptions): Promise<Bundle> {
  const scope = opts.scope ?? { kind: 'school' };
  const snapshot = await db.transaction('rw', [...SYNCED_TABLES, 'conflicts', 'meta', 'peers'], async () => {
    const school = await localSchool(db);
    if (!school) throw new AppError('noSchool', 'Сначала заполните сведения о школе: без них файл обмена не собрать');
    const deviceId = await getDeviceId(db);
    const nameRow = await db.meta.get(DEVICE_NAME_KEY);
    const tables: Partial<Record<SyncedTable, VersionedRecord[]>> = {};
    for (const t of SYNCED_TABLES) tables[t] = (await db.syncedTable(t).toArray()) as VersionedRecord[];
    const kept: KeptValueEntry[] = (await allKeptRows(db)).map((k) => ({
      table: k.table,
      recordId: k.recordId,
      field: k.field,
      write: k.write,
      ...(Object.hasOwn(k, 'value') ? { value: k.value } : {}),
    }));
    const known = opts.changesFor ? await peerKnowledge(db, opts.changesFor) : {};
    const acks = await acksFor(db);
    return { school, deviceId, deviceName: typeof nameRow?.value === 'string' ? nameRow.value : '', tables, kept, known, acks };
  });
  const erased = eraseOutgoing(snapshot.tables, snapshot.kept);
  const inScope = scope.kind === 'school' ? erased.tables : selectScope(erased.tables, scope.mentorshipIds);
  const scoped = { tables: inScope, kept: selectKeptVersions(inScope, erased.kept) };
  const { tables, kept } = opts.changesFor ? selectDelta(scoped.tables, scoped.kept, snapshot.known) : scoped;
  // The checksum is WebCrypto, which must not run inside an IndexedDB transaction (it would commit it early).
  return buildBundle({
    appVersion: opts.appVersion,
    schemaVersion: db.verno,
    createdAt: (opts.now ?? new Date()).toISOString(),
    device: { id: snapshot.deviceId, name: snapshot.deviceName },
    school: snapshot.school,
    scope,
    tables,
    conflicts: kept,
    bundleId: crypto.randomUUID(),
    acks: snapshot.acks,
    ...(opts.changesFor ? { changesFor: opts.changesFor, compact: true } : {}),
  });
}

/**
 * The safety net of erasure (docs/ERASURE.md): every outgoing record and kept value passes through the erasures this
 * device holds, their scopes computed from the whole database now — a plan item saved after the erasure, a pair
 * that lists her since, a write made in a transaction that skipped the check: nothing personal of an erased person
 * leaves the device. Anonymised in place (the stamps stay, as everywhere), a removed record is left out.
 */
export function eraseOutgoing(
  tables: Partial<Record<SyncedTable, VersionedRecord[]>>,
  kept: readonly KeptValueEntry[],
): { tables: Partial<Record<SyncedTable, VersionedRecord[]>>; kept: KeptValueEntry[] } {
  const erasures = (tables.erasures ?? []) as unknown as ErasureFields[];
  if (!erasures.length) return { tables, kept: [...kept] };
  const all = SYNCED_TABLES.flatMap((t) => (tables[t] ?? []).map((record) => ({ table: t, record })));
  const scopes = erasureScopes(erasures, all);
  const out: Partial<Record<SyncedTable, VersionedRecord[]>> = {};
  const owners = new Map<string, VersionedRecord>();
  const removed = new Set<string>();
  for (const t of SYNCED_TABLES) {
    const list = tables[t];
    if (!list) continue;
    out[t] = list.flatMap((r) => {
      owners.set(`${t}|${r.id}`, r);
      const e = eraseRecord(scopes, t, r);
      if (e.kind === 'remove') {
        removed.add(`${t}|${r.id}`);
        return [];
      }
      return [e.kind === 'anonymised' ? e.record : r];
    });
  }
  const keptOut = kept.flatMap((k) => {
    const key = `${k.table}|${k.recordId}`;
    if (removed.has(key)) return [];
    const owner = owners.get(key);
    const e = owner ? eraseKeptValue(scopes, k.table, owner, k) : 'unchanged';
    return e === 'remove' ? [] : e === 'unchanged' ? [k] : [e];
  });
  return { tables: out, kept: keptOut };
}

/** Writes the export into the history once the file is saved or shared, and remembers when the last backup was made. */
export async function recordExport(
  db: NastavnikDb,
  bundle: Bundle,
  file: { fileName?: string; encoding?: BundleEncoding; bytes?: number; files?: number } = {},
  now: Date = new Date(),
): Promise<ExchangeRecord> {
  const h = bundle.header;
  const perTable: ExchangeRecord['perTable'] = {};
  let total = 0;
  for (const t of SYNCED_TABLES) {
    const n = bundle.tables[t]?.length ?? 0;
    total += n;
    if (n) perTable[t] = { new: n, updated: 0, unchanged: 0, conflict: 0 };
  }
  const row: ExchangeRecord = {
    id: crypto.randomUUID(),
    at: now.toISOString(),
    direction: 'export',
    device: { ...h.device },
    school: { ...h.school },
    scope: h.scope,
    bundleCreatedAt: h.createdAt,
    formatVersion: h.formatVersion,
    appVersion: h.appVersion,
    counts: { new: total, updated: 0, unchanged: 0, conflict: h.conflictCount },
    perTable,
    ...file,
  };
  await db.transaction('rw', db.exchanges, db.meta, async () => {
    await db.exchanges.put(row);
    if (h.scope.kind === 'school' && !h.changesFor) await db.meta.put({ key: LAST_EXPORT_KEY, value: row.at });
  });
  if (h.changesFor) await rememberSent(db, h.changesFor, bundle, row.at);
  return row;
}

/**
 * What «Отправить куратору» would carry to that device now, out of these pairs/groups: records no file has taken
 * yet, and records sent in a file the curator has not acknowledged yet.
 */
export async function pendingFor(db: NastavnikDb, mentorshipIds: readonly string[], peerId: string): Promise<{ unsent: number; awaiting: number }> {
  return db.transaction('r', [...SYNCED_TABLES, 'peers'], async () => {
    const tables: Partial<Record<SyncedTable, VersionedRecord[]>> = {};
    for (const t of SYNCED_TABLES) tables[t] = (await db.syncedTable(t).toArray()) as VersionedRecord[];
    const peer = await db.peers.get(peerId);
    return pendingForPeer(selectScope(tables, mentorshipIds), peer?.known ?? {}, peer?.sent ?? []);
  });
}
